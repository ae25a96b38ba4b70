//! `command-injection`: a shell command line built from a non-constant part reaches a shell.

use crate::sink_rule::SinkRule;
use crate::SinkKind;
use shipshape_core::{Family, Level, Precision, RuleMeta};

static META: RuleMeta = RuleMeta {
    id: "command-injection",
    name: "CommandInjection",
    short_description: "A shell command built from a non-constant string is run by a shell",
    full_description: "A command line is assembled with string formatting, interpolation or \
        concatenation from a value that is not a constant, and handed to a shell (os.system, \
        subprocess with shell=True, child_process.exec, sh -c). Shell metacharacters in that \
        value (; | & $() `) run further commands with the service's privileges. Pass an \
        argument list to a program without a shell instead.",
    family: Family::Injection,
    cwes: &[78],
    security: true,
    security_severity: Some("9.8"),
    default_level: Level::Error,
    precision: Precision::High,
    languages: &["Python", "JavaScript", "TypeScript", "Rust"],
    help_markdown: include_str!("../../../../docs/rules/command-injection.md"),
};

/// See the module documentation.
pub(crate) const RULE: SinkRule = SinkRule {
    meta: &META,
    kind: SinkKind::Shell,
    what: "command line",
    advice: "pass an argument list without a shell",
    request_severity: Some("10.0"),
};
