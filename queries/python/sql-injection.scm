; SQL execution sinks: @sink.sql is the argument holding the SQL text.

; DB-API cursors and connections (sqlite3, psycopg, psycopg2, pymysql, mysqlclient, Django's
; connection.cursor()), SQLAlchemy's exec_driver_sql. The text must read like SQL, which keeps
; unrelated `.execute()` methods (task runners, shells) out.
(call
  function: (attribute
    attribute: (identifier) @sink.name)
  arguments: (argument_list . (comment)* . (_) @sink.sql)
  (#any-of? @sink.name "execute" "executemany" "executescript" "exec_driver_sql" "mogrify")
  (#match? @sink.sql "(?i)\\b(select|insert|update|delete|from|where|into|values|set|join|order\\s+by|group\\s+by|limit|create|alter|drop|truncate|pragma|table)\\b")) @sink.call

; Names that always take SQL text: pandas read_sql / read_sql_query, Django RawSQL.
(call
  function: [
    (identifier) @sink.name
    (attribute attribute: (identifier) @sink.name)
  ]
  arguments: (argument_list . (comment)* . (_) @sink.sql)
  (#any-of? @sink.name "read_sql" "read_sql_query" "RawSQL")) @sink.call

; Generic names that take SQL in some libraries: SQLAlchemy text(), Django Manager.raw(),
; asyncpg fetch / fetchrow / fetchval. Only when the text has the shape of a SQL statement.
(call
  function: [
    (identifier) @sink.name
    (attribute attribute: (identifier) @sink.name)
  ]
  arguments: (argument_list . (comment)* . (_) @sink.sql)
  (#any-of? @sink.name "text" "raw" "fetch" "fetchrow" "fetchval")
  (#match? @sink.sql "(?is)\\b(select\\b.*\\bfrom|insert\\s+into|update\\b.*\\bset|delete\\s+from|replace\\s+into|create\\s+(table|index|view)|alter\\s+table|drop\\s+(table|index|view)|truncate\\s+table)\\b")) @sink.call
