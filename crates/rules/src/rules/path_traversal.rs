//! `path-traversal`: Request data reaches a file system path without validation.

use crate::sink_rule::SinkRule;
use crate::SinkKind;
use shipshape_core::{Family, Level, Precision, RuleMeta};

static META: RuleMeta = RuleMeta {
    id: "path-traversal",
    name: "PathTraversal",
    short_description: "Request data reaches a file system path without validation",
    full_description:
        "A value read from the request (a query parameter, a form field, a path segment, a JSON \
        body) is used as or in a file path that is opened, read, written, deleted or sent \
        back. '../' sequences or an absolute path let the client read or overwrite any file \
        the service can reach: configuration, keys, source. Reduce the value to a file name \
        (basename, secure_filename) or resolve it and check that it stays under a fixed root.",
    family: Family::UnvalidatedInput,
    cwes: &[22],
    security: true,
    security_severity: Some("7.5"),
    default_level: Level::Error,
    precision: Precision::High,
    languages: &["Python", "JavaScript", "TypeScript", "Rust"],
    help_markdown: include_str!("../../../../docs/rules/path-traversal.md"),
};

/// See the module documentation.
pub(crate) const RULE: SinkRule = SinkRule {
    meta: &META,
        kind: SinkKind::Path,
        what: "a file path",
        advice: "reduce it to a file name (basename) or check that the resolved path stays under a fixed root",
        request_severity: None,
};
