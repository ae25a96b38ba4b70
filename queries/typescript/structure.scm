; TypeScript-only forms (JavaScript's patterns apply too).
(public_field_definition
  name: (property_identifier) @function.name
  value: [(arrow_function) (function_expression)] @function)

(required_parameter pattern: (identifier) @param)
(optional_parameter pattern: (identifier) @param)
(required_parameter pattern: [(object_pattern) (array_pattern)] @param)
(optional_parameter pattern: [(object_pattern) (array_pattern)] @param)
