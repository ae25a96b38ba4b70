; Sinks where request data must not arrive unvalidated: file paths, redirects, code, outbound
; URLs, HTML and regular expressions (rules path-traversal, open-redirect, code-injection, ssrf,
; xss, regex-injection). Sources and sanitizers are in request.scm.

; --- Paths ----------------------------------------------------------------------------------

; open(path), io.open / codecs.open / aiofiles.open / os.open, Flask send_file, Starlette and
; Django FileResponse (first argument: a path, or an already open file).
(call
  function: [
    (identifier) @sink.name
    (attribute
      object: (identifier) @_module
      attribute: (identifier) @sink.name)
  ]
  arguments: (argument_list . (_) @sink.path)
  (#any-of? @sink.name "open" "send_file" "FileResponse")) @sink.call

; os and shutil file operations: every path argument.
(call
  function: (attribute
    object: (identifier) @_module
    attribute: (identifier) @sink.name)
  arguments: (argument_list (_) @sink.path)
  (#any-of? @_module "os" "shutil")
  (#any-of? @sink.name
    "remove" "unlink" "rmdir" "removedirs" "mkdir" "makedirs" "listdir" "scandir" "rename"
    "replace" "chmod" "chown" "stat" "walk" "rmtree" "copy" "copy2" "copyfile" "copytree"
    "move")) @sink.call

; pathlib: Path(x).read_text(), .open(), .unlink(), ... (the path is the receiver).
(call
  function: (attribute
    object: (call
      function: (identifier) @_path
      arguments: (argument_list (_) @sink.path))
    attribute: (identifier) @sink.name)
  (#any-of? @_path "Path" "PurePath" "PosixPath")
  (#any-of? @sink.name
    "open" "read_text" "read_bytes" "write_text" "write_bytes" "unlink" "rmdir" "mkdir"
    "iterdir" "touch" "rename")) @sink.call

; --- Redirects ------------------------------------------------------------------------------

; Flask / Django redirect(), HttpResponseRedirect, Starlette RedirectResponse, aiohttp
; HTTPFound / HTTPSeeOther.
(call
  function: [
    (identifier) @sink.name
    (attribute attribute: (identifier) @sink.name)
  ]
  arguments: (argument_list . (_) @sink.redirect)
  (#any-of? @sink.name
    "redirect" "HttpResponseRedirect" "HttpResponsePermanentRedirect" "RedirectResponse"
    "HTTPFound" "HTTPSeeOther" "HTTPTemporaryRedirect" "HTTPMovedPermanently")) @sink.call

; --- Code -----------------------------------------------------------------------------------

; eval / exec / compile (the builtins, not re.compile).
(call
  function: (identifier) @sink.name
  arguments: (argument_list . (_) @sink.code)
  (#any-of? @sink.name "eval" "exec" "compile")) @sink.call

; Templates compiled from text run template code (server-side template injection): Flask
; render_template_string(src), jinja2 Template(src), env.from_string(src), mako Template(src),
; Django engines["django"].from_string(src).
(call
  function: [
    (identifier) @sink.name
    (attribute attribute: (identifier) @sink.name)
  ]
  arguments: (argument_list . (_) @sink.code)
  (#any-of? @sink.name "render_template_string" "Template" "from_string")) @sink.call

; --- Outbound requests (SSRF) ---------------------------------------------------------------

; requests / httpx module functions, and sessions or clients named like one.
(call
  function: (attribute
    object: (identifier) @_client
    attribute: (identifier) @sink.name)
  arguments: (argument_list . (_) @sink.url)
  (#match? @_client "^(requests|httpx|session|http_session|http|client|http_client|async_client)$")
  (#any-of? @sink.name "get" "post" "put" "patch" "delete" "head" "options" "stream")) @sink.call

; requests.request(method, url) / client.request(method, url): the URL is second.
(call
  function: (attribute
    object: (identifier) @_client
    attribute: (identifier) @sink.name)
  arguments: (argument_list . (_) . (_) @sink.url)
  (#match? @_client "^(requests|httpx|session|http_session|http|client|http_client|async_client)$")
  (#eq? @sink.name "request")) @sink.call

; urllib: urlopen(url), urllib.request.urlopen(url), Request(url).
(call
  function: [
    (identifier) @sink.name
    (attribute attribute: (identifier) @sink.name)
  ]
  arguments: (argument_list . (_) @sink.url)
  (#any-of? @sink.name "urlopen" "urlretrieve")) @sink.call

; --- HTML -----------------------------------------------------------------------------------

; Responses that send text as HTML by default: Flask make_response / Response, Django
; HttpResponse, Starlette HTMLResponse; and markup marked safe: Markup, mark_safe.
(call
  function: [
    (identifier) @sink.name
    (attribute attribute: (identifier) @sink.name)
  ]
  arguments: (argument_list . (_) @sink.html)
  (#any-of? @sink.name
    "make_response" "HttpResponse" "HTMLResponse" "Markup" "mark_safe")) @sink.call

; Flask's Response(body): only when the body holds HTML (Response also sends JSON and files).
(call
  function: (identifier) @sink.name
  arguments: (argument_list . (_) @sink.html)
  (#eq? @sink.name "Response")
  (#set! shape "html")) @sink.call

; A Flask view returns a string: it is sent as text/html. Only text holding a tag counts.
(decorated_definition
  (decorator
    (call function: (attribute attribute: (identifier) @_route)))
  definition: (function_definition
    body: (block [
      (return_statement "return" @sink.name (_) @sink.html) @sink.call
      (_ (block (return_statement "return" @sink.name (_) @sink.html) @sink.call))
      (_ (_ (block (return_statement "return" @sink.name (_) @sink.html) @sink.call)))
    ]))
  (#any-of? @_route "route" "get" "post")
  (#set! shape "html"))

; --- Regular expressions ------------------------------------------------------------------

(call
  function: (attribute
    object: (identifier) @_module
    attribute: (identifier) @sink.name)
  arguments: (argument_list . (_) @sink.regex)
  (#any-of? @_module "re" "regex")
  (#any-of? @sink.name
    "compile" "search" "match" "fullmatch" "findall" "finditer" "sub" "subn" "split")) @sink.call

; aiohttp web.Response(text=..., content_type="text/html"): HTML when the text holds a tag.
(call
  function: (attribute attribute: (identifier) @sink.name)
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @_keyword
      value: (_) @sink.html))
  (#eq? @sink.name "Response")
  (#eq? @_keyword "text")
  (#set! shape "html")) @sink.call

; pathlib methods on a path held in a variable: note.read_text(), target.unlink(). These names
; belong to path objects (open() does not: files, images and archives have one too).
(call
  function: (attribute
    object: (identifier) @sink.path
    attribute: (identifier) @sink.name)
  (#any-of? @sink.name
    "read_text" "read_bytes" "write_text" "write_bytes" "unlink" "rmdir" "iterdir"
    "touch" "symlink_to" "hardlink_to")) @sink.call
