; Import aliases: the core lets every pattern see `sql` as `text` after
; `from sqlalchemy import text as sql`, and `sp` as `subprocess` after `import subprocess as sp`.
(aliased_import
  name: (dotted_name (identifier) @import.name .)
  alias: (identifier) @import.alias)
