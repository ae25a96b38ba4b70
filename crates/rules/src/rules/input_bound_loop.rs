//! `input-bound-loop`: request data decides how many times a loop runs or how much is allocated.

use crate::sink_rule::SinkRule;
use crate::SinkKind;
use shipshape_core::{Family, Level, Precision, RuleMeta};

static META: RuleMeta = RuleMeta {
    id: "input-bound-loop",
    name: "InputBoundLoop",
    short_description: "Request data sets a loop's bound or an allocation's size, with no cap",
    full_description: "A number read from the request (a count, a size, a limit, a page size) \
        becomes the bound of a loop (range(n), for (i = 0; i < n; i++), 0..n) or the size of an \
        allocation ([0] * n, new Array(n), Vec::with_capacity(n), 'x'.repeat(n)) without being \
        clamped or rejected above a limit. One request with n = 10^9 burns the CPU or the \
        memory of a worker. Clamp it (min(n, MAX), Math.min, .min(MAX), .clamp) or reject \
        values over a limit before using it.",
    family: Family::UnboundedLoop,
    cwes: &[400, 834],
    security: true,
    security_severity: Some("7.5"),
    default_level: Level::Error,
    precision: Precision::High,
    languages: &["Python", "JavaScript", "TypeScript", "Rust"],
    help_markdown: include_str!("../../../../docs/rules/input-bound-loop.md"),
};

/// See the module documentation.
pub(crate) const RULE: SinkRule = SinkRule {
    meta: &META,
    kind: SinkKind::Bound,
    what: "a loop bound or size",
    advice: "clamp it to a maximum or reject larger values first",
    request_severity: None,
};
