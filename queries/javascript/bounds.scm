; Loop bounds and allocation sizes (rule input-bound-loop), shared with TypeScript. Conversions
; keep request data for these sinks (a number is what they take); clamps and limit checks
; clear it.

; new Array(n), Array(n), new Uint8Array(n), Buffer.alloc(n) / allocUnsafe(n)
(new_expression
  constructor: (identifier) @sink.name
  arguments: (arguments . (_) @sink.bound .)
  (#any-of? @sink.name
    "Array" "Uint8Array" "Int32Array" "Float64Array" "ArrayBuffer" "SharedArrayBuffer")) @sink.call
(call_expression
  function: (identifier) @sink.name
  arguments: (arguments . (_) @sink.bound .)
  (#eq? @sink.name "Array")) @sink.call
(call_expression
  function: (member_expression
    object: (identifier) @_buffer
    property: (property_identifier) @sink.name)
  arguments: (arguments . (_) @sink.bound)
  (#eq? @_buffer "Buffer")
  (#any-of? @sink.name "alloc" "allocUnsafe")) @sink.call

; Array.from({ length: n })
(call_expression
  function: (member_expression
    object: (identifier) @_array
    property: (property_identifier) @sink.name)
  arguments: (arguments
    . (object
      (pair
        key: (property_identifier) @_key
        value: (_) @sink.bound)))
  (#eq? @_array "Array")
  (#eq? @sink.name "from")
  (#eq? @_key "length")) @sink.call

; 'x'.repeat(n), s.padStart(n), s.padEnd(n)
(call_expression
  function: (member_expression property: (property_identifier) @sink.name)
  arguments: (arguments . (_) @sink.bound)
  (#any-of? @sink.name "repeat" "padStart" "padEnd")) @sink.call

; for (let i = 0; i < n; i++): the bound of a counting loop.
(for_statement
  "for" @sink.name
  condition: (binary_expression
    operator: _ @_operator (#any-of? @_operator "<" "<=")
    right: (_) @sink.bound)
  (#eq? @sink.name "for")) @sink.call

; Number(x), parseInt(x), parseFloat(x), Number.parseInt(x), Math.floor(x): still the client's
; number (access: request data passes to these sinks).
((call_expression
   function: (identifier) @_function
   arguments: (arguments . (_) @expr.part))
 (#any-of? @_function "Number" "parseInt" "parseFloat")
 (#set! build "access")) @expr.build
((call_expression
   function: (member_expression
     object: (identifier) @_object
     property: (property_identifier) @_function)
   arguments: (arguments . (_) @expr.part))
 (#any-of? @_object "Number" "Math")
 (#any-of? @_function "parseInt" "parseFloat" "floor" "ceil" "round" "trunc" "abs")
 (#set! build "access")) @expr.build

; Math.min(n, MAX), _.clamp(n, lo, hi), clamp(n, lo, hi): capped.
((call_expression
   function: (member_expression
     object: (identifier) @_object
     property: (property_identifier) @_function))
 (#any-of? @_object "Math" "_" "lodash")
 (#any-of? @_function "min" "clamp")) @sanitizer.clamp
((call_expression
   function: (identifier) @_function)
 (#eq? @_function "clamp")) @sanitizer.clamp

; if (n > MAX) return … / throw …: a limit checked before use.
((if_statement
   condition: (parenthesized_expression
     (binary_expression
       left: (identifier) @guard.subject
       operator: _ @_operator (#any-of? @_operator ">" ">=")))
   consequence: [
     (return_statement)
     (throw_statement)
     (statement_block [(return_statement) (throw_statement)])
   ]) @guard.after
 (#set! guard "limit"))
