; TypeScript-only wrappers: type assertions and non-null assertions pass their value through.
(as_expression . (_) @expr.inner) @expr.wrapper
(satisfies_expression . (_) @expr.inner) @expr.wrapper
(non_null_expression (_) @expr.inner) @expr.wrapper
