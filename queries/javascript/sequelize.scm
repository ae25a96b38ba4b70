; Sequelize (rule missing-index, shared with TypeScript): models, their attributes and indexes,
; sequelize-cli migrations, and the dialect. Queries are in orm-queries.scm. The core applies
; Sequelize's conventions (naming "sequelize"): the table is the model name in the plural
; unless `tableName` (or `freezeTableName: true`) says otherwise, `id` is the primary key unless
; an attribute says `primaryKey: true`, and `createdAt` / `updatedAt` exist unindexed.

; ---------------------------------------------------------------------------------------------
; Models: sequelize.define("User", { … }, { … }) and User.init({ … }, { sequelize, … }).

((call_expression
   function: (member_expression property: (property_identifier) @_define)
   arguments: (arguments . (string (string_fragment) @schema.model.name) . (object))) @schema.model
 (#eq? @_define "define")
 (#set! naming "sequelize"))
((call_expression
   function: (member_expression object: (identifier) @schema.model.name property: (property_identifier) @_init)
   arguments: (arguments . (object) . (object [
     (shorthand_property_identifier) @_sequelize
     (pair key: (property_identifier) @_sequelize)
   ]) @_options)) @schema.model
 (#eq? @_init "init")
 (#eq? @_sequelize "sequelize")
 (#not-match? @_options "\\bmodelName\\s*:")
 (#set! naming "sequelize"))
((call_expression
   function: (member_expression property: (property_identifier) @_init)
   arguments: (arguments . (object) . (object
     (pair key: (property_identifier) @_sequelize)
     (pair key: (property_identifier) @_key value: (string (string_fragment) @schema.model.name))))) @schema.model
 (#eq? @_init "init")
 (#eq? @_sequelize "sequelize")
 (#eq? @_key "modelName")
 (#set! naming "sequelize"))
((call_expression
   function: (member_expression property: (property_identifier) @_init)
   arguments: (arguments . (object) . (object
     (shorthand_property_identifier) @_sequelize
     (pair key: (property_identifier) @_key value: (string (string_fragment) @schema.model.name))))) @schema.model
 (#eq? @_init "init")
 (#eq? @_sequelize "sequelize")
 (#eq? @_key "modelName")
 (#set! naming "sequelize"))

; Options: tableName: "users"; freezeTableName: true keeps the model name.
((call_expression
   function: (member_expression property: (property_identifier) @_define)
   arguments: (arguments . (string) . (object) . (object (pair
     key: (property_identifier) @_key
     value: (string (string_fragment) @schema.table))))) @schema.model
 (#eq? @_define "define")
 (#eq? @_key "tableName"))
((call_expression
   function: (member_expression property: (property_identifier) @_init)
   arguments: (arguments . (object) . (object (pair
     key: (property_identifier) @_key
     value: (string (string_fragment) @schema.table))))) @schema.model
 (#eq? @_init "init")
 (#eq? @_key "tableName"))
((call_expression
   function: (member_expression property: (property_identifier) @_define)
   arguments: (arguments
     . (string (string_fragment) @schema.table)
     . (object)
     . (object (pair key: (property_identifier) @_key value: (true))))) @schema.model
 (#eq? @_define "define")
 (#eq? @_key "freezeTableName"))
((call_expression
   function: (member_expression object: (identifier) @schema.table property: (property_identifier) @_init)
   arguments: (arguments . (object) . (object (pair key: (property_identifier) @_key value: (true)) @_freeze) @_options)) @schema.model
 (#eq? @_init "init")
 (#eq? @_key "freezeTableName")
 (#not-match? @_options "\\b(modelName|tableName)\\s*:"))

; Attributes: { email: { type: DataTypes.STRING, unique: true }, name: DataTypes.STRING }.
((call_expression
   function: (member_expression property: (property_identifier) @_define)
   arguments: (arguments . (string) . (object (pair key: [(property_identifier) (string)] @schema.field.name) @schema.field)))
 (#any-of? @_define "define" "createTable"))
((call_expression
   function: (member_expression property: (property_identifier) @_init)
   arguments: (arguments . (object (pair key: [(property_identifier) (string)] @schema.field.name) @schema.field) . (object)))
 (#eq? @_init "init"))

; unique: true, primaryKey: true (the option's name says what it declares), field: "snake_name"
((call_expression
   function: (member_expression property: (property_identifier) @_define)
   arguments: (arguments . (string) . (object (pair
     key: [(property_identifier) (string)] @schema.field.name
     value: (object (pair key: (property_identifier) @schema.option value: (true)))) @schema.field)))
 (#any-of? @_define "define" "createTable")
 (#any-of? @schema.option "unique" "primaryKey"))
((call_expression
   function: (member_expression property: (property_identifier) @_init)
   arguments: (arguments . (object (pair
     key: [(property_identifier) (string)] @schema.field.name
     value: (object (pair key: (property_identifier) @schema.option value: (true)))) @schema.field) . (object)))
 (#eq? @_init "init")
 (#any-of? @schema.option "unique" "primaryKey"))
((call_expression
   function: (member_expression property: (property_identifier) @_define)
   arguments: (arguments . (string) . (object (pair
     key: [(property_identifier) (string)] @schema.field.name
     value: (object (pair key: (property_identifier) @_key value: (string (string_fragment) @schema.column)))) @schema.field)))
 (#eq? @_define "define")
 (#eq? @_key "field"))
((call_expression
   function: (member_expression property: (property_identifier) @_init)
   arguments: (arguments . (object (pair
     key: [(property_identifier) (string)] @schema.field.name
     value: (object (pair key: (property_identifier) @_key value: (string (string_fragment) @schema.column)))) @schema.field) . (object)))
 (#eq? @_init "init")
 (#eq? @_key "field"))

; indexes: [{ fields: ["status", "placedAt"] }, { unique: true, fields: [{ name: "email" }] }]
; (an index with a function among its fields, `sequelize.fn(…)`, is left out: its columns
; cannot be read in order). Matched at the pair, and the model around it owns it: a pattern
; rooted at the define/init call would stay open over every argument of every call.
((pair
   key: (property_identifier) @_indexes
   value: (array (object (pair
     key: (property_identifier) @_fields
     value: (array [
       (string (string_fragment) @schema.index.column)
       (object (pair key: (property_identifier) @_name value: (string (string_fragment) @schema.index.column)))
     ]) @_list)) @schema.index))
 (#eq? @_indexes "indexes")
 (#eq? @_fields "fields")
 (#any-of? @_name "name" "attribute")
 (#not-match? @_list "\\("))
((pair
   key: (property_identifier) @_indexes
   value: (array (object (pair key: (property_identifier) @_unique value: (true))) @schema.index))
 (#eq? @_indexes "indexes")
 (#eq? @_unique "unique")
 (#set! schema "unique"))

; ---------------------------------------------------------------------------------------------
; sequelize-cli migrations: queryInterface.createTable("Users", { … }) declares a table (its
; attributes are read as above); addIndex adds an index to a table.

((call_expression
   function: (member_expression property: (property_identifier) @_create)
   arguments: (arguments . (string (string_fragment) @schema.model.name @schema.table) . (object))) @schema.model
 (#eq? @_create "createTable")
 (#set! naming "sequelize"))

; queryInterface.addIndex("Users", ["email"], { unique: true }) / addIndex("Users", { fields: […] })
((call_expression
   function: (member_expression property: (property_identifier) @_add)
   arguments: (arguments
     . (string (string_fragment) @schema.index.table)
     . (array (string (string_fragment) @schema.index.column)))) @schema.index
 (#eq? @_add "addIndex"))
((call_expression
   function: (member_expression property: (property_identifier) @_add)
   arguments: (arguments
     . (string (string_fragment) @schema.index.table)
     . (object (pair
       key: (property_identifier) @_fields
       value: (array (string (string_fragment) @schema.index.column)))))) @schema.index
 (#eq? @_add "addIndex")
 (#eq? @_fields "fields"))
((call_expression
   function: (member_expression property: (property_identifier) @_add)
   arguments: (arguments
     . (string)
     (object (pair key: (property_identifier) @_unique value: (true))))) @schema.index
 (#eq? @_add "addIndex")
 (#eq? @_unique "unique")
 (#set! schema "unique"))
((call_expression
   function: (member_expression property: (property_identifier) @_add)
   arguments: (arguments
     . (string)
     (object (pair key: (property_identifier) @_type value: (string (string_fragment) @_unique))))) @schema.index
 (#eq? @_add "addIndex")
 (#eq? @_type "type")
 (#eq? @_unique "UNIQUE")
 (#set! schema "unique"))

; ---------------------------------------------------------------------------------------------
; The dialect: new Sequelize(…, { dialect: "postgres" }) or a connection URL.

((new_expression
   constructor: (identifier) @_sequelize
   arguments: (arguments (object (pair key: (property_identifier) @_key value: (string (string_fragment) @_dialect))))) @db.dialect
 (#eq? @_sequelize "Sequelize")
 (#eq? @_key "dialect")
 (#any-of? @_dialect "postgres" "postgresql")
 (#set! dialect "postgres"))
((new_expression
   constructor: (identifier) @_sequelize
   arguments: (arguments (object (pair key: (property_identifier) @_key value: (string (string_fragment) @_dialect))))) @db.dialect
 (#eq? @_sequelize "Sequelize")
 (#eq? @_key "dialect")
 (#any-of? @_dialect "mysql" "mariadb")
 (#set! dialect "mysql"))
((new_expression
   constructor: (identifier) @_sequelize
   arguments: (arguments (object (pair key: (property_identifier) @_key value: (string (string_fragment) @_dialect))))) @db.dialect
 (#eq? @_sequelize "Sequelize")
 (#eq? @_key "dialect")
 (#eq? @_dialect "sqlite")
 (#set! dialect "sqlite"))
((new_expression
   constructor: (identifier) @_sequelize
   arguments: (arguments . (string (string_fragment) @_url))) @db.dialect
 (#eq? @_sequelize "Sequelize")
 (#match? @_url "^postgres(ql)?://")
 (#set! dialect "postgres"))
((new_expression
   constructor: (identifier) @_sequelize
   arguments: (arguments . (string (string_fragment) @_url))) @db.dialect
 (#eq? @_sequelize "Sequelize")
 (#match? @_url "^(mysql|mariadb)://")
 (#set! dialect "mysql"))
