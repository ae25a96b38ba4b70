; Recursion (rule unbounded-loop): calls that may reach the function around them by its own
; name, which functions are methods, and the parts of a function that may not run.

; walk(node): a bare call reaches a free function (inside an `impl`, a bare name is a free
; function, never the method).
((call_expression function: (identifier) @recurse.name) @recurse
 (#set! words "fn"))

; self.walk(node), Self::walk(node): inside an inherent method, a call through the receiver or
; `Self` reaches it.
((call_expression
   function: (field_expression
     value: (self) @recurse.receiver
     field: (field_identifier) @recurse.name)) @recurse
 (#set! words "self"))
((call_expression
   function: (scoped_identifier
     path: (identifier) @recurse.receiver
     name: (identifier) @recurse.name)) @recurse
 (#eq? @recurse.receiver "Self"))

; Methods of an inherent `impl`; those of a trait or a trait implementation, where a receiver
; call of the same name may reach an inherent method instead (Rust prefers it).
(impl_item !trait body: (declaration_list (function_item) @method))
(impl_item trait: (_) body: (declaration_list (function_item) @method.trait))
(trait_item body: (declaration_list (function_item) @method.trait))

; Parts of a function that may not run.
(if_expression consequence: (_) @branch)
(else_clause) @branch
(match_arm) @branch
(binary_expression operator: _ @_operator (#any-of? @_operator "&&" "||") right: (_) @branch)
(let_chain) @branch

; A `use` inside a function binds a name there: `use other::walk;` in `fn walk` makes the bare
; call reach the imported function.
(use_declaration argument: (scoped_identifier name: (identifier) @binding))
(use_declaration argument: (use_as_clause alias: (identifier) @binding))
(use_declaration argument: (scoped_use_list list: (use_list (identifier) @binding)))
