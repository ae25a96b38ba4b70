; The def-use skeleton: scopes, parameters, blocks, assignments, returns and calls.

(function_item
  name: (identifier) @function.name) @function
(closure_expression) @function
; An async block is a body of its own: `return` and `?` inside `tokio::spawn(async move { … })`
; end that task, not the code around it.
(async_block) @function

(parameter pattern: (identifier) @param)
(parameter pattern: (mut_pattern (identifier) @param))
(closure_parameters (identifier) @param)
; axum / actix-web extractors destructured in the parameter list: `Path(id): Path<i64>`,
; `State(pool): State<PgPool>`, `Json(mut body): Json<Value>` (one name per parameter).
(parameter pattern: (tuple_struct_pattern type: (_) . (identifier) @param .))
(parameter pattern: (tuple_struct_pattern type: (_) . (mut_pattern (identifier) @param) .))

(block) @block

; let q = value; let mut q = value; q = value; const/static items
(let_declaration
  pattern: (identifier) @assign.target
  value: (_) @assign.value) @assign
(let_declaration
  pattern: (mut_pattern (identifier) @assign.target)
  value: (_) @assign.value) @assign
; Destructuring: every name bound by the pattern gets the whole value (an approximation that
; holds for request data and constant tuples alike).
; let (a, b) = path.into_inner(); let (mut a, b) = pair;
(let_declaration
  pattern: (tuple_pattern [
    (identifier) @assign.target
    (mut_pattern (identifier) @assign.target)
  ])
  value: (_) @assign.value) @assign
; let Some(x) = v else { .. }; let Ok(x) = v else { .. };
(let_declaration
  pattern: (tuple_struct_pattern type: (_) . [
    (identifier) @assign.target
    (mut_pattern (identifier) @assign.target)
  ] .)
  value: (_) @assign.value) @assign
; if let Some(x) = v { .. }, while let Some(x) = v { .. }
(let_condition
  pattern: (tuple_struct_pattern type: (_) . [
    (identifier) @assign.target
    (mut_pattern (identifier) @assign.target)
  ] .)
  value: (_) @assign.value) @assign
; let Params { name, page } = v;
(let_declaration
  pattern: (struct_pattern (field_pattern name: (shorthand_field_identifier) @assign.target))
  value: (_) @assign.value) @assign
; match v { Some(x) => .., Ok(x) => .. }: the arm's name holds the matched value.
(match_expression
  value: (_) @assign.value
  body: (match_block (match_arm
    pattern: (match_pattern (tuple_struct_pattern type: (_) . (identifier) @assign.target .)) @assign)))
; for tag in tags { .. }: the loop name holds an element of the collection (approximated by
; the collection itself); the pattern is the assignment, so the body sees it.
(for_expression
  pattern: (identifier) @assign.target @assign
  value: (_) @assign.value)
(assignment_expression
  left: (identifier) @assign.target
  right: (_) @assign.value) @assign
(const_item
  name: (identifier) @assign.target
  value: (_) @assign.value) @assign
(static_item
  name: (identifier) @assign.target
  value: (_) @assign.value) @assign
; q += &x; q.push_str(x); parts.push(x)
(compound_assignment_expr
  left: (identifier) @assign.target
  operator: "+="
  right: (_) @assign.value) @assign.append
((call_expression
   function: (field_expression
     value: (identifier) @assign.target
     field: (field_identifier) @_method)
   arguments: (arguments . (_) @assign.value .))
 (#any-of? @_method "push_str" "push" "insert_str" "extend")) @assign.append

(return_expression (_) @return.value)
; The tail expression of a function body is its value. One supertype, not an alternation of
; expression kinds: each alternative would be a state of its own, kept alive while the whole
; body is matched (a quarter of a Rust pass). A kind the packs do not describe is followed as an
; unknown value, as it would be anywhere else.
(function_item body: (block (_expression) @return.value .))
(closure_expression body: (_) @return.value)

; Calls of functions and methods by name, with their positional arguments (one match per
; argument; a plain `(_)?` costs far less than an alternation of argument kinds).
(call_expression
  function: [
    (identifier) @call.name
    (field_expression field: (field_identifier) @call.name)
    (scoped_identifier name: (identifier) @call.name)
  ]
  arguments: (arguments (_)? @call.arg)) @call

; Allow-lists: where a variable is known to be a member of a collection.
; if ALLOWED.contains(&col) { <holds here> }
((if_expression
   condition: (call_expression
     function: (field_expression
       value: (_) @guard.allowlist
       field: (field_identifier) @_method)
     arguments: (arguments . [
       (identifier) @guard.subject
       (reference_expression value: (identifier) @guard.subject)
     ] .))
   consequence: (block) @guard.region)
 (#eq? @_method "contains"))
; if !ALLOWED.contains(&col) { return Err(…); } (holds after the if)
((if_expression
   condition: (unary_expression
     (call_expression
       function: (field_expression
         value: (_) @guard.allowlist
         field: (field_identifier) @_method)
       arguments: (arguments . [
         (identifier) @guard.subject
         (reference_expression value: (identifier) @guard.subject)
       ] .)))
   consequence: (block
     [
       (return_expression)
       (expression_statement [(return_expression) (break_expression) (continue_expression)])
       (expression_statement (macro_invocation macro: (identifier) @_exit))
       (macro_invocation macro: (identifier) @_exit)
     ])) @guard.after
 (#eq? @_method "contains")
 (#any-of? @_exit "panic" "unreachable" "bail" "todo" "unimplemented"))
