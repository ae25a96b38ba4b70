; Values that cannot carry injected text.

; x.len(), x.count(): numbers.
((call_expression
   function: (field_expression
     field: (field_identifier) @_method))
 (#any-of? @_method "len" "count")) @sanitizer.size

; s.parse::<i64>() and friends: numeric and boolean parses fail on anything else.
((call_expression
   function: (generic_function
     function: (field_expression
       field: (field_identifier) @_method)
     type_arguments: (type_arguments
       (primitive_type) @_type)))
 (#eq? @_method "parse")
 (#not-any-of? @_type "str" "char")) @sanitizer.convert
