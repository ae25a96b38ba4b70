; Whole request bodies that no schema describes, and what validates request data.
; A handler taking `Json<serde_json::Value>` / `Json<HashMap<..>>` (axum) or `web::Json<Value>`
; (actix-web) reads every field by hand; a typed `Json<CreateUser>` is described by its struct.

; axum Json / Form, actix-web web::Json / web::Form with an untyped payload: the parameter is
; the body read (`Json(body): Json<Value>`, `payload: web::Json<serde_json::Value>`,
; `Form(fields): Form<HashMap<String, String>>`).
((parameter
   pattern: (_) @_binding
   type: (generic_type
     type: [
       (type_identifier) @_wrapper
       (scoped_type_identifier name: (type_identifier) @_wrapper)
     ]
     type_arguments: (type_arguments . [
       (type_identifier) @_payload
       (scoped_type_identifier name: (type_identifier) @_payload)
       (generic_type type: [
         (type_identifier) @_payload
         (scoped_type_identifier name: (type_identifier) @_payload)
       ])
     ] .))) @input.body
 (#any-of? @_wrapper "Json" "Form")
 (#any-of? @_payload "Value" "HashMap" "BTreeMap" "IndexMap" "Map")
 ; `_: Json<Value>` / `Json(_)`: the body is required but never read.
 (#not-match? @_binding "^(_|([A-Za-z_]+::)*[A-Za-z]+\\(_\\))$"))
; Json<Vec<Value>>, Form<Vec<(String, String)>>.
((parameter
   pattern: (_) @_binding
   type: (generic_type
     type: [
       (type_identifier) @_wrapper
       (scoped_type_identifier name: (type_identifier) @_wrapper)
     ]
     type_arguments: (type_arguments . (generic_type
       type: (type_identifier) @_vec
       type_arguments: (type_arguments . [
         (tuple_type)
         (type_identifier) @_item
         (scoped_type_identifier name: (type_identifier) @_item)
       ]))))) @input.body
 (#any-of? @_wrapper "Json" "Form")
 (#eq? @_vec "Vec")
 (#any-of? @_item "Value" "String")
 (#not-match? @_binding "^(_|([A-Za-z_]+::)*[A-Za-z]+\\(_\\))$"))

; Parsing into a typed struct validates: `serde_json::from_value::<CreateOrder>(body)`,
; `serde_json::from_str::<T>(&s)`, `serde_urlencoded::from_str::<T>(..)` (a turbofish naming
; anything but an untyped Value / map).
((call_expression
   function: (generic_function
     function: (scoped_identifier
       path: (_) @_module
       name: (identifier) @_function)
     type_arguments: (type_arguments . [
       (type_identifier) @_type
       (scoped_type_identifier name: (type_identifier) @_type)
       (generic_type type: [
         (type_identifier) @_type
         (scoped_type_identifier name: (type_identifier) @_type)
       ])
     ])))
 (#match? @_module "(^|::)(serde_json|serde_urlencoded|serde_qs|serde_yaml|toml)$")
 (#any-of? @_function "from_value" "from_str" "from_slice" "from_reader" "from_bytes")
 (#not-any-of? @_type "Value" "HashMap" "BTreeMap" "IndexMap" "Map")) @sanitizer.validate
; `let order: CreateOrder = serde_json::from_value(body)?;`: the declared type says what it is.
(let_declaration
  type: [
    (type_identifier) @_type
    (scoped_type_identifier name: (type_identifier) @_type)
    (generic_type type: [
      (type_identifier) @_type
      (scoped_type_identifier name: (type_identifier) @_type)
    ])
  ]
  value: [
    (call_expression function: (scoped_identifier path: (_) @_module name: (identifier) @_function))
    (try_expression (call_expression function: (scoped_identifier path: (_) @_module name: (identifier) @_function)))
    (call_expression function: (field_expression value: (call_expression function: (scoped_identifier path: (_) @_module name: (identifier) @_function))))
    (try_expression (call_expression function: (field_expression value: (call_expression function: (scoped_identifier path: (_) @_module name: (identifier) @_function)))))
  ] @sanitizer.validate
  (#match? @_module "(^|::)(serde_json|serde_urlencoded|serde_qs|serde_yaml|toml)$")
  (#any-of? @_function "from_value" "from_str" "from_slice" "from_reader" "from_bytes")
  (#not-any-of? @_type "Value" "HashMap" "BTreeMap" "IndexMap" "Map" "Option"))

; serde_json::from_value(body) / serde_path_to_error::deserialize: nobody converts a Value
; into a Value, so the target is a typed struct (inferred from the binding).
((call_expression
   function: (scoped_identifier
     path: (_) @_module
     name: (identifier) @_function))
 (#match? @_module "(^|::)(serde_json|serde_path_to_error)$")
 (#any-of? @_function "from_value" "deserialize")) @sanitizer.validate

; validator / garde `payload.validate()`, jsonschema `schema.validate(&body)` /
; `schema.is_valid(&body)` / `jsonschema::is_valid(&schema, &body)`, and the application's own
; `validate_order(&body)?`: the function validates.
((call_expression
   function: [
     (identifier) @_method
     (field_expression field: (field_identifier) @_method)
     (scoped_identifier name: (identifier) @_method)
   ]) @input.validated
 (#match? @_method "^(validate|is_valid|iter_errors)"))

; `payload.validate()?;`, `payload.validate().map_err(..)?;`, `if payload.validate().is_err() { return .. }`,
; `if let Err(e) = payload.validate() { return .. }`: the value is checked from here on.
((expression_statement
   (try_expression
     (call_expression
       function: (field_expression
         value: (identifier) @guard.subject
         field: (field_identifier) @_method)))) @guard.after
 (#eq? @_method "validate"))
((expression_statement
   (try_expression
     (call_expression
       function: (field_expression
         value: (call_expression
           function: (field_expression
             value: (identifier) @guard.subject
             field: (field_identifier) @_method)))))) @guard.after
 (#eq? @_method "validate"))
((if_expression
   condition: [
     (call_expression
       function: (field_expression
         value: (call_expression
           function: (field_expression
             value: (identifier) @guard.subject
             field: (field_identifier) @_method))
         field: (field_identifier) @_is_err))
     (let_condition
       pattern: (tuple_struct_pattern type: (identifier) @_is_err)
       value: (call_expression
         function: (field_expression
           value: (identifier) @guard.subject
           field: (field_identifier) @_method)))
   ]
   consequence: (block
     [
       (return_expression)
       (expression_statement [(return_expression) (break_expression) (continue_expression)])
       (expression_statement (macro_invocation macro: (identifier) @_exit))
       (macro_invocation macro: (identifier) @_exit)
     ])) @guard.after
 (#eq? @_method "validate")
 (#any-of? @_is_err "is_err" "Err")
 (#any-of? @_exit "panic" "unreachable" "bail" "todo" "unimplemented"))
