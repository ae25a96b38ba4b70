; Loops and what leaves them (rule unbounded-loop). Shared with TypeScript.

(while_statement) @loop
(do_statement) @loop
(for_statement) @loop
(for_in_statement) @loop

; while (true), while (1), do {} while (true), for (;;): the condition never ends the loop.
; (Capturing the keyword with #eq? tells the prefilter which word such a file must contain.)
((while_statement "while" @_keyword condition: (parenthesized_expression [(true) (number)] @_condition)) @loop.forever
 (#eq? @_keyword "while")
 (#not-eq? @_condition "0"))
((do_statement "while" @_keyword condition: (parenthesized_expression [(true) (number)] @_condition)) @loop.forever
 (#eq? @_keyword "while")
 (#not-eq? @_condition "0"))
((for_statement "for" @_keyword condition: (empty_statement)) @loop.forever
 (#eq? @_keyword "for"))

; outer: for (…) — a labeled loop that `break outer` leaves.
(labeled_statement
  label: (statement_identifier) @loop.label
  body: [(while_statement) (do_statement) (for_statement) (for_in_statement)] @loop)

; while (running) / while (!done): a variable the loop (or the file) must change.
((while_statement
   "while" @_keyword
   condition: (parenthesized_expression [
     (identifier) @loop.condition
     (unary_expression operator: "!" argument: (identifier) @loop.condition)
   ])) @loop
 (#eq? @_keyword "while"))

(break_statement label: (statement_identifier)? @break.label) @break

; An unlabeled break inside a switch leaves the switch, not the loop around it.
(switch_statement) @breakable

; Leaving the function: return, throw, process.exit(); a generator's yield hands control to
; its consumer.
(return_statement) @exit
(throw_statement) @exit
(yield_expression) @exit
((call_expression
   function: (member_expression
     object: (identifier) @_process
     property: (property_identifier) @_exit)) @exit
 (#eq? @_process "process")
 (#any-of? @_exit "exit" "abort"))
