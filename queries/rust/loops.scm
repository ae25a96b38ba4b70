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

; anyhow / eyre: `bail!(…)` returns an error, `ensure!(cond, …)` returns one when cond fails.
((macro_invocation macro: (identifier) @_macro) @exit
 (#any-of? @_macro "bail" "ensure"))
((macro_invocation
   macro: (scoped_identifier name: (identifier) @_macro)) @exit
 (#any-of? @_macro "panic" "unreachable" "todo" "unimplemented" "bail" "ensure"))
; `use std::process::exit;` then `exit(1)`.
((call_expression function: (identifier) @_exit) @exit
 (#eq? @_exit "exit"))

; Inside a macro's token tree the grammar sees tokens, not expressions: the arms of
; `tokio::select! { _ = token.cancelled() => break, res = listener.accept() => { res?; } }`
; (and futures::select!, select_biased!) hold their breaks, returns, `?` and panics as bare
; tokens. A token `break` is a break of the loop around the macro; `break 'outer` names a label.
; (The unlabeled form lists what may follow it, so that it never also matches `break 'label`.)
(token_tree "break" @break . "'" . (identifier) @break.label)
(token_tree "break" @break . [";" "," "}"])
(token_tree "return" @exit)
(token_tree "?" @exit)
((token_tree (identifier) @exit @_macro . "!")
 (#any-of? @_macro "panic" "unreachable" "todo" "unimplemented" "bail" "ensure"))
((token_tree (identifier) @_module . "::" . (identifier) @exit @_exit)
 (#eq? @_module "process")
 (#any-of? @_exit "exit" "abort"))

; A variable changed in place: lent out as `&mut done` (`decoder.feed(&chunk, &mut finished)`,
; `mem::swap(&mut a, &mut b)`), or changed by an operator assignment other than `+=`
; (`done |= step()`, `left -= n`).
(reference_expression (mutable_specifier) value: (identifier) @mutate)
(compound_assignment_expr left: (identifier) @mutate)

; `.await`: a tokio / async-std task can be cancelled there from outside (JoinHandle::abort, a
; dropped future). `select!` awaits its branches, which are tokens in its token tree.
(await_expression) @cancel
(token_tree "await" @cancel)
((macro_invocation
   macro: [(identifier) @_macro (scoped_identifier name: (identifier) @_macro)]) @cancel
 (#any-of? @_macro "select" "select_biased" "join" "try_join"))

; try!-style macros (`try!`, a crate's own `try_recv!`, `ready!`) return early by convention.
((macro_invocation macro: (identifier) @_macro) @exit
 (#match? @_macro "^(try|try_[a-z_]+|ready)$"))
