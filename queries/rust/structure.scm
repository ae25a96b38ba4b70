; Functions and methods: the scope of fingerprints (and of dataflow, later).
(function_item
  name: (identifier) @function.name) @function
