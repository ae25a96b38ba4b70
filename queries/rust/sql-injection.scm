; SQL execution sinks: @sink.sql is the argument holding the SQL text.

; sqlx::query / query_as / query_scalar / query_with / raw_sql, diesel::sql_query, possibly
; path-qualified or turbofished. The checked macros (sqlx::query!) are not calls and stay safe.
(call_expression
  function: [
    (identifier) @sink.name
    (scoped_identifier name: (identifier) @sink.name)
    (generic_function function: [
      (identifier) @sink.name
      (scoped_identifier name: (identifier) @sink.name)
    ])
  ]
  arguments: (arguments . (_) @sink.sql)
  (#any-of? @sink.name "query" "query_as" "query_scalar" "query_with" "query_as_with" "raw_sql" "sql_query")) @sink.call

; rusqlite Connection and postgres / tokio-postgres Client methods that take SQL text first.
(call_expression
  function: (field_expression
    field: (field_identifier) @sink.name)
  arguments: (arguments . (_) @sink.sql)
  (#any-of? @sink.name
    "execute" "execute_batch" "batch_execute" "simple_query" "query" "query_one" "query_opt"
    "query_row" "query_map" "query_raw" "prepare" "prepare_cached")
  (#set! shape "sql")) @sink.call

; diesel::dsl::sql::<T>(text) (a raw fragment, usually a condition) and sea-orm's
; Statement::from_string(backend, text).
(call_expression
  function: [
    (scoped_identifier name: (identifier) @sink.name)
    (generic_function function: [
      (identifier) @sink.name
      (scoped_identifier name: (identifier) @sink.name)
    ])
  ]
  arguments: (arguments . (_) @sink.sql)
  (#eq? @sink.name "sql")
  (#set! shape "sql-condition")) @sink.call
(call_expression
  function: (scoped_identifier
    path: (identifier) @_type
    name: (identifier) @sink.name)
  arguments: (arguments . (_) . (_) @sink.sql)
  (#eq? @_type "Statement")
  (#any-of? @sink.name "from_string" "from_sql_and_values")) @sink.call
