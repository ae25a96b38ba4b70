//! `xss`: HTML built from request data is sent to the browser unescaped.

use crate::sink_rule::SinkRule;
use crate::SinkKind;
use shipshape_core::{Family, Level, Precision, RuleMeta};

static META: RuleMeta = RuleMeta {
    id: "xss",
    name: "CrossSiteScripting",
    short_description: "HTML built from request data is sent to the browser unescaped",
    full_description:
        "A value read from the request is put into HTML that the service returns (an f-string \
        or template literal returned from a view, res.send, HttpResponse, Html(format!(...)), \
        render_template_string, Markup, mark_safe). A <script> in the value runs in every \
        browser that opens the link, with the user's session. Render with an auto-escaping \
        template, or escape the value (html.escape, markupsafe.escape, escape-html).",
    family: Family::UnvalidatedInput,
    cwes: &[79],
    security: true,
    security_severity: Some("6.1"),
    default_level: Level::Error,
    precision: Precision::High,
    languages: &["Python", "JavaScript", "TypeScript", "Rust"],
    help_markdown: include_str!("../../../../docs/rules/xss.md"),
};

/// See the module documentation.
pub(crate) const RULE: SinkRule = SinkRule {
    meta: &META,
    kind: SinkKind::Html,
    what: "HTML",
    advice: "render it with an auto-escaping template or escape it",
    request_severity: None,
};
