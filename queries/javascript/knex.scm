; knex (rule missing-index, shared with TypeScript): query-builder chains, schema-builder
; migrations, and the client in the configuration.
;
; A chain starts at `knex("orders")` (any name for the instance: `db("orders")`,
; `trx("orders")`, `this.knex("orders")`) or `.from("orders")` / `.table("orders")`; the
; calls chained on it (`where`, `whereIn`, `orderBy`, and `select`, `first`, `limit`, … which
; only pass the query on) are one query, also through a variable holding the chain. Columns
; may be qualified with the chain's table (`"orders.status"`). `orWhere`, `whereNot` and joins
; add no column: an OR or a negation is not an ANDed filter, and a joined table's columns
; cannot be told apart from the chain's own.

; ---------------------------------------------------------------------------------------------
; Queries

; knex("orders"), db("orders"), this.knex("orders"): the root of a chain.
((call_expression
   function: [
     (identifier) @_instance
     (member_expression property: (property_identifier) @_instance)
   ]
   arguments: (arguments . (string (string_fragment) @db.table) .)) @db.call
 (#not-any-of? @_instance "require" "import" "createQueryBuilder" "t" "__" "debug" "$" "get" "post" "put" "patch" "use" "route" "on" "emit" "resolve" "join")
 (#set! words "where whereIn whereNull whereBetween whereLike whereILike andWhere orderBy"))
; knex.from("orders"), knex.select("id").from("orders"), knex.table("orders")
((call_expression
   function: (member_expression property: (property_identifier) @_from)
   arguments: (arguments . (string (string_fragment) @db.table) .)) @db.call
 (#any-of? @_from "from" "table" "into"))

; Calls that pass the query on.
((call_expression
   function: (member_expression object: (_) @db.receiver property: (property_identifier) @_method)) @db.call
 (#any-of? @_method
   "select" "first" "limit" "offset" "column" "columns" "distinct" "returning" "forUpdate"
   "forShare" "forNoKeyUpdate" "skipLocked" "noWait" "timeout" "modify" "clone" "transacting"
   "clearSelect" "clearOrder" "pluck" "whereNot" "whereNotIn" "whereNotNull" "orWhere"
   "orWhereIn" "orWhereNull" "andWhereNot" "update" "del" "delete" "count" "sum" "max" "min"
   "avg" "increment" "decrement"))

; .where("email", email), .andWhere("status", "paid"), .whereIn("id", ids), .whereNull("deleted_at")
((call_expression
   function: (member_expression object: (_) @db.receiver property: (property_identifier) @_method)
   arguments: (arguments . (string (string_fragment) @db.column) . (_) .)) @db.call
 (#any-of? @_method "where" "andWhere" "whereIn"))
((call_expression
   function: (member_expression object: (_) @db.receiver property: (property_identifier) @_method)
   arguments: (arguments . (string (string_fragment) @db.column) .)) @db.call
 (#eq? @_method "whereNull"))

; .where("placed_at", ">=", since), .where("name", "ilike", `%${q}%`)
((call_expression
   function: (member_expression object: (_) @db.receiver property: (property_identifier) @_method)
   arguments: (arguments
     . (string (string_fragment) @db.column)
     . (string (string_fragment) @db.operator)
     . (_) @_pattern .)) @db.call
 (#any-of? @_method "where" "andWhere")
 (#not-match? @_pattern "^[\"'`]%"))
((call_expression
   function: (member_expression object: (_) @db.receiver property: (property_identifier) @_method)
   arguments: (arguments
     . (string (string_fragment) @db.column)
     . (string (string_fragment) @_like)
     . (_) @db.operator .)) @db.call
 (#any-of? @_method "where" "andWhere")
 (#match? @_like "(?i)^i?like$")
 (#match? @db.operator "^[\"'`]%"))

; .whereBetween("placed_at", [from, to]), .whereLike("email", pattern), .whereILike(…)
((call_expression
   function: (member_expression object: (_) @db.receiver property: (property_identifier) @db.operator)
   arguments: (arguments . (string (string_fragment) @db.column) . (_) @_pattern .)) @db.call
 (#any-of? @db.operator "whereBetween" "whereLike" "whereILike")
 (#not-match? @_pattern "^[\"'`]%"))
((call_expression
   function: (member_expression object: (_) @db.receiver property: (property_identifier) @_method)
   arguments: (arguments . (string (string_fragment) @db.column) . (_) @db.operator .)) @db.call
 (#any-of? @_method "whereLike" "whereILike")
 (#match? @db.operator "^[\"'`]%"))

; .where({ email, status: "paid" })
((call_expression
   function: (member_expression object: (_) @db.receiver property: (property_identifier) @_method)
   arguments: (arguments . (object [
     (shorthand_property_identifier) @db.column
     (pair key: [(property_identifier) (string)] @db.column value: (_) @_value)
   ]) .)) @db.call
 (#any-of? @_method "where" "andWhere")
 (#not-match? @_value "^\\{"))

; .orderBy("placed_at", "desc"), .orderBy([{ column: "placed_at", order: "desc" }, "id"])
((call_expression
   function: (member_expression object: (_) @db.receiver property: (property_identifier) @_method)
   arguments: (arguments . (string (string_fragment) @db.column))) @db.call
 (#eq? @_method "orderBy")
 (#set! db "order"))
((call_expression
   function: (member_expression object: (_) @db.receiver property: (property_identifier) @_method)
   arguments: (arguments . (array [
     (string (string_fragment) @db.column)
     (object (pair key: (property_identifier) @_column value: (string (string_fragment) @db.column)))
   ]))) @db.call
 (#eq? @_method "orderBy")
 (#any-of? @_column "column")
 (#set! db "order"))

; ---------------------------------------------------------------------------------------------
; Migrations: knex.schema.createTable("orders", (table) => { … }), and alterTable("orders", …) /
; table("orders", …), whose columns and indexes are the same table's.

((call_expression
   function: (member_expression property: (property_identifier) @_create)
   arguments: (arguments . (string (string_fragment) @schema.model.name @schema.table) . [(arrow_function) (function_expression)])) @schema.model
 (#any-of? @_create "createTable" "createTableIfNotExists" "alterTable" "table"))

; table.string("email"), table.timestamp("placed_at"), table.increments("id")
((call_expression
   function: (member_expression object: (identifier) property: (property_identifier) @_type)
   arguments: (arguments . (string (string_fragment) @schema.field.name))) @schema.field
 (#any-of? @_type
   "increments" "bigIncrements" "integer" "bigInteger" "bigint" "smallint" "tinyint" "mediumint"
   "string" "text" "boolean" "date" "datetime" "time" "timestamp" "decimal" "float" "double"
   "uuid" "json" "jsonb" "binary" "enu" "enum" "specificType"))
((call_expression
   function: (member_expression object: (identifier) property: (property_identifier) @_type)
   arguments: (arguments . (string (string_fragment) @schema.field.name))) @schema.field
 (#any-of? @_type "increments" "bigIncrements")
 (#set! schema "primary"))

; table.string("email").unique(), ….notNullable().index(), ….primary() (up to two calls
; between): the flag's name says what it declares.
((call_expression
   function: (member_expression
     object: (call_expression
       function: (member_expression object: (identifier))
       arguments: (arguments . (string (string_fragment) @schema.field.name))) @schema.field
     property: (property_identifier) @schema.option))
 (#any-of? @schema.option "unique" "index" "primary"))
((call_expression
   function: (member_expression
     object: (call_expression
       function: (member_expression object: (call_expression
         function: (member_expression object: (identifier))
         arguments: (arguments . (string (string_fragment) @schema.field.name))) @schema.field))
     property: (property_identifier) @schema.option))
 (#any-of? @schema.option "unique" "index" "primary"))

; table.index(["status", "placed_at"]), table.unique("email"), table.primary(["a", "b"]) in
; createTable or alterTable: the table's.
((call_expression
   function: (member_expression object: (identifier) property: (property_identifier) @schema.option)
   arguments: (arguments . [
     (array (string (string_fragment) @schema.index.column))
     (string (string_fragment) @schema.index.column)
   ])) @schema.index
 (#any-of? @schema.option "index" "unique" "primary"))

; ---------------------------------------------------------------------------------------------
; The client: knex({ client: "pg" }), and the same in a knexfile.
((pair key: (property_identifier) @_client value: (string (string_fragment) @_driver)) @db.dialect
 (#eq? @_client "client")
 (#any-of? @_driver "pg" "postgres" "postgresql" "pg-native" "pgnative" "cockroachdb")
 (#set! dialect "postgres"))
((pair key: (property_identifier) @_client value: (string (string_fragment) @_driver)) @db.dialect
 (#eq? @_client "client")
 (#any-of? @_driver "mysql" "mysql2")
 (#set! dialect "mysql"))
((pair key: (property_identifier) @_client value: (string (string_fragment) @_driver)) @db.dialect
 (#eq? @_client "client")
 (#any-of? @_driver "sqlite3" "better-sqlite3")
 (#set! dialect "sqlite"))
