; Loops and what leaves them (rule unbounded-loop).

(while_statement) @loop
(for_statement) @loop

; while True: / while 1: the condition never ends the loop. (Capturing the keyword with #eq?
; tells the prefilter which word such a file must contain.)
((while_statement "while" @_keyword condition: [(true) (integer)] @_condition) @loop.forever
 (#eq? @_keyword "while")
 (#not-eq? @_condition "0"))

; while running: / while not done: a variable the loop (or the file) must change.
((while_statement
   "while" @_keyword
   condition: [
     (identifier) @loop.condition
     (not_operator argument: (identifier) @loop.condition)
   ]) @loop
 (#eq? @_keyword "while"))

(break_statement) @break

; Leaving the function: return, raise, and the process exits. A generator's yield hands control
; to its consumer, which decides when to stop (itertools.count() is the idiom), so it counts too.
(return_statement) @exit
(raise_statement) @exit
(yield) @exit
((call
   function: [
     (identifier) @_function
     (attribute object: (identifier) @_module attribute: (identifier) @_function)
   ]) @exit
 (#any-of? @_function "exit" "_exit" "quit" "abort"))

; for … else: a break in the else clause leaves the loop around the for, not the for.
(for_statement alternative: (else_clause) @loop.else) @loop
(while_statement alternative: (else_clause) @loop.else) @loop

; Containers and streams changed in place: stack.pop(), queue.clear(), lines.remove(x).
((call
   function: (attribute
     object: (identifier) @mutate
     attribute: (identifier) @_method))
 (#any-of? @_method
   "pop" "popleft" "popitem" "clear" "remove" "discard" "append" "extend" "add" "update"
   "insert" "appendleft" "read" "readline" "send" "close" "set" "put"))

; try: … except …: a loop in the body may end by an exception any call raises.
(try_statement body: (block) @try (except_clause))

; await: an asyncio task can be cancelled there from outside.
(await) @cancel

; Containers changed by slice assignment or deletion: batches[0:100] = [], del queue[0].
(assignment left: (subscript value: (identifier) @mutate))
(augmented_assignment left: (subscript value: (identifier) @mutate))
(delete_statement (subscript value: (identifier) @mutate))

; a, b = value: both names change (for loops waiting on them). Not a dataflow definition: which
; part of the value each name gets is not modelled, and the whole value over-reports
; (`sql, params = self.as_sql()`).
(assignment
  left: [
    (pattern_list (identifier) @mutate)
    (tuple_pattern (identifier) @mutate)
    (list_pattern (identifier) @mutate)
  ])
