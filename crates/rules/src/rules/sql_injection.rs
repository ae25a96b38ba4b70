//! `sql-injection`: SQL text built from a non-constant part reaches a SQL execution call.
//!
//! Sinks and string-building forms come from the query packs (`@sink.sql`, `@expr.*`); the
//! value is followed through variables and same-file helpers by [`crate::dataflow`].

use crate::sink_rule::SinkRule;
use crate::SinkKind;
use shipshape_core::{Family, Level, Precision, RuleMeta};

static META: RuleMeta = RuleMeta {
    id: "sql-injection",
    name: "SqlInjection",
    short_description: "SQL built from a non-constant string reaches a SQL execution call",
    full_description: "A SQL statement is assembled with string formatting, interpolation or \
        concatenation from a value that is not a constant, and then executed. If any part of \
        that value can be influenced by a user, they can change the statement: read or delete \
        other rows, bypass authentication, or run other statements. Pass values as bound \
        parameters instead.",
    family: Family::Injection,
    cwes: &[89],
    security: true,
    security_severity: Some("8.8"),
    default_level: Level::Error,
    precision: Precision::High,
    languages: &["Python", "JavaScript", "TypeScript", "Rust"],
    help_markdown: include_str!("../../../../docs/rules/sql-injection.md"),
};

/// See the module documentation.
pub(crate) const RULE: SinkRule = SinkRule {
    meta: &META,
    kind: SinkKind::Sql,
    what: "SQL",
    advice: "pass the value as a bound parameter",
    request_severity: Some("9.8"),
};
