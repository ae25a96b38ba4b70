; Diesel (rule missing-index): the query DSL. A query starts at a table (`users::table`,
; `schema::users::table`, or `users` / `dsl::users` after `use schema::users::dsl::*`), and its
; columns are the table module's items (`users::email`) or the dsl names (`email`). Methods on a
; query chain on each other, directly or through a variable holding the query
; (`let mut q = users::table.into_boxed(); q = q.filter(…);`).
;
; The schema comes from the SQL migrations (`migrations/<date>_name/up.sql`, never `down.sql`),
; which Diesel requires and which hold every index. `diesel::table!` in `src/schema.rs` only
; repeats the tables, columns and primary keys those migrations create (it knows no other
; index), so it adds nothing here: declaring tables from it would judge a repository whose
; migrations live elsewhere as if it had no indexes at all.
;
; A column qualified with its table (`posts::user_id`) is judged on that table whatever the
; query starts from (after a join). `dsl::email` names no table (the qualifier `dsl` matches no
; table) and is judged on the query's table. Comparisons that no index serves by design are
; left out: negations (`ne`, `ne_all`, `not_like`, `not_between`, `is_not_null`, `not(…)`),
; and Postgres array, range and JSON operators (`contains`, `overlaps_with`, `retrieve_as_text`)
; that need GIN or GiST indexes shipshape does not model. A column inside a function other
; than `lower` / `upper` (`date(users::created_at)`) or a wrapper (`users::email.nullable()`)
; is left out too.

; ---------------------------------------------------------------------------------------------
; Where a query starts, and how it goes on: a method of the query DSL called on a table
; (`users::table`, `schema::users::table`, `dsl::users`, `users::dsl::users`, or the dsl name
; `users` after `use schema::users::dsl::*`) or on a query (`users::table.select(…).filter(…)`).
; A bare name may also be a variable holding a query (`q.filter(…)`): the core then chains the
; call on the query the variable holds, and a name that is neither (a parameter) is a table the
; schema does not know, so nothing is judged. One pattern, so that every call is tried once.
((call_expression
   function: (field_expression
     value: [
       (scoped_identifier path: (identifier) @db.table name: (identifier) @_table)
       (scoped_identifier path: (scoped_identifier name: (identifier) @db.table) name: (identifier) @_table)
       (scoped_identifier path: (identifier) @_dsl name: (identifier) @db.table)
       (scoped_identifier path: (scoped_identifier name: (identifier) @_dsl) name: (identifier) @db.table)
       (identifier) @db.table @db.receiver
       (call_expression) @db.receiver
     ]
     field: (field_identifier) @_method @db.name)) @db.call
 (#eq? @_table "table")
 (#eq? @_dsl "dsl")
 (#any-of? @_method
   "filter" "or_filter" "find" "order" "order_by" "then_order_by" "select" "distinct"
   "distinct_on" "count" "into_boxed" "limit" "offset" "inner_join" "left_join"
   "left_outer_join" "for_update" "for_no_key_update" "for_share" "for_key_share" "group_by"))

; ---------------------------------------------------------------------------------------------
; Filters: `.filter(cond)` / `.or_filter(cond)`, where cond compares a column
; (`c.eq(x)`, `c.eq_any(xs)`, `c.gt(x)`, `c.ge(x)`, `c.lt(x)`, `c.le(x)`, `c.between(a, b)`,
; `c.like(p)`, `c.ilike(p)`, `c.is_null()`) or combines comparisons with `.and(…)` / `.or(…)`.
; An OR is read as if it were an AND: one served operand is enough not to report (an index
; must serve every operand of an OR, so a miss here is possible, a false report is not).
; A comparison is matched on its own, at any depth, and belongs to the innermost query call
; whose arguments hold it (the `.filter(…)` named above): one pattern per form instead of one
; rooted at the call with every depth of and/or as an alternative, which took a fifth of the
; Rust compile time and was tried at every call. A comparison with another table's column
; (`posts::user_id.eq(users::id)`, a join condition) is not a filter.
; A column inside `lower(…)` or `upper(…)` (functions a Diesel schema declares with
; `define_sql_function!`) is served only by an index on that expression
; (`CREATE INDEX … ON users (lower(email))`).

((call_expression
   function: (field_expression
     value: [
       (identifier) @db.column
       (scoped_identifier path: (identifier) @db.model name: (identifier) @db.column)
       (scoped_identifier path: (scoped_identifier name: (identifier) @db.model) name: (identifier) @db.column)
     ]
     field: (field_identifier) @db.operator)
   arguments: (arguments) @_value)
 (#any-of? @db.operator
   "eq" "eq_any" "gt" "ge" "lt" "le" "between" "like" "ilike" "is_null")
 (#not-match? @_value "^[(]\\s*([a-z_][a-z0-9_]*::)+[a-z_][a-z0-9_]*\\s*[)]$"))
((call_expression
   function: (field_expression
     value: (call_expression
       function: [(identifier) @db.operator (scoped_identifier name: (identifier) @db.operator)]
       arguments: (arguments . [
         (identifier) @db.column
         (scoped_identifier path: (identifier) @db.model name: (identifier) @db.column)
         (scoped_identifier path: (scoped_identifier name: (identifier) @db.model) name: (identifier) @db.column)
       ] .))
     field: (field_identifier) @_compare))
 (#any-of? @db.operator "lower" "upper")
 (#any-of? @_compare "eq" "eq_any" "like" "gt" "ge" "lt" "le" "between"))

; ---------------------------------------------------------------------------------------------
; Sorts: `.order(c)`, `.order(c.desc())`, `.order_by(c.asc().nulls_last())`,
; `.order((a.desc(), b))` (its first key: later keys only break ties).

((call_expression
   function: (field_expression value: (_) @db.receiver field: (field_identifier) @_method @db.name)
   arguments: (arguments . [
     (tuple_expression . [
          (identifier) @db.column
          (scoped_identifier path: (identifier) @db.model name: (identifier) @db.column)
          (scoped_identifier path: (scoped_identifier name: (identifier) @db.model) name: (identifier) @db.column)
          (call_expression
            function: (field_expression
              value: [
                (identifier) @db.column
                (scoped_identifier path: (identifier) @db.model name: (identifier) @db.column)
                (scoped_identifier path: (scoped_identifier name: (identifier) @db.model) name: (identifier) @db.column)
                (call_expression
                  function: (field_expression
                    value: [
                      (identifier) @db.column
                      (scoped_identifier path: (identifier) @db.model name: (identifier) @db.column)
                      (scoped_identifier path: (scoped_identifier name: (identifier) @db.model) name: (identifier) @db.column)
                    ]
                    field: (field_identifier) @_direction))
              ]
              field: (field_identifier) @_modifier))
        ])
     (identifier) @db.column
     (scoped_identifier path: (identifier) @db.model name: (identifier) @db.column)
     (scoped_identifier path: (scoped_identifier name: (identifier) @db.model) name: (identifier) @db.column)
     (call_expression
       function: (field_expression
         value: [
           (identifier) @db.column
           (scoped_identifier path: (identifier) @db.model name: (identifier) @db.column)
           (scoped_identifier path: (scoped_identifier name: (identifier) @db.model) name: (identifier) @db.column)
           (call_expression
             function: (field_expression
               value: [
                 (identifier) @db.column
                 (scoped_identifier path: (identifier) @db.model name: (identifier) @db.column)
                 (scoped_identifier path: (scoped_identifier name: (identifier) @db.model) name: (identifier) @db.column)
               ]
               field: (field_identifier) @_direction))
         ]
         field: (field_identifier) @_modifier))
   ] .)) @db.call
 (#any-of? @_method "order" "order_by")
 (#any-of? @_direction "asc" "desc")
 (#any-of? @_modifier "asc" "desc" "nulls_first" "nulls_last")
 (#set! db "order"))
