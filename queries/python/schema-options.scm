; Options set to true on a column or index declaration, for every Python ORM (rule
; missing-index): SQLAlchemy's Column(…, index=True), mapped_column(unique=True),
; Index(…, unique=True) and op.create_index(…, unique=True); SQLModel's Field(primary_key=True);
; Django's models.CharField(db_index=True) and the same in a migration's fields list.
;
; The option is matched on its own and the core gives it to the field or index declared by the
; call it is an argument of (the declaration is that call or holds it: `email = Column(…)`):
; one pattern rooted at the keyword argument costs far less than one per declaration form
; rooted at every call. The option's name says what it declares (`db_index`, `index`,
; `unique`, `primary_key`).
((keyword_argument name: (identifier) @schema.option value: (true))
 (#any-of? @schema.option "index" "db_index" "unique" "primary_key"))
