; Loop bounds and allocation sizes (rule input-bound-loop): where a number from the request
; must be capped. Conversions keep request data for these sinks (a number is what they take);
; clamps and limit checks clear it.

; range(n), range(start, n, step), bytearray(n), itertools.repeat(x, n)
(call
  function: [
    (identifier) @sink.name
    (attribute attribute: (identifier) @sink.name)
  ]
  arguments: (argument_list (_) @sink.bound)
  (#any-of? @sink.name "range" "bytearray" "repeat" "islice" "zeros" "ones" "empty")) @sink.call

; [0] * n, "-" * n: a list or string repeated n times.
(binary_operator
  left: [(list) (string) (tuple)]
  operator: "*" @sink.name
  right: (_) @sink.bound
  (#eq? @sink.name "*")) @sink.call
(binary_operator
  left: (_) @sink.bound
  operator: "*" @sink.name
  right: [(list) (string) (tuple)]
  (#eq? @sink.name "*")) @sink.call

; int(x), float(x), abs(x), round(x): still the client's number (access: request data passes).
((call
   function: (identifier) @_function
   arguments: (argument_list . (_) @expr.part))
 (#any-of? @_function "int" "float" "abs" "round")
 (#set! build "access")) @expr.build

; min(n, MAX), max(0, min(n, MAX)): capped.
((call
   function: (identifier) @_function)
 (#eq? @_function "min")) @sanitizer.clamp

; if n > MAX: raise / abort / return — a limit checked before use (n < 1 checks do not cap).
((if_statement
   condition: (comparison_operator
     . (identifier) @guard.subject
     [">" ">="])
   consequence: (block [
     (raise_statement)
     (return_statement)
     (expression_statement (call))
   ])) @guard.after
 (#set! guard "limit"))
((if_statement
   condition: (comparison_operator
     (_)
     ["<" "<="]
     (identifier) @guard.subject .)
   consequence: (block [
     (raise_statement)
     (return_statement)
     (expression_statement (call))
   ])) @guard.after
 (#set! guard "limit"))

; FastAPI / Flask typed route parameters: `n: int`, `limit: int = 10`, `size: int = Query(10)`.
; The framework checked that they are numbers; how large is still the client's choice.
(decorated_definition
  (decorator
    (call function: (attribute attribute: (identifier) @_route)))
  definition: (function_definition
    parameters: (parameters [
      (typed_parameter (identifier) @source.number type: (type (identifier) @_type))
      (typed_default_parameter name: (identifier) @source.number type: (type (identifier) @_type))
    ]))
  (#any-of? @_route "route" "get" "post" "put" "patch" "delete" "api_route" "websocket")
  (#any-of? @_type "int" "float"))

; FastAPI rejects numbers over a bound it declares: `size: int = Query(10, le=100)`,
; `size: Annotated[int, Query(le=100)]` (also Path, Body, Field): a limit for the whole body.
((function_definition
   parameters: (parameters
     (typed_default_parameter
       name: (identifier) @guard.subject
       value: (call arguments: (argument_list (keyword_argument name: (identifier) @_bound)))))
   body: (block) @guard.region)
 (#any-of? @_bound "le" "lt")
 (#set! guard "limit"))
((function_definition
   parameters: (parameters
     [
       (typed_parameter
         (identifier) @guard.subject
         type: (type (generic_type (type_parameter (type (call
           arguments: (argument_list (keyword_argument name: (identifier) @_bound))))))))
       (typed_default_parameter
         name: (identifier) @guard.subject
         type: (type (generic_type (type_parameter (type (call
           arguments: (argument_list (keyword_argument name: (identifier) @_bound))))))))
     ])
   body: (block) @guard.region)
 (#any-of? @_bound "le" "lt")
 (#set! guard "limit"))
