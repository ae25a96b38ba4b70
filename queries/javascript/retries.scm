; Retry loops (rule uncapped-retry): calls that can fail transiently, error handlers, waits,
; clocks, comparisons and counters. Shared with TypeScript and TSX.

; Network, database and subprocess calls.
; fetch(url), axios(cfg), got(url), ky(url), undici's request(url); child_process functions
; imported by name: exec / execFile / spawnSync (and their Sync forms), execa(cmd).
((call_expression
   function: (identifier) @_function) @io
 (#any-of? @_function
   "fetch" "axios" "got" "ky" "request"
   "exec" "execSync" "execFile" "execFileSync" "spawnSync" "execa" "execaCommand"))

; HTTP clients, by the name of the receiver only (never any object's get()):
; axios.get(url), got.post(url), http.request(opts), https.get(url), this.client.get(path).
((call_expression
   function: (member_expression
     object: [
       (identifier) @_client
       (member_expression property: (property_identifier) @_client)
     ]
     property: (property_identifier) @_method)) @io
 (#match? @_client "^(axios|got|ky|superagent|http|https|httpClient|http_client|client|apiClient|api|session|undici)$")
 (#any-of? @_method "get" "post" "put" "patch" "delete" "head" "request" "fetch"))

; Databases, by the name of the receiver: pool.query(sql), client.query(sql),
; connection.execute(sql) (mysql2), client.connect(), this.pool.connect(),
; mongoose.connect(uri), MongoClient.connect(uri), redis.connect().
((call_expression
   function: (member_expression
     object: [
       (identifier) @_db
       (member_expression property: (property_identifier) @_db)
     ]
     property: (property_identifier) @_method)) @io
 (#match? @_db "^(pool|client|db|conn|connection|pg|mysql|sql|database|knex|tx|trx|sequelize|mongoose|MongoClient|redis)$")
 (#any-of? @_method "query" "execute" "connect" "getConnection" "authenticate"))

; Sockets: net.connect(port), net.createConnection(opts), tls.connect(opts).
((call_expression
   function: (member_expression
     object: (identifier) @_module
     property: (property_identifier) @_method)) @io
 (#any-of? @_module "net" "tls")
 (#any-of? @_method "connect" "createConnection"))

; child_process.execFile(cmd), cp.spawnSync(cmd, args), childProcess.exec(cmd).
((call_expression
   function: (member_expression
     object: (identifier) @_module
     property: (property_identifier) @_method)) @io
 (#any-of? @_module "child_process" "cp" "childProcess")
 (#any-of? @_method "exec" "execSync" "execFile" "execFileSync" "spawn" "spawnSync"))

; Error handlers: where a failure goes. try { … } catch (err) { … }, and a promise's
; .catch(handler) (the call sits in the loop's own function, unlike the handler).
(catch_clause) @catch
((call_expression
   function: (member_expression property: (property_identifier) @_method)) @catch
 (#eq? @_method "catch"))

; Waits: await sleep(ms), await delay(ms), await wait(ms), await setTimeout(ms) from
; timers/promises (also timers.setTimeout(ms), scheduler.wait(ms)).
((await_expression
   (call_expression
     function: [
       (identifier) @_function
       (member_expression property: (property_identifier) @_function)
     ])) @sleep
 (#any-of? @_function "sleep" "delay" "wait" "setTimeout" "pause" "backoff" "wait_for_backoff"))

; await new Promise((resolve) => setTimeout(resolve, ms)), with an expression or block body,
; arrow function or function expression.
((await_expression
   (new_expression
     constructor: (identifier) @_promise
     arguments: (arguments
       [
         (arrow_function body: (call_expression function: (identifier) @_timer))
         (arrow_function
           body: (statement_block
             (expression_statement (call_expression function: (identifier) @_timer))))
         (function_expression
           body: (statement_block
             (expression_statement (call_expression function: (identifier) @_timer))))
       ]))) @sleep
 (#eq? @_promise "Promise")
 (#eq? @_timer "setTimeout"))

; Clocks: Date.now(), performance.now(), process.hrtime(), process.hrtime.bigint(),
; process.uptime().
((call_expression
   function: (member_expression) @_function) @clock
 (#match? @_function "^(Date\\.now|performance\\.now|process\\.hrtime|process\\.hrtime\\.bigint|process\\.uptime)$"))
; new Date() with no argument: the current time (new Date(row.created) is not a clock).
((new_expression
   constructor: (identifier) @_date) @clock
 (#eq? @_date "Date")
 (#match? @clock "^new\\s+Date(\\(\\s*\\))?$"))

; Comparisons: attempts >= MAX, Date.now() > deadline, tries === limit.
(binary_expression operator: _ @_operator (#any-of? @_operator "<" "<=" ">" ">=" "==" "===" "!=" "!==")) @compare

; Counters the loop changes that are not recorded as appended (`+=` is, in structure.scm):
; attempts++, --left, state.attempts++, left -= 1, delay *= 2, this.tries += 1.
(update_expression argument: [(identifier) (member_expression)] @mutate)
(augmented_assignment_expression left: [(identifier) (member_expression)] @mutate)
; attempts = attempts + 1: the name assigned a value computed from itself.
((assignment_expression
   left: (identifier) @mutate
   right: (binary_expression left: (identifier) @_same))
 (#eq? @mutate @_same))

; Pagination stops (rule unbounded-pagination): a test that a page came back empty or without a
; next link: `if (!items.length)`, `if (next === null)`, `if (rows.length < size)`, `hasMore`.
(unary_expression operator: "!") @stop
(binary_expression
  operator: _ @_operator (#any-of? @_operator "===" "==" "!==" "!=")
  right: [(null) (undefined)]) @stop
((binary_expression
   left: (member_expression property: (property_identifier) @_length)) @stop
 (#eq? @_length "length"))
((member_expression property: (property_identifier) @_flag) @stop
 (#any-of? @_flag "hasMore" "has_more" "hasNextPage" "isLast" "last" "done"))
