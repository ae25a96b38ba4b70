; TypeORM entities (rule missing-index, TypeScript): `@Entity()` classes, their columns, keys,
; relations and indexes. Queries are in ../javascript/orm-queries.scm. The core applies
; TypeORM's conventions (naming "typeorm"): the table is the class name in snake case unless
; `@Entity("name")` / `@Entity({ name })` says otherwise, a column is named after its property
; unless `name:` says otherwise, and a `@ManyToOne` relation's join column is `<relation>Id`
; unless `@JoinColumn({ name })` says otherwise. TypeORM indexes no join column by itself.

; An exported class carries its decorators on the export statement, which is then the model
; (so that the class's `@Index([…])` lies inside it).
((export_statement
   decorator: (decorator (call_expression function: (identifier) @_entity))
   declaration: (class_declaration name: (type_identifier) @schema.model.name)) @schema.model
 (#eq? @_entity "Entity")
 (#set! naming "typeorm"))
((class_declaration
   decorator: (decorator (call_expression function: (identifier) @_entity))
   name: (type_identifier) @schema.model.name) @schema.model
 (#eq? @_entity "Entity")
 (#set! naming "typeorm"))

; @Entity("users") / @Entity({ name: "users" })
((export_statement
   decorator: (decorator (call_expression
     function: (identifier) @_entity
     arguments: (arguments . [
       (string (string_fragment) @schema.table)
       (object (pair key: (property_identifier) @_name value: (string (string_fragment) @schema.table)))
     ])))
   declaration: (class_declaration)) @schema.model
 (#eq? @_entity "Entity")
 (#any-of? @_name "name"))
((class_declaration
   decorator: (decorator (call_expression
     function: (identifier) @_entity
     arguments: (arguments . [
       (string (string_fragment) @schema.table)
       (object (pair key: (property_identifier) @_name value: (string (string_fragment) @schema.table)))
     ]))))  @schema.model
 (#eq? @_entity "Entity")
 (#any-of? @_name "name"))

; Columns: @Column(), @PrimaryGeneratedColumn(), @CreateDateColumn(), … and @ManyToOne(…).
((public_field_definition
   decorator: (decorator (call_expression function: (identifier) @_column))
   name: (property_identifier) @schema.field.name) @schema.field
 (#any-of? @_column
   "Column" "PrimaryColumn" "PrimaryGeneratedColumn" "CreateDateColumn" "UpdateDateColumn"
   "DeleteDateColumn" "VersionColumn" "ObjectIdColumn"))
((public_field_definition
   decorator: (decorator (call_expression function: (identifier) @_column))
   name: (property_identifier) @schema.field.name) @schema.field
 (#any-of? @_column "PrimaryColumn" "PrimaryGeneratedColumn" "ObjectIdColumn")
 (#set! schema "primary"))

; @Column({ unique: true }) / @Column("varchar", { unique: true, name: "email_address" }) /
; @Index({ unique: true }): the option's name says what it declares.
((public_field_definition
   decorator: (decorator (call_expression
     function: (identifier) @_column
     arguments: (arguments (object (pair key: (property_identifier) @schema.option value: (true))))))
   name: (property_identifier) @schema.field.name) @schema.field
 (#any-of? @_column "Column" "PrimaryColumn" "Index")
 (#eq? @schema.option "unique"))
((public_field_definition
   decorator: (decorator (call_expression
     function: (identifier) @_column
     arguments: (arguments (object (pair key: (property_identifier) @_name value: (string (string_fragment) @schema.column))))))
   name: (property_identifier) @schema.field.name) @schema.field
 (#any-of? @_column
   "Column" "PrimaryColumn" "PrimaryGeneratedColumn" "CreateDateColumn" "UpdateDateColumn"
   "DeleteDateColumn" "VersionColumn" "JoinColumn")
 (#eq? @_name "name"))

; @Index() / @Index("IDX_name") on a property (`{ unique: true }` is read above).
((public_field_definition
   decorator: (decorator (call_expression function: (identifier) @_index))
   name: (property_identifier) @schema.field.name) @schema.field
 (#eq? @_index "Index")
 (#set! schema "index"))

; @ManyToOne(() => Customer) customer: a join column `customerId` (or @JoinColumn's name);
; @OneToOne(…) @JoinColumn() profile: the same, and TypeORM makes it unique.
((public_field_definition
   decorator: (decorator (call_expression
     function: (identifier) @_relation
     arguments: (arguments . (arrow_function body: (identifier) @schema.references))))
   name: (property_identifier) @schema.field.name) @schema.field
 (#eq? @_relation "ManyToOne")
 (#set! schema "foreign-key"))
((public_field_definition
   decorator: (decorator (call_expression
     function: (identifier) @_relation
     arguments: (arguments . (arrow_function body: (identifier) @schema.references))))
   decorator: (decorator (call_expression function: (identifier) @_join))
   name: (property_identifier) @schema.field.name) @schema.field
 (#eq? @_relation "OneToOne")
 (#eq? @_join "JoinColumn")
 (#set! schema "foreign-key"))
((public_field_definition
   decorator: (decorator (call_expression function: (identifier) @_relation))
   decorator: (decorator (call_expression function: (identifier) @_join))
   name: (property_identifier) @schema.field.name) @schema.field
 (#eq? @_relation "OneToOne")
 (#eq? @_join "JoinColumn")
 (#set! schema "unique"))

; On the class: @Index(["lastName", "firstName"]), @Index("IDX_x", ["a", "b"], { unique: true }),
; @Unique(["email"]), @Unique("UQ_x", ["a", "b"]). Properties are mapped to their columns.
((decorator (call_expression
   function: (identifier) @schema.option
   arguments: (arguments (array (string (string_fragment) @schema.index.column))))) @schema.index
 (#any-of? @schema.option "Index" "Unique"))
((decorator (call_expression
   function: (identifier) @_index
   arguments: (arguments (array (string)) (object (pair key: (property_identifier) @_unique value: (true)))))) @schema.index
 (#eq? @_index "Index")
 (#eq? @_unique "unique")
 (#set! schema "unique"))
