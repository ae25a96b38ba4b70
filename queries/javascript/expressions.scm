; How values are built (shared with TypeScript). A template literal with ${…} is a build; one
; without substitutions is a literal.

[(string) (number) (template_string) (true) (false) (null) (undefined) (array) (object)] @expr.literal

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

; Arithmetic: a number when its operands are (`depth - 1`), so a value made from a parameter or
; from request data stays what it was made from.
(binary_expression
   left: (_) @expr.part
   operator: _ @_operator (#any-of? @_operator "-" "*" "/" "%" "**")
   right: (_) @expr.part) @expr.build

; "a".concat(b, c)
((call_expression
   function: (member_expression
     object: (_) @expr.part
     property: (property_identifier) @_method)
   arguments: (arguments (_) @expr.part))
 (#eq? @_method "concat")
 (#set! label "String.concat()")) @expr.build

; parts.join(" AND "): the parts and the separator
((call_expression
   function: (member_expression
     object: (_) @expr.part
     property: (property_identifier) @_method)
   arguments: (arguments))
 (#eq? @_method "join")
 (#set! label "Array.join()")) @expr.build
((call_expression
   function: (member_expression
     property: (property_identifier) @_method)
   arguments: (arguments . (_) @expr.part .))
 (#eq? @_method "join")
 (#set! label "Array.join()")) @expr.build

; Containers and lookups: constant if every element (every value of the table) is.
; (#set! build "choice"): the value is one of the parts, not text assembled from them.
((array (_) @expr.part) @expr.build (#set! build "choice"))
((object (pair value: (_) @expr.part)) @expr.build (#set! build "choice"))
((subscript_expression object: (_) @expr.part) @expr.build (#set! build "choice"))

; cond ? a : b: the value is one of the two branches
((ternary_expression
   consequence: (_) @expr.part
   alternative: (_) @expr.part) @expr.build
 (#set! build "choice"))

; Transparent wrappers.
(parenthesized_expression (_) @expr.inner) @expr.wrapper
(await_expression (_) @expr.inner) @expr.wrapper
((new_expression
   constructor: (identifier) @_class
   arguments: (arguments . (_) @expr.inner .))
 (#any-of? @_class "Set" "Map")) @expr.wrapper
((call_expression
   function: (member_expression
     object: (identifier) @_object
     property: (property_identifier) @_method)
   arguments: (arguments . (_) @expr.inner .))
 (#eq? @_object "Object")
 (#any-of? @_method "keys" "values" "freeze")) @expr.wrapper
((call_expression
   function: (member_expression
     object: (_) @expr.inner
     property: (property_identifier) @_method)
   arguments: (arguments))
 (#any-of? @_method "trim" "toLowerCase" "toUpperCase" "toString" "trimStart" "trimEnd")) @expr.wrapper

; ids.map(() => "?"): the array holds what the callback returns (placeholders are constant).
((call_expression
   function: (member_expression
     property: (property_identifier) @_method)
   arguments: (arguments . (arrow_function body: (_) @expr.part)))
 (#any-of? @_method "map" "flatMap")
 (#set! build "choice")) @expr.build

; String(x) is x as text: as safe as x.
((call_expression
   function: (identifier) @_function
   arguments: (arguments . (_) @expr.inner .))
 (#eq? @_function "String")) @expr.wrapper
