; Shell command sinks (shared with TypeScript): @sink.shell is the argument a shell parses as a
; command line. child_process.exec / execSync always run it through /bin/sh (cmd.exe on
; Windows); spawn / execFile run an argv without a shell unless told to use one.

; exec(cmd), execSync(cmd): destructured or imported bare,
; `const { exec } = require('child_process')`, `import { execSync } from 'node:child_process'`.
(call_expression
  function: (identifier) @sink.name
  arguments: (arguments . (_) @sink.shell)
  (#any-of? @sink.name "exec" "execSync")) @sink.call

; child_process.exec(cmd), cp.execSync(cmd), and shelljs's shell.exec(cmd). Only on a receiver
; named like the module: `regex.exec(text)` and better-sqlite3's `db.exec(sql)` are not shells.
(call_expression
  function: (member_expression
    object: (identifier) @_module
    property: (property_identifier) @sink.name)
  arguments: (arguments . (_) @sink.shell)
  (#match? @_module "^(child_process|childProcess|child|cp|shell|shelljs)$")
  (#any-of? @sink.name "exec" "execSync")) @sink.call

; require('child_process').exec(cmd)
(call_expression
  function: (member_expression
    object: (call_expression
      function: (identifier) @_require
      arguments: (arguments . (string) @_module))
    property: (property_identifier) @sink.name)
  arguments: (arguments . (_) @sink.shell)
  (#eq? @_require "require")
  (#match? @_module "^['\"](node:)?child_process['\"]$")
  (#any-of? @sink.name "exec" "execSync")) @sink.call

; spawn / spawnSync / execFile / execFileSync(cmd, [args], { shell: true }): with a `shell`
; option (true, or the path of a shell) the first argument is a command line.
(call_expression
  function: [
    (identifier) @sink.name
    (member_expression property: (property_identifier) @sink.name)
  ]
  arguments: (arguments
    . (_) @sink.shell
    (object
      (pair
        key: [(property_identifier) (string)] @_key
        value: [(true) (string)] @_value)))
  (#any-of? @sink.name "spawn" "spawnSync" "execFile" "execFileSync")
  (#match? @_key "^['\"]?shell['\"]?$")
  (#not-match? @_value "^(''|\"\")$")) @sink.call

; spawn('sh', ['-c', cmd]), execFile('/bin/bash', ['-lc', cmd]), spawn('cmd', ['/c', cmd]): an
; argv that hands a string to a shell. The element right after the -c flag is the command line.
(call_expression
  function: [
    (identifier) @sink.name
    (member_expression property: (property_identifier) @sink.name)
  ]
  arguments: (arguments
    . (comment)* . (string) @_shell
    . (array (string) @_flag . (_) @sink.shell))
  (#any-of? @sink.name "spawn" "spawnSync" "execFile" "execFileSync")
  (#match? @_shell "^['\"]((/usr)?(/bin/)?(sh|bash|zsh|dash|ksh)|cmd|cmd\\.exe)['\"]$")
  (#match? @_flag "^['\"](-[a-z]*c|/[cC])['\"]$")) @sink.call

; Shell quoting: shell-quote's quote([x]), shell-escape's shellescape([x]), shescape's
; quote(x) / escape(x), as members of the imported module.
((call_expression
   function: (member_expression
     object: (identifier) @_module
     property: (property_identifier) @_function))
 (#match? @_module "^(shellQuote|shell_quote|shellquote|shellEscape|shellescape|shell_escape|shescape)$")
 (#any-of? @_function "quote" "escape")) @sanitizer.shell

((call_expression
   function: (identifier) @_function)
 (#any-of? @_function "shellescape" "shellEscape")) @sanitizer.shell
