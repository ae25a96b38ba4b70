; Drivers (rule missing-index): which database a file's SQL goes to, for the SQL dialect and for
; whether foreign keys are indexed (MySQL's InnoDB indexes them, PostgreSQL and SQLite do not).
; Cargo features are not visible from the code, so the hints are the driver crates' paths and
; their pool, connection and backend types where a file brings them in or names them in full:
; `use sqlx::PgPool;`, `use sqlx::{Pool, Postgres};`, `use diesel::pg::PgConnection;`,
; `use rusqlite::{params, Connection};`, `tokio_postgres::connect(…)`,
; `rusqlite::Connection::open(…)`, `PgPoolOptions::new()`, `conn: &mut diesel::SqliteConnection`
; (sqlx and Diesel name their connections alike). A bare type (`pool: &PgPool`) needs its `use`
; in the same file, which is the hint. Patterns start at `use` declarations, calls and
; qualified types, never at every identifier: that would cost a match per identifier of every
; Rust file.

; postgres
((use_declaration argument: [
   (identifier) @db.dialect
   (scoped_identifier path: (identifier) @db.dialect)
   (scoped_identifier name: (identifier) @db.dialect)
   (scoped_identifier path: (scoped_identifier name: (identifier) @db.dialect))
   (scoped_use_list path: (identifier) @db.dialect)
   (scoped_use_list path: (scoped_identifier name: (identifier) @db.dialect))
   (scoped_use_list list: (use_list [
     (identifier) @db.dialect
     (scoped_identifier path: (identifier) @db.dialect)
     (scoped_identifier name: (identifier) @db.dialect)
   ]))
 ])
 (#any-of? @db.dialect
   "PgPool" "PgPoolOptions" "PgConnection" "PgConnectOptions" "PgRow" "PgListener" "PgQueryResult"
   "Postgres" "Pg" "pg" "postgres" "tokio_postgres" "deadpool_postgres" "bb8_postgres"
   "r2d2_postgres" "postgres_types")
 (#set! dialect "postgres"))
((call_expression function: (scoped_identifier path: [
   (identifier) @db.dialect
   (scoped_identifier path: (identifier) @db.dialect)
   (scoped_identifier name: (identifier) @db.dialect)
 ]))
 (#any-of? @db.dialect
   "PgPool" "PgPoolOptions" "PgConnection" "PgConnectOptions" "PgRow" "PgListener" "PgQueryResult"
   "Postgres" "Pg" "pg" "postgres" "tokio_postgres" "deadpool_postgres" "bb8_postgres"
   "r2d2_postgres" "postgres_types")
 (#set! dialect "postgres"))
((scoped_type_identifier [
   path: (identifier) @db.dialect
   path: (scoped_identifier name: (identifier) @db.dialect)
   name: (type_identifier) @db.dialect
 ])
 (#any-of? @db.dialect
   "PgPool" "PgPoolOptions" "PgConnection" "PgConnectOptions" "PgRow" "PgListener" "PgQueryResult"
   "Postgres" "Pg" "pg" "postgres" "tokio_postgres" "deadpool_postgres" "bb8_postgres"
   "r2d2_postgres" "postgres_types")
 (#set! dialect "postgres"))

; mysql
((use_declaration argument: [
   (identifier) @db.dialect
   (scoped_identifier path: (identifier) @db.dialect)
   (scoped_identifier name: (identifier) @db.dialect)
   (scoped_identifier path: (scoped_identifier name: (identifier) @db.dialect))
   (scoped_use_list path: (identifier) @db.dialect)
   (scoped_use_list path: (scoped_identifier name: (identifier) @db.dialect))
   (scoped_use_list list: (use_list [
     (identifier) @db.dialect
     (scoped_identifier path: (identifier) @db.dialect)
     (scoped_identifier name: (identifier) @db.dialect)
   ]))
 ])
 (#any-of? @db.dialect
   "MySqlPool" "MySqlPoolOptions" "MySqlConnection" "MySqlConnectOptions" "MySqlRow"
   "MySqlQueryResult" "MySql" "MysqlConnection" "Mysql" "mysql" "mysql_async" "r2d2_mysql")
 (#set! dialect "mysql"))
((call_expression function: (scoped_identifier path: [
   (identifier) @db.dialect
   (scoped_identifier path: (identifier) @db.dialect)
   (scoped_identifier name: (identifier) @db.dialect)
 ]))
 (#any-of? @db.dialect
   "MySqlPool" "MySqlPoolOptions" "MySqlConnection" "MySqlConnectOptions" "MySqlRow"
   "MySqlQueryResult" "MySql" "MysqlConnection" "Mysql" "mysql" "mysql_async" "r2d2_mysql")
 (#set! dialect "mysql"))
((scoped_type_identifier [
   path: (identifier) @db.dialect
   path: (scoped_identifier name: (identifier) @db.dialect)
   name: (type_identifier) @db.dialect
 ])
 (#any-of? @db.dialect
   "MySqlPool" "MySqlPoolOptions" "MySqlConnection" "MySqlConnectOptions" "MySqlRow"
   "MySqlQueryResult" "MySql" "MysqlConnection" "Mysql" "mysql" "mysql_async" "r2d2_mysql")
 (#set! dialect "mysql"))

; sqlite
((use_declaration argument: [
   (identifier) @db.dialect
   (scoped_identifier path: (identifier) @db.dialect)
   (scoped_identifier name: (identifier) @db.dialect)
   (scoped_identifier path: (scoped_identifier name: (identifier) @db.dialect))
   (scoped_use_list path: (identifier) @db.dialect)
   (scoped_use_list path: (scoped_identifier name: (identifier) @db.dialect))
   (scoped_use_list list: (use_list [
     (identifier) @db.dialect
     (scoped_identifier path: (identifier) @db.dialect)
     (scoped_identifier name: (identifier) @db.dialect)
   ]))
 ])
 (#any-of? @db.dialect
   "SqlitePool" "SqlitePoolOptions" "SqliteConnection" "SqliteConnectOptions" "SqliteRow"
   "SqliteQueryResult" "Sqlite" "sqlite" "rusqlite" "tokio_rusqlite" "r2d2_sqlite"
   "deadpool_sqlite")
 (#set! dialect "sqlite"))
((call_expression function: (scoped_identifier path: [
   (identifier) @db.dialect
   (scoped_identifier path: (identifier) @db.dialect)
   (scoped_identifier name: (identifier) @db.dialect)
 ]))
 (#any-of? @db.dialect
   "SqlitePool" "SqlitePoolOptions" "SqliteConnection" "SqliteConnectOptions" "SqliteRow"
   "SqliteQueryResult" "Sqlite" "sqlite" "rusqlite" "tokio_rusqlite" "r2d2_sqlite"
   "deadpool_sqlite")
 (#set! dialect "sqlite"))
((scoped_type_identifier [
   path: (identifier) @db.dialect
   path: (scoped_identifier name: (identifier) @db.dialect)
   name: (type_identifier) @db.dialect
 ])
 (#any-of? @db.dialect
   "SqlitePool" "SqlitePoolOptions" "SqliteConnection" "SqliteConnectOptions" "SqliteRow"
   "SqliteQueryResult" "Sqlite" "sqlite" "rusqlite" "tokio_rusqlite" "r2d2_sqlite"
   "deadpool_sqlite")
 (#set! dialect "sqlite"))

; SQL that runs without being a sink: sqlx's compile-time checked macros take the SQL as a
; string literal in their token tree (`sqlx::query!("… WHERE id = $1", id)`,
; `query_as!(User, r#"…"#, id)`, `query_scalar!(…)`). The database checks the text at build
; time and the values are always bound, so these are not injection sinks; the missing-index
; rule parses the literal and reports on the macro (the `@db.call` of the same match).
((macro_invocation
   macro: [
     (identifier) @_macro @db.name
     (scoped_identifier name: (identifier) @_macro @db.name)
   ]
   (token_tree . [(string_literal) (raw_string_literal)] @db.sql)) @db.call
 (#any-of? @_macro "query" "query_scalar" "query_unchecked" "query_scalar_unchecked"))
; query_as!(Row, "…", …) and query_as!(crate::models::Row, "…", …): the text follows the type.
((macro_invocation
   macro: [
     (identifier) @_macro @db.name
     (scoped_identifier name: (identifier) @_macro @db.name)
   ]
   (token_tree (identifier) . [(string_literal) (raw_string_literal)] @db.sql)) @db.call
 (#any-of? @_macro "query_as" "query_as_unchecked"))

; Other calls that take SQL text first and are not injection sinks in the shipped packs: the
; `mysql` and `mysql_async` crates' Queryable methods (`conn.exec_first("… WHERE id = ?",
; (id,))`, `conn.query_drop(…)`, `conn.prep(…)`), rusqlite's `query_row_and_then` and
; tokio-postgres' `query_typed`. Text that is not SQL does not parse and adds nothing.
((call_expression
   function: (field_expression field: (field_identifier) @_method @db.name)
   arguments: (arguments . (_) @db.sql)) @db.call
 (#any-of? @_method
   "exec" "exec_drop" "exec_first" "exec_first_opt" "exec_map" "exec_iter" "exec_fold"
   "exec_batch" "query_drop" "query_first" "query_first_opt" "query_iter" "query_fold" "prep"
   "query_row_and_then" "query_typed" "query_typed_raw"))
