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
 (#any-of? @_process "process" "Deno")
 (#any-of? @_exit "exit" "abort"))

; do { … } while (!stopped): the same variable check for the condition at the bottom.
((do_statement
   "while" @_keyword
   condition: (parenthesized_expression [
     (identifier) @loop.condition
     (unary_expression operator: "!" argument: (identifier) @loop.condition)
   ])) @loop
 (#eq? @_keyword "while"))

; outer: { … break outer; … } — a labeled block: `break outer` leaves it and every loop in it.
; (It is recorded as a loop that never runs forever and has no condition, so it is never
; reported itself.)
(labeled_statement
  label: (statement_identifier) @loop.label
  body: (statement_block) @loop)

; Ways the condition variable changes that the def-use skeleton does not record, so that
; `while (!done)` is not judged stuck: ({ done, value } = await reader.read()) and
; [value, done] = step() (each name takes the whole right-hand side, as for declarations);
; left--, ++attempts; left -= n, done ||= check(), backoff *= 2 (recorded as the name
; assigned to itself, so that what the injection rules know of its value stays as it was).
(assignment_expression
  left: [
    (object_pattern (shorthand_property_identifier_pattern) @assign.target)
    (object_pattern (pair_pattern value: (identifier) @assign.target))
    (object_pattern (object_assignment_pattern left: (shorthand_property_identifier_pattern) @assign.target))
    (array_pattern (identifier) @assign.target)
  ]
  right: (_) @assign.value) @assign
(update_expression argument: (identifier) @assign.target @assign.value) @assign
(augmented_assignment_expression
  left: (identifier) @assign.target @assign.value
  operator: _ @_operator (#any-of? @_operator "-=" "*=" "/=" "%=" "**=" "<<=" ">>=" ">>>=" "&=" "|=" "^=" "&&=" "||=" "??=")) @assign

; signal.throwIfAborted() (AbortSignal) throws once the signal is aborted: the usual way a
; cancellable `for (;;)` worker ends.
((call_expression
   function: (member_expression property: (property_identifier) @_method)) @exit
 (#eq? @_method "throwIfAborted"))

; await sleep(ms, undefined, { signal }), await fetch(url, { signal: ac.signal }),
; await once(emitter, "job", { signal }): an awaited call given an AbortSignal rejects with an
; AbortError once the signal is aborted, which leaves the loop the way a throw does.
((await_expression
   (call_expression
     arguments: (arguments
       (object [
         (pair key: (property_identifier) @_key)
         (shorthand_property_identifier) @_key
       ])))) @exit
 (#eq? @_key "signal"))

; try { … } catch (err) { … }: a loop in the body may end by an exception any call throws
; (a closed socket's read, a stream reader after cancel).
(try_statement body: (statement_block) @try handler: (catch_clause))

; No @cancel here: a JavaScript promise cannot be cancelled at an `await` from outside, so an
; awaiting `while (true)` still runs until something in it leaves (an AbortSignal is modelled
; above, as the throw it causes).
