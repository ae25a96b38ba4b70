; Values that cannot carry injected text, or that were quoted for SQL.

; Conversions to numbers, booleans and lengths (a bad input raises instead of passing through),
; and UUIDs, whose text is fixed-form.
((call
   function: (identifier) @_function)
 (#any-of? @_function "int" "float" "bool" "round" "abs" "ord" "Decimal")) @sanitizer.convert

; Sizes: bounded by what the client sent (a loop over one is linear in the request).
((call
   function: (identifier) @_function)
 (#eq? @_function "len")) @sanitizer.size

((call
   function: (attribute
     object: (identifier) @_module
     attribute: (identifier) @_function))
 (#eq? @_module "uuid")
 (#eq? @_function "UUID")) @sanitizer.convert

; SQL identifier and literal quoting: Django connection.ops.quote_name / schema_editor.quote_name,
; psycopg2.extensions.quote_ident, MySQLdb escape_string, SQLAlchemy's preparer quote().
((call
   function: [
     (identifier) @_function
     (attribute attribute: (identifier) @_function)
   ])
 (#any-of? @_function "quote_name" "quote_ident" "quote_identifier" "quote_literal" "escape_string" "format_table" "format_column")) @sanitizer.sql
