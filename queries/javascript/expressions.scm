; How values are built (shared with TypeScript). A template literal with ${…} is a build; one
; without substitutions is a literal.

[(string) (number) (template_string) (true) (false) (null)] @expr.literal

; `... ${expr} ...`
((template_string
   (template_substitution
     (_) @expr.part)) @expr.build
 (#set! label "template literal"))

; "..." + x
((binary_expression
   left: (_) @expr.part
   operator: "+"
   right: (_) @expr.part) @expr.build
 (#set! label "string concatenation"))

; Transparent wrappers.
(parenthesized_expression (_) @expr.inner) @expr.wrapper

; cond ? a : b: the value is one of the two branches
((ternary_expression
   consequence: (_) @expr.part
   alternative: (_) @expr.part) @expr.build
 (#set! label "conditional expression"))
