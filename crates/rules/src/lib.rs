//! Rules: what each rule concludes from the facts a file's query pass collected. Rules are
//! language-neutral: they see sinks, builds, assignments and calls, never a language's node
//! kinds, so a new framework or language is a query-pack edit, not a rule edit.
#![deny(missing_docs)]

pub mod dataflow;
pub mod db;
pub mod db_captures;
pub mod db_join;
mod facts;
pub mod fix;
mod literal;
mod loops;
mod recursion;
mod registry;
mod rules;
mod shape;
mod sink_rule;

pub use facts::{
    Build, BuildKind, Call, Def, FileFacts, Guard, GuardKind, Loop, LoopExit, MethodKind,
    Recursion, RetryFacts, Sanitizer, Scope, Shape, Sink, SinkKind,
};
pub use registry::{Registry, Rule};

/// A place in the file with a sentence about it (a code-flow step or a related location).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// First byte.
    pub start_byte: usize,
    /// End byte (exclusive).
    pub end_byte: usize,
    /// What happens there.
    pub message: String,
}

/// What a rule reports for one file; the engine turns it into a located, fingerprinted finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The rule's id.
    pub rule_id: &'static str,
    /// Byte range the finding covers (its first line is where it is reported).
    pub start_byte: usize,
    /// End of that range (exclusive).
    pub end_byte: usize,
    /// The flagged code, for the fingerprint (whitespace is collapsed later).
    pub code: String,
    /// A sentence naming the concrete thing.
    pub message: String,
    /// From where the value became non-constant to the sink (SARIF `codeFlows`).
    pub flow: Vec<Step>,
    /// The pieces worth seeing beside the finding (SARIF `relatedLocations`).
    pub related: Vec<Step>,
    /// A `security-severity` for this result that differs from its rule's (request data
    /// reaching an injection sink is worse than a constant-looking build).
    pub security_severity: Option<&'static str>,
    /// A level for this result that differs from its rule's default (a lower-precision case).
    pub level: Option<shipshape_core::Level>,
    /// A mechanical fix, when there is one (SARIF `fixes`).
    pub fix: Option<fix::HitFix>,
}
