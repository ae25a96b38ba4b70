//! `regex-injection`: Request data is compiled as a regular expression.

use crate::sink_rule::SinkRule;
use crate::SinkKind;
use shipshape_core::{Family, Level, Precision, RuleMeta};

static META: RuleMeta = RuleMeta {
    id: "regex-injection",
    name: "RegexInjection",
    short_description: "Request data is compiled as a regular expression",
    full_description:
        "A value read from the request is compiled as a regular expression (re.compile, \
        re.search, new RegExp, Regex::new). A crafted pattern such as (a+)+$ makes \
        backtracking engines take exponential time (ReDoS) and blocks the worker; it also \
        changes what the match accepts. Escape the value (re.escape, escape-string-regexp, \
        regex::escape) or match it as plain text.",
    family: Family::UnvalidatedInput,
    cwes: &[1333, 730],
    security: true,
    security_severity: Some("7.5"),
    default_level: Level::Error,
    precision: Precision::High,
    languages: &["Python", "JavaScript", "TypeScript", "Rust"],
    help_markdown: include_str!("../../../../docs/rules/regex-injection.md"),
};

/// See the module documentation.
pub(crate) const RULE: SinkRule = SinkRule {
    meta: &META,
    kind: SinkKind::Regex,
    what: "a regular expression",
    advice: "escape it (re.escape, regex::escape) or match it as plain text",
    request_severity: None,
};
