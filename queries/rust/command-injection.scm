; Shell command sinks: @sink.shell is the argument a shell parses as a command line.
; std::process::Command and tokio::process::Command run a program with an argv, no shell, unless
; the program is a shell and is told to run a command string: sh -c "...", cmd /C "...".

; Command::new("sh").arg("-c").arg(cmd): the last arg is the command line.
(call_expression
  function: (field_expression
    value: (call_expression
      function: (field_expression
        value: (call_expression
          function: (scoped_identifier
            path: (_) @_type
            name: (identifier) @_new)
          arguments: (arguments . [(line_comment) (block_comment)]* . (string_literal) @_shell))
        field: (field_identifier) @_flag_method)
      arguments: (arguments . [(line_comment) (block_comment)]* . (string_literal) @_flag))
    field: (field_identifier) @sink.name)
  arguments: (arguments . (_) @sink.shell)
  (#match? @_type "(^|::)Command$")
  (#eq? @_new "new")
  (#match? @_shell "^\"((/usr)?(/bin/)?(sh|bash|zsh|dash|ksh)|cmd|cmd\\.exe|powershell|pwsh)\"$")
  (#eq? @_flag_method "arg")
  (#match? @_flag "^\"(-[a-z]*c|/[cC]|-Command)\"$")
  (#eq? @sink.name "arg")) @sink.call

; Command::new("sh").args(["-c", cmd]) / .args(&["-c", &cmd]): the element after the flag.
(call_expression
  function: (field_expression
    value: (call_expression
      function: (scoped_identifier
        path: (_) @_type
        name: (identifier) @_new)
      arguments: (arguments . [(line_comment) (block_comment)]* . (string_literal) @_shell))
    field: (field_identifier) @sink.name)
  arguments: (arguments
    . [(line_comment) (block_comment)]*
    . [
      (array_expression (string_literal) @_flag . (_) @sink.shell)
      (reference_expression
        value: (array_expression (string_literal) @_flag . (_) @sink.shell))
    ])
  (#match? @_type "(^|::)Command$")
  (#eq? @_new "new")
  (#match? @_shell "^\"((/usr)?(/bin/)?(sh|bash|zsh|dash|ksh)|cmd|cmd\\.exe|powershell|pwsh)\"$")
  (#match? @_flag "^\"(-[a-z]*c|/[cC]|-Command)\"$")
  (#eq? @sink.name "args")) @sink.call

; Shell quoting: shlex::try_quote(s), shlex::quote(s), shlex::try_join(argv),
; shell_escape::escape(s), shell_escape::unix::escape(s).
((call_expression
   function: (scoped_identifier
     path: (_) @_module
     name: (identifier) @_function))
 (#match? @_module "^(shlex|shell_escape)(::|$)")
 (#any-of? @_function "try_quote" "quote" "try_join" "join" "escape")) @sanitizer.shell
