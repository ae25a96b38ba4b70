; Functions: the scope of fingerprints (and of dataflow, later).
(function_definition
  name: (identifier) @function.name) @function
