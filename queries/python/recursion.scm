; Recursion (rule unbounded-loop): calls that may reach the function around them by its own
; name, which functions are methods, and the parts of a function that may not run.

; walk(node): a bare call reaches a function defined with `def` that is not a method (inside a
; method, a bare name is a module-level function or a builtin, never the method itself).
((call function: (identifier) @recurse.name) @recurse
 (#set! words "def"))

; self.walk(node), cls.build(spec): inside a method, a call through the receiver reaches it.
((call
   function: (attribute
     object: (identifier) @recurse.receiver
     attribute: (identifier) @recurse.name)) @recurse
 (#any-of? @recurse.receiver "self" "cls"))

; Methods: functions defined in a class body, decorated or not.
(class_definition body: (block (function_definition) @method))
(class_definition
  body: (block (decorated_definition definition: (function_definition) @method)))

; Parts of a function that may not run: branches, conditional expressions, the right operand
; of `and` / `or`, match cases, exception handlers and comprehensions (which may iterate over
; nothing; loops and `try` blocks are already known).
(if_statement consequence: (block) @branch)
(elif_clause) @branch
(else_clause) @branch
(conditional_expression) @branch
(boolean_operator right: (_) @branch)
(case_clause) @branch
(except_clause) @branch
[
  (list_comprehension)
  (set_comprehension)
  (dictionary_comprehension)
  (generator_expression)
] @branch

; Local imports bind a name in the function: `from .template import templatize` inside
; `def templatize(…)` makes the bare call reach the imported function.
(import_from_statement name: (dotted_name (identifier) @binding .))
(import_from_statement name: (aliased_import alias: (identifier) @binding))
(import_statement name: (dotted_name . (identifier) @binding))
(import_statement name: (aliased_import alias: (identifier) @binding))
