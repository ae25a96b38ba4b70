; NoSQL code sinks (shared with TypeScript): @sink.nosql is a value that the database runs as
; code.

; MongoDB's $where operator evaluates its value as server-side JavaScript, wherever the filter
; goes (driver and mongoose find / findOne / countDocuments / deleteMany / updateMany, ...).
; `{ $where: … }` or `{ '$where': … }`: the pair is the sink, its key is where the finding
; starts. A plain value such as `{ name: req.query.name }` is data, not code.
(pair
  key: [(property_identifier) (string)] @sink.name
  value: (_) @sink.nosql
  (#any-of? @sink.name "$where" "'$where'" "\"$where\"")) @sink.call

; mongoose Model.$where(js) and query.$where(js).
(call_expression
  function: (member_expression property: (property_identifier) @sink.name)
  arguments: (arguments . (_) @sink.nosql)
  (#eq? @sink.name "$where")) @sink.call
