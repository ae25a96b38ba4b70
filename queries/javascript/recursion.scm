; Recursion (rule unbounded-loop): calls that may reach the function around them by its own
; name, which functions are methods, and the parts of a function that may not run. Shared by
; JavaScript and TypeScript.

; walk(node): a bare call reaches a function declaration or a function stored in a variable
; (`const walk = (node) => …`); inside a method the bare name is something else.
((call_expression function: (identifier) @recurse.name) @recurse
 (#set! words "function =>"))

; this.walk(node): inside a method, a call through `this` reaches it (a subclass's override is
; the method itself when it is the one running).
((call_expression
   function: (member_expression
     object: (this) @recurse.receiver
     property: (property_identifier) @recurse.name)) @recurse
 (#set! words "this"))

; Methods: class and object-literal methods, and functions stored in an object's property
; (whose name is a key, not a variable in scope).
(method_definition) @method
(pair value: [(arrow_function) (function_expression)] @method)

; Parts of a function that may not run.
(if_statement consequence: (_) @branch)
(else_clause) @branch
(ternary_expression consequence: (_) @branch)
(ternary_expression alternative: (_) @branch)
(binary_expression operator: _ @_operator (#any-of? @_operator "&&" "||" "??") right: (_) @branch)
(augmented_assignment_expression operator: _ @_operator (#any-of? @_operator "&&=" "||=" "??=") right: (_) @branch)
(switch_case) @branch
(switch_default) @branch
(catch_clause) @branch
