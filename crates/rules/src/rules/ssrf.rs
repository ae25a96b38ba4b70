//! `ssrf`: Request data chooses the URL of an outbound request.

use crate::sink_rule::SinkRule;
use crate::SinkKind;
use shipshape_core::{Family, Level, Precision, RuleMeta};

static META: RuleMeta = RuleMeta {
    id: "ssrf",
    name: "ServerSideRequestForgery",
    short_description: "Request data chooses the URL of an outbound request",
    full_description:
        "A value read from the request becomes the URL (or its host) of a request the server \
        sends (requests, httpx, urllib, fetch, axios, got, reqwest). The client can make the \
        service call internal addresses it can reach and they cannot: the cloud metadata \
        endpoint, admin interfaces, databases speaking HTTP. Build the URL from a fixed origin \
        and check the host against an allow-list.",
    family: Family::UnvalidatedInput,
    cwes: &[918],
    security: true,
    security_severity: Some("8.6"),
    default_level: Level::Error,
    precision: Precision::High,
    languages: &["Python", "JavaScript", "TypeScript", "Rust"],
    help_markdown: include_str!("../../../../docs/rules/ssrf.md"),
};

/// See the module documentation.
pub(crate) const RULE: SinkRule = SinkRule {
    meta: &META,
    kind: SinkKind::Url,
    what: "a URL",
    advice: "build the URL from a fixed origin and check its host against an allow-list",
    request_severity: None,
};
