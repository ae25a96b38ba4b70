//! Rules: what each rule concludes from the facts a file's query pass collected. Rules are
//! language-neutral: they see sinks, builds and literals, never a language's node kinds, so a
//! new framework or language is a query-pack edit, not a rule edit.
#![deny(missing_docs)]

mod facts;
mod registry;
mod rules;

pub use facts::{Build, FileFacts, FunctionScope, Sanitizer, Sink, SinkKind};
pub use registry::{Registry, Rule};

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
}
