//! The result of a whole scan: what every report format renders.

use crate::{Finding, Level, Notification};
use serde::Serialize;
use std::path::PathBuf;

/// Counts for the one-line summary and the benchmarks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ScanSummary {
    /// Files parsed and analysed (possibly with recovered syntax errors).
    pub files_analyzed: usize,
    /// Files left out (too large, binary, minified, unreadable, failed).
    pub files_skipped: usize,
    /// Lines of the analysed files.
    pub lines: usize,
    /// Bytes of the analysed files.
    pub bytes: usize,
    /// Wall-clock time of the scan, in milliseconds (not part of any deterministic output).
    pub elapsed_ms: u64,
    /// Of which the repository-level missing-index join, in milliseconds.
    pub join_ms: u64,
}

/// Findings and notifications of one scan, sorted deterministically.
#[derive(Debug, Clone, Default)]
pub struct ScanResult {
    /// The absolute folder that result paths are relative to (SARIF `%SRCROOT%`).
    pub root: PathBuf,
    /// Findings sorted by path, line, column, rule.
    pub findings: Vec<Finding>,
    /// Notifications sorted by path, line, kind.
    pub notifications: Vec<Notification>,
    /// Counts.
    pub summary: ScanSummary,
    /// False when some file's analysis failed internally (a panic).
    pub execution_successful: bool,
}

impl ScanResult {
    /// How many findings there are at each level (note, warning, error).
    pub fn count_by_level(&self) -> [(Level, usize); 3] {
        Level::ALL.map(|level| {
            (
                level,
                self.findings.iter().filter(|f| f.level == level).count(),
            )
        })
    }
}
