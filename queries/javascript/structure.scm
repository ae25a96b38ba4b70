; Functions: the scope of fingerprints (and of dataflow, later). Shared with TypeScript, so only
; node types both grammars have.
(function_declaration
  name: (identifier) @function.name) @function

(generator_function_declaration
  name: (identifier) @function.name) @function

(method_definition
  name: (property_identifier) @function.name) @function

(variable_declarator
  name: (identifier) @function.name
  value: [(arrow_function) (function_expression)]) @function

(pair
  key: (property_identifier) @function.name
  value: [(arrow_function) (function_expression)]) @function
