; SQL execution sinks (shared with TypeScript): @sink.sql is the argument holding the SQL text.

; mysql, mysql2, pg, sequelize, TypeORM: connection / pool / client / sequelize / manager
; .query(sql) and mysql2 .execute(sql). The text must read like SQL, which keeps GraphQL and
; other `.query()` methods out.
(call_expression
  function: [
    (member_expression property: (property_identifier) @sink.name)
    ; TypeScript's grammar reads `await pool.query<T>(…)` as `(await pool.query)<T>(…)`
    (await_expression (member_expression property: (property_identifier) @sink.name))
  ]
  arguments: (arguments . (comment)* . (_) @sink.sql)
  (#any-of? @sink.name "query" "execute")
  (#match? @sink.sql "(?i)\\b(select|insert|update|delete|from|where|into|values|set|join|order\\s+by|group\\s+by|limit|create|alter|drop|truncate|pragma|table)\\b")) @sink.call

; Names that always take SQL text: knex raw fragments, Sequelize literal, Prisma's unsafe raw
; queries (the tagged-template $queryRaw`…` is parameterised and is not a call with arguments).
(call_expression
  function: [
    (member_expression property: (property_identifier) @sink.name)
    ; TypeScript's grammar reads `await pool.query<T>(…)` as `(await pool.query)<T>(…)`
    (await_expression (member_expression property: (property_identifier) @sink.name))
  ]
  arguments: (arguments . (comment)* . (_) @sink.sql)
  (#any-of? @sink.name
    "raw" "whereRaw" "orWhereRaw" "andWhereRaw" "havingRaw" "orHavingRaw" "orderByRaw"
    "groupByRaw" "joinRaw" "fromRaw" "literal" "$queryRawUnsafe" "$executeRawUnsafe")) @sink.call

; better-sqlite3 / sqlite3: db.exec, db.prepare, db.run, db.all, db.get, db.each take SQL, but
; the names are generic, so only text shaped like a SQL statement counts.
(call_expression
  function: [
    (member_expression property: (property_identifier) @sink.name)
    ; TypeScript's grammar reads `await pool.query<T>(…)` as `(await pool.query)<T>(…)`
    (await_expression (member_expression property: (property_identifier) @sink.name))
  ]
  arguments: (arguments . (comment)* . (_) @sink.sql)
  (#any-of? @sink.name "exec" "prepare" "run" "all" "get" "each")
  (#match? @sink.sql "(?is)\\b(select\\b.*\\bfrom|insert\\s+into|update\\b.*\\bset|delete\\s+from|replace\\s+into|create\\s+(table|index|view)|alter\\s+table|drop\\s+(table|index|view)|truncate\\s+table)\\b")) @sink.call
