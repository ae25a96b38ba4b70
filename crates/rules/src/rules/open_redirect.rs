//! `open-redirect`: Request data chooses where the client is redirected.

use crate::sink_rule::SinkRule;
use crate::SinkKind;
use shipshape_core::{Family, Level, Precision, RuleMeta};

static META: RuleMeta = RuleMeta {
    id: "open-redirect",
    name: "OpenRedirect",
    short_description: "Request data chooses where the client is redirected",
    full_description:
        "A value read from the request becomes the target of a redirect. Anyone can send a link \
        to the site that lands the victim on a look-alike login page \
        (https://example.com/login?next=https://evil.test), which phishing relies on, and \
        OAuth flows leak tokens the same way. Redirect only to relative paths you check, or to \
        URLs whose host is on an allow-list.",
    family: Family::UnvalidatedInput,
    cwes: &[601],
    security: true,
    security_severity: Some("6.1"),
    default_level: Level::Error,
    precision: Precision::High,
    languages: &["Python", "JavaScript", "TypeScript", "Rust"],
    help_markdown: include_str!("../../../../docs/rules/open-redirect.md"),
};

/// See the module documentation.
pub(crate) const RULE: SinkRule = SinkRule {
    meta: &META,
    kind: SinkKind::Redirect,
    what: "a redirect target",
    advice: "redirect only to checked relative paths or allow-listed hosts",
    request_severity: None,
};
