; The def-use skeleton (shared with TypeScript, so only node types both grammars have):
; scopes, parameters, blocks, assignments, returns and calls.

; Functions are scopes; a function stored in a variable or property takes that name.
(function_declaration
  name: (identifier) @function.name) @function
(generator_function_declaration
  name: (identifier) @function.name) @function
(method_definition
  name: (property_identifier) @function.name) @function
(variable_declarator
  name: (identifier) @function.name
  value: [(arrow_function) (function_expression)] @function)
(pair
  key: (property_identifier) @function.name
  value: [(arrow_function) (function_expression)] @function)
(arrow_function) @function
(function_expression) @function

; Parameters: javascript-only/ and typescript/ spell them differently.
(arrow_function parameter: (identifier) @param)

(statement_block) @block
(switch_case) @block
; A branch or loop body without braces is a block of its own.
(if_statement consequence: (_) @block)
(else_clause (_) @block)
(for_statement body: (_) @block)
(while_statement body: (_) @block)

; const q = value; q = value
(variable_declarator
  name: (identifier) @assign.target
  value: (_) @assign.value) @assign
(assignment_expression
  left: (identifier) @assign.target
  right: (_) @assign.value) @assign
; q += value; parts.push(value)
(augmented_assignment_expression
  left: (identifier) @assign.target
  operator: "+="
  right: (_) @assign.value) @assign.append
((call_expression
   function: (member_expression
     object: (identifier) @assign.target
     property: (property_identifier) @_method)
   arguments: (arguments . (_) @assign.value .))
 (#any-of? @_method "push" "unshift" "add")) @assign.append

(return_statement (_) @return.value)
(arrow_function
  body: [
    (template_string) (binary_expression) (call_expression) (identifier) (string)
    (member_expression) (ternary_expression) (parenthesized_expression)
    (subscript_expression) (await_expression)
  ] @return.value)

; Calls of functions and methods by name, with their positional arguments (one match per
; argument; a plain `(_)?` costs far less than an alternation of argument kinds).
(call_expression
  function: [
    (identifier) @call.name
    (member_expression property: (property_identifier) @call.name)
  ]
  arguments: (arguments (_)? @call.arg)) @call

; Allow-lists: where a variable is known to be a member of a collection.
; if (ALLOWED.includes(col)) { <holds here> }   (also Set.has)
((if_statement
   condition: (parenthesized_expression
     (call_expression
       function: (member_expression
         object: (_) @guard.allowlist
         property: (property_identifier) @_method)
       arguments: (arguments . (identifier) @guard.subject .)))
   consequence: (_) @guard.region)
 (#any-of? @_method "includes" "has"))
; if (!ALLOWED.includes(col)) throw …; (holds after the if)
((if_statement
   condition: (parenthesized_expression
     (unary_expression
       operator: "!"
       argument: (call_expression
         function: (member_expression
           object: (_) @guard.allowlist
           property: (property_identifier) @_method)
         arguments: (arguments . (identifier) @guard.subject .))))
   consequence: [
     (statement_block
       [(throw_statement) (return_statement) (continue_statement) (break_statement)])
     (throw_statement)
     (return_statement)
   ]) @guard.after
 (#any-of? @_method "includes" "has"))
; ALLOWED.includes(col) ? col : "id"
((ternary_expression
   condition: (call_expression
     function: (member_expression
       object: (_) @guard.allowlist
       property: (property_identifier) @_method)
     arguments: (arguments . (identifier) @guard.subject .))
   consequence: (_) @guard.region)
 (#any-of? @_method "includes" "has"))
