; Where request data must not arrive unchecked (shared with TypeScript): file paths, redirects,
; evaluated code, outbound URLs, HTML and regular expressions; what makes it safe for them
; (sanitizers, schema validation, allow-list and prefix guards); and route registrations whose
; middleware validates the request (@input.validated).

; ---------------------------------------------------------------------------------------------
; Path sinks
; ---------------------------------------------------------------------------------------------

; node:fs, fs/promises, fs-extra: fs.readFile(p), fs.promises.readFile(p), fsPromises.rm(p),
; fse.createReadStream(p), ...
(call_expression
  function: [
    (member_expression
      object: (identifier) @_fs
      property: (property_identifier) @sink.name)
    (member_expression
      object: (member_expression
        object: (identifier) @_fs
        property: (property_identifier) @_promises)
      property: (property_identifier) @sink.name)
  ]
  arguments: (arguments . (_) @sink.path)
  (#match? @_fs "^(fs|fsp|fsPromises|fs_promises|promises|fse|fsExtra|fsx)$")
  (#eq? @_promises "promises")
  (#any-of? @sink.name
    "readFile" "readFileSync" "createReadStream" "createWriteStream" "writeFile" "writeFileSync"
    "appendFile" "appendFileSync" "unlink" "unlinkSync" "rm" "rmSync" "rmdir" "rmdirSync"
    "readdir" "readdirSync" "stat" "statSync" "lstat" "lstatSync" "open" "openSync" "access"
    "accessSync" "existsSync" "mkdir" "mkdirSync" "copyFile" "copyFileSync" "rename"
    "renameSync" "readJson" "readJSON" "outputFile" "remove" "opendir")) @sink.call

; The destination of a move or copy: fs.rename(from, to), fs.copyFile(src, dest), fse.move(src, dest).
(call_expression
  function: (member_expression
    object: [
      (identifier) @_fs
      (member_expression object: (identifier) @_fs)
    ]
    property: (property_identifier) @sink.name)
  arguments: (arguments . (_) . (_) @sink.path)
  (#match? @_fs "^(fs|fsp|fsPromises|fs_promises|promises|fse|fsExtra|fsx)$")
  (#any-of? @sink.name
    "rename" "renameSync" "copyFile" "copyFileSync" "cp" "cpSync" "move" "moveSync" "copy"
    "copySync" "symlink" "symlinkSync" "link" "linkSync")) @sink.call
; The same imported by name: import { rename, copyFile } from 'fs/promises'.
(call_expression
  function: (identifier) @sink.name
  arguments: (arguments . (_) . (_) @sink.path)
  (#any-of? @sink.name "rename" "renameSync" "copyFile" "copyFileSync")) @sink.call

; The same functions imported by name: import { readFile } from 'fs/promises'.
(call_expression
  function: (identifier) @sink.name
  arguments: (arguments . (_) @sink.path)
  (#any-of? @sink.name
    "readFile" "readFileSync" "createReadStream" "createWriteStream" "writeFile" "writeFileSync"
    "appendFile" "appendFileSync" "unlink" "unlinkSync" "rm" "rmSync" "readdir" "readdirSync"
    "stat" "statSync" "lstat" "copyFile" "rename" "opendir")) @sink.call

; Express: res.sendFile(p), res.download(p). With a `root` option (res.sendFile(name, { root }))
; Express refuses paths that leave the root: only the forms without one are sinks.
(call_expression
  function: (member_expression
    property: (property_identifier) @sink.name)
  arguments: (arguments . (_) @sink.path .)
  (#any-of? @sink.name "sendFile" "sendfile" "download")) @sink.call
; Express res.sendFile(p, callback) / res.download(p, name): a second argument that is no root.
(call_expression
  function: (member_expression
    property: (property_identifier) @sink.name)
  arguments: (arguments . (_) @sink.path . (_) @_options)
  (#any-of? @sink.name "sendFile" "sendfile" "download")
  (#not-match? @_options "(^|[{,\\s])root\\s*:")) @sink.call

; Express res.render(view), Fastify reply.view(view): the view name is a template file path.
(call_expression
  function: (member_expression
    object: (identifier) @_res
    property: (property_identifier) @sink.name)
  arguments: (arguments . (_) @sink.path)
  (#any-of? @_res "res" "response" "reply")
  (#any-of? @sink.name "render" "view")) @sink.call

; path.basename(p) (also bare basename, sanitize-filename): a bare file name, no directories.
((call_expression
   function: (member_expression
     object: [
       (identifier) @_path
       (member_expression property: (property_identifier) @_path)
     ]
     property: (property_identifier) @_method))
 (#any-of? @_path "path" "posix" "win32")
 (#eq? @_method "basename")) @sanitizer.path
; basename(p) imported by name, sanitize-filename's sanitizeFilename(p), filenamify(p).
((call_expression
   function: (identifier) @_function)
 (#any-of? @_function "basename" "sanitizeFilename" "filenamify")) @sanitizer.path

; path.normalize(p).replace(/^(\.\.(\/|\\|$))+/, ''): normalised, then every leading ../ removed.
((call_expression
   function: (member_expression
     object: (call_expression
       function: (member_expression
         object: (identifier) @_path
         property: (property_identifier) @_normalize))
     property: (property_identifier) @_replace)
   arguments: (arguments . (regex) @_dots)) @sanitizer.path
 (#any-of? @_path "path" "posix")
 (#eq? @_normalize "normalize")
 (#eq? @_replace "replace")
 (#match? @_dots "^/\\^\\(\\\\\\.\\\\\\."))

; Path checks: if (!full.startsWith(ROOT)) return ...; if (full.startsWith(UPLOADS + path.sep)) {…}.
; A prefix of one slash, a scheme or a host without a path proves nothing.
((if_statement
   condition: (parenthesized_expression
     (unary_expression
       operator: "!"
       argument: (call_expression
         function: (member_expression
           object: (identifier) @guard.subject
           property: (property_identifier) @_method)
         arguments: (arguments . (_) @_prefix .))))
   consequence: [
     (statement_block
       [(throw_statement) (return_statement) (continue_statement) (break_statement)])
     (throw_statement)
     (return_statement)
   ]) @guard.after
 (#eq? @_method "startsWith")
 (#not-match? @_prefix "^['\"`](/|//|\\.|https?(:(//?)?)?|https?://[^/'\"`]*)?['\"`]$")
 (#set! guard "prefix"))
; if (full.startsWith(ROOT)) { <holds here> }
((if_statement
   condition: (parenthesized_expression
     (call_expression
       function: (member_expression
         object: (identifier) @guard.subject
         property: (property_identifier) @_method)
       arguments: (arguments . (_) @_prefix .)))
   consequence: (_) @guard.region)
 (#eq? @_method "startsWith")
 (#not-match? @_prefix "^['\"`](/|//|\\.|https?(:(//?)?)?|https?://[^/'\"`]*)?['\"`]$")
 (#set! guard "prefix"))

; ---------------------------------------------------------------------------------------------
; Redirect sinks
; ---------------------------------------------------------------------------------------------

; Express res.redirect(url) / res.redirect(301, url), res.location(url), Koa ctx.redirect(url),
; Fastify reply.redirect(url) / reply.redirect(302, url), NextResponse.redirect(url),
; Response.redirect(url).
(call_expression
  function: (member_expression
    property: (property_identifier) @sink.name)
  arguments: (arguments . (_) @sink.redirect)
  (#any-of? @sink.name "redirect" "location")
  (#not-match? @sink.redirect "^[0-9]+$")) @sink.call
; Express res.redirect(301, url), Fastify reply.redirect(302, url): the URL after the status.
(call_expression
  function: (member_expression
    property: (property_identifier) @sink.name)
  arguments: (arguments . (number) . (_) @sink.redirect)
  (#any-of? @sink.name "redirect" "location")) @sink.call

; node:http / Express: res.writeHead(302, { Location: url }), res.setHeader('Location', url),
; res.set('Location', url), res.header('Location', url).
(call_expression
  function: (member_expression
    property: (property_identifier) @sink.name)
  arguments: (arguments
    (object
      (pair
        key: [(property_identifier) (string)] @_header
        value: (_) @sink.redirect)))
  (#eq? @sink.name "writeHead")
  (#match? @_header "^['\"]?[Ll]ocation['\"]?$")) @sink.call
; res.setHeader('Location', url), res.set('Location', url), res.header('Location', url).
(call_expression
  function: (member_expression
    property: (property_identifier) @sink.name)
  arguments: (arguments . (string) @_header . (_) @sink.redirect)
  (#any-of? @sink.name "setHeader" "set" "header" "append")
  (#match? @_header "^['\"][Ll]ocation['\"]$")) @sink.call

; Next.js next/navigation: redirect(url), permanentRedirect(url).
(call_expression
  function: (identifier) @sink.name
  arguments: (arguments . (_) @sink.redirect)
  (#any-of? @sink.name "redirect" "permanentRedirect")) @sink.call

; A redirect to a path on this site, `/orders/${id}`, '/items/' + id: one slash then a path
; character cannot send the browser to another host. Nor can the HTTPS upgrade
; `https://${req.headers.host}${req.url}`: the browser sent that Host itself.
((call_expression
   function: [
     (member_expression property: (property_identifier) @_method)
     (identifier) @_method
   ]
   arguments: (arguments [(template_string) (binary_expression)] @sanitizer.url))
 (#any-of? @_method "redirect" "permanentRedirect" "location")
 (#match? @sanitizer.url "^(['\"`]/[^/\\\\'\"`$]|`https://\\$\\{(req|request)\\.(headers\\.host|hostname|get\\(['\"][Hh]ost['\"]\\))\\}|['\"]https://['\"]\\s*\\+\\s*(req|request)\\.(headers\\.host|hostname|get\\(['\"][Hh]ost['\"]\\))\\s*\\+)"))

; Relative-redirect check: next.startsWith('/') && !next.startsWith('//').
((if_statement
   condition: (parenthesized_expression
     (binary_expression
       left: (call_expression
         function: (member_expression
           object: (identifier) @guard.subject
           property: (property_identifier) @_m1)
         arguments: (arguments . (string) @_p1 .))
       operator: "&&"
       right: (unary_expression
         operator: "!"
         argument: (call_expression
           function: (member_expression
             object: (identifier) @_subject2
             property: (property_identifier) @_m2)
           arguments: (arguments . (string) @_p2 .)))))
   consequence: (_) @guard.region)
 (#eq? @_m1 "startsWith") (#eq? @_m2 "startsWith")
 (#eq? @guard.subject @_subject2)
 (#match? @_p1 "^['\"]/['\"]$") (#match? @_p2 "^['\"]//['\"]$")
 (#set! guard "prefix"))
; next.startsWith('/') && !next.startsWith('//') ? next : '/'
((ternary_expression
   condition: (binary_expression
     left: (call_expression
       function: (member_expression
         object: (identifier) @guard.subject
         property: (property_identifier) @_m1)
       arguments: (arguments . (string) @_p1 .))
     operator: "&&"
     right: (unary_expression
       operator: "!"
       argument: (call_expression
         function: (member_expression
           object: (identifier) @_subject2
           property: (property_identifier) @_m2)
         arguments: (arguments . (string) @_p2 .))))
   consequence: (_) @guard.region)
 (#eq? @_m1 "startsWith") (#eq? @_m2 "startsWith")
 (#eq? @guard.subject @_subject2)
 (#match? @_p1 "^['\"]/['\"]$") (#match? @_p2 "^['\"]//['\"]$")
 (#set! guard "prefix"))
; if (!next.startsWith('/') || next.startsWith('//')) return ...
((if_statement
   condition: (parenthesized_expression
     (binary_expression
       left: (unary_expression
         operator: "!"
         argument: (call_expression
           function: (member_expression
             object: (identifier) @guard.subject
             property: (property_identifier) @_m1)
           arguments: (arguments . (string) @_p1 .)))
       operator: "||"
       right: (call_expression
         function: (member_expression
           object: (identifier) @_subject2
           property: (property_identifier) @_m2)
         arguments: (arguments . (string) @_p2 .))))
   consequence: [
     (statement_block
       [(throw_statement) (return_statement) (continue_statement) (break_statement)])
     (throw_statement)
     (return_statement)
   ]) @guard.after
 (#eq? @_m1 "startsWith") (#eq? @_m2 "startsWith")
 (#eq? @guard.subject @_subject2)
 (#match? @_p1 "^['\"]/['\"]$") (#match? @_p2 "^['\"]//['\"]$")
 (#set! guard "prefix"))

; A URL/redirect/path validator the pack vouches for: if (!isSafeRedirect(next)) return ...,
; if (isAllowedUrl(u)) {…}, validator.isURL(u, { host_whitelist: [...] }).
((if_statement
   condition: (parenthesized_expression
     (unary_expression
       operator: "!"
       argument: (call_expression
         function: [
           (identifier) @_check
           (member_expression property: (property_identifier) @_check)
         ]
         arguments: (arguments . (identifier) @guard.subject))))
   consequence: [
     (statement_block
       [(throw_statement) (return_statement) (continue_statement) (break_statement)])
     (throw_statement)
     (return_statement)
   ]) @guard.after
 (#match? @_check "^is(Safe|Allowed|Trusted|Local|Relative|Internal|Permitted|Whitelisted|SameOrigin)[A-Za-z]*$")
 (#not-match? @_check "^is[A-Za-z]*(Number|Int|Email|Empty|String|Date)$")
 (#set! guard "prefix"))
; if (isSafeRedirect(next)) { <holds here> }
((if_statement
   condition: (parenthesized_expression
     (call_expression
       function: [
         (identifier) @_check
         (member_expression property: (property_identifier) @_check)
       ]
       arguments: (arguments . (identifier) @guard.subject)))
   consequence: (_) @guard.region)
 (#match? @_check "^is(Safe|Allowed|Trusted|Local|Relative|Internal|Permitted|Whitelisted|SameOrigin)[A-Za-z]*$")
 (#not-match? @_check "^is[A-Za-z]*(Number|Int|Email|Empty|String|Date)$")
 (#set! guard "prefix"))
; validator.js: if (!validator.isURL(u, { host_whitelist: [...] })) return ...
((if_statement
   condition: (parenthesized_expression
     (unary_expression
       operator: "!"
       argument: (call_expression
         function: (member_expression property: (property_identifier) @_check)
         arguments: (arguments . (identifier) @guard.subject . (object) @_options))))
   consequence: [
     (statement_block
       [(throw_statement) (return_statement) (continue_statement) (break_statement)])
     (throw_statement)
     (return_statement)
   ]) @guard.after
 (#eq? @_check "isURL")
 (#match? @_options "host_whitelist")
 (#set! guard "prefix"))

; ---------------------------------------------------------------------------------------------
; Code sinks
; ---------------------------------------------------------------------------------------------

; eval(code); setTimeout(code, ms) / setInterval(code, ms) with a string (a function argument
; is not request data).
(call_expression
  function: [
    (identifier) @sink.name
    (member_expression
      object: (identifier) @_global
      property: (property_identifier) @sink.name)
  ]
  arguments: (arguments . (_) @sink.code)
  (#any-of? @_global "window" "global" "globalThis")
  (#any-of? @sink.name "eval" "setTimeout" "setInterval" "setImmediate" "safeEval")) @sink.call

; new Function('a', 'b', body), Function(body): the last argument is the body.
(new_expression
  constructor: (identifier) @sink.name
  arguments: (arguments (_) @sink.code .)
  (#any-of? @sink.name "Function" "AsyncFunction")) @sink.call
; Function(body) called without new.
(call_expression
  function: (identifier) @sink.name
  arguments: (arguments (_) @sink.code .)
  (#eq? @sink.name "Function")) @sink.call

; node:vm: vm.runInNewContext(code), vm.runInThisContext(code), vm.runInContext(code, ctx),
; vm.compileFunction(code), new vm.Script(code), new Script(code).
(call_expression
  function: [
    (identifier) @sink.name
    (member_expression property: (property_identifier) @sink.name)
  ]
  arguments: (arguments . (_) @sink.code)
  (#any-of? @sink.name "runInNewContext" "runInThisContext" "runInContext" "compileFunction")) @sink.call
; node:vm: new vm.Script(code), new vm.SourceTextModule(code).
(new_expression
  constructor: [
    (identifier) @sink.name
    (member_expression property: (property_identifier) @sink.name)
  ]
  arguments: (arguments . (_) @sink.code)
  (#any-of? @sink.name "Script" "SourceTextModule")) @sink.call

; Dynamic module loading: require(name), import(name): runs whatever module the name picks.
(call_expression
  function: [(identifier) (import)] @sink.name
  arguments: (arguments . (_) @sink.code)
  (#any-of? @sink.name "require" "import")) @sink.call

; Templates compiled from text run code (server-side template injection): _.template(src),
; ejs.render(src) / ejs.compile(src), pug.render(src) / pug.compile(src), Handlebars.compile(src),
; nunjucks.renderString(src).
(call_expression
  function: (member_expression
    object: (identifier) @_engine
    property: (property_identifier) @sink.name)
  arguments: (arguments . (_) @sink.code)
  (#any-of? @_engine "_" "lodash" "ejs" "pug" "jade" "Handlebars" "handlebars" "hbs" "nunjucks" "doT" "dot" "mustache" "Mustache" "eta")
  (#any-of? @sink.name "template" "render" "compile" "renderString" "precompile")) @sink.call

; ---------------------------------------------------------------------------------------------
; Outbound URL sinks (SSRF)
; ---------------------------------------------------------------------------------------------

; fetch(url), axios(url), got(url), ky(url), request(url), superagent(url); a config object is
; judged by its `url` below.
(call_expression
  function: (identifier) @sink.name
  arguments: (arguments . (_) @sink.url)
  (#any-of? @sink.name "fetch" "axios" "got" "ky" "request" "superagent" "ofetch" "$fetch")
  (#not-match? @sink.url "^\\{")) @sink.call

; axios.get/post/put/delete/request(url), got.post(url), http.get(url), https.request(url),
; superagent.get(url), needle.get(url), undici.request(url), NestJS this.httpService.get(url).
(call_expression
  function: [
    (member_expression
      object: [
        (identifier) @_client
        (member_expression property: (property_identifier) @_client)
      ]
      property: (property_identifier) @sink.name)
    (await_expression
      (member_expression
        object: [
          (identifier) @_client
          (member_expression property: (property_identifier) @_client)
        ]
        property: (property_identifier) @sink.name))
  ]
  arguments: (arguments . (_) @sink.url)
  (#any-of? @_client
    "axios" "got" "http" "https" "http2" "superagent" "needle" "ky" "undici" "request"
    "httpService" "axiosRef" "$http" "wretch")
  (#any-of? @sink.name
    "get" "post" "put" "patch" "delete" "del" "head" "options" "request" "fetch" "stream"
    "connect")
  (#not-match? @sink.url "^\\{")) @sink.call

; needle('get', url)
(call_expression
  function: (identifier) @sink.name
  arguments: (arguments . (string) . (_) @sink.url)
  (#eq? @sink.name "needle")) @sink.call

; axios({ url }), axios.request({ url, method }), got({ url }): the url (and baseURL) key.
(call_expression
  function: [
    (identifier) @sink.name
    (member_expression
      object: (identifier) @_client
      property: (property_identifier) @sink.name)
  ]
  arguments: (arguments
    . (object
        (pair
          key: (property_identifier) @_key
          value: (_) @sink.url)))
  (#any-of? @_client "axios" "got" "http" "https" "undici" "httpService")
  (#any-of? @sink.name "axios" "got" "request" "get" "post" "put" "patch" "delete")
  (#any-of? @_key "url" "baseURL" "host" "hostname")) @sink.call

; Host allow-lists: if (!ALLOWED_HOSTS.has(new URL(u).hostname)) return ...;
; if (ALLOWED_HOSTS.includes(parsed.host)) {…}: the URL (or parsed URL) is allowed.
((if_statement
   condition: (parenthesized_expression
     (unary_expression
       operator: "!"
       argument: (call_expression
         function: (member_expression
           object: (_) @guard.allowlist
           property: (property_identifier) @_method)
         arguments: (arguments
           . [
             (member_expression
               object: (new_expression
                 constructor: (identifier) @_url
                 arguments: (arguments . (identifier) @guard.subject))
               property: (property_identifier) @_host)
             (member_expression
               object: (identifier) @guard.subject
               property: (property_identifier) @_host)
           ] .))))
   consequence: [
     (statement_block
       [(throw_statement) (return_statement) (continue_statement) (break_statement)])
     (throw_statement)
     (return_statement)
   ]) @guard.after
 (#any-of? @_method "has" "includes")
 (#eq? @_url "URL")
 (#any-of? @_host "hostname" "host" "origin"))
; if (ALLOWED_HOSTS.has(new URL(u).hostname)) { <holds here> }
((if_statement
   condition: (parenthesized_expression
     (call_expression
       function: (member_expression
         object: (_) @guard.allowlist
         property: (property_identifier) @_method)
       arguments: (arguments
         . [
           (member_expression
             object: (new_expression
               constructor: (identifier) @_url
               arguments: (arguments . (identifier) @guard.subject))
             property: (property_identifier) @_host)
           (member_expression
             object: (identifier) @guard.subject
             property: (property_identifier) @_host)
         ] .)))
   consequence: (_) @guard.region)
 (#any-of? @_method "has" "includes")
 (#eq? @_url "URL")
 (#any-of? @_host "hostname" "host" "origin"))

; ---------------------------------------------------------------------------------------------
; HTML sinks (XSS)
; ---------------------------------------------------------------------------------------------

; res.type('html').send(x), reply.type('text/html').send(x), res.set('Content-Type',
; 'text/html').send(x): declared HTML, whatever the text looks like.
(call_expression
  function: (member_expression
    object: (call_expression
      function: (member_expression
        property: (property_identifier) @_type)
      arguments: (arguments) @_content_type)
    property: (property_identifier) @sink.name)
  arguments: (arguments . (_) @sink.html)
  (#any-of? @_type "type" "header" "set" "setHeader" "contentType")
  (#match? @_content_type "html")
  (#any-of? @sink.name "send" "end" "write")) @sink.call

; Express res.send(text): a string goes out as text/html, an object as JSON. On the response
; object itself, text built from request data ("Hello " + name) is reflected XSS even without a
; tag (shape "text"). Before the generic pattern below: the first pattern to record a sink wins.
(call_expression
  function: (member_expression
    object: (identifier) @_response
    property: (property_identifier) @sink.name)
  arguments: (arguments . (_) @sink.html)
  (#any-of? @_response "res" "response")
  (#eq? @sink.name "send")
  (#set! shape "text")) @sink.call

; res.write(html), res.end(html), streams, sockets, Fastify reply.send(html): generic senders,
; so only text that holds an HTML tag.
(call_expression
  function: (member_expression
    property: (property_identifier) @sink.name)
  arguments: (arguments . (_) @sink.html)
  (#any-of? @sink.name "send" "write" "end")
  (#set! shape "html")) @sink.call

; Koa: ctx.body = html, ctx.response.body = html.
(assignment_expression
  left: (member_expression
    object: (_) @_ctx
    property: (property_identifier) @sink.name)
  right: (_) @sink.html
  (#match? @_ctx "^(ctx|context)(\\.response)?$")
  (#eq? @sink.name "body")
  (#set! shape "html")) @sink.call

; Fetch API / Next.js: new Response(html, { headers }), new NextResponse(html).
(new_expression
  constructor: (identifier) @sink.name
  arguments: (arguments . (_) @sink.html)
  (#any-of? @sink.name "Response" "NextResponse")
  (#set! shape "html")) @sink.call

; Hono c.html(html), jQuery $(el).html(html): the name says HTML.
(call_expression
  function: (member_expression
    property: (property_identifier) @sink.name)
  arguments: (arguments . (_) @sink.html)
  (#eq? @sink.name "html")) @sink.call

; React: dangerouslySetInnerHTML={{ __html: html }}.
(pair
  key: (property_identifier) @sink.name
  value: (_) @sink.html
  (#eq? @sink.name "__html")) @sink.call

; DOM: el.innerHTML = html, el.outerHTML = html.
(assignment_expression
  left: (member_expression
    property: (property_identifier) @sink.name)
  right: (_) @sink.html
  (#any-of? @sink.name "innerHTML" "outerHTML")) @sink.call

; Number.parseInt(x), Number.parseFloat(x), validator.toInt(x) / toFloat / toBoolean / toDate:
; numbers, booleans and dates, never text (plain Number()/parseInt() are in sanitizers.scm).
((call_expression
   function: (member_expression
     object: (identifier) @_object
     property: (property_identifier) @_method))
 (#any-of? @_object "Number" "validator")
 (#any-of? @_method "parseInt" "parseFloat" "toInt" "toFloat" "toBoolean" "toDate" "isInteger")) @sanitizer.convert

; HTML escaping: escape-html, he, lodash, validator, entities, sanitize-html, DOMPurify, xss.
((call_expression
   function: (identifier) @_function)
 (#any-of? @_function
   "escapeHtml" "escapeHTML" "htmlEscape" "encodeHTML" "escapeXml" "sanitizeHtml" "xss"
   "filterXSS" "encodeHtml")) @sanitizer.html
; he.encode(x), _.escape(x), validator.escape(x), entities.encodeHTML(x), DOMPurify.sanitize(x).
((call_expression
   function: (member_expression
     object: (identifier) @_module
     property: (property_identifier) @_function))
 (#any-of? @_module "he" "_" "lodash" "validator" "entities" "DOMPurify" "purify" "xss")
 (#any-of? @_function "escape" "encode" "encodeHTML" "escapeHTML" "sanitize" "filterXSS")) @sanitizer.html

; ---------------------------------------------------------------------------------------------
; Regex sinks
; ---------------------------------------------------------------------------------------------

; new RegExp(pattern), RegExp(pattern).
(new_expression
  constructor: (identifier) @sink.name
  arguments: (arguments . (_) @sink.regex)
  (#eq? @sink.name "RegExp")) @sink.call
; RegExp(pattern) called without new.
(call_expression
  function: (identifier) @sink.name
  arguments: (arguments . (_) @sink.regex)
  (#eq? @sink.name "RegExp")) @sink.call

; text.match(pattern), text.matchAll(pattern): a string argument is compiled as a RegExp.
(call_expression
  function: (member_expression
    property: (property_identifier) @sink.name)
  arguments: (arguments . (_) @sink.regex)
  (#any-of? @sink.name "match" "matchAll")) @sink.call

; Regex escaping: escape-string-regexp, lodash escapeRegExp, RegExp.escape.
((call_expression
   function: (identifier) @_function)
 (#any-of? @_function "escapeStringRegexp" "escapeRegExp" "escapeRegex" "escapeRegexp" "regexEscape")) @sanitizer.regex
; lodash _.escapeRegExp(x), RegExp.escape(x).
((call_expression
   function: (member_expression
     object: (identifier) @_module
     property: (property_identifier) @_function))
 (#any-of? @_module "_" "lodash" "RegExp")
 (#any-of? @_function "escapeRegExp" "escape")) @sanitizer.regex
; s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'): every special character escaped.
((call_expression
   function: (member_expression
     property: (property_identifier) @_method)
   arguments: (arguments . (regex) @_specials . (string) @_replacement .))
 (#any-of? @_method "replace" "replaceAll")
 (#match? @_specials "^/\\[.*[*+?].*\\]/g")
 (#match? @_replacement "^['\"]\\\\\\\\\\$&['\"]$")) @sanitizer.regex

; ---------------------------------------------------------------------------------------------
; Validation: the value is no longer raw request data, and the handler counts as validating.
; ---------------------------------------------------------------------------------------------

; zod schema.parse(x) / safeParse / parseAsync, joi schema.validate(x) / validateAsync /
; Joi.attempt(x, s), yup schema.validate(x) / validateSync / cast, valibot v.parse(s, x),
; ajv.validate(s, x). Not the parsers of JSON, URLs, query strings, paths, dates, cookies.
((call_expression
   function: (member_expression
     object: (_) @_schema
     property: (property_identifier) @_method)) @sanitizer.validate
 (#any-of? @_method
   "parse" "safeParse" "parseAsync" "safeParseAsync" "spa" "validate" "validateAsync"
   "validateSync" "attempt" "cast")
 (#not-match? @_schema
   "^(JSON|url|URL|qs|querystring|path|posix|Date|cookie|cookies|YAML|yaml|toml|TOML|csv|Papa|mime|semver|dayjs|moment|luxon|DateTime|bytes|ms|xml2js|parser|xmlParser|parse5|acorn|esprima|babel|cheerio|htmlparser2|marked|markdown|md|console|assert|Buffer|Object|Array|Number|Reflect|Symbol|crypto|jwt|jsonwebtoken|base64|iconv|Promise|document|window|this|db|prisma|knex|Model|model|fs|os|process|Math|sharp|uuid|ethers|chai|expect|t)$"))

; class-validator validate(dto) / validateOrReject / validateSync, class-transformer
; plainToInstance(Dto, body), express-validator matchedData(req) / validationResult(req),
; ajv-compiled validators: validate(body), validateOrder(body).
((call_expression
   function: (identifier) @_function) @sanitizer.validate
 (#match? @_function "^(validate|validateOrReject|validateSync|plainToInstance|plainToClass|matchedData|validationResult|assertValid|validate[A-Z][A-Za-z]*)$"))

; ajv: if (!validate(body)) return ...; if (!ajv.validate(schema, body)) return ...: the
; checked value matches its schema from here on.
((if_statement
   condition: (parenthesized_expression
     (unary_expression
       operator: "!"
       argument: (call_expression
         function: (identifier) @_validator
         arguments: (arguments . (identifier) @guard.subject .))))
   consequence: [
     (statement_block
       [(throw_statement) (return_statement) (continue_statement) (break_statement)])
     (throw_statement)
     (return_statement)
   ]) @guard.after
 (#match? @_validator "^(validate|isValid)([A-Z][A-Za-z]*)?$"))
; ajv: if (!ajv.validate(schema, body)) return ...
((if_statement
   condition: (parenthesized_expression
     (unary_expression
       operator: "!"
       argument: (call_expression
         function: (member_expression
           object: (identifier) @_ajv
           property: (property_identifier) @_validate)
         arguments: (arguments . (_) . (identifier) @guard.subject .))))
   consequence: [
     (statement_block
       [(throw_statement) (return_statement) (continue_statement) (break_statement)])
     (throw_statement)
     (return_statement)
   ]) @guard.after
 (#match? @_ajv "^(ajv|validator)$")
 (#eq? @_validate "validate"))

; Express / Koa / Hono routes with validating middleware: router.post('/x', body('email')
; .isEmail(), handler), [check('id').isInt()], celebrate({...}), validate(schema),
; validateBody(schema), zValidator('json', schema), checkSchema({...}).
((call_expression
   function: (member_expression
     property: (property_identifier) @_verb)
   arguments: (arguments (_) @_middleware)) @input.validated
 (#any-of? @_verb "get" "post" "put" "patch" "delete" "all" "use" "route")
 (#match? @_middleware "^\\[?\\s*(body|query|param|params|check|checkSchema|checkExact|header|cookie|oneOf|celebrate|validate[A-Za-z]*|validator\\.[a-z]+|zValidator|validationMiddleware|schemaValidator)\\s*\\("))
; ... or a validating middleware passed by name: router.post('/x', validateOrder, handler).
((call_expression
   function: (member_expression
     property: (property_identifier) @_verb)
   arguments: (arguments (identifier) @_middleware)) @input.validated
 (#any-of? @_verb "get" "post" "put" "patch" "delete" "all" "use" "route")
 (#match? @_middleware "^(validate[A-Z][A-Za-z]*|[a-z][A-Za-z]*Validat(or|ion)[A-Za-z]*)$"))

; Fastify: fastify.post('/x', { schema: { body } }, handler), fastify.route({ schema, handler }),
; fastify.post('/x', createUserOpts, handler) (route options kept in a variable named so).
((call_expression
   function: (member_expression
     property: (property_identifier) @_verb)
   arguments: (arguments
     (object
       [
         (pair key: (property_identifier) @_key)
         (shorthand_property_identifier) @_key
       ]))) @input.validated
 (#any-of? @_verb "get" "post" "put" "patch" "delete" "all" "route")
 (#eq? @_key "schema"))

; Fastify: fastify.post('/x', createUserOpts, handler): route options (with a schema) by name.
((call_expression
   function: (member_expression
     property: (property_identifier) @_verb)
   arguments: (arguments . (_) . (identifier) @_options . (_))) @input.validated
 (#any-of? @_verb "get" "post" "put" "patch" "delete" "all")
 (#match? @_options "([Ss]chema|[Oo]pts|[Oo]ptions)$"))

; ---------------------------------------------------------------------------------------------
; Fixed destinations
; ---------------------------------------------------------------------------------------------

; `https://api.example.com/users/${id}`, 'https://cdn.example.com/' + key: the core sees that a
; constant scheme and host start the text (no pattern needed).

; `${API_BASE_URL}/users/${id}`, process.env.BILLING_API + '/invoices/' + id: a URL under a
; configured base (a SCREAMING_CASE constant, an environment variable or a config entry named
; like a URL) keeps that base's host.
((template_string) @sanitizer.url
 (#match? @sanitizer.url "^`\\$\\{\\s*(process\\.env\\.[A-Z0-9_]*|(this\\.)?config\\.[A-Za-z0-9_.]*|[A-Z][A-Z0-9_]*)(URL|Url|ENDPOINT|Endpoint|ORIGIN|Origin|API|Api|HOST|Host)[A-Za-z0-9_]*\\s*\\}[/?]"))
; process.env.BILLING_API + '/invoices/' + id: the same with concatenation.
((binary_expression
   left: [(identifier) (member_expression) (binary_expression)]
   operator: "+") @sanitizer.url
 (#match? @sanitizer.url "^(process\\.env\\.[A-Z0-9_]*|(this\\.)?config\\.[A-Za-z0-9_.]*|[A-Z][A-Z0-9_]*)(URL|Url|ENDPOINT|Endpoint|ORIGIN|Origin|API|Api|HOST|Host)[A-Za-z0-9_]*\\s*\\+\\s*['\"`][/?]"))

; new URL(`/users/${id}`, API_BASE_URL), new URL('/login', request.url): a path resolved against
; a fixed base (or this request's own URL) stays on that host.
((new_expression
   constructor: (identifier) @_class
   arguments: (arguments
     . [(string) (template_string) (binary_expression)] @_path
     . (_) @_base .)) @sanitizer.url
 (#eq? @_class "URL")
 (#match? @_path "^['\"`]/[^/\\\\'\"`$]")
 (#match? @_base "^((process\\.env\\.|(this\\.)?config\\.)?[A-Z][A-Z0-9_]*|(req|request)\\.url|['\"`]https?://[^/'\"`$@]+/?['\"`])$"))

; ---------------------------------------------------------------------------------------------
; Koa: checks whose failing branch throws through the context
; ---------------------------------------------------------------------------------------------

; if (!LOCALES.includes(locale)) ctx.throw(404);  (holds after the if)
((if_statement
   condition: (parenthesized_expression
     (unary_expression
       operator: "!"
       argument: (call_expression
         function: (member_expression
           object: (_) @guard.allowlist
           property: (property_identifier) @_method)
         arguments: (arguments . (identifier) @guard.subject .))))
   consequence: [
     (expression_statement
       (call_expression
         function: (member_expression
           object: (identifier) @_ctx
           property: (property_identifier) @_throw)))
     (statement_block
       (expression_statement
         (call_expression
           function: (member_expression
             object: (identifier) @_ctx
             property: (property_identifier) @_throw))))
   ]) @guard.after
 (#any-of? @_method "includes" "has")
 (#any-of? @_ctx "ctx" "context")
 (#eq? @_throw "throw"))
; ctx.assert(LOCALES.includes(locale), 404): throws when the check fails.
((expression_statement
   (call_expression
     function: (member_expression
       object: (identifier) @_ctx
       property: (property_identifier) @_assert)
     arguments: (arguments
       . (call_expression
           function: (member_expression
             object: (_) @guard.allowlist
             property: (property_identifier) @_method)
           arguments: (arguments . (identifier) @guard.subject .))))) @guard.after
 (#any-of? @_ctx "ctx" "context")
 (#eq? @_assert "assert")
 (#any-of? @_method "includes" "has"))

; ---------------------------------------------------------------------------------------------
; Checks whose failing branch replaces the value: if (!ALLOWED.includes(x)) x = DEFAULT;
; ---------------------------------------------------------------------------------------------

; if (!ALLOWED_TABS.includes(tab)) tab = 'overview';   (allow-list)
((if_statement
   condition: (parenthesized_expression
     (unary_expression
       operator: "!"
       argument: (call_expression
         function: (member_expression
           object: (_) @guard.allowlist
           property: (property_identifier) @_method)
         arguments: (arguments . (identifier) @guard.subject .))))
   consequence: [
     (expression_statement (assignment_expression left: (identifier) @_reset))
     (statement_block . (expression_statement (assignment_expression left: (identifier) @_reset)))
   ]) @guard.after
 (#any-of? @_method "includes" "has")
 (#eq? @_reset @guard.subject))

; if (!next.startsWith('/') || next.startsWith('//')) next = '/';   (relative redirect)
((if_statement
   condition: (parenthesized_expression
     (binary_expression
       left: (unary_expression
         operator: "!"
         argument: (call_expression
           function: (member_expression
             object: (identifier) @guard.subject
             property: (property_identifier) @_m1)
           arguments: (arguments . (string) @_p1 .)))
       operator: "||"
       right: (call_expression
         function: (member_expression
           object: (identifier) @_subject2
           property: (property_identifier) @_m2)
         arguments: (arguments . (string) @_p2 .))))
   consequence: [
     (expression_statement (assignment_expression left: (identifier) @_reset))
     (statement_block . (expression_statement (assignment_expression left: (identifier) @_reset)))
   ]) @guard.after
 (#eq? @_m1 "startsWith") (#eq? @_m2 "startsWith")
 (#eq? @guard.subject @_subject2)
 (#eq? @_reset @guard.subject)
 (#match? @_p1 "^['\"]/['\"]$") (#match? @_p2 "^['\"]//['\"]$")
 (#set! guard "prefix"))

; if (!isSafeRedirect(next)) next = '/';   (a validator the pack vouches for)
((if_statement
   condition: (parenthesized_expression
     (unary_expression
       operator: "!"
       argument: (call_expression
         function: [
           (identifier) @_check
           (member_expression property: (property_identifier) @_check)
         ]
         arguments: (arguments . (identifier) @guard.subject))))
   consequence: [
     (expression_statement (assignment_expression left: (identifier) @_reset))
     (statement_block . (expression_statement (assignment_expression left: (identifier) @_reset)))
   ]) @guard.after
 (#match? @_check "^is(Safe|Allowed|Trusted|Local|Relative|Internal|Permitted|Whitelisted|SameOrigin)[A-Za-z]*$")
 (#not-match? @_check "^is[A-Za-z]*(Number|Int|Email|Empty|String|Date)$")
 (#eq? @_reset @guard.subject)
 (#set! guard "prefix"))

; if (full.indexOf(ROOT) !== 0) return ...;   (the old spelling of startsWith)
((if_statement
   condition: (parenthesized_expression
     (binary_expression
       left: (call_expression
         function: (member_expression
           object: (identifier) @guard.subject
           property: (property_identifier) @_method)
         arguments: (arguments . (_) @_prefix .))
       operator: _ @_operator (#any-of? @_operator "!==" "!=")
       right: (number) @_zero))
   consequence: [
     (statement_block
       [(throw_statement) (return_statement) (continue_statement) (break_statement)])
     (throw_statement)
     (return_statement)
   ]) @guard.after
 (#eq? @_method "indexOf")
 (#eq? @_zero "0")
 (#not-match? @_prefix "^['\"`](/|//|\\.|https?(:(//?)?)?|https?://[^/'\"`]*)?['\"`]$")
 (#set! guard "prefix"))

; A format check with an anchored regex literal: if (!/^https:\/\/example\.com\//.test(url))
; return ...; if (/^[a-z0-9-]+$/.test(slug)) {…}. Only a pattern anchored at the start that pins a
; host (an escaped dot then a slash) or the whole value (ends with $) counts.
((if_statement
   condition: (parenthesized_expression
     (unary_expression
       operator: "!"
       argument: (call_expression
         function: (member_expression
           object: (regex) @_pattern
           property: (property_identifier) @_test)
         arguments: (arguments . (identifier) @guard.subject .))))
   consequence: [
     (statement_block
       [(throw_statement) (return_statement) (continue_statement) (break_statement)])
     (throw_statement)
     (return_statement)
   ]) @guard.after
 (#eq? @_test "test")
 (#match? @_pattern "^/\\^.*(\\$/[a-z]*$|\\\\\\.[A-Za-z]+\\\\/)")
 (#set! guard "prefix"))
; if (/^[a-z0-9-]+$/.test(slug)) { <holds here> }
((if_statement
   condition: (parenthesized_expression
     [
       (call_expression
         function: (member_expression
           object: (regex) @_pattern
           property: (property_identifier) @_test)
         arguments: (arguments . (identifier) @guard.subject .))
       (binary_expression
         right: (call_expression
           function: (member_expression
             object: (regex) @_pattern
             property: (property_identifier) @_test)
           arguments: (arguments . (identifier) @guard.subject .)))
     ])
   consequence: (_) @guard.region)
 (#eq? @_test "test")
 (#match? @_pattern "^/\\^.*(\\$/[a-z]*$|\\\\\\.[A-Za-z]+\\\\/)")
 (#set! guard "prefix"))
