//! The capture names that form the contract between query packs and the core.
//! `queries/README.md` documents each; names starting with `_` are private to a pattern (used
//! by its predicates) and are allowed anywhere.

/// A capture the core understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Capture {
    /// A function, method or closure definition: the scope of fingerprints and dataflow.
    Function,
    /// The name of the enclosing `@function`.
    FunctionName,
    /// A call that executes something (required beside every `@sink.*` argument).
    SinkCall,
    /// The called name, for messages and for where the finding starts.
    SinkName,
    /// The argument of a `@sink.call` that is SQL text and must not be built dynamically.
    SinkSql,
    /// An expression that builds a value from parts (concatenation, interpolation, formatting).
    ExprBuild,
    /// One part of the `@expr.build` captured in the same match.
    ExprPart,
    /// A literal whose value is fixed in the source.
    ExprLiteral,
    /// An expression that is dynamic by itself (e.g. a format string with inline `{name}`).
    ExprDynamic,
    /// A wrapper that passes its `@expr.inner` through unchanged (parentheses, `&`, `.as_str()`).
    ExprWrapper,
    /// The wrapped expression of an `@expr.wrapper`.
    ExprInner,
    /// A conversion whose result cannot carry injected text (`int(x)`, `Number(x)`, `len(x)`).
    SanitizerConvert,
    /// SQL quoting or escaping (`quote_name(x)`, `connection.escapeId(x)`).
    SanitizerSql,
}

/// Every capture name the core understands, with its meaning (shown in load errors).
pub const CAPTURES: &[(&str, Capture, &str)] = &[
    (
        "expr.build",
        Capture::ExprBuild,
        "an expression built from parts",
    ),
    (
        "expr.dynamic",
        Capture::ExprDynamic,
        "an expression dynamic by itself",
    ),
    (
        "expr.inner",
        Capture::ExprInner,
        "the expression inside an @expr.wrapper",
    ),
    ("expr.literal", Capture::ExprLiteral, "a constant literal"),
    (
        "expr.part",
        Capture::ExprPart,
        "one part of the @expr.build in the same match",
    ),
    (
        "expr.wrapper",
        Capture::ExprWrapper,
        "a wrapper passing @expr.inner through",
    ),
    (
        "function",
        Capture::Function,
        "a function, method or closure definition",
    ),
    (
        "function.name",
        Capture::FunctionName,
        "the name of the @function",
    ),
    (
        "sanitizer.convert",
        Capture::SanitizerConvert,
        "a conversion to a number or other text-free value",
    ),
    (
        "sanitizer.sql",
        Capture::SanitizerSql,
        "SQL quoting or escaping of a value",
    ),
    (
        "sink.call",
        Capture::SinkCall,
        "a call that executes something",
    ),
    (
        "sink.name",
        Capture::SinkName,
        "the called name of the @sink.call",
    ),
    (
        "sink.sql",
        Capture::SinkSql,
        "the SQL text argument of the @sink.call",
    ),
];

/// Keys allowed in `(#set! key "value")`: `label` names what a pattern matched for messages
/// (e.g. `"f-string"`, `"template literal"`).
pub const PROPERTY_KEYS: &[&str] = &["label"];

impl Capture {
    /// The capture for a name, if the core understands it.
    pub fn from_name(name: &str) -> Option<Capture> {
        CAPTURES
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|&(_, c, _)| c)
    }
}
