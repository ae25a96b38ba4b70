//! `nosql-injection`: query code (a MongoDB `$where` JavaScript string) built from a
//! non-constant part.

use crate::sink_rule::SinkRule;
use crate::SinkKind;
use shipshape_core::{Family, Level, Precision, RuleMeta};

static META: RuleMeta = RuleMeta {
    id: "nosql-injection",
    name: "NosqlInjection",
    short_description:
        "NoSQL query code built from a non-constant string is evaluated by the database",
    full_description: "A MongoDB $where expression (JavaScript evaluated by the server) is \
        assembled from a value that is not a constant. A crafted value changes the predicate \
        (' || true || ') to read every document, or burns server CPU. Express the filter with \
        query operators ($eq, $in, $regex on escaped text) and pass values as values.",
    family: Family::Injection,
    cwes: &[943],
    security: true,
    security_severity: Some("8.1"),
    default_level: Level::Error,
    precision: Precision::High,
    languages: &["Python", "JavaScript", "TypeScript"],
    help_markdown: include_str!("../../../../docs/rules/nosql-injection.md"),
};

/// See the module documentation.
pub(crate) const RULE: SinkRule = SinkRule {
    meta: &META,
    kind: SinkKind::Nosql,
    what: "query code",
    advice: "use query operators with values instead of JavaScript",
    request_severity: Some("9.1"),
};
