; Request data: where it enters (sources), what it flows through (access builds), and what
; validates it (sanitizers, guards). Read by every unvalidated-input rule and by the injection
; rules, which rate findings fed by request data higher.

; --- Sources -------------------------------------------------------------------------------

; Flask / Werkzeug (`request` global), Django (`request` view argument), Starlette / FastAPI
; (`request: Request`), aiohttp (`request` handler argument), also `self.request` in class-based
; views: the fields that hold what the client sent.
((attribute
   object: [
     (identifier) @_request
     (attribute attribute: (identifier) @_request)
   ]
   attribute: (identifier) @_field) @source.request
 (#eq? @_request "request")
 (#any-of? @_field
   "args" "form" "values" "json" "data" "files" "cookies" "headers" "view_args" "query_string"
   "GET" "POST" "body" "COOKIES" "META" "FILES" "headers" "query_params" "path_params"
   "query" "match_info" "rel_url" "content" "referrer" "environ"))

; Methods returning the body: Flask get_json() / get_data(), Starlette and aiohttp
; (await) request.json() / form() / body() / text() / post().
((call
   function: (attribute
     object: [
       (identifier) @_request
       (attribute attribute: (identifier) @_request)
     ]
     attribute: (identifier) @_method)) @source.request
 (#eq? @_request "request")
 (#any-of? @_method "get_json" "get_data" "json" "form" "body" "text" "post" "stream"))

; Route parameters: Flask `@app.route("/<name>")` / `@bp.get(...)`, FastAPI `@app.get(...)` /
; `@router.post(...)`. A parameter with no type, or typed as text or an untyped container, is
; what the client wrote; `id: int`, `item: Item` (a pydantic model) are validated by the
; framework. `self`, `request`, and dependencies (`= Depends(...)`) are not client data.
(decorated_definition
  (decorator
    (call
      function: (attribute attribute: (identifier) @_route)
      arguments: (argument_list . (string)? @source.route)))
  definition: (function_definition
    parameters: (parameters [
      (identifier) @source.param
      (default_parameter
        name: (identifier) @source.param
        value: [(string) (none) (integer) (identifier)])
    ]))
  (#any-of? @_route "route" "get" "post" "put" "patch" "delete" "api_route" "websocket")
  (#not-any-of? @source.param "self" "cls" "request" "req" "db" "session"))

(decorated_definition
  (decorator
    (call function: (attribute attribute: (identifier) @_route)))
  definition: (function_definition
    parameters: (parameters [
      (typed_parameter (identifier) @source.param type: (type [
        (identifier) @_type
        (generic_type (identifier) @_type)
        (subscript value: (identifier) @_type)
      ]))
      (typed_default_parameter name: (identifier) @source.param type: (type [
        (identifier) @_type
        (generic_type (identifier) @_type)
        (subscript value: (identifier) @_type)
      ]) value: [(string) (none) (integer) (float) (list) (tuple) (ellipsis)])
    ]))
  (#any-of? @_route "route" "get" "post" "put" "patch" "delete" "api_route" "websocket")
  (#any-of? @_type "str" "bytes" "dict" "Dict" "Any" "list" "List" "Mapping" "Json"))

; FastAPI's declared parameters: `q: str = Query(None)`, `body: dict = Body(...)` (not
; `Depends(...)`, which the application computes).
(decorated_definition
  (decorator
    (call function: (attribute attribute: (identifier) @_route)))
  definition: (function_definition
    parameters: (parameters
      (typed_default_parameter name: (identifier) @source.param type: (type [
        (identifier) @_type
        (generic_type (identifier) @_type)
        (subscript value: (identifier) @_type)
      ]) value: (call function: (identifier) @_declared))))
  (#any-of? @_route "route" "get" "post" "put" "patch" "delete" "api_route" "websocket")
  (#any-of? @_type "str" "bytes" "dict" "Dict" "Any" "list" "List" "Mapping" "Json")
  (#any-of? @_declared "Query" "Path" "Body" "Form" "Header" "Cookie"))

; `Optional[str]`, `str | None`: still text.
(decorated_definition
  (decorator
    (call function: (attribute attribute: (identifier) @_route)))
  definition: (function_definition
    parameters: (parameters [
      (typed_parameter (identifier) @source.param type: (type [
        (generic_type (identifier) @_optional (type_parameter (type (identifier) @_type)))
        (binary_operator left: (identifier) @_type)
      ]))
      (typed_default_parameter name: (identifier) @source.param type: (type [
        (generic_type (identifier) @_optional (type_parameter (type (identifier) @_type)))
        (binary_operator left: (identifier) @_type)
      ]) value: [(string) (none) (call function: (identifier) @_declared)])
    ]))
  (#any-of? @_route "route" "get" "post" "put" "patch" "delete" "api_route" "websocket")
  (#any-of? @_type "str" "bytes" "dict" "Any"))

; Django URL keyword arguments: `def detail(request, slug)`, and in class-based views
; `def get(self, request, slug)`: what follows the request is a URL segment. Path converters
; other than str are declared in the URLconf, which the view does not show: int-like names are
; left out, and so are names of objects helpers pass around with a request (`obj`, `form`).
(function_definition
  parameters: (parameters
    . (identifier) @_request
    [
      (identifier) @source.param
      (default_parameter name: (identifier) @source.param)
    ])
  (#eq? @_request "request")
  (#not-match? @source.param "^(pk|id|.*_id|.*_pk|year|month|day|page|format|.|obj|instance|form|formset|user|context|template.*|response|queryset|qs|model|site|exception|exc|extra_context|.*_class|.*_form|.*_func|current_app|using)$"))
(function_definition
  name: (identifier) @_method
  parameters: (parameters
    . (identifier) @_self
    . (identifier) @_request
    [
      (identifier) @source.param
      (default_parameter name: (identifier) @source.param)
    ])
  (#eq? @_self "self")
  (#eq? @_request "request")
  (#any-of? @_method "get" "post" "put" "patch" "delete" "head")
  (#not-match? @source.param "^(pk|id|.*_id|.*_pk|year|month|day|page|format|.)$"))

; --- Whole bodies with no schema (unvalidated-body) -------------------------------------------

; Flask request.json; Django json.loads(request.body) (a raw body read for bytes is not JSON).
((attribute
   object: (identifier) @_request
   attribute: (identifier) @_field) @input.body
 (#eq? @_request "request")
 (#eq? @_field "json"))
((call
   function: (attribute attribute: (identifier) @_loads)
   arguments: (argument_list
     . (attribute
       object: (identifier) @_request
       attribute: (identifier) @_field))) @input.body
 (#eq? @_loads "loads")
 (#eq? @_request "request")
 (#eq? @_field "body"))

((call
   function: (attribute
     object: (identifier) @_request
     attribute: (identifier) @_method)) @input.body
 (#eq? @_request "request")
 (#any-of? @_method "get_json" "json"))

; FastAPI: a body parameter typed as a bare dict or Any (`dict[str, int]` is a schema).
(decorated_definition
  (decorator
    (call function: (attribute attribute: (identifier) @_route)))
  definition: (function_definition
    parameters: (parameters [
      (typed_parameter (identifier) @input.body type: (type (identifier) @_type))
      (typed_default_parameter
        name: (identifier) @input.body
        type: (type (identifier) @_type)
        value: (call function: (identifier) @_declared))
    ]))
  (#any-of? @_route "post" "put" "patch")
  (#any-of? @_type "dict" "Dict" "Any")
  (#not-any-of? @_declared "Depends" "Security"))

; Validation that covers a handler's body: a form or serializer checked with is_valid(),
; jsonschema's validate(instance, schema), marshmallow's schema.validate(data).
((call
   function: (attribute attribute: (identifier) @_method)) @input.validated
 (#any-of? @_method "is_valid" "validate" "full_clean"))
((call
   function: (identifier) @_function) @input.validated
 (#eq? @_function "validate"))

; --- Flow: reading from request data is request data --------------------------------------

; request.args.x, data.user.name
((attribute object: (_) @expr.part) @expr.build (#set! build "access"))

; data.getlist("x"), q.split(","), name.replace("..", ""), path.joinpath(x), p.resolve()
((call
   function: (attribute
     object: (_) @expr.part
     attribute: (identifier) @_method)
   arguments: (argument_list (_)? @expr.part))
 (#any-of? @_method
   "getlist" "to_dict" "items" "values" "keys" "copy" "dict" "split" "rsplit" "partition"
   "replace" "removeprefix" "removesuffix" "encode" "decode" "zfill" "ljust" "rjust"
   "joinpath" "with_name" "with_suffix" "resolve" "absolute" "expanduser" "geturl" "_replace")
 (#set! build "access")) @expr.build

; os.path.join(BASE, name), path.abspath(p), posixpath.normpath(p)
((call
   function: (attribute
     object: [
       (identifier) @_module
       (attribute attribute: (identifier) @_module)
     ]
     attribute: (identifier) @_function)
   arguments: (argument_list (_) @expr.part))
 (#any-of? @_module "path" "posixpath" "ntpath")
 (#any-of? @_function "join" "abspath" "normpath" "realpath" "expanduser" "expandvars" "dirname")
 (#set! build "access")) @expr.build

; Path(x), urljoin(base, x), urlparse(x), unquote(x), json.loads(x), b64decode(x)
((call
   function: [
     (identifier) @_function
     (attribute attribute: (identifier) @_function)
   ]
   arguments: (argument_list (_) @expr.part))
 (#any-of? @_function
   "Path" "PurePath" "PosixPath" "urljoin" "urlparse" "urlsplit" "urlunparse" "unquote"
   "unquote_plus" "loads" "b64decode" "urlsafe_b64decode" "fspath")
 (#set! build "access")) @expr.build

; --- Validation and conversion -----------------------------------------------------------

; request.args.get("n", type=int): Werkzeug converts (and drops what does not convert).
((call
   function: (attribute attribute: (identifier) @_get)
   arguments: (argument_list
     (keyword_argument
       name: (identifier) @_keyword
       value: (identifier) @_type)))
 (#eq? @_get "get")
 (#eq? @_keyword "type")
 (#any-of? @_type "int" "float" "bool" "UUID")) @sanitizer.convert

; UUID(x) imported bare; datetime / date parsing.
((call
   function: [
     (identifier) @_function
     (attribute attribute: (identifier) @_function)
   ])
 (#any-of? @_function "UUID" "fromisoformat" "strptime")) @sanitizer.convert

; pydantic: Model(**data), Model.model_validate(data), parse_obj, TypeAdapter.validate_python.
((call
   function: (identifier) @_model
   arguments: (argument_list (dictionary_splat)))
 (#match? @_model "^[A-Z]")) @sanitizer.validate
((call
   function: (attribute attribute: (identifier) @_method))
 (#any-of? @_method
   "model_validate" "model_validate_json" "parse_obj" "parse_raw" "validate_python"
   "validate_json")) @sanitizer.validate

; marshmallow: schema.load(data) / loads(text) (not json / yaml / pickle / toml).
((call
   function: (attribute
     object: (_) @_schema
     attribute: (identifier) @_method))
 (#any-of? @_method "load" "loads")
 (#not-any-of? @_schema "json" "yaml" "pickle" "toml" "tomllib" "marshal" "simplejson" "ujson" "orjson")) @sanitizer.validate

; Django forms and DRF serializers after is_valid(): cleaned_data, validated_data.
((attribute attribute: (identifier) @_field) @sanitizer.validate
 (#any-of? @_field "cleaned_data" "validated_data"))

; jsonschema.validate(data, SCHEMA) raises on bad input: data is valid after it.
((expression_statement
   (call
     function: [
       (identifier) @_function
       (attribute attribute: (identifier) @_function)
     ]
     arguments: (argument_list . (identifier) @guard.subject))) @guard.after
 (#eq? @_function "validate"))

; A file name without directories: os.path.basename, werkzeug's secure_filename, Path(x).name.
((call
   function: [
     (identifier) @_function
     (attribute attribute: (identifier) @_function)
   ])
 (#any-of? @_function "basename" "secure_filename" "get_valid_filename")) @sanitizer.path
((attribute
   object: (call function: (identifier) @_path)
   attribute: (identifier) @_name) @sanitizer.path
 (#any-of? @_path "Path" "PurePath" "PurePosixPath")
 (#eq? @_name "name"))

; HTML escaping: html.escape, markupsafe / flask escape, Django escape / format_html, bleach.
((call
   function: (identifier) @_function)
 (#any-of? @_function "escape" "conditional_escape" "format_html")) @sanitizer.html
((call
   function: (attribute
     object: (identifier) @_module
     attribute: (identifier) @_function))
 (#any-of? @_module "html" "markupsafe" "flask" "bleach" "cgi" "django")
 (#any-of? @_function "escape" "clean")) @sanitizer.html

; Regex escaping.
((call
   function: (attribute
     object: (identifier) @_module
     attribute: (identifier) @_function))
 (#any-of? @_module "re" "regex")
 (#eq? @_function "escape")) @sanitizer.regex

; A resolved path checked against a fixed root: if not p.startswith(ROOT): abort(...) / raise.
((if_statement
   condition: (not_operator
     argument: (call
       function: (attribute
         object: (identifier) @guard.subject
         attribute: (identifier) @_method)
       arguments: (argument_list . (_) @guard.allowlist)))
   consequence: (block [
     (raise_statement)
     (return_statement)
     (expression_statement (call))
   ])) @guard.after
 (#any-of? @_method "startswith" "is_relative_to")
 (#set! guard "prefix"))
((if_statement
   condition: (call
     function: (attribute
       object: (identifier) @guard.subject
       attribute: (identifier) @_method)
     arguments: (argument_list . (_) @guard.allowlist))
   consequence: (block) @guard.region)
 (#any-of? @_method "startswith" "is_relative_to")
 (#set! guard "prefix"))

; A URL whose host is in a constant allow-list: if urlparse(url).netloc not in ALLOWED: abort.
((if_statement
   condition: (comparison_operator
     (attribute
       object: (call
         function: [(identifier) @_parse (attribute attribute: (identifier) @_parse)]
         arguments: (argument_list . (identifier) @guard.subject)))
     "not in"
     (_) @guard.allowlist)
   consequence: (block [
     (raise_statement)
     (return_statement)
     (expression_statement (call))
   ])) @guard.after
 (#any-of? @_parse "urlparse" "urlsplit")
 (#set! guard "prefix"))
((if_statement
   condition: (comparison_operator
     (attribute
       object: (call
         function: [(identifier) @_parse (attribute attribute: (identifier) @_parse)]
         arguments: (argument_list . (identifier) @guard.subject)))
     "in"
     (_) @guard.allowlist)
   consequence: (block) @guard.region)
 (#any-of? @_parse "urlparse" "urlsplit")
 (#set! guard "prefix"))

; Validators the pack vouches for: Django's url_has_allowed_host_and_scheme / is_safe_url.
((if_statement
   condition: (not_operator
     argument: (call
       function: [(identifier) @_check (attribute attribute: (identifier) @_check)]
       arguments: (argument_list . (identifier) @guard.subject)))
   consequence: (block [
     (raise_statement)
     (return_statement)
     (expression_statement (call))
   ])) @guard.after
 (#any-of? @_check "url_has_allowed_host_and_scheme" "is_safe_url")
 (#set! guard "prefix"))
((if_statement
   condition: (call
     function: [(identifier) @_check (attribute attribute: (identifier) @_check)]
     arguments: (argument_list . (identifier) @guard.subject))
   consequence: (block) @guard.region)
 (#any-of? @_check "url_has_allowed_host_and_scheme" "is_safe_url")
 (#set! guard "prefix"))

; Allow-lists whose failing branch aborts the request: Flask / Werkzeug abort(), Django's
; raise Http404 is a raise_statement (structure.scm).
((if_statement
   condition: (comparison_operator
     . (identifier) @guard.subject
     "not in"
     (_) @guard.allowlist .)
   consequence: (block
     (expression_statement
       (call function: [(identifier) @_abort (attribute attribute: (identifier) @_abort)])))) @guard.after
 (#eq? @_abort "abort"))

; A failing check that replaces the value: if x not in ALLOWED: x = DEFAULT.
((if_statement
   condition: (comparison_operator
     . (identifier) @guard.subject
     "not in"
     (_) @guard.allowlist .)
   consequence: (block
     (expression_statement
       (assignment left: (identifier) @_reset)))) @guard.after
 (#eq? @_reset @guard.subject))

; Validators named by keyword: if not url_has_allowed_host_and_scheme(url=x, ...): x = "/".
((if_statement
   condition: (not_operator
     argument: (call
       function: [(identifier) @_check (attribute attribute: (identifier) @_check)]
       arguments: (argument_list
         (keyword_argument
           name: (identifier) @_keyword
           value: (identifier) @guard.subject))))
   consequence: (block [
     (raise_statement)
     (return_statement)
     (expression_statement (call))
     (expression_statement (assignment left: (identifier)))
   ])) @guard.after
 (#any-of? @_check "url_has_allowed_host_and_scheme" "is_safe_url")
 (#eq? @_keyword "url")
 (#set! guard "prefix"))
