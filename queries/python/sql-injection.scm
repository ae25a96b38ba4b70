; SQL execution sinks: @sink.sql is the argument holding the SQL text.

; DB-API cursors and connections (sqlite3, psycopg, psycopg2, pymysql, mysqlclient, Django's
; connection.cursor()), SQLAlchemy's exec_driver_sql. The text's constant fragments must mention SQL (shape "sql"), which keeps
; unrelated `.execute()` methods (task runners, shells) out.
(call
  function: (attribute
    attribute: (identifier) @sink.name)
  arguments: (argument_list . (_) @sink.sql)
  (#any-of? @sink.name "execute" "executemany" "executescript" "exec_driver_sql" "mogrify")
  (#set! shape "sql")) @sink.call

; Names that always take SQL text: pandas read_sql / read_sql_query, Django RawSQL.
(call
  function: [
    (identifier) @sink.name
    (attribute attribute: (identifier) @sink.name)
  ]
  arguments: (argument_list . (_) @sink.sql)
  (#any-of? @sink.name "read_sql" "read_sql_query" "RawSQL")) @sink.call

; Generic names that take SQL in some libraries: SQLAlchemy text(), Django Manager.raw(),
; asyncpg fetch / fetchrow / fetchval. Only when the text's constant fragments read as a SQL statement.
(call
  function: [
    (identifier) @sink.name
    (attribute attribute: (identifier) @sink.name)
  ]
  arguments: (argument_list . (_) @sink.sql)
  (#any-of? @sink.name "text" "raw" "fetch" "fetchrow" "fetchval")
  (#set! shape "sql-statement")) @sink.call

; Django QuerySet.extra(where=[…], select={…}, order_by=[…]): each entry is raw SQL.
(call
  function: (attribute
    attribute: (identifier) @sink.name)
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @_keyword
      value: [
        (list (_) @sink.sql)
        (dictionary (pair value: (_) @sink.sql))
      ]))
  (#eq? @sink.name "extra")
  (#any-of? @_keyword "where" "select" "order_by" "tables")) @sink.call
