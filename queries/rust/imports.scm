; Import aliases: `use sqlx::query as q;` makes `q(...)` match the patterns for `query`,
; `use std::process::Command as Cmd;` makes `Cmd::new` match those for `Command::new`.
(use_as_clause
  path: [
    (identifier) @import.name
    (scoped_identifier name: (identifier) @import.name)
  ]
  alias: (identifier) @import.alias)
