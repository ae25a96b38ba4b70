; How values are built, so the core can tell constant text from dynamic text.
; A node that is both a literal and a build (an f-string with {…}) counts as a build.

[(string) (integer) (float) (true) (false) (none)] @expr.literal

; f"... {expr} ..."
((string
   (interpolation
     expression: (_) @expr.part)) @expr.build
 (#set! label "f-string"))

; "a" "b" (implicit concatenation)
((concatenated_string
   (_) @expr.part) @expr.build
 (#set! label "implicit string concatenation"))

; "..." + x
((binary_operator
   left: (_) @expr.part
   operator: "+"
   right: (_) @expr.part) @expr.build
 (#set! label "string concatenation"))

; "... %s" % x, "... %s %s" % (a, b), "%(a)s" % {"a": x}
((binary_operator
   left: (_) @expr.part
   operator: "%"
   right: (_) @expr.part) @expr.build
 (#set! label "%-formatting"))

; Arithmetic: a number when its operands are (int(a) * int(b)); "ab" * n repeats text, so the
; operands decide, like any other build.
((binary_operator
   left: (_) @expr.part
   operator: _ @_operator (#any-of? @_operator "-" "*" "/" "//" "**")
   right: (_) @expr.part) @expr.build
)

; "...{}".format(x) (on a string literal only: psycopg2's sql.SQL(...).format() composes safely)
((call
   function: (attribute
     object: [(string) (concatenated_string)] @expr.part
     attribute: (identifier) @_method)
   arguments: (argument_list
     (_) @expr.part)
   (#eq? @_method "format")) @expr.build
 (#set! label "str.format()")
 (#set! build "format"))

; ", ".join("%s" for _ in ids): a lone generator argument replaces the argument list.
((call
   function: (attribute
     object: (_) @expr.part
     attribute: (identifier) @_method)
   arguments: (generator_expression) @expr.part)
 (#eq? @_method "join")
 (#set! label "str.join()")) @expr.build

; ", ".join(parts): the separator and the parts
((call
   function: (attribute
     object: (_) @expr.part
     attribute: (identifier) @_method)
   arguments: (argument_list . (_) @expr.part .))
 (#eq? @_method "join")
 (#set! label "str.join()")) @expr.build

; Containers: constant if every element is.
; (#set! build "choice"): the value is one of the parts, not text assembled from them.
((tuple (_) @expr.part) @expr.build (#set! build "choice"))
((list (_) @expr.part) @expr.build (#set! build "choice"))
((set (_) @expr.part) @expr.build (#set! build "choice"))
((dictionary (pair value: (_) @expr.part)) @expr.build (#set! build "choice"))
(list) @expr.literal
(dictionary) @expr.literal
(tuple) @expr.literal

; a if cond else b: the value is one of the two branches
((conditional_expression
   . (_) @expr.part
   . (_)
   . (_) @expr.part .) @expr.build
 (#set! build "choice"))

; TABLES[key], TABLES.get(key, default): one of the table's values (or the default).
((subscript
   value: (_) @expr.part) @expr.build
 (#set! build "choice"))
((call
   function: (attribute
     object: (_) @expr.part
     attribute: (identifier) @_method)
   arguments: (argument_list . (_) . (_)? @expr.part .))
 (#eq? @_method "get")
 (#set! build "choice")) @expr.build

; Transparent wrappers.
(parenthesized_expression (_) @expr.inner) @expr.wrapper
(keyword_argument value: (_) @expr.inner) @expr.wrapper
(await (_) @expr.inner) @expr.wrapper
((call
   function: (identifier) @_function
   arguments: (argument_list . (_) @expr.inner .))
 (#any-of? @_function "frozenset" "set" "tuple" "list" "sorted" "dict" "str")) @expr.wrapper
((call
   function: (attribute
     object: (_) @expr.inner
     attribute: (identifier) @_method)
   arguments: (argument_list))
 (#any-of? @_method "strip" "lower" "upper" "lstrip" "rstrip" "title" "casefold")) @expr.wrapper

; ("%s" for _ in ids), [f(x) for x in xs]: built from what each element is.
((generator_expression body: (_) @expr.part) @expr.build (#set! build "choice"))
((list_comprehension body: (_) @expr.part) @expr.build (#set! build "choice"))

; a or b, a and b: the value is one of the operands.
((boolean_operator
   left: (_) @expr.part
   right: (_) @expr.part) @expr.build
 (#set! build "choice"))

; return html, 500: a tuple without parentheses.
((expression_list (_) @expr.part) @expr.build (#set! build "choice"))
