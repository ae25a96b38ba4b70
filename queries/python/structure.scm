; The def-use skeleton: scopes, parameters, blocks, assignments, returns and calls.

; Functions (named) and lambdas (anonymous) are scopes.
(function_definition
  name: (identifier) @function.name) @function
(lambda) @function

; Parameters, in order; `self` and `cls` are the receiver, not an argument of the call.
((parameters (identifier) @param)
 (#not-any-of? @param "self" "cls"))
(parameters (default_parameter name: (identifier) @param))
(parameters (typed_parameter (identifier) @param))
(parameters (typed_default_parameter name: (identifier) @param))
(lambda_parameters (identifier) @param)

; Blocks: an assignment in one reaches every later use inside it for certain.
(block) @block

; x = value ; x: T = value
(assignment
  left: (identifier) @assign.target
  right: (_) @assign.value) @assign
; x += value (adds to the value)
(augmented_assignment
  left: (identifier) @assign.target
  operator: "+="
  right: (_) @assign.value) @assign.append
; x -= 1, x *= 2, …: the variable changes (what loops waiting on it need to know); the new value
; depends on the old one, like an append.
(augmented_assignment
  left: (identifier) @assign.target
  operator: _ @_operator (#any-of? @_operator "-=" "*=" "/=" "//=" "%=" "**=" "|=" "&=" "^=" ">>=" "<<=")
  right: (_) @assign.value) @assign.append
; parts.append(value), parts.extend(values), parts.insert(i, value)
((call
   function: (attribute
     object: (identifier) @assign.target
     attribute: (identifier) @_method)
   arguments: (argument_list . (_) @assign.value .))
 (#any-of? @_method "append" "extend" "add")) @assign.append
; with open_cursor() as cur: (the value is the context manager)
(with_item
  value: (as_pattern
    (_) @assign.value
    alias: (as_pattern_target (identifier) @assign.target))) @assign
; walrus: (q := value)
(named_expression
  name: (identifier) @assign.target
  value: (_) @assign.value) @assign

(return_statement (_) @return.value)
(lambda body: (_) @return.value)

; Calls of functions and methods by name, with their positional arguments (one match per
; argument; a plain `(_)?` costs far less than an alternation of argument kinds).
(call
  function: [
    (identifier) @call.name
    (attribute attribute: (identifier) @call.name)
  ]
  arguments: (argument_list (_)? @call.arg)) @call

; Allow-lists: where a variable is known to be a member of a collection.
; if col in ALLOWED: <holds here>
(if_statement
  condition: (comparison_operator
    . (identifier) @guard.subject
    "in"
    (_) @guard.allowlist .)
  consequence: (block) @guard.region)
; if col not in ALLOWED: raise … (holds after the if)
(if_statement
  condition: (comparison_operator
    . (identifier) @guard.subject
    "not in"
    (_) @guard.allowlist .)
  consequence: (block
    [(raise_statement) (return_statement) (continue_statement) (break_statement)])) @guard.after
; assert col in ALLOWED
(assert_statement
  . (comparison_operator
    . (identifier) @guard.subject
    "in"
    (_) @guard.allowlist .)) @guard.after
; col if col in ALLOWED else "id"
(conditional_expression
  . (_) @guard.region
  . (comparison_operator
    . (identifier) @guard.subject
    "in"
    (_) @guard.allowlist .))
