//! Baselines: compare a scan with an earlier report of the same repository, so that CI fails
//! only on what a change introduced.
//!
//! A result's identity is its rule id, its path and its line-insensitive `shipshape/v1`
//! fingerprint (0003); the line number never takes part, so results survive code moving above
//! them. Each current finding becomes `new`, `unchanged` or `updated` (same identity, different
//! message or level); baseline results with no current match are `absent`. The comparison is
//! kept beside the [`ScanResult`](shipshape_core::ScanResult) in the
//! [`ReportContext`](crate::ReportContext) rather than inside the findings, so the scanner and
//! the core types know nothing about baselines.

mod read;

pub use read::BaselineError;

use serde::{Deserialize, Serialize};
use shipshape_core::{Finding, Level, Region};
use std::collections::HashMap;

/// A result's state relative to the baseline (SARIF `baselineState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BaselineState {
    /// Not in the baseline: introduced since.
    New,
    /// In the baseline with the same message and level.
    Unchanged,
    /// In the baseline, but its message or level changed.
    Updated,
    /// In the baseline, gone now (fixed, or its code removed).
    Absent,
}

impl BaselineState {
    /// SARIF's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            BaselineState::New => "new",
            BaselineState::Unchanged => "unchanged",
            BaselineState::Updated => "updated",
            BaselineState::Absent => "absent",
        }
    }
}

/// One result read from a baseline report: what matching needs, and what an `absent` result
/// needs to be written again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineResult {
    /// The rule's id (possibly one this build no longer has).
    pub rule_id: String,
    /// Its level then.
    pub level: Level,
    /// Repo-relative `/`-separated path.
    pub path: String,
    /// Where it was then.
    pub region: Region,
    /// Its message then.
    pub message: String,
    /// The `shipshape/v1` fingerprint.
    pub fingerprint: String,
    /// GitHub's `primaryLocationLineHash` then.
    pub line_hash: String,
}

impl From<&Finding> for BaselineResult {
    /// What a baseline keeps of a finding of this run (a batch's run history keeps the same).
    fn from(finding: &Finding) -> Self {
        BaselineResult {
            rule_id: finding.rule_id.to_string(),
            level: finding.level,
            path: finding.path.clone(),
            region: finding.region,
            message: finding.message.clone(),
            fingerprint: finding.fingerprint.clone(),
            line_hash: finding.line_hash.clone(),
        }
    }
}

/// The results of an earlier report.
#[derive(Debug, Clone)]
pub struct Baseline {
    /// Where it came from, for messages (the file name as given).
    pub source: String,
    /// Its results, in file order.
    pub results: Vec<BaselineResult>,
}

/// A scan compared with a baseline.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    /// The baseline's name, for messages.
    pub source: String,
    /// One state per finding of the compared [`ScanResult`](shipshape_core::ScanResult), in
    /// the same order (never `Absent`).
    pub states: Vec<BaselineState>,
    /// Baseline results with no current match, sorted by path, line, rule and fingerprint.
    pub absent: Vec<BaselineResult>,
}

type Identity<'a> = (&'a str, &'a str, &'a str);

impl Baseline {
    /// Read a baseline from the bytes of a SARIF log or a shipshape JSON report; `source`
    /// names it in errors.
    pub fn parse(source: &str, bytes: &[u8]) -> Result<Baseline, BaselineError> {
        read::parse(source, bytes)
    }

    /// Compare `findings` (a scan's, in its order) with this baseline.
    pub fn compare(&self, findings: &[Finding]) -> Comparison {
        let mut unmatched: HashMap<Identity<'_>, Vec<usize>> = HashMap::new();
        for (index, old) in self.results.iter().enumerate().rev() {
            unmatched
                .entry((&old.rule_id, &old.path, &old.fingerprint))
                .or_default()
                .push(index);
        }
        let mut matched = vec![false; self.results.len()];
        let states = findings
            .iter()
            .map(|finding| {
                let identity = (
                    finding.rule_id,
                    finding.path.as_str(),
                    &*finding.fingerprint,
                );
                let Some(index) = unmatched.get_mut(&identity).and_then(Vec::pop) else {
                    return BaselineState::New;
                };
                matched[index] = true;
                let old = &self.results[index];
                if old.message == finding.message && old.level == finding.level {
                    BaselineState::Unchanged
                } else {
                    BaselineState::Updated
                }
            })
            .collect();
        let mut absent: Vec<BaselineResult> = self
            .results
            .iter()
            .zip(&matched)
            .filter(|(_, &was_matched)| !was_matched)
            .map(|(old, _)| old.clone())
            .collect();
        absent.sort_by(|a, b| {
            (&a.path, a.region.start_line, &a.rule_id, &a.fingerprint).cmp(&(
                &b.path,
                b.region.start_line,
                &b.rule_id,
                &b.fingerprint,
            ))
        });
        Comparison {
            source: self.source.clone(),
            states,
            absent,
        }
    }
}

impl Comparison {
    /// The state of the finding at `index` of the compared scan (`New` past the end).
    pub fn state(&self, index: usize) -> BaselineState {
        self.states
            .get(index)
            .copied()
            .unwrap_or(BaselineState::New)
    }

    /// How many results are in `state`.
    pub fn count(&self, state: BaselineState) -> usize {
        match state {
            BaselineState::Absent => self.absent.len(),
            _ => self.states.iter().filter(|&&s| s == state).count(),
        }
    }

    /// One line on what the baseline hid, e.g. `baseline 'main.sarif': 3 unchanged, 1
    /// updated, 2 absent`.
    pub fn summary(&self) -> String {
        format!(
            "baseline '{}': {} new, {} unchanged, {} updated, {} absent",
            self.source,
            self.count(BaselineState::New),
            self.count(BaselineState::Unchanged),
            self.count(BaselineState::Updated),
            self.count(BaselineState::Absent),
        )
    }
}

/// The findings that gate a build and that people are shown: all of them without a baseline,
/// only the `new` ones with one.
pub fn gating_findings<'a>(
    findings: &'a [Finding],
    baseline: Option<&Comparison>,
) -> Vec<&'a Finding> {
    findings
        .iter()
        .enumerate()
        .filter(|(index, _)| baseline.is_none_or(|c| c.state(*index) == BaselineState::New))
        .map(|(_, finding)| finding)
        // Suppressed in the source: kept in SARIF and JSON, never shown or counted.
        .filter(|finding| finding.suppressed.is_none())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule_id: &'static str, path: &str, fingerprint: &str, line: usize) -> Finding {
        Finding {
            rule_id,
            level: Level::Error,
            path: path.to_string(),
            region: Region {
                start_line: line,
                start_column: 1,
                end_line: line,
                end_column: 9,
            },
            message: format!("{rule_id} message"),
            function: "f".to_string(),
            fingerprint: fingerprint.to_string(),
            line_hash: "abc:1".to_string(),
            line_text: String::new(),
            context: None,
            flow: Vec::new(),
            related: Vec::new(),
            security_severity: None,
            suppressed: None,
            fix: None,
        }
    }

    fn old(finding: &Finding) -> BaselineResult {
        BaselineResult::from(finding)
    }

    #[test]
    fn identity_is_rule_path_and_fingerprint_never_the_line() {
        let before = [
            finding("sql-injection", "a.py", "aaaa:1", 3),
            finding("sql-injection", "a.py", "bbbb:1", 9),
            finding("xss", "b.js", "cccc:1", 2),
        ];
        let baseline = Baseline {
            source: "base.sarif".to_string(),
            results: before.iter().map(old).collect(),
        };
        let mut moved = finding("sql-injection", "a.py", "aaaa:1", 10);
        moved.level = Level::Warning;
        let now = [
            moved,                                          // updated: level changed
            finding("sql-injection", "a.py", "bbbb:1", 16), // unchanged, 7 lines lower
            finding("sql-injection", "a.py", "dddd:1", 20), // new
            finding("xss", "c.js", "cccc:1", 2),            // same fingerprint, other path: new
        ];
        let comparison = baseline.compare(&now);
        assert_eq!(
            comparison.states,
            [
                BaselineState::Updated,
                BaselineState::Unchanged,
                BaselineState::New,
                BaselineState::New
            ]
        );
        assert_eq!(comparison.absent, [old(&before[2])]);
        assert_eq!(
            comparison.summary(),
            "baseline 'base.sarif': 2 new, 1 unchanged, 1 updated, 1 absent"
        );
        let gating: Vec<&str> = gating_findings(&now, Some(&comparison))
            .iter()
            .map(|f| f.fingerprint.as_str())
            .collect();
        assert_eq!(gating, ["dddd:1", "cccc:1"]);
        assert_eq!(gating_findings(&now, None).len(), 4);
    }

    #[test]
    fn a_baseline_result_matches_at_most_once() {
        let twin = finding("sql-injection", "a.py", "aaaa:1", 3);
        let baseline = Baseline {
            source: "b".to_string(),
            results: vec![old(&twin)],
        };
        let comparison = baseline.compare(&[twin.clone(), twin]);
        assert_eq!(
            comparison.states,
            [BaselineState::Unchanged, BaselineState::New]
        );
        assert!(comparison.absent.is_empty());
    }
}
