//! `code-injection`: Request data is evaluated as program code.

use crate::sink_rule::SinkRule;
use crate::SinkKind;
use shipshape_core::{Family, Level, Precision, RuleMeta};

static META: RuleMeta = RuleMeta {
    id: "code-injection",
    name: "CodeInjection",
    short_description: "Request data is evaluated as program code",
    full_description: "A value read from the request reaches eval, exec, compile, new Function, \
        vm.runInContext or a similar call that runs text as code in the service's own \
        interpreter. The client then runs any code with the service's privileges. Parse the \
        data (json.loads, JSON.parse, ast.literal_eval) or dispatch on an allow-list instead \
        of evaluating it.",
    family: Family::UnvalidatedInput,
    cwes: &[94, 95],
    security: true,
    security_severity: Some("9.8"),
    default_level: Level::Error,
    precision: Precision::High,
    languages: &["Python", "JavaScript", "TypeScript"],
    help_markdown: include_str!("../../../../docs/rules/code-injection.md"),
};

/// See the module documentation.
pub(crate) const RULE: SinkRule = SinkRule {
    meta: &META,
    kind: SinkKind::Code,
    what: "code",
    advice: "parse it as data (JSON, ast.literal_eval) or dispatch on an allow-list",
    request_severity: None,
};
