; SQLAlchemy and Alembic (rule missing-index): declarative models, Core tables, Alembic
; migrations, and ORM queries in the 1.x (`session.query(User).filter(…)`), 2.0
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

; Flask-SQLAlchemy: class User(db.Model) (the table defaults to the class name in snake case).
((class_definition
   name: (identifier) @schema.model.name
   superclasses: (argument_list (attribute object: (identifier) @_db attribute: (identifier) @_base))) @schema.model
 (#eq? @_base "Model")
 (#not-eq? @_db "models")
 (#set! naming "sqlalchemy"))

; A class mapping columns with no `__tablename__` in sight (a base class or mixin names its
; table): the same default.
((class_definition
   name: (identifier) @schema.model.name
   body: (block (expression_statement (assignment
     right: (call function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]))))) @schema.model
 (#any-of? @_ctor "Column" "mapped_column")
 (#set! naming "sqlalchemy"))

; SQLModel: class Hero(SQLModel, table=True), class Hero(HeroBase, table=True). SQLModel names
; the table after the class in lower case: the same as the snake-case default for one-word
; names, and a migration's table of either spelling is found. Fields inherited from a base
; class are not seen.
((class_definition
   name: (identifier) @schema.model.name
   superclasses: (argument_list
     (keyword_argument name: (identifier) @_table value: (true)))) @schema.model
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

; email = Column(String, …) / db.Column / sa.Column / email: Mapped[str] = mapped_column(…)
((assignment
   left: (identifier) @schema.field.name
   right: (call function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)])) @schema.field
 (#any-of? @_ctor "Column" "mapped_column"))

; SQLModel fields: name: str = Field(index=True), age: int | None = None, secret_name: str (not
; a Relationship(…)); they count inside a `table=True` class only.
((assignment
   left: (identifier) @schema.field.name
   type: (type)
   right: (call function: (identifier) @_ctor)) @schema.field
 (#eq? @_ctor "Field"))
((assignment
   left: (identifier) @schema.field.name
   type: (type)
   right: [(none) (integer) (float) (string) (true) (false)]) @schema.field
 (#not-match? @schema.field.name "^_")
 (#set! words "table"))
((assignment
   left: (identifier) @schema.field.name
   type: (type (_) @_type)
   !right) @schema.field
 (#not-match? @schema.field.name "^_")
 (#not-match? @_type "^(ClassVar|Mapped)")
 (#set! words "table"))
((assignment
   left: (identifier) @schema.field.name
   type: (type)
   right: (call
     function: (identifier) @_ctor
     arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (true))))) @schema.field
 (#eq? @_ctor "Field")
 (#eq? @_flag "index")
 (#set! schema "index"))
((assignment
   left: (identifier) @schema.field.name
   type: (type)
   right: (call
     function: (identifier) @_ctor
     arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (true))))) @schema.field
 (#eq? @_ctor "Field")
 (#eq? @_flag "unique")
 (#set! schema "unique"))
((assignment
   left: (identifier) @schema.field.name
   type: (type)
   right: (call
     function: (identifier) @_ctor
     arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (true))))) @schema.field
 (#eq? @_ctor "Field")
 (#eq? @_flag "primary_key")
 (#set! schema "primary"))

; email: Mapped[str] (a column with the defaults)
((assignment
   left: (identifier) @schema.field.name
   type: (type (generic_type (identifier) @_mapped))
   !right) @schema.field
 (#eq? @_mapped "Mapped"))

; Column("email", …) inside Table(…), op.create_table(…) or op.add_column(…)
((argument_list
   (call
     function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
     arguments: (argument_list . (string (string_content) @schema.field.name))) @schema.field)
 (#eq? @_ctor "Column"))

; email = Column("email_address", …) / mapped_column("email_address", …) / Column(name="…")
((assignment
   left: (identifier) @schema.field.name
   right: (call
     function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
     arguments: (argument_list . (string (string_content) @schema.column)))) @schema.field
 (#any-of? @_ctor "Column" "mapped_column"))
((assignment
   left: (identifier) @schema.field.name
   right: (call
     function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
     arguments: (argument_list (keyword_argument
       name: (identifier) @_key
       value: (string (string_content) @schema.column))))) @schema.field
 (#any-of? @_ctor "Column" "mapped_column")
 (#eq? @_key "name"))

; index=True, unique=True, primary_key=True on either kind of column.
([
   (assignment
     left: (identifier) @schema.field.name
     right: (call
       function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
       arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (true))))) @schema.field
   (argument_list
     (call
       function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
       arguments: (argument_list
         . (string (string_content) @schema.field.name)
         (keyword_argument name: (identifier) @_flag value: (true)))) @schema.field)
 ]
 (#any-of? @_ctor "Column" "mapped_column")
 (#eq? @_flag "index")
 (#set! schema "index"))
([
   (assignment
     left: (identifier) @schema.field.name
     right: (call
       function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
       arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (true))))) @schema.field
   (argument_list
     (call
       function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
       arguments: (argument_list
         . (string (string_content) @schema.field.name)
         (keyword_argument name: (identifier) @_flag value: (true)))) @schema.field)
 ]
 (#any-of? @_ctor "Column" "mapped_column")
 (#eq? @_flag "unique")
 (#set! schema "unique"))
([
   (assignment
     left: (identifier) @schema.field.name
     right: (call
       function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
       arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (true))))) @schema.field
   (argument_list
     (call
       function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
       arguments: (argument_list
         . (string (string_content) @schema.field.name)
         (keyword_argument name: (identifier) @_flag value: (true)))) @schema.field)
 ]
 (#any-of? @_ctor "Column" "mapped_column")
 (#eq? @_flag "primary_key")
 (#set! schema "primary"))

; ---------------------------------------------------------------------------------------------
; Schema: indexes and constraints

; Index("ix_orders_status_created", "status", "created_at") in __table_args__ or Table(…), and
; text("lower(email)") keys: the keys from the first one on, when the first is one of these
; (a key the pack cannot read, such as func.lower(User.email), would misplace the others).
((call
   function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
   arguments: (argument_list
     . (string (string_content) @schema.index.name)
     . [
       (string (string_content) @schema.index.column)
       (call
         function: [(identifier) @_text (attribute attribute: (identifier) @_text)]
         arguments: (argument_list . (string (string_content) @schema.index.column)))
     ])) @schema.index
 (#eq? @_ctor "Index")
 (#eq? @_text "text"))
((call
   function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
   arguments: (argument_list
     . (string)
     . [(string) (call function: [(identifier) @_text (attribute attribute: (identifier) @_text)])]
     [
       (string (string_content) @schema.index.column)
       (call
         function: [(identifier) @_text2 (attribute attribute: (identifier) @_text2)]
         arguments: (argument_list . (string (string_content) @schema.index.column)))
     ])) @schema.index
 (#eq? @_ctor "Index")
 (#eq? @_text "text")
 (#eq? @_text2 "text"))

; Index("ix", Order.status, Order.created_at) / Index("ix", orders.c.status) at module level.
((call
   function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
   arguments: (argument_list
     . (string (string_content) @schema.index.name)
     . [
       (attribute object: (identifier) @schema.index.model attribute: (identifier) @schema.index.column)
       (attribute
         object: (attribute object: (identifier) @schema.index.model attribute: (identifier) @_c)
         attribute: (identifier) @schema.index.column)
     ])) @schema.index
 (#eq? @_ctor "Index")
 (#eq? @_c "c"))
((call
   function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
   arguments: (argument_list
     . (string)
     . (attribute)
     [
       (attribute object: (identifier) @schema.index.model attribute: (identifier) @schema.index.column)
       (attribute
         object: (attribute object: (identifier) @schema.index.model attribute: (identifier) @_c)
         attribute: (identifier) @schema.index.column)
     ])) @schema.index
 (#eq? @_ctor "Index")
 (#eq? @_c "c"))

; Index(…, unique=True)
((call
   function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
   arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (true)))) @schema.index
 (#eq? @_ctor "Index")
 (#eq? @_flag "unique")
 (#set! schema "unique"))

; UniqueConstraint("customer_id", "number", name="uq_…") / PrimaryKeyConstraint("id")
((call
   function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
   arguments: (argument_list . (string (string_content) @schema.index.column))) @schema.index
 (#eq? @_ctor "UniqueConstraint")
 (#set! schema "unique"))
((call
   function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
   arguments: (argument_list . (string) (string (string_content) @schema.index.column))) @schema.index
 (#eq? @_ctor "UniqueConstraint")
 (#set! schema "unique"))
((call
   function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
   arguments: (argument_list . (string (string_content) @schema.index.column))) @schema.index
 (#eq? @_ctor "PrimaryKeyConstraint")
 (#set! schema "primary"))
((call
   function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
   arguments: (argument_list . (string) (string (string_content) @schema.index.column))) @schema.index
 (#eq? @_ctor "PrimaryKeyConstraint")
 (#set! schema "primary"))
((call
   function: [(identifier) @_ctor (attribute attribute: (identifier) @_ctor)]
   arguments: (argument_list (keyword_argument
     name: (identifier) @_key
     value: (string (string_content) @schema.index.name)))) @schema.index
 (#any-of? @_ctor "UniqueConstraint" "PrimaryKeyConstraint")
 (#eq? @_key "name"))

; ---------------------------------------------------------------------------------------------
; Alembic migrations

; revision = "9c2f4e1ab3d7" followed by down_revision: where the file stands.
((module
   (expression_statement (assignment
     left: (identifier) @_revision
     right: (string (string_content) @schema.migration)))
   (expression_statement (assignment left: (identifier) @_down)))
 (#eq? @_revision "revision")
 (#eq? @_down "down_revision"))
; down_revision = "4b1d…" / ("a…", "b…") for a merge / None for the first.
((module (expression_statement (assignment
   left: (identifier) @_down
   right: [
     (string (string_content) @schema.migration.after)
     (tuple (string (string_content) @schema.migration.after))
   ])))
 (#eq? @_down "down_revision"))

; def downgrade(): what it declares never ran forward.
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

; op.create_index("ix_orders_status", "orders", ["status", "created_at"], unique=True), also
; with op.f("…") around the name, keyword arguments, and batch_op.create_index("ix", ["a"]).
; One pattern per part; the parts of one call merge.
((call
   function: (attribute object: (identifier) @_op attribute: (identifier) @_operation)
   arguments: (argument_list
     . [
       (string (string_content) @schema.index.name)
       (call
         function: (attribute attribute: (identifier) @_f)
         arguments: (argument_list . (string (string_content) @schema.index.name)))
     ])) @schema.index
 (#any-of? @_op "op" "batch_op")
 (#any-of? @_operation "create_index" "create_unique_constraint" "create_primary_key")
 (#eq? @_f "f"))
((call
   function: (attribute object: (identifier) @_op attribute: (identifier) @_operation)
   arguments: (argument_list . (_) . (string (string_content) @schema.index.table))) @schema.index
 (#eq? @_op "op")
 (#any-of? @_operation "create_index" "create_unique_constraint" "create_primary_key"))
((call
   function: (attribute object: (identifier) @_op attribute: (identifier) @_operation)
   arguments: (argument_list (keyword_argument
     name: (identifier) @_key
     value: (string (string_content) @schema.index.table)))) @schema.index
 (#eq? @_op "op")
 (#any-of? @_operation "create_index" "create_unique_constraint" "create_primary_key")
 (#any-of? @_key "table_name" "table"))
; The column list: third argument of op.*, second of batch_op.*, or columns=[…]; names (and
; sa.text("lower(email)") keys) from the first one on.
((call
   function: (attribute object: (identifier) @_op attribute: (identifier) @_operation)
   arguments: (argument_list [
     (list . [
       (string (string_content) @schema.index.column)
       (call
         function: [(identifier) @_text (attribute attribute: (identifier) @_text)]
         arguments: (argument_list . (string (string_content) @schema.index.column)))
     ])
     (keyword_argument name: (identifier) @_key value: (list . [
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
((call
   function: (attribute object: (identifier) @_op attribute: (identifier) @_operation)
   arguments: (argument_list [
     (list
       . [(string) (call function: [(identifier) @_text (attribute attribute: (identifier) @_text)])]
       [
         (string (string_content) @schema.index.column)
         (call
           function: [(identifier) @_text2 (attribute attribute: (identifier) @_text2)]
           arguments: (argument_list . (string (string_content) @schema.index.column)))
       ])
     (keyword_argument name: (identifier) @_key value: (list
       . [(string) (call function: [(identifier) @_text (attribute attribute: (identifier) @_text)])]
       [
         (string (string_content) @schema.index.column)
         (call
           function: [(identifier) @_text2 (attribute attribute: (identifier) @_text2)]
           arguments: (argument_list . (string (string_content) @schema.index.column)))
       ]))
   ])) @schema.index
 (#any-of? @_op "op" "batch_op")
 (#any-of? @_operation "create_index" "create_unique_constraint" "create_primary_key")
 (#eq? @_text "text")
 (#eq? @_text2 "text")
 (#eq? @_key "columns"))
((call
   function: (attribute object: (identifier) @_op attribute: (identifier) @_operation)
   arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (true)))) @schema.index
 (#any-of? @_op "op" "batch_op")
 (#eq? @_operation "create_index")
 (#eq? @_flag "unique")
 (#set! schema "unique"))
((call
   function: (attribute object: (identifier) @_op attribute: (identifier) @_operation)) @schema.index
 (#any-of? @_op "op" "batch_op")
 (#eq? @_operation "create_unique_constraint")
 (#set! schema "unique"))
((call
   function: (attribute object: (identifier) @_op attribute: (identifier) @_operation)) @schema.index
 (#any-of? @_op "op" "batch_op")
 (#eq? @_operation "create_primary_key")
 (#set! schema "primary"))

; op.drop_index("ix_orders_coupon", table_name="orders") / op.drop_index(op.f("…")),
; op.drop_constraint("uq_…", "orders", type_="unique"), batch_op.drop_index("…").
((call
   function: (attribute object: (identifier) @_op attribute: (identifier) @_operation)
   arguments: (argument_list
     . [
       (string (string_content) @schema.index.name)
       (call
         function: (attribute attribute: (identifier) @_f)
         arguments: (argument_list . (string (string_content) @schema.index.name)))
     ])) @schema.index
 (#any-of? @_op "op" "batch_op")
 (#any-of? @_operation "drop_index" "drop_constraint")
 (#eq? @_f "f")
 (#set! schema "drop"))
((call
   function: (attribute object: (identifier) @_op attribute: (identifier) @_operation)
   arguments: (argument_list . (_) . (string (string_content) @schema.index.table))) @schema.index
 (#eq? @_op "op")
 (#any-of? @_operation "drop_index" "drop_constraint"))
((call
   function: (attribute object: (identifier) @_op attribute: (identifier) @_operation)
   arguments: (argument_list (keyword_argument
     name: (identifier) @_key
     value: (string (string_content) @schema.index.table)))) @schema.index
 (#eq? @_op "op")
 (#any-of? @_operation "drop_index" "drop_constraint")
 (#any-of? @_key "table_name" "table"))

; ---------------------------------------------------------------------------------------------
; Queries: where a query starts

; session.query(User), db.session.query(User.id, …)
((call
   function: (attribute attribute: (identifier) @_method)
   arguments: (argument_list . [
     (identifier) @db.model
     (attribute object: (identifier) @db.model)
   ])) @db.call
 (#eq? @_method "query")
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

; select(func.count()).select_from(Order)
((call
   function: (attribute object: (_) @db.receiver attribute: (identifier) @_method)
   arguments: (argument_list . (identifier) @db.model)) @db.call
 (#eq? @_method "select_from"))

; Flask-SQLAlchemy: User.query.filter_by(…) / .filter(…) / .order_by(…)
((call
   function: (attribute
     object: (attribute object: (identifier) @db.model attribute: (identifier) @_query)
     attribute: (identifier) @_method)) @db.call
 (#eq? @_query "query")
 (#any-of? @_method "filter" "filter_by" "where" "order_by")
 (#match? @db.model "^[A-Z]"))

; ---------------------------------------------------------------------------------------------
; Queries: filters

; .filter_by(email=…) on a query (the columns of the query's model)
((call
   function: (attribute object: (_) @db.receiver attribute: (identifier) @_method)
   arguments: (argument_list (keyword_argument name: (identifier) @db.column))) @db.call
 (#eq? @_method "filter_by"))

; .filter(User.email == x) / .where(orders.c.status == s), also inside and_(…) / or_(…):
; equality, unless the other side is a column too (a join condition).
((call
   function: (attribute object: (_) @db.receiver attribute: (identifier) @_method)
   arguments: (argument_list [
     (comparison_operator
       [
         (attribute object: (identifier) @db.model @_class attribute: (identifier) @db.column)
         (attribute
           object: (attribute object: (identifier) @db.model attribute: (identifier) @_c)
           attribute: (identifier) @db.column)
       ]
       "=="
       (_) @_other)
     (call
       function: [(identifier) @_junction (attribute attribute: (identifier) @_junction)]
       arguments: (argument_list (comparison_operator
         [
           (attribute object: (identifier) @db.model @_class attribute: (identifier) @db.column)
           (attribute
             object: (attribute object: (identifier) @db.model attribute: (identifier) @_c)
             attribute: (identifier) @db.column)
         ]
         "=="
         (_) @_other)))
   ])) @db.call
 (#any-of? @_method "filter" "where")
 (#any-of? @_junction "and_" "or_")
 (#match? @_class "^[A-Z]")
 (#eq? @_c "c")
 (#not-match? @_other "^([A-Z][A-Za-z0-9_]*[.][a-z_][A-Za-z0-9_]*|[A-Za-z_][A-Za-z0-9_]*[.]c[.][A-Za-z_][A-Za-z0-9_]*)$"))

; A function around the column: func.lower(User.email) == email.lower()
((call
   function: (attribute object: (_) @db.receiver attribute: (identifier) @_method)
   arguments: (argument_list
     (comparison_operator
       (call
         function: (attribute object: (identifier) @_func attribute: (identifier) @db.operator)
         arguments: (argument_list . [
           (attribute object: (identifier) @db.model @_class attribute: (identifier) @db.column)
           (attribute
             object: (attribute object: (identifier) @db.model attribute: (identifier) @_c)
             attribute: (identifier) @db.column)
         ]))
       "=="))) @db.call
 (#any-of? @_method "filter" "where")
 (#eq? @_func "func")
 (#any-of? @db.operator "lower" "upper")
 (#match? @_class "^[A-Z]")
 (#eq? @_c "c"))

; Ranges: User.age >= n
((call
   function: (attribute object: (_) @db.receiver attribute: (identifier) @_method)
   arguments: (argument_list [
     (comparison_operator
       [
         (attribute object: (identifier) @db.model @_class attribute: (identifier) @db.column)
         (attribute
           object: (attribute object: (identifier) @db.model attribute: (identifier) @_c)
           attribute: (identifier) @db.column)
       ]
       ["<" "<=" ">" ">="] @db.operator)
     (call
       function: [(identifier) @_junction (attribute attribute: (identifier) @_junction)]
       arguments: (argument_list (comparison_operator
         [
           (attribute object: (identifier) @db.model @_class attribute: (identifier) @db.column)
           (attribute
             object: (attribute object: (identifier) @db.model attribute: (identifier) @_c)
             attribute: (identifier) @db.column)
         ]
         ["<" "<=" ">" ">="] @db.operator)))
   ])) @db.call
 (#any-of? @_method "filter" "where")
 (#any-of? @_junction "and_" "or_")
 (#match? @_class "^[A-Z]")
 (#eq? @_c "c"))

; Column operators: User.email.in_(…), .like(…), .ilike(…), .startswith(…), .between(…),
; .is_(None) (negations such as not_in / is_not make no use).
((call
   function: (attribute object: (_) @db.receiver attribute: (identifier) @_method)
   arguments: (argument_list [
     (call function: (attribute
       object: [
         (attribute object: (identifier) @db.model @_class attribute: (identifier) @db.column)
         (attribute
           object: (attribute object: (identifier) @db.model attribute: (identifier) @_c)
           attribute: (identifier) @db.column)
       ]
       attribute: (identifier) @db.operator))
     (call
       function: [(identifier) @_junction (attribute attribute: (identifier) @_junction)]
       arguments: (argument_list (call function: (attribute
         object: [
           (attribute object: (identifier) @db.model @_class attribute: (identifier) @db.column)
           (attribute
             object: (attribute object: (identifier) @db.model attribute: (identifier) @_c)
             attribute: (identifier) @db.column)
         ]
         attribute: (identifier) @db.operator))))
   ])) @db.call
 (#any-of? @_method "filter" "where")
 (#any-of? @_junction "and_" "or_")
 (#match? @_class "^[A-Z]")
 (#eq? @_c "c")
 (#any-of? @db.operator "in_" "like" "ilike" "startswith" "istartswith" "endswith" "iendswith" "contains" "icontains" "between" "is_" "regexp_match"))

; A boolean column on its own: .filter(User.is_active)
((call
   function: (attribute object: (_) @db.receiver attribute: (identifier) @_method)
   arguments: (argument_list
     (attribute object: (identifier) @db.model attribute: (identifier) @db.column))) @db.call
 (#any-of? @_method "filter" "where")
 (#match? @db.model "^[A-Z]")
 (#match? @db.column "^(is|has)_"))

; ---------------------------------------------------------------------------------------------
; Queries: sorts

; .order_by(Order.created_at), .order_by(Order.created_at.desc()), .order_by(desc(Order.created_at))
((call
   function: (attribute object: (_) @db.receiver attribute: (identifier) @_method)
   arguments: (argument_list [
     (attribute object: (identifier) @db.model @_class attribute: (identifier) @db.column)
     (attribute
       object: (attribute object: (identifier) @db.model attribute: (identifier) @_c)
       attribute: (identifier) @db.column)
     (call function: (attribute
       object: [
         (attribute object: (identifier) @db.model @_class attribute: (identifier) @db.column)
         (attribute
           object: (attribute object: (identifier) @db.model attribute: (identifier) @_c)
           attribute: (identifier) @db.column)
       ]
       attribute: (identifier) @_direction))
     (call
       function: [(identifier) @_direction (attribute attribute: (identifier) @_direction)]
       arguments: (argument_list [
         (attribute object: (identifier) @db.model @_class attribute: (identifier) @db.column)
         (attribute
           object: (attribute object: (identifier) @db.model attribute: (identifier) @_c)
           attribute: (identifier) @db.column)
       ]))
   ])) @db.call
 (#eq? @_method "order_by")
 (#match? @_class "^[A-Z]")
 (#eq? @_c "c")
 (#any-of? @_direction "desc" "asc")
 (#set! db "order"))
