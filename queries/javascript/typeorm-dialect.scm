; TypeORM's connection options (rule missing-index, shared with TypeScript): which database the
; entities live in. `new DataSource({ type: "postgres" })`, `TypeOrmModule.forRoot({ type })`,
; `createConnection({ type })`. The options are the first argument: a step on any argument would
; keep the match open, on every node, until the last argument of every call ends.
((new_expression
   constructor: (identifier) @_source
   arguments: (arguments (object (pair key: (property_identifier) @_type value: (string (string_fragment) @_database))))) @db.dialect
 (#eq? @_source "DataSource")
 (#eq? @_type "type")
 (#any-of? @_database "postgres" "cockroachdb" "aurora-postgres")
 (#set! dialect "postgres"))
((new_expression
   constructor: (identifier) @_source
   arguments: (arguments (object (pair key: (property_identifier) @_type value: (string (string_fragment) @_database))))) @db.dialect
 (#eq? @_source "DataSource")
 (#eq? @_type "type")
 (#any-of? @_database "mysql" "mariadb" "aurora-mysql")
 (#set! dialect "mysql"))
((new_expression
   constructor: (identifier) @_source
   arguments: (arguments (object (pair key: (property_identifier) @_type value: (string (string_fragment) @_database))))) @db.dialect
 (#eq? @_source "DataSource")
 (#eq? @_type "type")
 (#any-of? @_database "sqlite" "better-sqlite3")
 (#set! dialect "sqlite"))
((call_expression
   function: [(identifier) @_open (member_expression property: (property_identifier) @_open)]
   arguments: (arguments . (object (pair key: (property_identifier) @_type value: (string (string_fragment) @_database))))) @db.dialect
 (#any-of? @_open "forRoot" "createConnection")
 (#eq? @_type "type")
 (#any-of? @_database "postgres" "cockroachdb" "aurora-postgres")
 (#set! dialect "postgres"))
((call_expression
   function: [(identifier) @_open (member_expression property: (property_identifier) @_open)]
   arguments: (arguments . (object (pair key: (property_identifier) @_type value: (string (string_fragment) @_database))))) @db.dialect
 (#any-of? @_open "forRoot" "createConnection")
 (#eq? @_type "type")
 (#any-of? @_database "mysql" "mariadb" "aurora-mysql")
 (#set! dialect "mysql"))
