//! What analysing one file produced.

use shipshape_core::{Finding, Notification};
use shipshape_lang::FileKind;

/// The result of analysing one file.
#[derive(Debug, Clone)]
pub struct FileOutcome {
    /// Repo-relative `/`-separated path.
    pub path: String,
    /// What it is.
    pub kind: FileKind,
    /// Size in bytes.
    pub bytes: usize,
    /// Number of lines (0 when the file was skipped before decoding).
    pub lines: usize,
    /// Whether it was parsed (possibly with recovered syntax errors).
    pub analyzed: bool,
    /// Findings, in source order.
    pub findings: Vec<Finding>,
    /// Why it was skipped or only partly analysed.
    pub notifications: Vec<shipshape_core::Notification>,
    /// What it tells the repository-level missing-index join (`None` when nothing).
    pub db: Option<shipshape_rules::db::FileDb>,
    /// Its inline suppressions that take effect.
    pub suppressions: Vec<crate::Directive>,
    /// Read only for the repository's schema (`--changed-since`: an unchanged file): no
    /// findings, not counted as analysed.
    pub context_only: bool,
}

impl FileOutcome {
    /// An outcome with nothing in it yet.
    pub fn new(path: &str, kind: FileKind, bytes: usize) -> Self {
        FileOutcome {
            path: path.to_string(),
            kind,
            bytes,
            lines: 0,
            analyzed: false,
            findings: Vec::new(),
            notifications: Vec::new(),
            db: None,
            suppressions: Vec::new(),
            context_only: false,
        }
    }

    /// An outcome for a file that was never analysed, with the reason.
    pub fn skipped(path: &str, kind: FileKind, bytes: usize, why: Notification) -> Self {
        let mut outcome = Self::new(path, kind, bytes);
        outcome.notifications.push(why);
        outcome
    }
}
