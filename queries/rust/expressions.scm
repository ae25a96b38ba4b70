; How values are built.

[(string_literal) (raw_string_literal) (integer_literal) (float_literal) (boolean_literal) (char_literal)] @expr.literal

; format!("...", args): the format string and every argument are parts; the arguments fill the
; string's placeholders in order (build "format").
((macro_invocation
   macro: (identifier) @_macro
   (token_tree (_) @expr.part)
   (#eq? @_macro "format")) @expr.build
 (#set! label "format!")
 (#set! build "format"))

; concat!, vec![…]: built from their tokens.
((macro_invocation
   macro: (identifier) @_macro
   (token_tree (_) @expr.part))
 (#any-of? @_macro "concat" "vec")) @expr.build

; parts.join(" AND "), a.concat(b): the receiver and the arguments
((call_expression
   function: (field_expression
     value: (_) @expr.part
     field: (field_identifier) @_method)
   arguments: (arguments (_)? @expr.part))
 (#any-of? @_method "join" "concat")
 (#set! label "join")) @expr.build

; Constant containers and choices: constant if every element / arm is.
; (#set! build "choice"): the value is one of the parts, not text assembled from them.
((array_expression (_) @expr.part) @expr.build (#set! build "choice"))
((match_expression
   body: (match_block (match_arm value: (_) @expr.part))) @expr.build
 (#set! build "choice"))
((if_expression
   consequence: (block) @expr.part
   alternative: (else_clause (block) @expr.part)) @expr.build
 (#set! build "choice"))
((index_expression . (_) @expr.part) @expr.build (#set! build "choice"))

; String::new(), Vec::new(): empty, so constant.
((call_expression
   function: (scoped_identifier
     path: (identifier) @_type
     name: (identifier) @_function))
 (#any-of? @_type "String" "Vec")
 (#eq? @_function "new")) @expr.literal

; A format string naming a variable inline ("{id}", "{id:?}") embeds that variable: the
; placeholder regex's first group is its name ("{{" is an escaped brace).
((macro_invocation
   macro: (identifier) @_macro
   (token_tree . [(line_comment) (block_comment)]* . (string_literal) @expr.dynamic)
   (#eq? @_macro "format")
   (#match? @expr.dynamic "(^|[^{])\\{[A-Za-z_][A-Za-z0-9_]*(:[^}]*)?\\}"))
 (#set! placeholder "(?:^|[^{])\\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\\}"))

; "...".to_string() + &x
((binary_expression
   left: (_) @expr.part
   operator: "+"
   right: (_) @expr.part) @expr.build
 (#set! label "string concatenation"))

; Arithmetic: a number when its operands are (`depth - 1`), so a value made from a parameter or
; from request data stays what it was made from.
(binary_expression
   left: (_) @expr.part
   operator: _ @_operator (#any-of? @_operator "-" "*" "/" "%")
   right: (_) @expr.part) @expr.build

; Transparent wrappers: &x, (x), x.as_str(), x.to_string(), String::from(x), ...
(reference_expression value: (_) @expr.inner) @expr.wrapper
; A block's value is its tail expression.
(block (_) @expr.inner .) @expr.wrapper
(parenthesized_expression (_) @expr.inner) @expr.wrapper
((call_expression
   function: (field_expression
     value: (_) @expr.inner
     field: (field_identifier) @_method)
   arguments: (arguments))
 (#any-of? @_method "as_str" "as_ref" "to_string" "to_owned" "into" "clone" "as_slice" "unwrap" "expect" "unwrap_or_default")) @expr.wrapper
(try_expression (_) @expr.inner) @expr.wrapper
((call_expression
   function: (scoped_identifier
     path: (identifier) @_type
     name: (identifier) @_function)
   arguments: (arguments . (_) @expr.inner .))
 (#eq? @_type "String")
 (#eq? @_function "from")) @expr.wrapper

; ids.iter().map(|_| "?"): the items are what the closure returns.
((call_expression
   function: (field_expression
     field: (field_identifier) @_method)
   arguments: (arguments . (closure_expression body: (_) @expr.part)))
 (#eq? @_method "map")
 (#set! build "choice")) @expr.build
; .collect::<Vec<_>>() and .collect() pass their items on.
((call_expression
   function: [
     (field_expression value: (_) @expr.inner field: (field_identifier) @_method)
     (generic_function function: (field_expression value: (_) @expr.inner field: (field_identifier) @_method))
   ])
 (#any-of? @_method "collect" "iter" "into_iter")) @expr.wrapper
