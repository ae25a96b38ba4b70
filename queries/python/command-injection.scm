; Shell command sinks: @sink.shell is the argument a shell parses as a command line.

; os.system(cmd), os.popen(cmd): always run through /bin/sh.
(call
  function: (attribute
    object: (identifier) @_module
    attribute: (identifier) @sink.name)
  arguments: (argument_list . (_) @sink.shell)
  (#eq? @_module "os")
  (#any-of? @sink.name "system" "popen")) @sink.call

; subprocess.getoutput(cmd), subprocess.getstatusoutput(cmd): always a shell, also imported bare.
(call
  function: [
    (identifier) @sink.name
    (attribute attribute: (identifier) @sink.name)
  ]
  arguments: (argument_list . (_) @sink.shell)
  (#any-of? @sink.name "getoutput" "getstatusoutput")) @sink.call

; asyncio.create_subprocess_shell(cmd): always a shell.
(call
  function: [
    (identifier) @sink.name
    (attribute attribute: (identifier) @sink.name)
  ]
  arguments: (argument_list . (_) @sink.shell)
  (#eq? @sink.name "create_subprocess_shell")) @sink.call

; subprocess.run / call / check_call / check_output / Popen(cmd, ..., shell=True): the first
; argument is a shell command line only with shell=True. Without it, an argv list runs no shell.
(call
  function: [
    (identifier) @sink.name
    (attribute attribute: (identifier) @sink.name)
  ]
  arguments: (argument_list
    . (_) @sink.shell
    (keyword_argument
      name: (identifier) @_k
      value: (true) @_v))
  (#any-of? @sink.name "run" "call" "check_call" "check_output" "Popen")
  (#eq? @_k "shell")) @sink.call

; An argv list that hands a string to a shell: subprocess.run(["sh", "-c", cmd]),
; ["/bin/bash", "-lc", cmd]. The element right after the -c flag is the command line.
(call
  function: [
    (identifier) @sink.name
    (attribute attribute: (identifier) @sink.name)
  ]
  arguments: (argument_list
    . (comment)* . (list
      . (string) @_shell
      . (string) @_flag
      . (_) @sink.shell))
  (#any-of? @sink.name "run" "call" "check_call" "check_output" "Popen")
  (#match? @_shell "^[\"'](/usr)?(/bin/)?(sh|bash|zsh|dash|ksh)[\"']$")
  (#match? @_flag "^[\"']-[a-z]*c[\"']$")) @sink.call

; Shell quoting: shlex.quote(x), shlex.join(argv), pipes.quote(x) (Python 2 / before 3.13).
((call
   function: (attribute
     object: (identifier) @_module
     attribute: (identifier) @_function))
 (#eq? @_module "shlex")
 (#any-of? @_function "quote" "join")) @sanitizer.shell

((call
   function: (attribute
     object: (identifier) @_module
     attribute: (identifier) @_function))
 (#eq? @_module "pipes")
 (#eq? @_function "quote")) @sanitizer.shell
