; Request data in TypeScript-only shapes: NestJS parameter decorators, typed Next.js App Router
; handlers and pages, and server actions (typed parameters are wrapped in required_parameter).

; NestJS: @Query('q') q: string, @Param('name') name, @Headers('x-tenant') tenant: string,
; @Body('note') note: string, @Query() query: Record<string, string>: raw request data. Not
; when a validating or parsing pipe is given (@Param('id', ParseIntPipe), @Body(new
; ValidationPipe())) or the type is a DTO class (the global ValidationPipe validates it).
((required_parameter
   decorator: (decorator
     (call_expression
       function: (identifier) @_decorator
       arguments: (arguments) @_args))
   pattern: (identifier) @source.param
   !type)
 (#any-of? @_decorator "Query" "Param" "Headers" "Body" "Cookies")
 (#not-match? @_args "(Parse[A-Za-z]*Pipe|Validat[A-Za-z]*Pipe|Zod[A-Za-z]*Pipe|Joi[A-Za-z]*Pipe|Schema[A-Za-z]*Pipe)"))
; NestJS: the same with a type that no pipe validates: string, any, unions, object types, Record<…>.
((required_parameter
   decorator: (decorator
     (call_expression
       function: (identifier) @_decorator
       arguments: (arguments) @_args))
   pattern: (identifier) @source.param
   type: (type_annotation
     [
       (predefined_type)
       (object_type)
       (array_type)
       (literal_type)
       (union_type)
       (generic_type name: (type_identifier) @_generic)
     ]))
 (#any-of? @_decorator "Query" "Param" "Headers" "Body" "Cookies")
 (#any-of? @_generic "Record" "Partial" "Array" "Map")
 (#not-match? @_args "(Parse[A-Za-z]*Pipe|Validat[A-Za-z]*Pipe|Zod[A-Za-z]*Pipe|Joi[A-Za-z]*Pipe|Schema[A-Za-z]*Pipe)"))

; NestJS: the whole body with no schema: @Body() body, @Body() body: any / object /
; Record<string, unknown> (no pipe).
((required_parameter
   decorator: (decorator
     (call_expression
       function: (identifier) @_decorator
       arguments: (arguments) @_args))
   pattern: (identifier) @input.body
   !type)
 (#eq? @_decorator "Body")
 (#match? @_args "^\\(\\s*\\)$"))
; NestJS: @Body() body: any / object / unknown / { … } / Record<string, unknown>.
((required_parameter
   decorator: (decorator
     (call_expression
       function: (identifier) @_decorator
       arguments: (arguments) @_args))
   pattern: (identifier) @input.body
   type: (type_annotation
     [
       (predefined_type) @_any
       (object_type)
       (generic_type name: (type_identifier) @_generic)
     ]))
 (#eq? @_decorator "Body")
 (#match? @_args "^\\(\\s*\\)$")
 (#any-of? @_any "any" "object" "unknown")
 (#any-of? @_generic "Record" "Partial"))

; NestJS, optional parameters: @Query('q') q?: string (raw request data, as above).
((optional_parameter
   decorator: (decorator
     (call_expression
       function: (identifier) @_decorator
       arguments: (arguments) @_args))
   pattern: (identifier) @source.param
   !type)
 (#any-of? @_decorator "Query" "Param" "Headers" "Body" "Cookies")
 (#not-match? @_args "(Parse[A-Za-z]*Pipe|Validat[A-Za-z]*Pipe|Zod[A-Za-z]*Pipe|Joi[A-Za-z]*Pipe|Schema[A-Za-z]*Pipe)"))
; NestJS: @Query('q') q?, untyped optional parameter.
((optional_parameter
   decorator: (decorator
     (call_expression
       function: (identifier) @_decorator
       arguments: (arguments) @_args))
   pattern: (identifier) @source.param
   type: (type_annotation
     [
       (predefined_type)
       (object_type)
       (array_type)
       (literal_type)
       (union_type)
       (generic_type name: (type_identifier) @_generic)
     ]))
 (#any-of? @_decorator "Query" "Param" "Headers" "Body" "Cookies")
 (#any-of? @_generic "Record" "Partial" "Array" "Map")
 (#not-match? @_args "(Parse[A-Za-z]*Pipe|Validat[A-Za-z]*Pipe|Zod[A-Za-z]*Pipe|Joi[A-Za-z]*Pipe|Schema[A-Za-z]*Pipe)"))

; NestJS: the whole body with no schema: @Body() body, @Body() body: any / object /
; Record<string, unknown> (no pipe).
((optional_parameter
   decorator: (decorator
     (call_expression
       function: (identifier) @_decorator
       arguments: (arguments) @_args))
   pattern: (identifier) @input.body
   !type)
 (#eq? @_decorator "Body")
 (#match? @_args "^\\(\\s*\\)$"))
; NestJS: @Body() body?: any, optional whole body.
((optional_parameter
   decorator: (decorator
     (call_expression
       function: (identifier) @_decorator
       arguments: (arguments) @_args))
   pattern: (identifier) @input.body
   type: (type_annotation
     [
       (predefined_type) @_any
       (object_type)
       (generic_type name: (type_identifier) @_generic)
     ]))
 (#eq? @_decorator "Body")
 (#match? @_args "^\\(\\s*\\)$")
 (#any-of? @_any "any" "object" "unknown")
 (#any-of? @_generic "Record" "Partial"))

; Next.js App Router route handlers: export async function GET(request: NextRequest,
; { params }: { params: … }) and (request, context: { params }): the route params.
((export_statement
   declaration: (function_declaration
     name: (identifier) @_handler
     parameters: (formal_parameters
       . (_)
       . (required_parameter
           pattern: [
             (identifier) @source.param
             (object_pattern (shorthand_property_identifier_pattern) @source.param)
           ]))))
 (#any-of? @_handler "GET" "POST" "PUT" "PATCH" "DELETE" "HEAD" "OPTIONS"))
; Next.js App Router: export const GET = async (request: NextRequest, { params }: Ctx) => ...
((export_statement
   declaration: (lexical_declaration
     (variable_declarator
       name: (identifier) @_handler
       value: (arrow_function
         parameters: (formal_parameters
           . (_)
           . (required_parameter
               pattern: [
                 (identifier) @source.param
                 (object_pattern (shorthand_property_identifier_pattern) @source.param)
               ]))))))
 (#any-of? @_handler "GET" "POST" "PUT" "PATCH" "DELETE" "HEAD" "OPTIONS"))

; Next.js pages: export default function Page({ params, searchParams }: Props),
; generateMetadata({ params }: Props).
((export_statement
   "default"
   declaration: (function_declaration
     parameters: (formal_parameters
       . (required_parameter
           pattern: (object_pattern (shorthand_property_identifier_pattern) @source.param)))))
 (#any-of? @source.param "params" "searchParams"))
; Next.js: generateMetadata({ params }: Props), getServerSideProps({ query }: Ctx).
((function_declaration
   name: (identifier) @_name
   parameters: (formal_parameters
     . (required_parameter
         pattern: (object_pattern (shorthand_property_identifier_pattern) @source.param))))
 (#any-of? @_name "generateMetadata" "getServerSideProps" "generateImageMetadata")
 (#any-of? @source.param "params" "searchParams" "query" "req"))

; Next.js server actions: async function save(formData: FormData): the submitted form.
((required_parameter
   pattern: (identifier) @source.param
   type: (type_annotation (type_identifier) @_type))
 (#eq? @_type "FormData"))

; Typed callbacks: items.forEach((item: Item) => …): the element is one of the items.
((call_expression
   function: (member_expression
     object: (_) @assign.value
     property: (property_identifier) @_method)
   arguments: (arguments
     . [
       (arrow_function
         parameters: (formal_parameters . (required_parameter pattern: (identifier) @assign.target @assign)))
       (function_expression
         parameters: (formal_parameters . (required_parameter pattern: (identifier) @assign.target @assign)))
     ]))
 (#any-of? @_method "forEach" "map" "flatMap" "filter" "some" "every" "find" "findIndex" "findLast"))

; NestJS: @Query('n', ParseIntPipe) n: number, @Param('n') n: number: a number, still the
; client's for loop bounds and sizes (rule input-bound-loop).
((required_parameter
   decorator: (decorator
     (call_expression
       function: (identifier) @_decorator))
   pattern: (identifier) @source.number
   type: (type_annotation (predefined_type) @_type))
 (#any-of? @_decorator "Query" "Param" "Body" "Headers")
 (#eq? @_type "number"))
