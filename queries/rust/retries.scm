; Retry loops (rule uncapped-retry): calls that can fail transiently, error handlers, waits,
; clocks and comparisons.

; ---------------------------------------------------------------------------------------------
; @io: network, database and subprocess calls.
; ---------------------------------------------------------------------------------------------

; reqwest / awc builders: `client.get(url).send()`, `client.post(url).json(&b).send().await`,
; `self.http.request(Method::GET, url).send()` (the receiver chain holds an HTTP verb call, so a
; channel's `tx.send(msg)` is not one).
((call_expression
   function: (field_expression
     value: (_) @_request
     field: (field_identifier) @_method)) @io
 (#eq? @_method "send")
 (#match? @_request "\\.(get|post|put|patch|delete|head|request)\\("))

; reqwest / hyper / ureq clients sending a prepared request: `client.execute(req)`,
; `self.http.request(req)`, `agent.call()` on a client-named receiver.
((call_expression
   function: (field_expression
     value: (_) @_client
     field: (field_identifier) @_method)) @io
 (#match? @_client "^(self\\.)?(client|http|http_client|api|api_client|agent|session)$")
 (#any-of? @_method "execute" "request" "call"))

; One-shot HTTP functions: `reqwest::get(url)`, `reqwest::blocking::get(url)`, `ureq::get(url)`,
; `surf::post(url)`, `attohttpc::get(url)`.
((call_expression
   function: (scoped_identifier
     path: (_) @_crate
     name: (identifier) @_verb)) @io
 (#match? @_crate "^(reqwest|reqwest::blocking|ureq|surf|attohttpc|isahc)$")
 (#any-of? @_verb "get" "post" "put" "patch" "delete" "head" "request"))

; sqlx: `sqlx::query(..).execute(&pool)`, `query_as::<_, Row>(..).fetch_one(&pool)`,
; `sqlx::query!(..).fetch_all(&mut conn)` (the receiver is a query builder).
((call_expression
   function: (field_expression
     value: (_) @_query
     field: (field_identifier) @_method)) @io
 (#match? @_query "(^|::|\\.)query(_as|_scalar|_with|_as_with)?(!|::<|\\()")
 (#any-of? @_method
   "execute" "fetch" "fetch_one" "fetch_all" "fetch_optional" "fetch_many"))

; Database handles: sqlx pools / connections, tokio-postgres / postgres / rusqlite clients:
; `pool.acquire()`, `pool.begin()`, `client.query(..)`, `conn.execute(..)`,
; `self.db.fetch_one(..)` (on receivers named like a pool, connection or client).
((call_expression
   function: (field_expression
     value: (_) @_db
     field: (field_identifier) @_method)) @io
 (#match? @_db "^(self\\.)?(pool|db|db_pool|pg|pg_pool|conn|connection|client|db_client|tx|transaction)$")
 (#any-of? @_method
   "acquire" "begin" "execute" "batch_execute" "query" "query_one" "query_opt" "fetch_one"
   "fetch_all" "fetch_optional" "prepare" "ping"))

; Connecting: `TcpStream::connect(addr)`, `UnixStream::connect(path)`,
; `TcpStream::connect_timeout(&a, t)`, `PgPool::connect(url)`, `PgConnection::connect(url)`,
; `tokio_postgres::connect(..)`, tonic `GreeterClient::connect(url)`, `redis::Client::open`
; is lazy and not here; binding a listener (`TcpListener::bind`) can fail while a port is busy.
((call_expression
   function: (scoped_identifier
     name: (identifier) @_connect)) @io
 (#any-of? @_connect "connect" "connect_timeout" "connect_with"))
((call_expression
   function: (scoped_identifier
     path: (_) @_socket
     name: (identifier) @_bind)) @io
 (#match? @_socket "(^|::)(TcpListener|UdpSocket|UnixListener)$")
 (#eq? @_bind "bind"))

; Connecting from a builder: `PgPoolOptions::new().max_connections(5).connect(&url)`,
; `Endpoint::from_static(url).connect()`, redis `client.get_async_connection()`.
((call_expression
   function: (field_expression
     value: (_) @_builder
     field: (field_identifier) @_method)) @io
 (#match? @_builder "(PoolOptions|ConnectOptions|Endpoint|Channel)")
 (#any-of? @_method "connect" "connect_with"))
((call_expression
   function: (field_expression
     field: (field_identifier) @_method)) @io
 (#any-of? @_method
   "get_connection" "get_async_connection" "get_multiplexed_async_connection"
   "get_multiplexed_tokio_connection" "get_connection_manager"))

; std::process::Command / tokio::process::Command: `Command::new("x").arg(..).output()`,
; `.status()`, `.spawn()`, or on a variable named like a command (`cmd.status()`).
((call_expression
   function: (field_expression
     value: (_) @_command
     field: (field_identifier) @_method)) @io
 (#match? @_command "(Command::new\\(|^(cmd|command|child_cmd|migrate|proc)$)")
 (#any-of? @_method "output" "status" "spawn"))

; ---------------------------------------------------------------------------------------------
; @catch: where a failure is handled and the loop goes on. A handler that leaves at once
; (`Err(e) => return Err(e.into())`, `Err(e) => { log; break Err(e) }`, `panic!`, `bail!`) is
; not a retry: such arms, let-else blocks and if-let bodies are not captured.
; ---------------------------------------------------------------------------------------------

; `match res { Ok(v) => break v, Err(e) => { warn!(..); } }` (also `Err(_) if transient(..)`).
; `Ok(_) | Err(_) => thread::sleep(..)` (an or-pattern holding `Err`) too.
((match_arm
   pattern: (match_pattern [
     (tuple_struct_pattern type: (identifier) @_err)
     (or_pattern (tuple_struct_pattern type: (identifier) @_err))
   ])
   value: (_) @_handler) @catch
 (#eq? @_err "Err")
 (#not-match? @_handler "^(return|break|panic!|unreachable!|bail!|(std::)?process::exit)")
 (#not-match? @_handler "(return|break|panic!|bail!)[^;{}]*;?\\s*\\}$"))

; `if let Err(e) = conn.execute(..).await { warn!(..); }`.
((if_expression
   condition: (let_condition
     pattern: (tuple_struct_pattern type: (identifier) @_err))
   consequence: (block) @_handler) @catch
 (#eq? @_err "Err")
 (#not-match? @_handler "(return|break|panic!|bail!)[^;{}]*;?\\s*\\}$"))

; `let Ok(resp) = client.get(url).send().await else { continue; };`.
((let_declaration
   pattern: (tuple_struct_pattern type: (identifier) @_ok)
   alternative: (block) @_handler) @catch
 (#eq? @_ok "Ok")
 (#not-match? @_handler "(return|break|panic!|bail!)[^;{}]*;?\\s*\\}$"))

; `if res.is_err() { continue; }`, `.or_else(|e| ..)`, `.unwrap_or_else(|e| ..)`: an error
; swallowed and tried again. Only with a closure that takes the error: an Option's
; `.unwrap_or_else(|| default)` or `.unwrap_or_default()` handles no error.
((call_expression
   function: (field_expression field: (field_identifier) @_method)) @catch
 (#eq? @_method "is_err"))
((call_expression
   function: (field_expression field: (field_identifier) @_method)
   arguments: (arguments (closure_expression parameters: (closure_parameters) @_params))) @catch
 (#any-of? @_method "or_else" "unwrap_or_else")
 (#not-eq? @_params "||"))

; ---------------------------------------------------------------------------------------------
; @sleep: a wait before trying again.
; ---------------------------------------------------------------------------------------------

; `tokio::time::sleep(d).await`, `std::thread::sleep(d)`, `thread::sleep(d)`, `sleep(d)`,
; `async_std::task::sleep(d)`, `tokio::time::sleep_until(t)`, old tokio `delay_for(d)`.
((call_expression
   function: [
     (identifier) @_function
     (scoped_identifier name: (identifier) @_function)
   ]) @sleep
 (#any-of? @_function "sleep" "sleep_until" "delay_for" "delay_until"))

; futures-timer `Delay::new(d).await`.
((call_expression
   function: (scoped_identifier
     path: (identifier) @_type
     name: (identifier) @_new)) @sleep
 (#eq? @_type "Delay")
 (#eq? @_new "new"))

; A tokio interval / ticker: `interval.tick().await`.
((call_expression
   function: (field_expression
     value: (_) @_ticker
     field: (field_identifier) @_method)) @sleep
 (#match? @_ticker "(interval|ticker|ticks)$")
 (#eq? @_method "tick"))

; backoff / exponential-backoff / backon crates handing out the next delay:
; `backoff.next_backoff()`, `policy.next_delay()` (the caller waits for it).
((call_expression
   function: (field_expression field: (field_identifier) @_method)) @sleep
 (#any-of? @_method "next_backoff" "next_delay"))

; ---------------------------------------------------------------------------------------------
; @clock: readings of the clock.
; ---------------------------------------------------------------------------------------------

; `Instant::now()`, `SystemTime::now()`, `tokio::time::Instant::now()`, `Utc::now()`.
((call_expression
   function: (scoped_identifier
     path: (_) @_clock
     name: (identifier) @_now)) @clock
 (#match? @_clock "(^|::)(Instant|SystemTime|Utc|Local|OffsetDateTime)$")
 (#any-of? @_now "now" "now_utc"))

; `started.elapsed()`, `deadline.saturating_duration_since(..)` / `.duration_since(..)`.
((call_expression
   function: (field_expression field: (field_identifier) @_method)) @clock
 (#any-of? @_method "elapsed" "duration_since" "saturating_duration_since"))

; ---------------------------------------------------------------------------------------------
; @compare: binary comparisons.
; ---------------------------------------------------------------------------------------------

(binary_expression operator: _ @_operator (#any-of? @_operator "<" "<=" ">" ">=" "==" "!=")) @compare

; Pagination stops (rule unbounded-pagination): a test that a page came back empty or without a
; next link: `page.is_empty()`, `next.is_none()`, `rows.len() < size`, a `None =>` arm.
((call_expression
   function: (field_expression field: (field_identifier) @_method)) @stop
 (#any-of? @_method "is_empty" "is_none" "has_more" "has_next_page"))
((binary_expression
   left: (call_expression function: (field_expression field: (field_identifier) @_len))) @stop
 (#eq? @_len "len"))
((match_arm pattern: (match_pattern (identifier) @_none)) @stop
 (#eq? @_none "None"))
((field_expression field: (field_identifier) @_flag) @stop
 (#any-of? @_flag "has_more" "has_next_page" "is_last"))
