; Import aliases (shared with TypeScript): `import { exec as run } from "child_process"` and
; `const { exec: run } = require("child_process")` make `run(...)` match the patterns for exec.
(import_specifier
  name: (identifier) @import.name
  alias: (identifier) @import.alias)
((variable_declarator
   name: (object_pattern
     (pair_pattern
       key: (property_identifier) @import.name
       value: (identifier) @import.alias))
   value: (call_expression
     function: (identifier) @_require))
 (#eq? @_require "require"))
