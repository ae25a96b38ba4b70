; NoSQL code sinks: @sink.nosql is a value that the database runs as code.

; MongoDB's $where operator evaluates its value as server-side JavaScript, wherever the filter
; goes (pymongo find / find_one / count_documents / delete_many, an aggregate $match, ...).
; The pair is the sink; its key string is the name the finding starts at.
(pair
  key: (string) @sink.name
  value: (_) @sink.nosql
  (#any-of? @sink.name "'$where'" "\"$where\"")) @sink.call
