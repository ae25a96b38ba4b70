; Values that cannot carry injected text, or that were quoted for SQL (shared with TypeScript).

; Number(x), parseInt(x), parseFloat(x), Boolean(x), BigInt(x), Math.*(…): numbers and booleans
; (NaN at worst), never text.
((call_expression
   function: (identifier) @_function)
 (#any-of? @_function "Number" "parseInt" "parseFloat" "Boolean" "BigInt")) @sanitizer.convert

((call_expression
   function: (member_expression
     object: (identifier) @_object))
 (#eq? @_object "Math")) @sanitizer.convert

((member_expression
   property: (property_identifier) @_property)
 (#eq? @_property "length")) @sanitizer.size

; mysql / mysql2 escape(), escapeId(); pg escapeIdentifier(), escapeLiteral(); sqlstring;
; TypeORM escapePath().
((call_expression
   function: [
     (identifier) @_function
     (member_expression property: (property_identifier) @_function)
   ])
 (#any-of? @_function "escape" "escapeId" "escapeIdentifier" "escapeLiteral" "quoteIdentifier" "escapePath")) @sanitizer.sql

; a - b, a * b, a / b, a % b, a ** b, -a: always numbers in JavaScript.
(binary_expression
  operator: _ @_operator (#any-of? @_operator "-" "*" "/" "%" "**")) @sanitizer.convert
(unary_expression
  operator: _ @_operator (#any-of? @_operator "-" "+" "~" "!")) @sanitizer.convert

; knex's identifier quoting: formatter.wrap(name), this.formatter.columnize(columns).
((call_expression
   function: (member_expression
     object: (_) @_object
     property: (property_identifier) @_function))
 (#match? @_object "(^|\\.)formatter$")
 (#any-of? @_function "wrap" "columnize" "wrapString")) @sanitizer.sql
