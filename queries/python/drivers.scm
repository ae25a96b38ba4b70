; Drivers (rule missing-index): which database a file's raw SQL goes to, for the SQL dialect and
; for whether foreign keys are indexed (MySQL's InnoDB indexes them, PostgreSQL does not).

((import_statement name: (dotted_name . (identifier) @_driver)) @db.dialect
 (#any-of? @_driver "psycopg" "psycopg2" "asyncpg" "pg8000")
 (#set! dialect "postgres"))
((import_from_statement module_name: (dotted_name . (identifier) @_driver)) @db.dialect
 (#any-of? @_driver "psycopg" "psycopg2" "asyncpg" "pg8000")
 (#set! dialect "postgres"))
((import_statement name: (dotted_name . (identifier) @_driver)) @db.dialect
 (#any-of? @_driver "MySQLdb" "pymysql" "mysql" "aiomysql")
 (#set! dialect "mysql"))
((import_from_statement module_name: (dotted_name . (identifier) @_driver)) @db.dialect
 (#any-of? @_driver "MySQLdb" "pymysql" "mysql" "aiomysql")
 (#set! dialect "mysql"))
((import_statement name: (dotted_name . (identifier) @_driver)) @db.dialect
 (#any-of? @_driver "sqlite3" "aiosqlite")
 (#set! dialect "sqlite"))
((import_from_statement module_name: (dotted_name . (identifier) @_driver)) @db.dialect
 (#any-of? @_driver "sqlite3" "aiosqlite")
 (#set! dialect "sqlite"))
