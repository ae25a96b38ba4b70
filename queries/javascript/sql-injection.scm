; SQL execution sinks (shared with TypeScript): @sink.sql is the argument holding the SQL text.

; mysql, mysql2, pg, sequelize, TypeORM: connection / pool / client / sequelize / manager
; .query(sql) and mysql2 .execute(sql). The text's constant fragments must mention SQL (shape "sql"), which keeps GraphQL and
; other `.query()` methods out.
(call_expression
  function: [
    (member_expression property: (property_identifier) @sink.name)
    ; TypeScript's grammar reads `await pool.query<T>(…)` as `(await pool.query)<T>(…)`
    (await_expression (member_expression property: (property_identifier) @sink.name))
  ]
  arguments: (arguments . (_) @sink.sql)
  (#any-of? @sink.name "query" "execute")
  (#set! shape "sql")) @sink.call

; Names that always take SQL text: knex raw fragments, Sequelize literal, Prisma's unsafe raw
; queries (the tagged-template $queryRaw`…` is parameterised and is not a call with arguments).
(call_expression
  function: [
    (member_expression property: (property_identifier) @sink.name)
    ; TypeScript's grammar reads `await pool.query<T>(…)` as `(await pool.query)<T>(…)`
    (await_expression (member_expression property: (property_identifier) @sink.name))
  ]
  arguments: (arguments . (_) @sink.sql)
  (#any-of? @sink.name
    "raw" "whereRaw" "orWhereRaw" "andWhereRaw" "havingRaw" "orHavingRaw" "orderByRaw"
    "groupByRaw" "joinRaw" "fromRaw" "literal" "$queryRawUnsafe" "$executeRawUnsafe")) @sink.call

; better-sqlite3 / sqlite3: db.exec, db.prepare, db.run, db.all, db.get, db.each take SQL, but
; the names are generic, so only text whose constant fragments read as a SQL statement counts.
(call_expression
  function: [
    (member_expression property: (property_identifier) @sink.name)
    ; TypeScript's grammar reads `await pool.query<T>(…)` as `(await pool.query)<T>(…)`
    (await_expression (member_expression property: (property_identifier) @sink.name))
  ]
  arguments: (arguments . (_) @sink.sql)
  (#any-of? @sink.name "exec" "prepare" "run" "all" "get" "each")
  (#set! shape "sql-statement")) @sink.call

; TypeORM query builders: .where("user.id = :id", { id }) binds; a condition built from values
; does not. knex's where(column, value) quotes its column, so only text that reads as a
; condition (an operator or a keyword) counts.
(call_expression
  function: (member_expression
    property: (property_identifier) @sink.name)
  arguments: (arguments . (_) @sink.sql)
  (#any-of? @sink.name "where" "andWhere" "orWhere" "having" "andHaving" "orHaving")
  (#set! shape "sql-condition")) @sink.call
