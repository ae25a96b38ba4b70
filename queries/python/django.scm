; Django (rule missing-index): models, their fields and indexes, migrations, and ORM queries.
; The core applies Django's conventions (naming "django"): the table is <app>_<model>, a
; ForeignKey's column is <field>_id and Django indexes it, `id` is the primary key unless a
; field says primary_key=True. Every pattern declares the words a file must contain for it to
; match (`#set! words`). The patterns are few and simple on purpose: each one costs about 1 %
; of the scan of a large Python code base (docs/performance.md).

; ---------------------------------------------------------------------------------------------
; Schema: models, the migrations that create and change them

; class Customer(models.Model): (and `Model` imported by name)
((class_definition
   name: (identifier) @schema.model.name
   superclasses: (argument_list [
     (attribute attribute: (identifier) @_base)
     (identifier) @_base
   ])) @schema.model
 (#eq? @_base "Model")
 (#set! naming "django")
 (#set! words "Model"))

; migrations.CreateModel(name="Customer", fields=[…]): the `fields=[…]` list stands for the
; model (its field tuples are inside it). Rooted at the keyword argument, which is far rarer
; than a call.
((keyword_argument
   name: (identifier) @_name
   value: (string (string_content) @schema.model.name))
 .
 (keyword_argument
   name: (identifier) @_fields
   value: (list) @schema.model)
 (#eq? @_name "name")
 (#eq? @_fields "fields")
 (#set! naming "django")
 (#set! words "CreateModel"))

; class Meta: db_table = "catalog_product"
((assignment
   left: (identifier) @_key
   right: (string (string_content) @schema.table))
 (#eq? @_key "db_table")
 (#set! words "db_table"))

; Fields: `email = models.EmailField(…)` (a statement of a class body: the model around it is
; found by position), `("email", models.EmailField(…))` in a migration's CreateModel
; `fields=[…]`. Rooted at the statement and the `fields=` argument: a pattern rooted at the
; class would follow every statement of every class body, several times the cost.
((expression_statement (assignment
     left: (identifier) @schema.field.name
     right: (call function: (attribute object: (identifier) @_module))) @schema.field)
 (#eq? @_module "models")
 (#set! words "models"))
((keyword_argument
   name: (identifier) @_fields
   value: (list (tuple
     . (string (string_content) @schema.field.name)
     . (call function: (attribute object: (identifier) @_module))) @schema.field))
 (#eq? @_fields "fields")
 (#eq? @_module "models")
 (#set! words "models"))

; db_index=True, unique=True, primary_key=True (in a model or a migration's fields):
; schema-options.scm.

; db_index=False turns a foreign key's own index off; db_column="email_address" names the column.
((expression_statement (assignment
     left: (identifier) @schema.field.name
     right: (call
       function: (attribute object: (identifier) @_module)
       arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (false))))) @schema.field)
 (#eq? @_module "models")
 (#eq? @_flag "db_index")
 (#set! schema "no-index")
 (#set! words "models"))
((expression_statement (assignment
     left: (identifier) @schema.field.name
     right: (call
       function: (attribute object: (identifier) @_module)
       arguments: (argument_list (keyword_argument
         name: (identifier) @_key
         value: (string (string_content) @schema.column))))) @schema.field)
 (#eq? @_module "models")
 (#eq? @_key "db_column")
 (#set! words "models"))

; ForeignKey(Customer, …) / OneToOneField("shop.Customer", …) / ForeignKey(to="shop.customer"):
; the column is <field>_id, indexed unless db_index=False.
((expression_statement (assignment
     left: (identifier) @schema.field.name
     right: (call
       function: (attribute object: (identifier) @_module attribute: (identifier) @_type)
       arguments: (argument_list . [
         (identifier) @schema.references
         (attribute attribute: (identifier) @schema.references)
         (string (string_content) @schema.references)
       ]))) @schema.field)
 (#eq? @_module "models")
 (#any-of? @_type "ForeignKey" "OneToOneField")
 (#set! schema "foreign-key")
 (#set! words "models"))
((keyword_argument
   name: (identifier) @_fields
   value: (list (tuple
     . (string (string_content) @schema.field.name)
     . (call
       function: (attribute object: (identifier) @_module attribute: (identifier) @_type)
       arguments: (argument_list (keyword_argument
         name: (identifier) @_to
         value: (string (string_content) @schema.references))))) @schema.field))
 (#eq? @_fields "fields")
 (#eq? @_module "models")
 (#any-of? @_type "ForeignKey" "OneToOneField")
 (#eq? @_to "to")
 (#set! schema "foreign-key")
 (#set! words "models"))

; Meta.indexes = [models.Index(fields=["status", "placed_at"])], Meta.constraints =
; [models.UniqueConstraint(fields=[…])]: the option is the class's name.
((assignment
   left: (identifier) @_key
   right: (list (call
     function: (attribute attribute: (identifier) @schema.option)
     arguments: (argument_list (keyword_argument
       name: (identifier) @_fields
       value: [
         (list (string (string_content) @schema.index.column))
         (tuple (string (string_content) @schema.index.column))
       ]))) @schema.index))
 (#any-of? @_key "indexes" "constraints")
 (#any-of? @schema.option "Index" "UniqueConstraint")
 (#eq? @_fields "fields")
 (#set! words "models"))

; unique_together = [("order", "product")] / (("a", "b"),) / ("order", "product");
; index_together likewise.
((assignment
   left: (identifier) @schema.option
   right: [
     (list (tuple (string (string_content) @schema.index.column)) @schema.index)
     (tuple (tuple (string (string_content) @schema.index.column)) @schema.index)
     (tuple . (string (string_content) @schema.index.column)) @schema.index
   ])
 (#any-of? @schema.option "unique_together" "index_together")
 (#set! words "unique_together index_together"))

; migrations.AddIndex(model_name="order", index=models.Index(fields=[…])), AddConstraint.
((keyword_argument
   name: (identifier) @_model
   value: (string (string_content) @schema.index.model))
 .
 (keyword_argument
   name: (identifier) @_index
   value: (call
     function: (attribute attribute: (identifier) @schema.option)
     arguments: (argument_list (keyword_argument
       name: (identifier) @_fields
       value: (list (string (string_content) @schema.index.column))))) @schema.index)
 (#eq? @_model "model_name")
 (#any-of? @_index "index" "constraint")
 (#eq? @_fields "fields")
 (#set! words "AddIndex AddConstraint"))

; migrations.AlterField / AddField(model_name="order", name="tracking_number",
;   field=models.CharField(db_index=True)): an index (or unique) on that one column, in the
; keyword order Django writes.
((keyword_argument name: (identifier) @_model value: (string (string_content) @schema.index.model))
 .
 (keyword_argument name: (identifier) @_name value: (string (string_content) @schema.index.column))
 .
 (keyword_argument
   name: (identifier) @_field
   value: (call arguments: (argument_list
     (keyword_argument name: (identifier) @schema.option value: (true))))) @schema.index
 (#eq? @_model "model_name")
 (#eq? @_name "name")
 (#eq? @_field "field")
 (#any-of? @schema.option "db_index" "unique")
 (#set! words "AlterField AddField"))

; ---------------------------------------------------------------------------------------------
; Queries

; `Order.objects` starts a query on the model; `.filter(…)`, `.get(…)`, `.exclude(…)` and
; `.order_by(…)` chained on it (or on a variable holding a queryset) add to it, and the method
; name says what the call does with its columns.
((call function: (attribute
   object: (attribute object: (identifier) @db.model attribute: (identifier) @_manager) @db.call))
 (#eq? @_manager "objects")
 (#set! words "objects"))

((call
   function: (attribute object: (_) @db.receiver attribute: (identifier) @db.verb)
   arguments: (argument_list [
     (keyword_argument name: (identifier) @db.column)
     (string (string_content) @db.column)
   ])) @db.call
 (#any-of? @db.verb "filter" "get" "exclude" "order_by" "get_or_create" "update_or_create")
 (#set! lookup "django")
 (#set! words "objects"))

((call
   function: (identifier) @_function
   arguments: (argument_list . (identifier) @db.model (keyword_argument name: (identifier) @db.column))) @db.call
 (#any-of? @_function "get_object_or_404" "get_list_or_404")
 (#set! lookup "django")
 (#set! words "get_object_or_404 get_list_or_404"))

; class Meta: managed = False — a view, a legacy or another service's table: not part of the
; schema this repository manages (queries on it get a note, never a hint).
((assignment
   left: (identifier) @_key
   right: (false)) @schema.external
 (#eq? @_key "managed")
 (#set! words "managed"))
