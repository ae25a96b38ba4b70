; SQLAlchemy and Alembic (rule missing-index): declarative models, Core tables, SQLModel,
; Alembic migrations, and ORM queries in the 1.x (`session.query(User).filter(…)`), 2.0
; (`select(User).where(…)`) and Flask-SQLAlchemy (`User.query.filter_by(…)`) styles.
;
; The core applies SQLAlchemy's conventions (naming "sqlalchemy"): the table is
; `__tablename__` (else the class name in snake case, Flask-SQLAlchemy's default); a field's
; column is its attribute name unless `Column("name", …)` says otherwise; `index=True` makes an
; index named `ix_<table>_<column>`; columns marked `primary_key=True` form one key together;
; a `ForeignKey` makes no index. Alembic revisions apply in their `down_revision` order, and
; what `downgrade()` does is not part of the schema.
;
; A column in a query is `Model.attribute` with a capitalised class name (`u.email` on an alias
; is not followed) or `table.c.column` on a Core table.
;
; Cost: every pattern here runs on every Python file, so the pack keeps few of them and keeps
; their alternations flat (an alternation nested directly in another one also loses matches).
; Index keys are the names and text("…") expressions among an index's arguments, in order; a
; key written another way (func.lower(User.email)) is left out.

; ---------------------------------------------------------------------------------------------
; Schema: models and tables

; class User(Base): __tablename__ = "users"
((class_definition
   name: (identifier) @schema.model.name
   body: (block (expression_statement (assignment
     left: (identifier) @_key
     right: (string (string_content) @schema.table))))) @schema.model
 (#eq? @_key "__tablename__")
 (#set! naming "sqlalchemy"))

; Flask-SQLAlchemy's class User(db.Model), SQLModel's class Hero(SQLModel, table=True): the table
; is the class name in snake case (SQLModel's lower case is the same for one-word names, and a
; migration's table of either spelling is found).
((class_definition
   name: (identifier) @schema.model.name
   superclasses: (argument_list [
     (attribute object: (identifier) @_db attribute: (identifier) @_base)
     (keyword_argument name: (identifier) @_table value: (true))
   ])) @schema.model
 (#eq? @_base "Model")
 (#not-eq? @_db "models")
 (#eq? @_table "table")
 (#set! naming "sqlalchemy"))

; Core: users = Table("users", metadata, Column(…), …)
((assignment
   left: (identifier) @schema.model.name
   right: (call
     function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
     arguments: (argument_list
       . (string (string_content) @schema.table)
       (call function: [(identifier) @_column (attribute attribute: (identifier) @_column)])))) @schema.model
 (#eq? @_ctor "Table")
 (#eq? @_column "Column")
 (#set! naming "sqlalchemy"))

; A Core table of the database's own catalog (Table("objects", ischema, …, schema="sys")), as
; dialects and reflection code declare them: not the application's schema.
((assignment
   right: (call
     function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
     arguments: (argument_list (keyword_argument
       name: (identifier) @_key
       value: (string (string_content) @_schema))))) @schema.ignore
 (#eq? @_ctor "Table")
 (#eq? @_key "schema")
 (#match? @_schema "^(?i)(sys|information_schema|pg_catalog|mysql|performance_schema|sqlite_schema)$"))

; ---------------------------------------------------------------------------------------------
; Schema: columns

; email = Column(String, …) / db.Column / sa.Column / mapped_column(…) / SQLModel's Field(…),
; with Column("email_address", …) naming the stored column. They count inside a model only.
((assignment
   left: (identifier) @schema.field.name
   right: (call
     function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
     arguments: (argument_list . (string (string_content) @schema.column))?)) @schema.field
 (#any-of? @_ctor "Column" "mapped_column" "Field"))

; email: Mapped[str] (a column with the defaults)
((assignment
   left: (identifier) @schema.field.name
   type: (type (generic_type (identifier) @_mapped))
   !right) @schema.field
 (#eq? @_mapped "Mapped"))

; SQLModel columns without Field(…): secret_name: str, power_level: int = 0.
((class_definition
   superclasses: (argument_list (keyword_argument name: (identifier) @_table value: (true)))
   body: (block (expression_statement [
     (assignment
       left: (identifier) @schema.field.name
       type: (type)
       right: [(none) (integer) (float) (string) (true) (false)])
     (assignment
       left: (identifier) @schema.field.name
       type: (type (_) @_type)
       !right)
   ] @schema.field)))
 (#eq? @_table "table")
 (#not-match? @schema.field.name "^_")
 (#not-match? @_type "^(ClassVar|Mapped)"))

; Column("email", …) inside Table(…), op.create_table(…) or op.add_column(…)
((argument_list
   (call
     function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
     arguments: (argument_list . (string (string_content) @schema.field.name))) @schema.field)
 (#eq? @_ctor "Column"))

; index=True, unique=True, primary_key=True: schema-options.scm.

; ---------------------------------------------------------------------------------------------
; Schema: indexes and constraints (in __table_args__, Table(…), op.create_table(…), or a
; module's statement)

; Index("ix_orders_status_created", "status", "created_at"), text("lower(email)") keys,
; Index("ix", Order.status, Order.created_at) / Index("ix", orders.c.status) at module level,
; Index(…, unique=True). Few patterns for the forms: each pattern rooted at a call is tried
; at every call of every file.
((call
   function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
   arguments: (argument_list
     . (string (string_content) @schema.index.name)
     [
       (string (string_content) @schema.index.column)
       (call
         function: [(identifier) @_text (attribute attribute: (identifier) @_text)]
         arguments: (argument_list . (string (string_content) @schema.index.column)))
       (attribute object: (identifier) @schema.index.model attribute: (identifier) @schema.index.column)
       (attribute
         object: (attribute object: (identifier) @schema.index.model attribute: (identifier) @_c)
         attribute: (identifier) @schema.index.column)
     ])) @schema.index
 (#eq? @_ctor "Index")
 (#eq? @_text "text")
 (#eq? @_c "c"))
; Index(…, unique=True): schema-options.scm.

; UniqueConstraint("customer_id", "number", name="uq_…") / PrimaryKeyConstraint("id"): the
; constructor's name says what it declares.
((call
   function: [(identifier) @schema.option (attribute attribute: (identifier) @schema.option)]
   arguments: (argument_list [
     (string (string_content) @schema.index.column)
     (keyword_argument
       name: (identifier) @_key
       value: (string (string_content) @schema.index.name))
   ])) @schema.index
 (#any-of? @schema.option "UniqueConstraint" "PrimaryKeyConstraint")
 (#eq? @_key "name"))

; ---------------------------------------------------------------------------------------------
; Alembic migrations

; revision = "9c2f4e1ab3d7" followed by down_revision (as Alembic writes them): where the file
; stands. Rooted at the statement, not at the module: a pattern rooted at the module stays
; in progress, and is looked at on every node, for the whole file.
((expression_statement (assignment
   left: (identifier) @_revision
   right: (string (string_content) @schema.migration)))
 .
 (expression_statement (assignment left: (identifier) @_down))
 (#eq? @_revision "revision")
 (#eq? @_down "down_revision"))
; down_revision = "4b1d…" / ("a…", "b…") for a merge / None for the first.
((assignment
   left: (identifier) @_down
   right: [
     (string (string_content) @schema.migration.after)
     (tuple (string (string_content) @schema.migration.after))
   ])
 (#eq? @_down "down_revision"))

; def downgrade(): what it declares (and the SQL it runs) never ran forward.
((function_definition name: (identifier) @_name) @schema.ignore
 (#match? @_name "^downgrade(_|$)"))

; op.create_table("orders", sa.Column(…), …, sa.PrimaryKeyConstraint("id")) and
; op.add_column("orders", sa.Column(…)): the table, with the columns and keys inside.
((call
   function: (attribute object: (identifier) @_op attribute: (identifier) @_operation)
   arguments: (argument_list . (string (string_content) @schema.model.name @schema.table))) @schema.model
 (#eq? @_op "op")
 (#any-of? @_operation "create_table" "add_column")
 (#set! naming "sqlalchemy"))
; with op.batch_alter_table("orders") as batch_op: batch_op.add_column(…), batch_op.create_index(…)
((with_statement
   (with_clause (with_item value: (as_pattern (call
     function: (attribute object: (identifier) @_op attribute: (identifier) @_operation)
     arguments: (argument_list . (string (string_content) @schema.model.name @schema.table))))))) @schema.model
 (#eq? @_op "op")
 (#eq? @_operation "batch_alter_table")
 (#set! naming "sqlalchemy"))

; op.create_index("ix_orders_status", "orders", ["status", "created_at"], unique=True), with
; op.f("…") around the name, keyword arguments, sa.text("lower(email)") keys, and
; batch_op.create_index("ix", ["a"]); op.drop_index("ix", table_name="orders"),
; op.drop_constraint("uq_…", "orders"), batch_op.drop_index(batch_op.f("…")). One pattern per
; part; the parts of one call merge.
((call
   function: (attribute object: (identifier) @_op attribute: (identifier) @schema.option)
   arguments: (argument_list . [
     (string (string_content) @schema.index.name)
     (call
       function: (attribute attribute: (identifier) @_f)
       arguments: (argument_list . (string (string_content) @schema.index.name)))
   ])) @schema.index
 (#any-of? @_op "op" "batch_op")
 (#any-of? @schema.option "create_index" "create_unique_constraint" "create_primary_key" "drop_index" "drop_constraint")
 (#eq? @_f "f"))
; The table: the second argument of op.*, or table_name=.
((call
   function: (attribute object: (identifier) @_op attribute: (identifier) @_operation)
   arguments: [
     (argument_list . (_) . (string (string_content) @schema.index.table))
     (argument_list (keyword_argument
       name: (identifier) @_key
       value: (string (string_content) @schema.index.table)))
   ]) @schema.index
 (#eq? @_op "op")
 (#any-of? @_operation "create_index" "create_unique_constraint" "create_primary_key" "drop_index" "drop_constraint")
 (#any-of? @_key "table_name" "table"))
; The keys: the list of op.* (third argument) or batch_op.* (second), or columns=[…].
((call
   function: (attribute object: (identifier) @_op attribute: (identifier) @_operation)
   arguments: (argument_list [
     (list [
       (string (string_content) @schema.index.column)
       (call
         function: [(identifier) @_text (attribute attribute: (identifier) @_text)]
         arguments: (argument_list . (string (string_content) @schema.index.column)))
     ])
     (keyword_argument
       name: (identifier) @_key
       value: (list [
         (string (string_content) @schema.index.column)
         (call
           function: [(identifier) @_text (attribute attribute: (identifier) @_text)]
           arguments: (argument_list . (string (string_content) @schema.index.column)))
       ]))
   ])) @schema.index
 (#any-of? @_op "op" "batch_op")
 (#any-of? @_operation "create_index" "create_unique_constraint" "create_primary_key")
 (#eq? @_text "text")
 (#eq? @_key "columns"))
; op.create_index(…, unique=True): schema-options.scm (create_unique_constraint and
; create_primary_key say so by name).

; ---------------------------------------------------------------------------------------------
; Queries: where a query starts

; session.query(User), db.session.query(User.id, …), select(func.count()).select_from(Order)
((call
   function: (attribute object: (_) @db.receiver attribute: (identifier) @_method)
   arguments: (argument_list . [
     (identifier) @db.model
     (attribute object: (identifier) @db.model)
   ])) @db.call
 (#any-of? @_method "query" "select_from")
 (#match? @db.model "^[A-Z]"))

; select(User), select(User.id, …), select(orders), select(orders.c.id), update(User),
; delete(User), and the same through sa. / db. / sqlalchemy.
((call
   function: [
     (identifier) @_method
     (attribute object: (identifier) @_module attribute: (identifier) @_method)
   ]
   arguments: (argument_list . [
     (identifier) @db.model
     (attribute object: (identifier) @db.model)
     (attribute object: (attribute object: (identifier) @db.model attribute: (identifier) @_c))
   ])) @db.call
 (#any-of? @_method "select" "update" "delete")
 (#any-of? @_module "sa" "sqlalchemy" "db" "sql")
 (#eq? @_c "c"))

; Flask-SQLAlchemy: User.query.filter_by(…) / .filter(…) / .order_by(…)
((call
   function: (attribute
     object: (attribute object: (identifier) @db.model attribute: (identifier) @_query)
     attribute: (identifier) @_method)) @db.call
 (#eq? @_query "query")
 (#any-of? @_method "filter" "filter_by" "where" "order_by")
 (#match? @db.model "^[A-Z]"))

; ---------------------------------------------------------------------------------------------
; Queries: filters and sorts
;
; The filter and sort calls are named on their own, and the columns in them are matched apart,
; rooted at the comparison or the column: a pattern rooted at the call with the argument forms
; inside would be tried, with all its alternatives, at every call of every file. A column
; matched apart belongs to the innermost query call whose arguments hold it.

; .filter(…) / .where(…) / .order_by(…) on a query
((call
   function: (attribute object: (_) @db.receiver attribute: (identifier) @_method)) @db.call
 (#any-of? @_method "filter" "where" "order_by"))

; .filter_by(email=…) on a query (the columns of the query's model)
((call
   function: (attribute object: (_) @db.receiver attribute: (identifier) @_method)
   arguments: (argument_list (keyword_argument name: (identifier) @db.column))) @db.call
 (#eq? @_method "filter_by"))

; In a filter (each argument, or inside and_(…) / or_(…)):
; - User.email == x, User.age >= n (not when the other side is a column too: a join condition);
; - User.email.in_(…), .like(…), .ilike(…), .startswith(…), .between(…), .is_(None)
;   (negations such as not_in / is_not make no use);
; - func.lower(User.email) == x;
; - a boolean column on its own: .filter(User.is_active).
((comparison_operator
   .
   [
     (attribute object: (identifier) @db.model @_class attribute: (identifier) @db.column)
     (attribute
       object: (attribute object: (identifier) @db.model attribute: (identifier) @_c)
       attribute: (identifier) @db.column)
   ]
   .
   ["==" "<" "<=" ">" ">="] @db.operator
   .
   (_) @_other .)
 (#match? @_class "^[A-Z]")
 (#eq? @_c "c")
 (#not-match? @_other "^([A-Z][A-Za-z0-9_]*[.][a-z_][A-Za-z0-9_]*|[A-Za-z_][A-Za-z0-9_]*[.]c[.][A-Za-z_][A-Za-z0-9_]*)$"))
((call function: (attribute
   object: [
     (attribute object: (identifier) @db.model @_class attribute: (identifier) @db.column)
     (attribute
       object: (attribute object: (identifier) @db.model attribute: (identifier) @_c)
       attribute: (identifier) @db.column)
   ]
   attribute: (identifier) @db.operator))
 (#match? @_class "^[A-Z]")
 (#eq? @_c "c")
 (#any-of? @db.operator "in_" "like" "ilike" "startswith" "istartswith" "endswith" "iendswith" "contains" "icontains" "between" "is_" "regexp_match"))
((comparison_operator
   .
   (call
     function: (attribute object: (identifier) @_func attribute: (identifier) @db.operator)
     arguments: (argument_list . [
       (attribute object: (identifier) @db.model @_class attribute: (identifier) @db.column)
       (attribute
         object: (attribute object: (identifier) @db.model attribute: (identifier) @_c)
         attribute: (identifier) @db.column)
     ] .))
   .
   "==")
 (#eq? @_func "func")
 (#match? @_class "^[A-Z]")
 (#eq? @_c "c")
 (#any-of? @db.operator "lower" "upper"))
((call
   function: (attribute attribute: (identifier) @_method)
   arguments: (argument_list
     (attribute object: (identifier) @db.model attribute: (identifier) @db.column))) @db.call
 (#any-of? @_method "filter" "where")
 (#match? @db.model "^[A-Z]")
 (#match? @db.column "^(is|has)_"))

; .order_by(Order.created_at), .order_by(Order.created_at.desc()), .order_by(desc(Order.created_at))
((call
   function: (attribute attribute: (identifier) @_method)
   arguments: (argument_list [
     (attribute object: (identifier) @db.model @_class attribute: (identifier) @db.column)
     (attribute
       object: (attribute object: (identifier) @db.model attribute: (identifier) @_c)
       attribute: (identifier) @db.column)
   ])) @db.call
 (#eq? @_method "order_by")
 (#match? @_class "^[A-Z]")
 (#eq? @_c "c")
 (#set! db "order"))
((call function: (attribute
   object: [
     (attribute object: (identifier) @db.model @_class attribute: (identifier) @db.column)
     (attribute
       object: (attribute object: (identifier) @db.model attribute: (identifier) @_c)
       attribute: (identifier) @db.column)
   ]
   attribute: (identifier) @_direction))
 (#match? @_class "^[A-Z]")
 (#eq? @_c "c")
 (#any-of? @_direction "desc" "asc")
 (#set! db "order"))
((call
   function: [(identifier) @_direction (attribute attribute: (identifier) @_direction)]
   arguments: (argument_list . [
     (attribute object: (identifier) @db.model @_class attribute: (identifier) @db.column)
     (attribute
       object: (attribute object: (identifier) @db.model attribute: (identifier) @_c)
       attribute: (identifier) @db.column)
   ] .))
 (#any-of? @_direction "desc" "asc")
 (#match? @_class "^[A-Z]")
 (#eq? @_c "c")
 (#set! db "order"))
