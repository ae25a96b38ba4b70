//! Rendering a [`ScanResult`] for people and tools: text (rustc/ripgrep style), shipshape's own
//! JSON, and SARIF 2.1.0 for GitHub code scanning and IDE viewers. Every format implements
//! [`Reporter`]; [`write_atomically`] puts a report in place with a temp file and a rename, so
//! a reader never sees half a file.
#![deny(missing_docs)]

mod atomic;
mod json;
mod sarif;
mod text;
mod uri;

pub use atomic::write_atomically;
pub use json::JsonReporter;
pub use sarif::{SarifReporter, SARIF_SCHEMA_URI};
pub use text::TextReporter;

use shipshape_core::{RuleMeta, ScanResult};
use std::io::{self, Write};

/// What a report needs besides the scan result.
#[derive(Debug, Clone)]
pub struct ReportContext {
    /// Every rule the scan ran, sorted by id.
    pub rules: Vec<&'static RuleMeta>,
    /// `--category`: SARIF `automationDetails.id` is `<category>/`.
    pub category: Option<String>,
    /// shipshape's version (SARIF `semanticVersion`).
    pub tool_version: &'static str,
    /// Whether text output may use colour.
    pub color: bool,
}

/// An output format.
pub trait Reporter {
    /// Render `result` to `out`.
    fn render(
        &self,
        result: &ScanResult,
        context: &ReportContext,
        out: &mut dyn Write,
    ) -> io::Result<()>;
}

/// The formats `--format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For people.
    Text,
    /// shipshape's own JSON.
    Json,
    /// SARIF 2.1.0.
    Sarif,
}

impl Format {
    /// The reporter for this format.
    pub fn reporter(self) -> Box<dyn Reporter> {
        match self {
            Format::Text => Box::new(TextReporter),
            Format::Json => Box::new(JsonReporter),
            Format::Sarif => Box::new(SarifReporter),
        }
    }
}
