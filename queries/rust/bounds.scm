; Loop bounds and allocation sizes (rule input-bound-loop). Conversions keep request data for
; these sinks (a number is what they take); clamps and limit checks clear it.

; Vec::with_capacity(n), String::with_capacity(n), VecDeque / HashMap::with_capacity(n)
(call_expression
  function: (scoped_identifier
    name: (identifier) @sink.name)
  arguments: (arguments . (_) @sink.bound)
  (#eq? @sink.name "with_capacity")) @sink.call

; s.repeat(n), v.resize(n, x), v.reserve(n), iter::repeat(x).take(n)
(call_expression
  function: (field_expression field: (field_identifier) @sink.name)
  arguments: (arguments . (_) @sink.bound)
  (#any-of? @sink.name "repeat" "resize" "reserve" "reserve_exact" "take")) @sink.call

; vec![x; n]
(macro_invocation
  macro: (identifier) @sink.name
  (token_tree (_) . ";" . (_) @sink.bound)
  (#eq? @sink.name "vec")) @sink.call

; for i in 0..n / 0..=n: the bound of a counting loop.
(for_expression
  "for" @sink.name
  value: (range_expression (_) @sink.bound .)
  (#eq? @sink.name "for")) @sink.call

; s.parse::<usize>(), s.parse(): still the client's number (access: request data passes).
((call_expression
   function: [
     (field_expression value: (_) @expr.part field: (field_identifier) @_method)
     (generic_function function: (field_expression value: (_) @expr.part field: (field_identifier) @_method))
   ])
 (#eq? @_method "parse")
 (#set! build "access")) @expr.build

; n.min(MAX), n.clamp(lo, hi), std::cmp::min(n, MAX): capped.
((call_expression
   function: (field_expression field: (field_identifier) @_method))
 (#any-of? @_method "min" "clamp")) @sanitizer.clamp
((call_expression
   function: [
     (identifier) @_function
     (scoped_identifier name: (identifier) @_function)
   ])
 (#eq? @_function "min")) @sanitizer.clamp

; if n > MAX { return … }: a limit checked before use.
((expression_statement
   (if_expression
     condition: (binary_expression
       left: (identifier) @guard.subject
       operator: _ @_operator (#any-of? @_operator ">" ">="))
     consequence: (block [(return_expression) (expression_statement (return_expression))]))) @guard.after
 (#set! guard "limit"))

; axum: Path(n): Path<usize>, Query(n): Query<u32> — a number the framework parsed, still the
; client's for loop bounds and sizes.
(parameter
  pattern: (tuple_struct_pattern
    type: [(identifier) @_wrapper (scoped_identifier name: (identifier) @_wrapper)]
    (identifier) @source.number)
  type: (generic_type
    type_arguments: (type_arguments (primitive_type) @_type))
  (#any-of? @_wrapper "Path" "Query")
  (#match? @_type "^([ui](8|16|32|64|128|size)|f32|f64)$"))

; `.and_then(|w| w.parse::<usize>().ok())`, `.map(|s| s.parse().ok())`: a number parsed from what
; the Option holds. Safe as text (a conversion), still the client's number as a bound or a size
; (an access of the Option, which the conversion does not clear for bounds).
((call_expression
   function: (field_expression value: (_) @expr.part field: (field_identifier) @_method)
   arguments: (arguments . (closure_expression
     parameters: (closure_parameters . (identifier) @_param .)
     body: (call_expression
       function: (field_expression
         value: (call_expression
           function: [
             (field_expression value: (identifier) @_use field: (field_identifier) @_parse)
             (generic_function
               function: (field_expression value: (identifier) @_use field: (field_identifier) @_parse))
           ])
         field: (field_identifier) @_ok))) .)) @expr.build @sanitizer.convert
 (#any-of? @_method "map" "and_then" "filter_map" "flat_map")
 (#eq? @_param @_use)
 (#eq? @_parse "parse")
 (#eq? @_ok "ok")
 (#set! build "access"))
