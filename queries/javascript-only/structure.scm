; JavaScript's untyped parameters (TypeScript wraps them in required_parameter).
(formal_parameters (identifier) @param)
(formal_parameters (assignment_pattern left: (identifier) @param))
; Destructured parameters hold a position (their names are not tracked).
(formal_parameters [(object_pattern) (array_pattern)] @param)
