; Request data (shared with TypeScript): where it enters a handler (@source.request,
; @source.param), how it travels (builds marked "access": fields, lookups, string/URL/path/JSON
; helpers), destructuring, and reads of a whole body that no schema describes (@input.body).

; ---------------------------------------------------------------------------------------------
; Sources
; ---------------------------------------------------------------------------------------------

; Express / Next.js API routes / Fastify: req.query, req.body, req.params, req.headers,
; req.cookies (also on a `request` object). Not req.url: `new URL('/login', req.url)` stays on
; this site.
((member_expression
   object: (identifier) @_req
   property: (property_identifier) @_field) @source.request
 (#any-of? @_req "req" "request")
 (#any-of? @_field "query" "body" "params" "headers" "cookies" "signedCookies"))

; WHATWG URL query: request.nextUrl.searchParams, new URL(request.url).searchParams,
; url.searchParams: the query string of a URL a handler parses is the client's.
((member_expression
   property: (property_identifier) @_field) @source.request
 (#eq? @_field "searchParams"))

; new URL(request.url): the URL the client asked for, parsed (its searchParams, pathname, ...).
((new_expression
   constructor: (identifier) @_class
   arguments: (arguments
     . (member_expression
         object: (identifier) @_req
         property: (property_identifier) @_field))) @source.request
 (#eq? @_class "URL")
 (#any-of? @_req "req" "request")
 (#eq? @_field "url"))

; multer / formidable uploads: file.originalname, file.originalFilename: the client's file name.
((member_expression
   property: (property_identifier) @_field) @source.request
 (#any-of? @_field "originalname" "originalFilename"))

; node:http: url.parse(req.url, true) (its .query, .pathname): the URL the client asked for.
((call_expression
   function: (member_expression
     object: (identifier) @_url
     property: (property_identifier) @_parse)
   arguments: (arguments
     . (member_expression
         object: (identifier) @_req
         property: (property_identifier) @_field))) @source.request
 (#eq? @_url "url")
 (#eq? @_parse "parse")
 (#any-of? @_req "req" "request")
 (#eq? @_field "url"))

; In the browser, the page's own URL is the attacker's: Next.js useSearchParams() / useParams(),
; the pages router's router.query, location.search / location.hash (also on window / document).
((call_expression
   function: (identifier) @_hook) @source.request
 (#any-of? @_hook "useSearchParams" "useParams"))
; Next.js pages router: router.query (from useRouter()).
((member_expression
   object: (identifier) @_router
   property: (property_identifier) @_field) @source.request
 (#eq? @_router "router")
 (#eq? @_field "query"))
; Browser: location.search, location.hash, window.location.href.
((member_expression
   object: [
     (identifier) @_location
     (member_expression
       object: (identifier) @_global
       property: (property_identifier) @_location)
   ]
   property: (property_identifier) @_field) @source.request
 (#eq? @_location "location")
 (#any-of? @_global "window" "document" "globalThis")
 (#any-of? @_field "search" "hash" "href"))

; Next.js next/headers in server components and actions: headers(), cookies().
((call_expression
   function: (identifier) @_function
   arguments: (arguments) @_args) @source.request
 (#any-of? @_function "headers" "cookies")
 (#match? @_args "^\\(\\s*\\)$"))

; Express: req.get('X-Header'), req.header('X-Header'), req.param('id') (deprecated lookup).
((call_expression
   function: (member_expression
     object: (identifier) @_req
     property: (property_identifier) @_method)) @source.request
 (#eq? @_req "req")
 (#any-of? @_method "get" "header" "param"))

; Next.js App Router / Fetch API Request: await request.json(), request.formData(), request.text().
((call_expression
   function: (member_expression
     object: (identifier) @_req
     property: (property_identifier) @_method)
   arguments: (arguments) @_args) @source.request
 (#any-of? @_req "req" "request")
 (#any-of? @_method "json" "formData" "text")
 (#match? @_args "^\\(\\s*\\)$"))

; Koa (and koa-router): ctx.query, ctx.params, ctx.querystring, ctx.headers, ctx.cookies.
((member_expression
   object: (identifier) @_ctx
   property: (property_identifier) @_field) @source.request
 (#any-of? @_ctx "ctx" "context")
 (#any-of? @_field "query" "params" "querystring" "headers" "header" "cookies"))

; Koa: ctx.get('X-Header').
((call_expression
   function: (member_expression
     object: (identifier) @_ctx
     property: (property_identifier) @_method)) @source.request
 (#eq? @_ctx "ctx")
 (#eq? @_method "get"))

; Koa (koa-body / koa-bodyparser): ctx.request.body, ctx.request.query, ctx.request.files.
((member_expression
   object: (member_expression
     object: (identifier) @_ctx
     property: (property_identifier) @_request)
   property: (property_identifier) @_field) @source.request
 (#any-of? @_ctx "ctx" "context")
 (#eq? @_request "request")
 (#any-of? @_field "body" "query" "querystring" "headers" "header"))

; Hono: c.req.query('q'), c.req.param('id'), c.req.header('x'), await c.req.json(),
; c.req.parseBody() (c.req.valid(...) is the validated payload: not listed).
((call_expression
   function: (member_expression
     object: (member_expression
       property: (property_identifier) @_req)
     property: (property_identifier) @_method)) @source.request
 (#eq? @_req "req")
 (#any-of? @_method "query" "queries" "param" "header" "json" "parseBody" "formData" "text"))

; Next.js App Router route handlers: export async function GET(request, { params }) and
; export async function GET(request, context): the second argument holds the route params.
; (The alternatives cover JavaScript's bare parameters; TypeScript's typed ones are in
; typescript/request.scm.)
(export_statement
  declaration: (function_declaration
    name: (identifier) @_handler
    parameters: (formal_parameters
      . (_)
      . [
        (identifier) @source.param
        (_ . (identifier) @source.param)
        (_ (shorthand_property_identifier_pattern) @source.param)
      ]))
  (#any-of? @_handler "GET" "POST" "PUT" "PATCH" "DELETE" "HEAD" "OPTIONS"))
; Next.js App Router: export const GET = async (request, { params }) => ...
(export_statement
  declaration: (lexical_declaration
    (variable_declarator
      name: (identifier) @_handler
      value: (arrow_function
        parameters: (formal_parameters
          . (_)
          . [
            (identifier) @source.param
            (_ . (identifier) @source.param)
            (_ (shorthand_property_identifier_pattern) @source.param)
          ]))))
  (#any-of? @_handler "GET" "POST" "PUT" "PATCH" "DELETE" "HEAD" "OPTIONS"))

; Next.js pages: export default function Page({ params, searchParams }), generateMetadata({ params }),
; getServerSideProps({ query, params }).
((export_statement
   "default"
   declaration: (function_declaration
     parameters: (formal_parameters
       . (_ (shorthand_property_identifier_pattern) @source.param))))
 (#any-of? @source.param "params" "searchParams"))
; Next.js data functions: generateMetadata({ params }), getServerSideProps({ query }).
((function_declaration
   name: (identifier) @_name
   parameters: (formal_parameters
     . (_ (shorthand_property_identifier_pattern) @source.param)))
 (#any-of? @_name "generateMetadata" "getServerSideProps" "generateImageMetadata")
 (#any-of? @source.param "params" "searchParams" "query" "req"))

; Express / Fastify / Koa: const { query, body } = req; const { body: payload } = ctx.request:
; the names bound to the request's parts (not followed as plain destructuring, see below).
((variable_declarator
   name: (object_pattern
     [
       (shorthand_property_identifier_pattern) @source.param @_field
       (pair_pattern
         key: (property_identifier) @_field
         value: (identifier) @source.param)
     ])
   value: (_) @_req)
 (#match? @_req "^(req|request|ctx|context|ctx\\.request|context\\.request)$")
 (#any-of? @_field "query" "body" "params" "headers" "cookies" "signedCookies" "querystring"))

; ---------------------------------------------------------------------------------------------
; Whole-body reads: the payload as the client sent it, before any schema.
; ---------------------------------------------------------------------------------------------

; Express / Next.js API routes / Fastify: req.body, request.body.
((member_expression
   object: (identifier) @_req
   property: (property_identifier) @_field) @input.body
 (#any-of? @_req "req" "request")
 (#eq? @_field "body"))

; Koa: ctx.request.body.
((member_expression
   object: (member_expression
     object: (identifier) @_ctx
     property: (property_identifier) @_request)
   property: (property_identifier) @_field) @input.body
 (#any-of? @_ctx "ctx" "context")
 (#eq? @_request "request")
 (#eq? @_field "body"))

; const { body } = req; const { body: payload } = ctx.request.
((variable_declarator
   name: (object_pattern
     [
       (shorthand_property_identifier_pattern) @input.body @_field
       (pair_pattern
         key: (property_identifier) @_field
         value: (identifier) @input.body)
     ])
   value: (_) @_req)
 (#match? @_req "^(req|request|ctx\\.request|context\\.request)$")
 (#eq? @_field "body"))

; Fetch API / Next.js App Router: await request.json(); Hono: await c.req.json().
((call_expression
   function: (member_expression
     object: [
       (identifier) @_req
       (member_expression property: (property_identifier) @_req)
     ]
     property: (property_identifier) @_method)
   arguments: (arguments) @_args) @input.body
 (#any-of? @_req "req" "request")
 (#eq? @_method "json")
 (#match? @_args "^\\(\\s*\\)$"))

; Not a handler: a function whose request comes after some other first argument (an HTTP
; client's writeH1(client, request), an error handler (err, req, res, next)) sees an outgoing or
; already handled request, and a block that declares its own `request` builds one: their body
; reads are not reported. (Handlers take the request first: (req, res), (request, reply), (ctx).)
([
   (function_declaration parameters: (formal_parameters . (_) @_first (_) @_req))
   (function_expression parameters: (formal_parameters . (_) @_first (_) @_req))
   (arrow_function parameters: (formal_parameters . (_) @_first (_) @_req))
   (method_definition parameters: (formal_parameters . (_) @_first (_) @_req))
 ] @input.validated
 (#not-match? @_first "^(req|request|ctx|context|c|event|_req|_request|@)\\b")
 (#match? @_req "^(req|request)\\b"))
; const request = new Request(url, init); const request = fetchParams.request: a function with
; a request of its own. The declaration is captured, not its block: a pattern capturing the
; block holds its match open, on every node, until the block ends.
([
   (lexical_declaration (variable_declarator name: (identifier) @_req))
   (variable_declaration (variable_declarator name: (identifier) @_req))
 ] @input.validated
 (#any-of? @_req "req" "request"))

; ---------------------------------------------------------------------------------------------
; How request data travels: a value read or derived from request data is request data.
; ---------------------------------------------------------------------------------------------

; obj.field, obj?.field
((member_expression
   object: (_) @expr.part) @expr.build
 (#set! build "access"))

; { ...req.body }, [...ids]: the spread value is part of the container.
((object (spread_element (_) @expr.part)) @expr.build (#set! build "choice"))
; [...req.body.ids]: array spread.
((array (spread_element (_) @expr.part)) @expr.build (#set! build "choice"))

; a || b, a ?? b, a && b: one of the two.
((binary_expression
   left: (_) @expr.part
   operator: _ @_operator (#any-of? @_operator "||" "??" "&&")
   right: (_) @expr.part) @expr.build
 (#set! build "choice"))

; String, URL and collection methods whose result comes from the receiver:
; s.slice(1), s.split(','), s.replace(a, b), params.get('q'), headers.get('x'), list.filter(f).
((call_expression
   function: (member_expression
     object: (_) @expr.part
     property: (property_identifier) @_method))
 (#any-of? @_method
   "get" "getAll" "slice" "substring" "substr" "split" "replace" "replaceAll" "padStart"
   "padEnd" "normalize" "at" "charAt" "match" "filter" "find" "flat" "reverse" "sort" "entries"
   "values" "toJSON" "toLocaleLowerCase" "toLocaleUpperCase")
 (#set! build "access")) @expr.build

; list.map((w) => w.trim()): the items come from the list when the callback uses its element
; (not ids.map(() => '?') or ids.map((_, i) => `$${i + 1}`): placeholder lists, expressions.scm;
; not ids.map((id) => Number(id)) or any other function's result).
((call_expression
   function: (member_expression
     object: (_) @expr.part
     property: (property_identifier) @_method)
   arguments: (arguments
     . [
       (arrow_function parameter: (identifier) @_element body: (_) @_body)
       (arrow_function parameters: (formal_parameters . (_) @_element) body: (_) @_body)
     ]))
 (#any-of? @_method "map" "flatMap")
 (#not-match? @_element "^_")
 (#not-match? @_body "^(['\"][^'\"]*['\"]|`[^$`]*`|[0-9.]+|null|true|false|undefined)$")
 (#not-match? @_body "^([A-Za-z_$][A-Za-z0-9_$]*\\(|(Number|Math)\\.)")
 (#set! build "access")) @expr.build

; items.forEach((item) => …), files.map(function (f) {…}): the callback's element is one of the
; items (untyped or plain parameters; typed ones are in typescript/request.scm).
((call_expression
   function: (member_expression
     object: (_) @assign.value
     property: (property_identifier) @_method)
   arguments: (arguments
     . [
       (arrow_function parameter: (identifier) @assign.target @assign)
       (arrow_function parameters: (formal_parameters . (_) @assign.target @assign))
       (function_expression parameters: (formal_parameters . (_) @assign.target @assign))
     ]))
 (#any-of? @_method "forEach" "map" "flatMap" "filter" "some" "every" "find" "findIndex" "findLast")
 (#match? @assign.target "^[A-Za-z_$][A-Za-z0-9_$]*$"))

; for (const file of req.body.files), for (const { path } of items), for (const key in req.query):
; the loop variable holds one of the items (or keys).
(for_in_statement
  left: [
    (identifier) @assign.target @assign
    (object_pattern (shorthand_property_identifier_pattern) @assign.target @assign)
    (object_pattern (pair_pattern value: (identifier) @assign.target @assign))
    (array_pattern (identifier) @assign.target @assign)
  ]
  right: (_) @assign.value)

; template.replace('{{name}}', name): the replacement ends up in the result too.
((call_expression
   function: (member_expression
     property: (property_identifier) @_method)
   arguments: (arguments . (_) . (_) @expr.part))
 (#any-of? @_method "replace" "replaceAll")
 (#set! build "access")) @expr.build

; util.format('<p>%s</p>', name), Object.assign({}, a, b), _.merge({}, a), _.get(obj, 'a.b'):
; built from every argument.
((call_expression
   function: (member_expression
     object: (identifier) @_object
     property: (property_identifier) @_method)
   arguments: (arguments (_) @expr.part))
 (#any-of? @_object "util" "Object" "_" "lodash")
 (#any-of? @_method "format" "assign" "merge" "get" "pick" "defaults" "values" "toString")
 (#set! build "access")) @expr.build
; util's format imported by name: format('<p>%s</p>', name).
((call_expression
   function: (identifier) @_function
   arguments: (arguments (_) @expr.part))
 (#eq? @_function "format")
 (#set! build "access")) @expr.build

; JSON.parse(x), decodeURIComponent(x), Buffer.from(x), Object.entries(x), Array.from(x),
; querystring.parse(x), url.parse(x): the result is the argument's content.
((call_expression
   function: (identifier) @_function
   arguments: (arguments . (_) @expr.part))
 (#any-of? @_function "decodeURIComponent" "decodeURI" "unescape" "atob" "structuredClone")
 (#set! build "access")) @expr.build
; JSON.parse(x), JSON.stringify(x) (no HTML escaping), Buffer.from(x), Object.entries(x),
; querystring/qs/url.parse(x).
((call_expression
   function: (member_expression
     object: (identifier) @_object
     property: (property_identifier) @_method)
   arguments: (arguments . (_) @expr.part))
 (#any-of? @_object "JSON" "Buffer" "Object" "Array" "querystring" "qs" "url" "URL")
 (#any-of? @_method "parse" "stringify" "from" "entries" "fromEntries" "parseUrl")
 (#set! build "access")) @expr.build

; path.join(root, name), path.resolve(...), path.normalize(p), path.basename(p), ...: built from
; every argument (path.basename is also a path sanitizer, see unvalidated-input.scm).
((call_expression
   function: (member_expression
     object: [
       (identifier) @_object
       (member_expression property: (property_identifier) @_object)
     ]
     property: (property_identifier) @_method)
   arguments: (arguments (_) @expr.part))
 (#any-of? @_object "path" "posix" "win32")
 (#any-of? @_method "join" "resolve" "normalize" "basename" "dirname" "relative" "format")
 (#set! build "access")) @expr.build
; path's join / resolve / normalize imported by name.
((call_expression
   function: (identifier) @_function
   arguments: (arguments (_) @expr.part))
 (#any-of? @_function "join" "resolve" "normalize")
 (#set! build "access")) @expr.build

; new URL(input, base), new URLSearchParams(query): the parsed value of their arguments.
((new_expression
   constructor: (identifier) @_class
   arguments: (arguments (_) @expr.part))
 (#any-of? @_class "URL" "URLSearchParams")
 (#set! build "access")) @expr.build

; ---------------------------------------------------------------------------------------------
; Destructuring: const { name, dir: folder, limit = 10 } = req.query;  const [a, b] = list;
; every bound name takes the value of the whole right-hand side.
; ---------------------------------------------------------------------------------------------
(variable_declarator
  name: (object_pattern
    [
      (shorthand_property_identifier_pattern) @assign.target
      (pair_pattern value: (identifier) @assign.target)
      (object_assignment_pattern left: (shorthand_property_identifier_pattern) @assign.target)
      (pair_pattern value: (assignment_pattern left: (identifier) @assign.target))
    ])
  value: (_) @assign.value
  (#not-any-of? @assign.value "req" "request" "ctx" "context" "ctx.request" "context.request")) @assign
; const [first, second] = req.body.items (array destructuring).
(variable_declarator
  name: (array_pattern
    [
      (identifier) @assign.target
      (assignment_pattern left: (identifier) @assign.target)
    ])
  value: (_) @assign.value) @assign
