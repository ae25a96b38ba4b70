; Django (rule missing-index): models, their fields and indexes, migrations, and ORM queries.
; The core applies Django's conventions (naming "django"): the table is <app>_<model>, a
; ForeignKey's column is <field>_id and Django indexes it, `id` is the primary key unless a
; field says primary_key=True.

; ---------------------------------------------------------------------------------------------
; Schema: models

; class Customer(models.Model): (and `Model` imported by name)
((class_definition
   name: (identifier) @schema.model.name
   superclasses: (argument_list [
     (attribute object: (identifier) @_module attribute: (identifier) @_base)
     (identifier) @_base
   ])) @schema.model
 (#eq? @_base "Model")
 (#set! naming "django"))

; migrations.CreateModel(name="Customer", fields=[…])
((call
   function: (attribute object: (identifier) @_module attribute: (identifier) @_operation)
   arguments: (argument_list
     (keyword_argument
       name: (identifier) @_name
       value: (string (string_content) @schema.model.name)))) @schema.model
 (#eq? @_module "migrations")
 (#eq? @_operation "CreateModel")
 (#eq? @_name "name")
 (#set! naming "django"))

; class Meta: db_table = "catalog_product"
((class_definition
   name: (identifier) @_meta
   body: (block (expression_statement (assignment
     left: (identifier) @_key
     right: (string (string_content) @schema.table)))))
 (#eq? @_meta "Meta")
 (#eq? @_key "db_table"))

; Fields: `email = models.EmailField(…)` in a model, `("email", models.EmailField(…))` in a
; migration's CreateModel.
((assignment
   left: (identifier) @schema.field.name
   right: (call function: (attribute object: (identifier) @_module))) @schema.field
 (#eq? @_module "models"))
((tuple
   . (string (string_content) @schema.field.name)
   . (call function: (attribute object: (identifier) @_module))) @schema.field
 (#eq? @_module "models"))

; db_index=True, unique=True, primary_key=True (and db_index=False, which turns off a foreign
; key's index).
([
   (assignment
     left: (identifier) @schema.field.name
     right: (call
       function: (attribute object: (identifier) @_module)
       arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (true)))))
   (tuple
     . (string (string_content) @schema.field.name)
     . (call
       function: (attribute object: (identifier) @_module)
       arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (true)))))
 ] @schema.field
 (#eq? @_module "models")
 (#eq? @_flag "db_index")
 (#set! schema "index"))
([
   (assignment
     left: (identifier) @schema.field.name
     right: (call
       function: (attribute object: (identifier) @_module)
       arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (true)))))
   (tuple
     . (string (string_content) @schema.field.name)
     . (call
       function: (attribute object: (identifier) @_module)
       arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (true)))))
 ] @schema.field
 (#eq? @_module "models")
 (#eq? @_flag "unique")
 (#set! schema "unique"))
([
   (assignment
     left: (identifier) @schema.field.name
     right: (call
       function: (attribute object: (identifier) @_module)
       arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (true)))))
   (tuple
     . (string (string_content) @schema.field.name)
     . (call
       function: (attribute object: (identifier) @_module)
       arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (true)))))
 ] @schema.field
 (#eq? @_module "models")
 (#eq? @_flag "primary_key")
 (#set! schema "primary"))
([
   (assignment
     left: (identifier) @schema.field.name
     right: (call
       function: (attribute object: (identifier) @_module)
       arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (false)))))
   (tuple
     . (string (string_content) @schema.field.name)
     . (call
       function: (attribute object: (identifier) @_module)
       arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (false)))))
 ] @schema.field
 (#eq? @_module "models")
 (#eq? @_flag "db_index")
 (#set! schema "no-index"))

; db_column="email_address"
((assignment
   left: (identifier) @schema.field.name
   right: (call
     function: (attribute object: (identifier) @_module)
     arguments: (argument_list (keyword_argument
       name: (identifier) @_key
       value: (string (string_content) @schema.column))))) @schema.field
 (#eq? @_module "models")
 (#eq? @_key "db_column"))

; ForeignKey(Customer, …) / OneToOneField("shop.Customer", …) / ForeignKey(to="shop.customer"):
; the column is <field>_id, indexed unless db_index=False; a one-to-one is also unique.
([
   (assignment
     left: (identifier) @schema.field.name
     right: (call
       function: (attribute object: (identifier) @_module attribute: (identifier) @_type)
       arguments: (argument_list . [
         (identifier) @schema.references
         (attribute attribute: (identifier) @schema.references)
         (string (string_content) @schema.references)
       ])))
   (tuple
     . (string (string_content) @schema.field.name)
     . (call
       function: (attribute object: (identifier) @_module attribute: (identifier) @_type)
       arguments: (argument_list . [
         (identifier) @schema.references
         (string (string_content) @schema.references)
       ])))
 ] @schema.field
 (#eq? @_module "models")
 (#any-of? @_type "ForeignKey" "OneToOneField")
 (#set! schema "foreign-key"))
([
   (assignment
     left: (identifier) @schema.field.name
     right: (call
       function: (attribute object: (identifier) @_module attribute: (identifier) @_type)
       arguments: (argument_list (keyword_argument
         name: (identifier) @_to
         value: (string (string_content) @schema.references)))))
   (tuple
     . (string (string_content) @schema.field.name)
     . (call
       function: (attribute object: (identifier) @_module attribute: (identifier) @_type)
       arguments: (argument_list (keyword_argument
         name: (identifier) @_to
         value: (string (string_content) @schema.references)))))
 ] @schema.field
 (#eq? @_module "models")
 (#any-of? @_type "ForeignKey" "OneToOneField")
 (#eq? @_to "to")
 (#set! schema "foreign-key"))
([
   (assignment
     left: (identifier) @schema.field.name
     right: (call function: (attribute object: (identifier) @_module attribute: (identifier) @_type)))
   (tuple
     . (string (string_content) @schema.field.name)
     . (call function: (attribute object: (identifier) @_module attribute: (identifier) @_type)))
 ] @schema.field
 (#eq? @_module "models")
 (#eq? @_type "OneToOneField")
 (#set! schema "unique"))

; Meta.indexes = [models.Index(fields=["status", "placed_at"])], models.UniqueConstraint(…)
((call
   function: (attribute object: (identifier) @_module attribute: (identifier) @_index)
   arguments: (argument_list (keyword_argument
     name: (identifier) @_fields
     value: (list (string (string_content) @schema.index.column))))) @schema.index
 (#eq? @_module "models")
 (#eq? @_index "Index")
 (#eq? @_fields "fields"))
((call
   function: (attribute object: (identifier) @_module attribute: (identifier) @_index)
   arguments: (argument_list (keyword_argument
     name: (identifier) @_fields
     value: [(list (string (string_content) @schema.index.column)) (tuple (string (string_content) @schema.index.column))]))) @schema.index
 (#eq? @_module "models")
 (#eq? @_index "UniqueConstraint")
 (#eq? @_fields "fields")
 (#set! schema "unique"))

; unique_together = [("order", "product")] / ("order", "product"); index_together likewise.
((assignment
   left: (identifier) @_key
   right: [
     (list (tuple (string (string_content) @schema.index.column)) @schema.index)
     (tuple (tuple (string (string_content) @schema.index.column)) @schema.index)
   ])
 (#eq? @_key "unique_together")
 (#set! schema "unique"))
((assignment
   left: (identifier) @_key
   right: (tuple . (string (string_content) @schema.index.column)) @schema.index)
 (#eq? @_key "unique_together")
 (#set! schema "unique"))
((assignment
   left: (identifier) @_key
   right: [
     (list (tuple (string (string_content) @schema.index.column)) @schema.index)
     (tuple (tuple (string (string_content) @schema.index.column)) @schema.index)
   ])
 (#eq? @_key "index_together")
 (#set! schema "index"))

; ---------------------------------------------------------------------------------------------
; Schema: migrations that change a model later

; migrations.AddIndex(model_name="order", index=models.Index(fields=[…]))
((call
   function: (attribute object: (identifier) @_module attribute: (identifier) @_operation)
   arguments: (argument_list
     (keyword_argument
       name: (identifier) @_model
       value: (string (string_content) @schema.index.model))
     (keyword_argument
       name: (identifier) @_index
       value: (call) @schema.index)))
 (#eq? @_module "migrations")
 (#any-of? @_operation "AddIndex" "AddConstraint")
 (#eq? @_model "model_name")
 (#any-of? @_index "index" "constraint"))

; migrations.AlterField / AddField(model_name="order", name="tracking_number",
;   field=models.CharField(db_index=True)): an index on that one column.
((call
   function: (attribute object: (identifier) @_module attribute: (identifier) @_operation)
   arguments: (argument_list
     (keyword_argument name: (identifier) @_model value: (string (string_content) @schema.index.model))
     (keyword_argument name: (identifier) @_name value: (string (string_content) @schema.index.column))
     (keyword_argument
       name: (identifier) @_field
       value: (call arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (true))))))) @schema.index
 (#eq? @_module "migrations")
 (#any-of? @_operation "AlterField" "AddField")
 (#eq? @_model "model_name")
 (#eq? @_name "name")
 (#eq? @_field "field")
 (#eq? @_flag "db_index")
 (#set! schema "index"))
((call
   function: (attribute object: (identifier) @_module attribute: (identifier) @_operation)
   arguments: (argument_list
     (keyword_argument name: (identifier) @_model value: (string (string_content) @schema.index.model))
     (keyword_argument name: (identifier) @_name value: (string (string_content) @schema.index.column))
     (keyword_argument
       name: (identifier) @_field
       value: (call arguments: (argument_list (keyword_argument name: (identifier) @_flag value: (true))))))) @schema.index
 (#eq? @_module "migrations")
 (#any-of? @_operation "AlterField" "AddField")
 (#eq? @_model "model_name")
 (#eq? @_name "name")
 (#eq? @_field "field")
 (#eq? @_flag "unique")
 (#set! schema "unique"))

; ---------------------------------------------------------------------------------------------
; Queries

; Order.objects.filter(status="open"), .get(pk=…), .exclude(…) on the manager.
((call
   function: (attribute
     object: (attribute object: (identifier) @db.model attribute: (identifier) @_objects)
     attribute: (identifier) @_method)
   arguments: (argument_list (keyword_argument name: (identifier) @db.column))) @db.call
 (#eq? @_objects "objects")
 (#any-of? @_method "filter" "get" "get_or_create" "update_or_create" "filter_by")
 (#set! lookup "django"))
((call
   function: (attribute
     object: (attribute object: (identifier) @db.model attribute: (identifier) @_objects)
     attribute: (identifier) @_method)
   arguments: (argument_list (keyword_argument name: (identifier) @db.column))) @db.call
 (#eq? @_objects "objects")
 (#eq? @_method "exclude")
 (#set! db "exclude")
 (#set! lookup "django"))
((call
   function: (attribute
     object: (attribute object: (identifier) @db.model attribute: (identifier) @_objects)
     attribute: (identifier) @_method)
   arguments: (argument_list (string (string_content) @db.column))) @db.call
 (#eq? @_objects "objects")
 (#eq? @_method "order_by")
 (#set! db "order")
 (#set! lookup "django"))

; The same on a queryset: `….filter(…).order_by("-placed_at")`, `recent.filter(…)`.
((call
   function: (attribute object: [(call) (identifier)] @db.receiver attribute: (identifier) @_method)
   arguments: (argument_list (keyword_argument name: (identifier) @db.column))) @db.call
 (#any-of? @_method "filter" "get")
 (#set! lookup "django"))
((call
   function: (attribute object: [(call) (identifier)] @db.receiver attribute: (identifier) @_method)
   arguments: (argument_list (keyword_argument name: (identifier) @db.column))) @db.call
 (#eq? @_method "exclude")
 (#set! db "exclude")
 (#set! lookup "django"))
((call
   function: (attribute object: [(call) (identifier)] @db.receiver attribute: (identifier) @_method)
   arguments: (argument_list (string (string_content) @db.column))) @db.call
 (#eq? @_method "order_by")
 (#set! db "order")
 (#set! lookup "django"))

; get_object_or_404(Customer, pk=…)
((call
   function: (identifier) @_function
   arguments: (argument_list . (identifier) @db.model (keyword_argument name: (identifier) @db.column))) @db.call
 (#any-of? @_function "get_object_or_404" "get_list_or_404")
 (#set! lookup "django"))

