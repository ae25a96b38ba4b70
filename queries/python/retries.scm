; Retry loops (rule uncapped-retry): calls that can fail transiently, error handlers, waits,
; clocks and comparisons.

; Network, database and subprocess calls: requests / httpx (and sessions or clients named like
; one), urlopen, sockets, DB-API cursors and connections, subprocess.
((call
   function: (attribute
     object: (identifier) @_client
     attribute: (identifier) @_method)) @io
 (#match? @_client "^(requests|httpx|session|http_session|http|client|http_client|async_client)$")
 (#any-of? @_method "get" "post" "put" "patch" "delete" "head" "request" "send" "stream"))
((call
   function: [
     (identifier) @_function
     (attribute attribute: (identifier) @_function)
   ]) @io
 (#any-of? @_function
   "urlopen" "create_connection" "connect" "execute" "executemany" "commit" "sendall" "recv"
   "publish" "fetchrow" "fetchval" "SMTP"))
; subprocess.run / call / check_call / check_output / Popen (not any object's run()).
((call
   function: (attribute
     object: (identifier) @_module
     attribute: (identifier) @_function)) @io
 (#eq? @_module "subprocess")
 (#any-of? @_function "run" "call" "check_call" "check_output" "Popen"))

; Error handlers: where a failure goes.
(except_clause) @catch

; Waits: time.sleep, asyncio.sleep, event.wait(timeout).
((call
   function: [
     (identifier) @_function
     (attribute attribute: (identifier) @_function)
   ]) @sleep
 (#any-of? @_function "sleep" "wait"))

; Clocks: time.time(), time.monotonic(), perf_counter(), datetime.now(), loop.time().
((call
   function: [
     (identifier) @_function
     (attribute attribute: (identifier) @_function)
   ]) @clock
 (#any-of? @_function "time" "monotonic" "perf_counter" "now" "utcnow"))

(comparison_operator) @compare

; Pagination stops (rule unbounded-pagination): a test that a page came back empty or without a
; next link: `if not items:`, `if next_url is None:`, `if len(page) < size:`, `has_more`.
(not_operator) @stop
(comparison_operator (none)) @stop
((comparison_operator (call function: (identifier) @_len)) @stop
 (#eq? @_len "len"))
((attribute attribute: (identifier) @_flag) @stop
 (#any-of? @_flag "has_more" "has_next" "is_last" "last_page" "next_page"))
((subscript subscript: (string (string_content) @_key)) @stop
 (#any-of? @_key "has_more" "hasMore" "has_next" "is_last"))
