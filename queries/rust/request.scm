; Request data in Rust web handlers (axum, actix-web): where it enters (extractor parameters
; with untyped or string payloads, the raw request), how it travels (field reads, map lookups,
; string/path/URL methods), the sinks it must not reach unchecked (file paths, redirects,
; outbound URLs, HTML, regexes) and what makes it safe for them.
; Typed extractors (`Json<CreateUser>`, `Query<SearchParams>`: serde into a struct) and numeric
; ones (`Path<u64>`, `Path<Uuid>`) are validated by their type and are not sources.

; ---------------------------------------------------------------------------------------------
; Sources
; ---------------------------------------------------------------------------------------------

; axum Query/Path/Json/Form and actix-web web::Query/Path/Json/Form with an untyped payload:
; `Query(params): Query<HashMap<String, String>>`, `Path(name): Path<String>`,
; `Json(body): Json<serde_json::Value>`, `q: web::Query<HashMap<..>>`, `Json(mut v): Json<Value>`.
(parameter
  pattern: [
    (identifier) @source.param
    (mut_pattern (identifier) @source.param)
    (tuple_struct_pattern type: (_) . (identifier) @source.param)
    (tuple_struct_pattern type: (_) . (mut_pattern (identifier) @source.param))
  ]
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
    ] .))
  (#any-of? @_wrapper "Query" "Path" "Json" "Form")
  (#any-of? @_payload "String" "Value" "HashMap" "BTreeMap" "IndexMap" "Map"))

; The same with a list of pairs or strings: `Query<Vec<(String, String)>>`, `Json<Vec<Value>>`.
(parameter
  pattern: [
    (identifier) @source.param
    (mut_pattern (identifier) @source.param)
    (tuple_struct_pattern type: (_) . (identifier) @source.param)
    (tuple_struct_pattern type: (_) . (mut_pattern (identifier) @source.param))
  ]
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
      ]))))
  (#any-of? @_wrapper "Query" "Path" "Json" "Form")
  (#eq? @_vec "Vec")
  (#any-of? @_item "String" "Value"))

; axum `Path((owner, repo)): Path<(String, String)>`: each name bound to a String position
; (a `u32` / `Uuid` position is converted by serde and stays out).
(parameter
  pattern: (tuple_struct_pattern (tuple_pattern . (identifier) @source.param))
  type: (generic_type
    type: [
      (type_identifier) @_wrapper
      (scoped_type_identifier name: (type_identifier) @_wrapper)
    ]
    type_arguments: (type_arguments (tuple_type . (type_identifier) @_item)))
  (#eq? @_wrapper "Path")
  (#eq? @_item "String"))
(parameter
  pattern: (tuple_struct_pattern (tuple_pattern . (_) . (identifier) @source.param))
  type: (generic_type
    type: [
      (type_identifier) @_wrapper
      (scoped_type_identifier name: (type_identifier) @_wrapper)
    ]
    type_arguments: (type_arguments (tuple_type . (_) . (type_identifier) @_item)))
  (#eq? @_wrapper "Path")
  (#eq? @_item "String"))
(parameter
  pattern: (tuple_struct_pattern (tuple_pattern . (_) . (_) . (identifier) @source.param))
  type: (generic_type
    type: [
      (type_identifier) @_wrapper
      (scoped_type_identifier name: (type_identifier) @_wrapper)
    ]
    type_arguments: (type_arguments (tuple_type . (_) . (_) . (type_identifier) @_item)))
  (#eq? @_wrapper "Path")
  (#eq? @_item "String"))

; actix-web `path: web::Path<(String, u32)>` used through `path.into_inner()` / `path.0`: the
; whole tuple is request data when one of its positions is a String.
(parameter
  pattern: [
    (identifier) @source.param
    (mut_pattern (identifier) @source.param)
  ]
  type: (generic_type
    type: [
      (type_identifier) @_wrapper
      (scoped_type_identifier name: (type_identifier) @_wrapper)
    ]
    type_arguments: (type_arguments (tuple_type (type_identifier) @_item)))
  (#eq? @_wrapper "Path")
  (#eq? @_item "String"))

; The raw request and its parts: actix-web `req: HttpRequest` / `&HttpRequest` /
; `ServiceRequest`, axum / http `req: Request<Body>`, `headers: HeaderMap`
; (read through `req.match_info()`, `req.query_string()`, `req.headers()`, `headers.get(..)`).
(parameter
  pattern: [
    (identifier) @source.param
    (mut_pattern (identifier) @source.param)
  ]
  type: [
    (type_identifier) @_request
    (scoped_type_identifier name: (type_identifier) @_request)
    (generic_type type: [
      (type_identifier) @_request
      (scoped_type_identifier name: (type_identifier) @_request)
    ])
    (reference_type type: [
      (type_identifier) @_request
      (scoped_type_identifier name: (type_identifier) @_request)
      (generic_type type: [
        (type_identifier) @_request
        (scoped_type_identifier name: (type_identifier) @_request)
      ])
    ])
  ]
  (#any-of? @_request "HttpRequest" "ServiceRequest" "Request" "HeaderMap"))
; axum `uri: Uri` (http::Uri, taken by value; a `&Uri<String>` elsewhere is some other URI).
(parameter
  pattern: [
    (identifier) @source.param
    (mut_pattern (identifier) @source.param)
  ]
  type: [
    (type_identifier) @_uri
    (scoped_type_identifier name: (type_identifier) @_uri)
  ]
  (#eq? @_uri "Uri"))

; axum `mut multipart: Multipart`, actix-multipart `payload: Multipart`: the fields, their
; client-sent file names and contents (`multipart.next_field()`, `field.file_name()`).
(parameter
  pattern: [
    (identifier) @source.param
    (mut_pattern (identifier) @source.param)
  ]
  type: [
    (type_identifier) @_multipart
    (scoped_type_identifier name: (type_identifier) @_multipart)
  ]
  (#eq? @_multipart "Multipart"))

; axum `RawQuery(q): RawQuery`, `OriginalUri(uri): OriginalUri`, `Host(host): Host`,
; `RawForm(bytes): RawForm`.
(parameter
  pattern: (tuple_struct_pattern type: (_) . (identifier) @source.param)
  type: [
    (type_identifier) @_extractor
    (scoped_type_identifier name: (type_identifier) @_extractor)
  ]
  (#any-of? @_extractor "RawQuery" "OriginalUri" "Host" "RawForm"))

; ---------------------------------------------------------------------------------------------
; How request data travels (build "access": the value is read or derived from the parts)
; ---------------------------------------------------------------------------------------------

; Field reads: `q.0`, `body.name`, `path.1`.
((field_expression value: (_) @expr.part) @expr.build
 (#set! build "access"))

; Methods whose result is read from their receiver: actix-web HttpRequest (`match_info`,
; `query_string`, `headers`, `uri`, `cookie`), maps and headers (`get`, `get_all`, `to_str`),
; web::Path / Query / Json (`into_inner`), Option / Result plumbing, string slicing and
; case changes, serde_json::Value and url::Url accessors.
((call_expression
   function: (field_expression
     value: (_) @expr.part
     field: (field_identifier) @_method))
 (#any-of? @_method
   "match_info" "query_string" "headers" "uri" "path" "query" "host" "cookie" "cookies"
   "path_and_query" "connection_info" "realip_remote_addr" "value" "get" "get_all" "to_str"
   "into_inner" "into_string" "to_string_lossy" "as_bytes" "first" "last" "cloned" "copied"
   "ok_or" "ok_or_else" "ok" "map_err" "context" "with_context" "unwrap_or_else" "filter" "or_else" "as_deref"
   "flatten" "trim" "trim_start" "trim_end" "trim_matches" "trim_start_matches"
   "trim_end_matches" "to_lowercase" "to_uppercase" "to_ascii_lowercase" "to_ascii_uppercase"
   "split" "splitn" "rsplit" "rsplitn" "split_whitespace" "strip_prefix" "strip_suffix"
   "parse" "next" "nth" "pointer" "as_object" "as_array" "host_str" "as_os_str" "to_path_buf"
   "display" "decode_utf8" "decode_utf8_lossy" "next_field" "try_next" "file_name" "name"
   "content_disposition" "get_filename" "get_name" "text" "bytes" "chunk")
 (#set! build "access")) @expr.build

; Option / Result `map` / `and_then` that keep the value: `.map(String::as_str)`,
; `.and_then(Value::as_str)`, `.map(|s| s.trim())`, `.and_then(|v| v.to_str().ok())`
; (a closure computing something else, `|_| "?"` or `|p| p.parse::<u32>().ok()`, is not).
((call_expression
   function: (field_expression
     value: (_) @expr.part
     field: (field_identifier) @_method)
   arguments: (arguments . (scoped_identifier name: (identifier) @_keep) .))
 (#any-of? @_method "map" "and_then" "filter_map" "flat_map")
 (#any-of? @_keep
   "as_str" "as_ref" "to_string" "to_owned" "from" "clone" "trim" "to_lowercase" "to_uppercase"
   "to_str" "as_bytes" "into_inner" "as_deref" "into_owned" "to_string_lossy" "as_object"
   "as_array")
 (#set! build "access")) @expr.build
((call_expression
   function: (field_expression
     value: (_) @expr.part
     field: (field_identifier) @_method)
   arguments: (arguments . (closure_expression
     parameters: (closure_parameters . (identifier) @_param .)
     body: [
       (identifier) @_use
       (reference_expression value: (identifier) @_use)
       (call_expression function: (field_expression
         value: (identifier) @_use
         field: (field_identifier) @_keep))
       (call_expression function: (field_expression
         value: (call_expression function: (field_expression
           value: (identifier) @_use
           field: (field_identifier) @_keep))
         field: (field_identifier) @_keep))
     ]) .))
 (#any-of? @_method "map" "and_then" "filter_map" "flat_map")
 (#eq? @_param @_use)
 (#any-of? @_keep
   "as_str" "as_ref" "to_string" "to_owned" "clone" "trim" "to_lowercase" "to_uppercase"
   "to_str" "as_bytes" "into_inner" "as_deref" "into_owned" "to_string_lossy" "ok" "unwrap"
   "unwrap_or_default" "get" "cloned" "value" "as_object" "as_array")
 (#set! build "access")) @expr.build

; Methods whose result also holds their arguments: `opt.unwrap_or(default)`,
; `template.replace("{name}", &name)`, `a.or(b)`.
((call_expression
   function: (field_expression
     value: (_) @expr.part
     field: (field_identifier) @_method)
   arguments: (arguments (_)? @expr.part))
 (#any-of? @_method "unwrap_or" "or" "replace" "replacen")
 (#set! build "access")) @expr.build

; Constructors and decoders that keep their argument's text: std::path::Path::new,
; PathBuf::from, url::Url::parse, String::from_utf8(_lossy), urlencoding::decode,
; percent_encoding::percent_decode_str, HeaderValue::from_str, axum / hyper Body::from.
((call_expression
   function: (scoped_identifier
     path: (_) @_type
     name: (identifier) @_function)
   arguments: (arguments (_) @expr.part))
 (#match? @_type "(^|::)(Path|PathBuf|OsStr|OsString|Url|String|str|HeaderValue|Body|Full|Bytes|Cow|urlencoding)$")
 (#any-of? @_function "new" "from" "parse" "from_utf8" "from_utf8_lossy" "decode" "from_str" "try_from")
 (#set! build "access")) @expr.build
((call_expression
   function: [
     (identifier) @_function
     (scoped_identifier name: (identifier) @_function)
   ]
   arguments: (arguments . (_) @expr.part))
 (#any-of? @_function "percent_decode_str" "percent_decode" "decode")
 (#set! build "access")) @expr.build

; `x.await`, `*x`: the same value.
(await_expression (_) @expr.inner) @expr.wrapper
((unary_expression "*" (_) @expr.inner) @expr.wrapper)

; ---------------------------------------------------------------------------------------------
; Sinks
; ---------------------------------------------------------------------------------------------

; std::fs / tokio::fs / async_std::fs functions and File::open / File::create (the path is the
; first argument): `fs::read_to_string(p)`, `tokio::fs::write(p, data)`, `File::open(p)`.
; @sink.name is the `fs` / `File` segment (on the same line as the function): the function
; names (`read`, `write`, `open`) are words nearly every file holds, which would leave the
; prefilter nothing to skip.
(call_expression
  function: (scoped_identifier
    path: [
      (identifier) @sink.name
      (scoped_identifier name: (identifier) @sink.name)
    ]
    name: (identifier) @_function)
  arguments: (arguments . (_) @sink.path)
  (#any-of? @sink.name "fs" "File")
  (#any-of? @_function
    "read" "read_to_string" "read_to_end" "write" "open" "create" "create_new" "remove_file"
    "remove_dir" "remove_dir_all" "read_dir" "create_dir" "create_dir_all" "copy" "rename"
    "hard_link" "metadata" "set_permissions" "read_link")) @sink.call

; fs::copy(from, to), fs::rename(from, to), fs::hard_link: the second path too.
(call_expression
  function: (scoped_identifier
    path: [
      (identifier) @sink.name
      (scoped_identifier name: (identifier) @sink.name)
    ]
    name: (identifier) @_function)
  arguments: (arguments . (_) . (_) @sink.path)
  (#eq? @sink.name "fs")
  (#any-of? @_function "copy" "rename" "hard_link")) @sink.call

; `use std::fs::read_to_string;` then a bare call of one of the unmistakable fs names.
(call_expression
  function: (identifier) @sink.name
  arguments: (arguments . (_) @sink.path)
  (#any-of? @sink.name "read_to_string" "remove_file" "remove_dir_all" "read_dir" "create_dir_all")) @sink.call

; OpenOptions::new().read(true).open(p), or an `options` / `opts` builder variable.
(call_expression
  function: (field_expression
    value: (_) @_builder
    field: (field_identifier) @sink.name)
  arguments: (arguments . (_) @sink.path)
  (#match? @_builder "OpenOptions|^(open_)?opt(ion)?s$")
  (#eq? @sink.name "open")) @sink.call

; actix-files NamedFile::open / open_async, tower-http ServeFile::new / ServeDir::new (named by
; their type, like the fs functions).
(call_expression
  function: (scoped_identifier
    path: [
      (identifier) @sink.name
      (scoped_identifier name: (identifier) @sink.name)
    ]
    name: (identifier) @_function)
  arguments: (arguments . (_) @sink.path)
  (#eq? @sink.name "NamedFile")
  (#any-of? @_function "open" "open_async")) @sink.call
(call_expression
  function: (scoped_identifier
    path: [
      (identifier) @sink.name
      (scoped_identifier name: (identifier) @sink.name)
    ]
    name: (identifier) @_new)
  arguments: (arguments . (_) @sink.path)
  (#any-of? @sink.name "ServeFile" "ServeDir")
  (#eq? @_new "new")) @sink.call

; axum Redirect::to / temporary / permanent / see_other (named by the type: `to` is in every
; file's comments).
(call_expression
  function: (scoped_identifier
    path: [
      (identifier) @sink.name
      (scoped_identifier name: (identifier) @sink.name)
    ]
    name: (identifier) @_function)
  arguments: (arguments . (_) @sink.redirect)
  (#eq? @sink.name "Redirect")
  (#any-of? @_function "to" "temporary" "permanent" "see_other")) @sink.call

; actix-web `.append_header((header::LOCATION, url))` / `.insert_header(("Location", url))`
; on any response builder (HttpResponse::Found(), SeeOther(), TemporaryRedirect()...).
(call_expression
  function: (field_expression
    field: (field_identifier) @sink.name)
  arguments: (arguments . (tuple_expression
    . [
      (identifier) @_header
      (scoped_identifier name: (identifier) @_header)
      (string_literal) @_header
    ]
    . (_) @sink.redirect))
  (#any-of? @sink.name "append_header" "insert_header")
  (#match? @_header "^(LOCATION|\"[Ll]ocation\")$")) @sink.call

; http::Response::builder().header(LOCATION, url), HeaderMap `headers.insert(LOCATION, value)`
; (named by the LOCATION constant, on the same line); actix 3 `.header("Location", url)`.
(call_expression
  function: (field_expression
    field: (field_identifier) @_method)
  arguments: (arguments
    . [
      (identifier) @sink.name
      (scoped_identifier name: (identifier) @sink.name)
    ]
    . (_) @sink.redirect)
  (#any-of? @_method "header" "insert" "append" "insert_header" "append_header")
  (#eq? @sink.name "LOCATION")) @sink.call
(call_expression
  function: (field_expression
    field: (field_identifier) @sink.name)
  arguments: (arguments
    . (string_literal) @_header
    . (_) @sink.redirect)
  (#eq? @sink.name "header")
  (#match? @_header "^\"[Ll]ocation\"$")) @sink.call

; axum tuple responses: `(StatusCode::FOUND, [(header::LOCATION, url)])`.
(array_expression
  (tuple_expression
    . [
      (identifier) @sink.name
      (scoped_identifier name: (identifier) @sink.name)
    ]
    . (_) @sink.redirect) @sink.call
  (#eq? @sink.name "LOCATION"))

; reqwest::get(url), reqwest::blocking::get(url), ureq::get / post, surf::get, isahc::get
; (named by the crate).
(call_expression
  function: (scoped_identifier
    path: [
      (identifier) @sink.name
      (scoped_identifier path: (identifier) @sink.name name: (identifier) @_blocking)
    ]
    name: (identifier) @_function)
  arguments: (arguments . (_) @sink.url)
  (#any-of? @sink.name "reqwest" "ureq" "surf" "isahc" "attohttpc")
  (#eq? @_blocking "blocking")
  (#any-of? @_function "get" "post" "put" "delete" "patch" "head")) @sink.call

; A reqwest / awc / ureq client: `client.get(url)`, `state.http.post(url)`,
; `reqwest::Client::new().get(url)`.
(call_expression
  function: (field_expression
    value: [
      (identifier) @_client
      (field_expression field: (field_identifier) @_client)
    ]
    field: (field_identifier) @sink.name)
  arguments: (arguments . (_) @sink.url)
  (#match? @_client "(?i)^([a-z_]*_)?(client|http|https|agent)$")
  (#not-match? @_client "(?i)(redis|cache|memcache|etcd|kv|db|sql|pg|mongo|s3|dynamo|consul|vault|es_|elastic)")
  (#any-of? @sink.name "get" "post" "put" "delete" "patch" "head")) @sink.call
(call_expression
  function: (field_expression
    value: (_) @_client
    field: (field_identifier) @sink.name)
  arguments: (arguments . (_) @sink.url)
  (#match? @_client "Client(Builder)?::(new|builder|default)")
  (#any-of? @sink.name "get" "post" "put" "delete" "patch" "head")) @sink.call
; client.request(Method::GET, url): the second argument.
(call_expression
  function: (field_expression
    value: [
      (identifier) @_client
      (field_expression field: (field_identifier) @_client)
    ]
    field: (field_identifier) @sink.name)
  arguments: (arguments . (_) . (_) @sink.url)
  (#match? @_client "(?i)^([a-z_]*_)?(client|http|https|agent)$")
  (#not-match? @_client "(?i)(redis|cache|memcache|etcd|kv|db|sql|pg|mongo|s3|dynamo|consul|vault|es_|elastic)")
  (#eq? @sink.name "request")) @sink.call

; axum `Html(x)` / `Html::from(x)`: the response is served as text/html whatever it holds.
(call_expression
  function: [
    (identifier) @sink.name
    (scoped_identifier name: (identifier) @sink.name)
  ]
  arguments: (arguments . (_) @sink.html)
  (#eq? @sink.name "Html")) @sink.call
(call_expression
  function: (scoped_identifier
    path: (identifier) @sink.name
    name: (identifier) @_from)
  arguments: (arguments . (_) @sink.html)
  (#eq? @sink.name "Html")
  (#eq? @_from "from")) @sink.call

; maud `PreEscaped(x)`: markup spliced in without escaping.
(call_expression
  function: [
    (identifier) @sink.name
    (scoped_identifier name: (identifier) @sink.name)
  ]
  arguments: (arguments . (_) @sink.html)
  (#eq? @sink.name "PreEscaped")) @sink.call

; actix-web / http response builders declared text/html: `HttpResponse::Ok()
; .content_type("text/html").body(x)`, `.content_type(ContentType::html())`,
; `.insert_header(ContentType::html())`, `.header(CONTENT_TYPE, "text/html")`.
(call_expression
  function: (field_expression
    value: (_) @_builder
    field: (field_identifier) @sink.name)
  arguments: (arguments . (_) @sink.html)
  (#eq? @sink.name "body")
  (#match? @_builder "text/html|ContentType::html\\(\\)|TEXT_HTML")) @sink.call

; Any other response body: XSS only when the text holds HTML markup.
(call_expression
  function: (field_expression
    value: (_) @_builder
    field: (field_identifier) @sink.name)
  arguments: (arguments . (_) @sink.html)
  (#eq? @sink.name "body")
  (#match? @_builder "HttpResponse|Response|response|[Bb]uilder|^resp?$")
  (#not-match? @_builder "(?i)json|xml|text/plain|plaintext|text/csv|octet-stream|Request::builder")
  (#set! shape "html")) @sink.call

; regex / fancy_regex Regex::new, RegexBuilder::new, RegexSet::new (and bytes:: variants).
(call_expression
  function: (scoped_identifier
    path: [
      (identifier) @sink.name
      (scoped_identifier name: (identifier) @sink.name)
    ]
    name: (identifier) @_new)
  arguments: (arguments . (_) @sink.regex)
  (#any-of? @sink.name "Regex" "RegexBuilder" "RegexSet")
  (#any-of? @_new "new" "new_many")) @sink.call

; ---------------------------------------------------------------------------------------------
; Sanitizers
; ---------------------------------------------------------------------------------------------

; regex::escape(x): a literal pattern.
((call_expression
   function: [
     (identifier) @_function
     (scoped_identifier path: (_) @_module name: (identifier) @_function)
   ])
 (#eq? @_function "escape")
 (#match? @_module "^(regex|fancy_regex|regex::bytes)?$")) @sanitizer.regex

; Path::new(x).file_name() / .file_stem(): a bare file name, no directories;
; sanitize_filename::sanitize(x). (A multipart field's `field.file_name()` is the name the
; client sent, not a path's last component: not a sanitizer.)
((call_expression
   function: (field_expression
     value: (_) @_path
     field: (field_identifier) @_method))
 (#any-of? @_method "file_name" "file_stem")
 (#not-match? @_path "(?i)(field|part|chunk|upload|multipart|item|disposition)[^.]*$")) @sanitizer.path
((call_expression
   function: (scoped_identifier
     path: (_) @_module
     name: (identifier) @_function))
 (#match? @_module "(^|::)sanitize_filename$")
 (#any-of? @_function "sanitize" "sanitize_with_options")) @sanitizer.path

; html_escape::encode_text / encode_safe / encode_*_attribute, htmlescape::encode_minimal,
; v_htmlescape::escape, askama::filters::escape, ammonia::clean.
((call_expression
   function: [
     (identifier) @_function
     (scoped_identifier name: (identifier) @_function)
   ])
 (#any-of? @_function
   "encode_text" "encode_safe" "encode_double_quoted_attribute" "encode_single_quoted_attribute"
   "encode_quoted_attribute" "encode_unquoted_attribute" "encode_minimal" "encode_attribute"
   "escape_html")) @sanitizer.html
((call_expression
   function: (scoped_identifier
     path: (_) @_module
     name: (identifier) @_function))
 (#match? @_module "(^|::)(html_escape|htmlescape|v_htmlescape|askama::filters|tera|ammonia)$")
 (#any-of? @_function "escape" "clean" "escape_html")) @sanitizer.html
; maud `html! { p { (name) } }` escapes every splice.
((macro_invocation
   macro: (identifier) @_macro)
 (#eq? @_macro "html")) @sanitizer.html

; Numbers, ids, addresses and dates: serde_json `v.as_u64()` / `as_i64()` / `as_f64()` /
; `as_bool()`, `u32::from_str(s)`, `Uuid::parse_str(s)`, `s.parse::<Uuid>()`, and
; `let n: u32 = s.parse()?` / `let id: Uuid = s.parse()?` (the declared type converts).
((call_expression
   function: (field_expression
     field: (field_identifier) @_method))
 (#any-of? @_method "as_u64" "as_i64" "as_f64" "as_bool")) @sanitizer.convert
((call_expression
   function: (scoped_identifier
     path: (_) @_type
     name: (identifier) @_function))
 (#match? @_type "^(u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize|f32|f64|bool|Uuid|uuid::Uuid)$")
 (#any-of? @_function "from_str" "parse_str" "try_parse" "from_str_radix")) @sanitizer.convert
; (The value is marked through a `?` / `.unwrap()` / `.expect(..)` around it, since those are
; looked through before a sanitizer is.)
((let_declaration
   type: (primitive_type)
   value: [
     (_) @sanitizer.convert
     (try_expression (_) @sanitizer.convert)
     (call_expression
       function: (field_expression value: (_) @sanitizer.convert field: (field_identifier) @_unwrap))
   ])
 (#any-of? @_unwrap "unwrap" "expect" "unwrap_or_default"))
((let_declaration
   type: [
     (type_identifier) @_type
     (scoped_type_identifier name: (type_identifier) @_type)
   ]
   value: [
     (_) @sanitizer.convert
     (try_expression (_) @sanitizer.convert)
     (call_expression
       function: (field_expression value: (_) @sanitizer.convert field: (field_identifier) @_unwrap))
   ])
 (#any-of? @_type "Uuid" "IpAddr" "Ipv4Addr" "Ipv6Addr" "NaiveDate" "NaiveDateTime")
 (#any-of? @_unwrap "unwrap" "expect" "unwrap_or_default"))
((call_expression
   function: (generic_function
     function: (field_expression field: (field_identifier) @_method)
     type_arguments: (type_arguments . [
       (type_identifier) @_type
       (scoped_type_identifier name: (type_identifier) @_type)
     ] .)))
 (#eq? @_method "parse")
 (#any-of? @_type "Uuid" "IpAddr" "Ipv4Addr" "Ipv6Addr" "NaiveDate" "NaiveDateTime")) @sanitizer.convert
; Inside format! arguments (unparsed tokens): `raw.len()`, `raw.split(',').count()` are numbers.
((token_tree
   (identifier) @sanitizer.convert . "." . (identifier) @_method . (token_tree))
 (#any-of? @_method "len" "count" "is_empty"))
((token_tree
   (identifier) @sanitizer.convert . "." . (identifier) . (token_tree) . "." . (identifier) @_method . (token_tree))
 (#any-of? @_method "len" "count" "is_empty"))

; ---------------------------------------------------------------------------------------------
; Guards
; ---------------------------------------------------------------------------------------------

; A constant-prefix check, for paths, redirects and outbound URLs:
; `if !target.starts_with("/account/") { return .. }` (holds after), `if url.starts_with(BASE)
; { .. }` (holds inside). A literal prefix is the allow-list, so that the core can tell a bare
; "/" (which also admits "//evil.example") from a real one.
((if_expression
   condition: (unary_expression
     (call_expression
       function: (field_expression
         value: (identifier) @guard.subject
         field: (field_identifier) @_method)
       arguments: (arguments . [(string_literal) (char_literal)] @guard.allowlist .)))
   consequence: (block
     [
       (return_expression)
       (expression_statement [(return_expression) (break_expression) (continue_expression)])
       (expression_statement (macro_invocation macro: (identifier) @_exit))
       (macro_invocation macro: (identifier) @_exit)
     ])) @guard.after
 (#eq? @_method "starts_with")
 (#any-of? @_exit "panic" "unreachable" "bail" "todo" "unimplemented")
 (#set! guard "prefix"))
((if_expression
   condition: (call_expression
     function: (field_expression
       value: (identifier) @guard.subject
       field: (field_identifier) @_method)
     arguments: (arguments . [(string_literal) (char_literal)] @guard.allowlist .))
   consequence: (block) @guard.region)
 (#eq? @_method "starts_with")
 (#set! guard "prefix"))
; The same against a root computed at run time: `if !canonical.starts_with(&root) { return .. }`
; with `root = fs::canonicalize(&state.upload_dir)?` (the server chose it: vouched for).
((if_expression
   condition: (unary_expression
     (call_expression
       function: (field_expression
         value: (identifier) @guard.subject
         field: (field_identifier) @_method)
       arguments: (arguments . [
         (identifier) (reference_expression) (field_expression) (call_expression)
         (scoped_identifier)
       ] .)))
   consequence: (block
     [
       (return_expression)
       (expression_statement [(return_expression) (break_expression) (continue_expression)])
       (expression_statement (macro_invocation macro: (identifier) @_exit))
       (macro_invocation macro: (identifier) @_exit)
     ])) @guard.after
 (#eq? @_method "starts_with")
 (#any-of? @_exit "panic" "unreachable" "bail" "todo" "unimplemented")
 (#set! guard "prefix"))
((if_expression
   condition: (call_expression
     function: (field_expression
       value: (identifier) @guard.subject
       field: (field_identifier) @_method)
     arguments: (arguments . [
       (identifier) (reference_expression) (field_expression) (call_expression)
       (scoped_identifier)
     ] .))
   consequence: (block) @guard.region)
 (#eq? @_method "starts_with")
 (#set! guard "prefix"))
; A site-relative redirect target that also rules out "//host" (and "\\host", "://"):
; `if !next.starts_with('/') || next.starts_with("//") { return .. }`.
((if_expression
   condition: (binary_expression
     left: [
       (unary_expression
         (call_expression
           function: (field_expression
             value: (identifier) @guard.subject
             field: (field_identifier) @_method)))
       (binary_expression
         left: (unary_expression
           (call_expression
             function: (field_expression
               value: (identifier) @guard.subject
               field: (field_identifier) @_method))))
     ]
     operator: "||"
     right: (_) @_other)
   consequence: (block
     [
       (return_expression)
       (expression_statement [(return_expression) (break_expression) (continue_expression)])
       (expression_statement (macro_invocation macro: (identifier) @_exit))
       (macro_invocation macro: (identifier) @_exit)
     ])) @guard.after
 (#eq? @_method "starts_with")
 (#match? @_other "\"//\"|\"\\\\\\\\|://")
 (#any-of? @_exit "panic" "unreachable" "bail" "todo" "unimplemented")
 (#set! guard "prefix"))

; A URL whose host is in a constant allow-list:
; `if !ALLOWED_HOSTS.contains(&url.host_str().unwrap_or_default()) { return Err(..) }`.
((if_expression
   condition: (unary_expression
     (call_expression
       function: (field_expression
         value: (_) @guard.allowlist
         field: (field_identifier) @_contains)
       arguments: (arguments . [
         (call_expression function: (field_expression
           value: (call_expression function: (field_expression
             value: (identifier) @guard.subject
             field: (field_identifier) @_host))))
         (reference_expression value: (call_expression function: (field_expression
           value: (call_expression function: (field_expression
             value: (identifier) @guard.subject
             field: (field_identifier) @_host)))))
         (call_expression function: (field_expression
           value: (identifier) @guard.subject
           field: (field_identifier) @_host))
         (reference_expression value: (call_expression function: (field_expression
           value: (identifier) @guard.subject
           field: (field_identifier) @_host)))
       ] .)))
   consequence: (block
     [
       (return_expression)
       (expression_statement [(return_expression) (break_expression) (continue_expression)])
       (expression_statement (macro_invocation macro: (identifier) @_exit))
       (macro_invocation macro: (identifier) @_exit)
     ])) @guard.after
 (#eq? @_contains "contains")
 (#any-of? @_host "host_str" "domain" "host")
 (#any-of? @_exit "panic" "unreachable" "bail" "todo" "unimplemented")
 (#set! guard "prefix"))

; `if !ALLOWED.contains(&name.as_str()) { return .. }` / `if ALLOWED.contains(&name.as_str())`:
; the allow-list guards of structure.scm, through `.as_str()` / `.as_ref()`.
((if_expression
   condition: (unary_expression
     (call_expression
       function: (field_expression
         value: (_) @guard.allowlist
         field: (field_identifier) @_contains)
       arguments: (arguments . [
         (call_expression function: (field_expression
           value: (identifier) @guard.subject
           field: (field_identifier) @_as))
         (reference_expression value: (call_expression function: (field_expression
           value: (identifier) @guard.subject
           field: (field_identifier) @_as)))
       ] .)))
   consequence: (block
     [
       (return_expression)
       (expression_statement [(return_expression) (break_expression) (continue_expression)])
       (expression_statement (macro_invocation macro: (identifier) @_exit))
       (macro_invocation macro: (identifier) @_exit)
     ])) @guard.after
 (#eq? @_contains "contains")
 (#any-of? @_as "as_str" "as_ref")
 (#any-of? @_exit "panic" "unreachable" "bail" "todo" "unimplemented"))
((if_expression
   condition: (call_expression
     function: (field_expression
       value: (_) @guard.allowlist
       field: (field_identifier) @_contains)
     arguments: (arguments . [
       (call_expression function: (field_expression
         value: (identifier) @guard.subject
         field: (field_identifier) @_as))
       (reference_expression value: (call_expression function: (field_expression
         value: (identifier) @guard.subject
         field: (field_identifier) @_as)))
     ] .))
   consequence: (block) @guard.region)
 (#eq? @_contains "contains")
 (#any-of? @_as "as_str" "as_ref"))

; A validator the code calls before using the value: `if !is_safe_path(&p) { return .. }`,
; `if !is_allowed_url(&u) { return .. }`, `validate_redirect(&next)?;` (names about paths,
; URLs and hosts: for paths, redirects and outbound URLs only).
((if_expression
   condition: (unary_expression
     (call_expression
       function: [
         (identifier) @_validator
         (scoped_identifier name: (identifier) @_validator)
       ]
       arguments: (arguments . [
         (identifier) @guard.subject
         (reference_expression value: (identifier) @guard.subject)
       ])))
   consequence: (block
     [
       (return_expression)
       (expression_statement [(return_expression) (break_expression) (continue_expression)])
       (expression_statement (macro_invocation macro: (identifier) @_exit))
       (macro_invocation macro: (identifier) @_exit)
     ])) @guard.after
 (#match? @_validator "^(is_)?(safe|allowed|trusted|valid|permitted)_(url|uri|host|domain|origin|redirect|path|file|filename|target)$")
 (#any-of? @_exit "panic" "unreachable" "bail" "todo" "unimplemented")
 (#set! guard "prefix"))
((expression_statement
   (try_expression
     [
       (call_expression
         function: [
           (identifier) @_validator
           (scoped_identifier name: (identifier) @_validator)
         ]
         arguments: (arguments . [
           (identifier) @guard.subject
           (reference_expression value: (identifier) @guard.subject)
         ]))
       (call_expression
         function: (field_expression
           value: (call_expression
             function: [
               (identifier) @_validator
               (scoped_identifier name: (identifier) @_validator)
             ]
             arguments: (arguments . [
               (identifier) @guard.subject
               (reference_expression value: (identifier) @guard.subject)
             ]))))
     ])) @guard.after
 (#match? @_validator "^(validate|check|ensure|verify)_(safe_|allowed_|trusted_)?(url|uri|host|domain|origin|redirect|path|file|filename|target)$")
 (#set! guard "prefix"))
