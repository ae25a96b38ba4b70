; Drivers (rule missing-index): which database a file's SQL goes to, for the SQL dialect and for
; whether foreign keys are indexed (MySQL's InnoDB indexes them, PostgreSQL and SQLite do not).
; Cargo features are not visible from the code, so the hints are the driver crates' paths and
; their connection, pool and backend types wherever they are written: `use sqlx::PgPool;`,
; `pool: &PgPool`, `sqlx::Pool<Postgres>`, `tokio_postgres::connect(…)`,
; `rusqlite::Connection::open(…)`, `conn: &mut SqliteConnection` (sqlx and Diesel name their
; connections alike), `diesel::pg::Pg`.

((identifier) @db.dialect
 (#any-of? @db.dialect
   "PgPool" "PgPoolOptions" "PgConnection" "PgConnectOptions" "PgRow" "PgListener" "PgQueryResult"
   "PgPoolCopyExt" "Postgres" "Pg" "tokio_postgres" "postgres" "deadpool_postgres" "bb8_postgres"
   "r2d2_postgres" "postgres_types" "pg")
 (#set! dialect "postgres"))
((type_identifier) @db.dialect
 (#any-of? @db.dialect
   "PgPool" "PgPoolOptions" "PgConnection" "PgConnectOptions" "PgRow" "PgListener" "PgQueryResult"
   "Postgres" "Pg")
 (#set! dialect "postgres"))

((identifier) @db.dialect
 (#any-of? @db.dialect
   "MySqlPool" "MySqlPoolOptions" "MySqlConnection" "MySqlConnectOptions" "MySqlRow"
   "MySqlQueryResult" "MySql" "MysqlConnection" "Mysql" "mysql" "mysql_async" "r2d2_mysql")
 (#set! dialect "mysql"))
((type_identifier) @db.dialect
 (#any-of? @db.dialect
   "MySqlPool" "MySqlPoolOptions" "MySqlConnection" "MySqlConnectOptions" "MySqlRow"
   "MySqlQueryResult" "MySql" "MysqlConnection" "Mysql")
 (#set! dialect "mysql"))
((identifier) @db.dialect
 (#any-of? @db.dialect
   "SqlitePool" "SqlitePoolOptions" "SqliteConnection" "SqliteConnectOptions" "SqliteRow"
   "SqliteQueryResult" "Sqlite" "sqlite" "rusqlite" "tokio_rusqlite" "r2d2_sqlite" "deadpool_sqlite")
 (#set! dialect "sqlite"))
((type_identifier) @db.dialect
 (#any-of? @db.dialect
   "SqlitePool" "SqlitePoolOptions" "SqliteConnection" "SqliteConnectOptions" "SqliteRow"
   "SqliteQueryResult" "Sqlite")
 (#set! dialect "sqlite"))

; SQL that runs without being a sink: sqlx's compile-time checked macros take the SQL as a
; string literal in their token tree (`sqlx::query!("… WHERE id = $1", id)`,
; `query_as!(User, r#"…"#, id)`, `query_scalar!(…)`). The database checks the text at build
; time and the values are always bound, so these are not injection sinks; the missing-index
; rule parses the literal and reports on the macro (the `@db.call` of the same match). A
; literal that is not SQL (a bound string value) does not parse and adds nothing.
((macro_invocation
   macro: [
     (identifier) @_macro
     (scoped_identifier name: (identifier) @_macro)
   ]
   (token_tree [(string_literal) (raw_string_literal)] @db.sql)) @db.call
 (#any-of? @_macro
   "query" "query_as" "query_scalar" "query_unchecked" "query_as_unchecked"
   "query_scalar_unchecked"))
