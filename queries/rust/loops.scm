; Loops and what leaves them (rule unbounded-loop).

(while_expression) @loop
(for_expression) @loop

; loop {} and while true {}: the condition never ends the loop.
; (Capturing the keyword with #eq? tells the prefilter which word such a file must contain.)
((loop_expression "loop" @_keyword) @loop @loop.forever
 (#eq? @_keyword "loop"))
((while_expression condition: (boolean_literal) @_condition) @loop.forever
 (#eq? @_condition "true"))

; 'outer: loop {} — a labeled loop that `break 'outer` leaves.
(loop_expression (label) @loop.label) @loop
(while_expression (label) @loop.label) @loop
(for_expression (label) @loop.label) @loop

; while running {} / while !done {}: a variable the loop (or the file) must change.
((while_expression
   "while" @_keyword
   condition: [
     (identifier) @loop.condition
     (unary_expression (identifier) @loop.condition)
   ]) @loop
 (#eq? @_keyword "while"))

(break_expression (label)? @break.label) @break

; Leaving the function: return, `?`, panics, process exits.
(return_expression) @exit
(try_expression) @exit
((macro_invocation macro: (identifier) @_macro) @exit
 (#any-of? @_macro "panic" "unreachable" "todo" "unimplemented"))
((call_expression
   function: (scoped_identifier
     path: (_) @_module
     name: (identifier) @_exit)) @exit
 (#match? @_module "(^|::)process$")
 (#any-of? @_exit "exit" "abort"))
