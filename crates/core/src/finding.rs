//! A finding: one rule, one place, one message.

use crate::Level;
use serde::{Deserialize, Serialize};

/// A span of source text. Lines are 1-based; columns are 1-based UTF-16 code units with an
/// exclusive end, as SARIF's `utf16CodeUnits` column kind wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Region {
    /// First line.
    pub start_line: usize,
    /// First column.
    pub start_column: usize,
    /// Last line.
    pub end_line: usize,
    /// Column just past the end.
    pub end_column: usize,
}

/// A place with a sentence: a step of a code flow or a related location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlowStep {
    /// Where.
    pub region: Region,
    /// What happens there.
    pub message: String,
}

/// A mechanical fix: what it does and the edits that do it (SARIF `fixes`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// One sentence: `pass user_id as a bound parameter`.
    pub description: String,
    /// Replacements in the finding's file, in source order, not overlapping.
    pub edits: Vec<Edit>,
}

/// Replace the text of `region` with `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    /// The text replaced.
    pub region: Region,
    /// What goes there.
    pub text: String,
}

/// One result of one rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's id.
    pub rule_id: &'static str,
    /// Effective level.
    pub level: Level,
    /// Repo-relative `/`-separated path.
    pub path: String,
    /// Where.
    pub region: Region,
    /// A sentence naming the concrete thing.
    pub message: String,
    /// Name of the enclosing function (`<module>` at top level).
    pub function: String,
    /// Line-insensitive fingerprint (`hash:occurrence`), see [`crate::FingerprintBuilder`].
    pub fingerprint: String,
    /// GitHub's `primaryLocationLineHash` for `region.start_line`.
    pub line_hash: String,
    /// The text of the first line of the region (for text output).
    pub line_text: String,
    /// The whole lines the region spans, when there are few enough to show (SARIF
    /// `contextRegion` snippet).
    pub context: Option<String>,
    /// How the flagged value got there, from where it became non-constant (SARIF `codeFlows`).
    pub flow: Vec<FlowStep>,
    /// Pieces worth seeing beside the finding (SARIF `relatedLocations`).
    pub related: Vec<FlowStep>,
    /// This result's `security-severity` when it differs from its rule's (request data
    /// reaching an injection sink).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_severity: Option<&'static str>,
    /// Why it is suppressed in the source (`shipshape: ignore[rule] reason`), if it is: kept in
    /// reports (SARIF `suppressions`), left out of the exit code and the text output.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<String>,
    /// A mechanical fix, when the rule has one for this case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

impl Finding {
    /// The sort key that makes output deterministic: path, line, column, rule.
    pub fn sort_key(&self) -> (&str, usize, usize, &str, usize, usize) {
        (
            &self.path,
            self.region.start_line,
            self.region.start_column,
            self.rule_id,
            self.region.end_line,
            self.region.end_column,
        )
    }
}
