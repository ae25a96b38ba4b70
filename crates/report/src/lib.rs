//! Rendering a [`ScanResult`] for people and tools: text (rustc/ripgrep style), shipshape's own
//! JSON, SARIF 2.1.0 for GitHub code scanning and IDE viewers, GitHub workflow commands, JUnit
//! XML and GitLab's SAST report. Every format implements [`Reporter`]; [`write_atomically`]
//! puts a report in place with a temp file and a rename, so a reader never sees half a file.
//! [`Baseline`] compares a scan with an earlier report, and [`github_upload_warnings`] checks a
//! SARIF log against GitHub's upload limits.
#![deny(missing_docs)]

mod atomic;
mod baseline;
mod github;
mod gitlab;
mod json;
mod junit;
mod limits;
mod sarif;
mod text;
mod uri;
mod utc;

pub use atomic::write_atomically;
pub use baseline::{
    gating_findings, Baseline, BaselineError, BaselineResult, BaselineState, Comparison,
};
pub use github::GithubReporter;
pub use gitlab::{GitlabReporter, GITLAB_SCHEMA_VERSION};
pub use json::JsonReporter;
pub use junit::JunitReporter;
pub use limits::{github_upload_warnings, UploadLimits};
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
    /// `--baseline`: the scan compared with an earlier report. Gating formats (text, github,
    /// junit) then show only `new` findings; SARIF and JSON carry every state.
    pub baseline: Option<Comparison>,
    /// `--sarif-absolute-root`: SARIF `originalUriBaseIds` holds the scan root as an absolute
    /// `file://` URI (for local viewers) instead of a portable description.
    pub absolute_root: bool,
    /// `--verbose`: the text output also lists the schema notes (queries on tables the
    /// repository's schema does not define), which it otherwise only counts.
    pub verbose: bool,
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
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML for CI test reports.
    Junit,
    /// GitLab's SAST security report.
    Gitlab,
}

impl Format {
    /// The reporter for this format.
    pub fn reporter(self) -> Box<dyn Reporter> {
        match self {
            Format::Text => Box::new(TextReporter),
            Format::Json => Box::new(JsonReporter),
            Format::Sarif => Box::new(SarifReporter),
            Format::Github => Box::new(GithubReporter),
            Format::Junit => Box::new(JunitReporter),
            Format::Gitlab => Box::new(GitlabReporter),
        }
    }
}
