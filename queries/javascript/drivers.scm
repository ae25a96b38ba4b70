; Drivers (rule missing-index, shared with TypeScript): which database a file's raw SQL goes to,
; for the SQL dialect and for whether foreign keys are indexed (MySQL's InnoDB indexes them,
; PostgreSQL and SQLite do not). `require("pg")`, `import { Pool } from "pg"`.
((call_expression
   function: (identifier) @_require
   arguments: (arguments . (string (string_fragment) @_driver))) @db.dialect
 (#eq? @_require "require")
 (#any-of? @_driver "pg" "pg-promise" "postgres" "@neondatabase/serverless" "@vercel/postgres" "slonik")
 (#set! dialect "postgres"))
((import_statement source: (string (string_fragment) @_driver)) @db.dialect
 (#any-of? @_driver "pg" "pg-promise" "postgres" "@neondatabase/serverless" "@vercel/postgres" "slonik")
 (#set! dialect "postgres"))
((call_expression
   function: (identifier) @_require
   arguments: (arguments . (string (string_fragment) @_driver))) @db.dialect
 (#eq? @_require "require")
 (#any-of? @_driver "mysql" "mysql2" "mysql2/promise" "mariadb" "@planetscale/database")
 (#set! dialect "mysql"))
((import_statement source: (string (string_fragment) @_driver)) @db.dialect
 (#any-of? @_driver "mysql" "mysql2" "mysql2/promise" "mariadb" "@planetscale/database")
 (#set! dialect "mysql"))
((call_expression
   function: (identifier) @_require
   arguments: (arguments . (string (string_fragment) @_driver))) @db.dialect
 (#eq? @_require "require")
 (#any-of? @_driver "sqlite3" "better-sqlite3" "sqlite" "@libsql/client" "bun:sqlite")
 (#set! dialect "sqlite"))
((import_statement source: (string (string_fragment) @_driver)) @db.dialect
 (#any-of? @_driver "sqlite3" "better-sqlite3" "sqlite" "@libsql/client" "bun:sqlite")
 (#set! dialect "sqlite"))
