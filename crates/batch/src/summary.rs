//! `summary.json`: one row per repository (status, counts, what is new and fixed since the
//! previous run, findings by rule and level, its trend) and the fleet's totals and trend. It
//! carries everything `report.html` shows, so `shipshape merge` rebuilds both from the
//! shards' summaries alone.

use serde::{Deserialize, Serialize};
use shipshape_core::Level;
use std::collections::BTreeMap;
use std::path::Path;

/// The file name in the output folder.
pub const FILE_NAME: &str = "summary.json";

/// Most new and most fixed findings listed per repository (the counts are always whole).
pub const MAX_LISTED: usize = 50;

/// Most past runs a trend shows.
pub const TREND_RUNS: usize = 30;

/// A repository's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Scanned; its SARIF is in the output folder.
    Ok,
    /// Not scanned: see `error`.
    Failed,
}

/// Findings at each level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelCounts {
    /// `error`
    pub error: u64,
    /// `warning`
    pub warning: u64,
    /// `note`
    pub note: u64,
}

impl LevelCounts {
    /// Count one finding of `level`.
    pub fn add(&mut self, level: Level) {
        match level {
            Level::Error => self.error += 1,
            Level::Warning => self.warning += 1,
            Level::Note => self.note += 1,
        }
    }

    /// The count at `level`.
    pub fn get(&self, level: Level) -> u64 {
        match level {
            Level::Error => self.error,
            Level::Warning => self.warning,
            Level::Note => self.note,
        }
    }

    /// How many are at or above `level`.
    pub fn at_or_above(&self, level: Level) -> u64 {
        Level::ALL
            .iter()
            .filter(|&&l| l >= level)
            .map(|&l| self.get(l))
            .sum()
    }

    /// All levels together.
    pub fn total(&self) -> u64 {
        self.error + self.warning + self.note
    }

    fn merge(&mut self, other: &LevelCounts) {
        self.error += other.error;
        self.warning += other.warning;
        self.note += other.note;
    }
}

/// One rule's unsuppressed findings in a repository.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleCount {
    /// The rule id.
    pub rule: String,
    /// Its family tag.
    pub family: String,
    /// By level.
    pub levels: LevelCounts,
}

/// A finding that appeared or went away since the previous run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The rule id.
    pub rule: String,
    /// Its level.
    pub level: Level,
    /// Repo-relative path.
    pub path: String,
    /// Its line (then, for a fixed one).
    pub line: usize,
    /// Its message.
    pub message: String,
}

/// One point of a trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrendPoint {
    /// The run's label (`--run-id`, or its start time).
    pub run: String,
    /// When it started, seconds since the epoch.
    pub started: i64,
    /// Unsuppressed findings.
    pub findings: u64,
}

/// One repository's row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepoSummary {
    /// Its manifest name.
    pub name: String,
    /// `ok` or `failed`.
    pub status: Status,
    /// Why it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Its SARIF category.
    pub category: String,
    /// The SARIF file in the output folder (`<name>.sarif`), when it succeeded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sarif: Option<String>,
    /// Unsuppressed findings.
    pub findings: u64,
    /// Unsuppressed findings by level.
    pub levels: LevelCounts,
    /// Findings suppressed in the source.
    pub suppressed: u64,
    /// Findings that the previous run did not have (all of them on a first run).
    pub new: u64,
    /// New findings by level (what `--fail-on` looks at).
    pub new_levels: LevelCounts,
    /// Findings of the previous run that are gone.
    pub fixed: u64,
    /// Whether there was a previous run to compare with.
    pub compared: bool,
    /// Files analysed afresh in this run.
    pub files_analyzed: u64,
    /// Files whose results came from the cache.
    pub files_cached: u64,
    /// Files skipped (too large, binary, minified, unreadable).
    pub files_skipped: u64,
    /// Bytes of the files scanned (analysed or cached): the size that schedules and shards.
    pub bytes: u64,
    /// Lines of those files.
    pub lines: u64,
    /// Wall-clock milliseconds spent on it (checkout included).
    pub elapsed_ms: u64,
    /// Of which the repository-level missing-index join, recomputed on every run from the
    /// files' facts (fresh or cached).
    #[serde(default)]
    pub join_ms: u64,
    /// Unsuppressed findings by rule, sorted by rule id.
    pub rules: Vec<RuleCount>,
    /// The first [`MAX_LISTED`] new findings.
    pub new_findings: Vec<Change>,
    /// The first [`MAX_LISTED`] fixed findings.
    pub fixed_findings: Vec<Change>,
    /// Its findings over past runs, oldest first, this run last.
    pub trend: Vec<TrendPoint>,
}

impl RepoSummary {
    /// A failed repository's row.
    pub fn failed(name: &str, category: &str, error: String) -> Self {
        RepoSummary {
            name: name.to_string(),
            status: Status::Failed,
            error: Some(error),
            category: category.to_string(),
            sarif: None,
            findings: 0,
            levels: LevelCounts::default(),
            suppressed: 0,
            new: 0,
            new_levels: LevelCounts::default(),
            fixed: 0,
            compared: false,
            files_analyzed: 0,
            files_cached: 0,
            files_skipped: 0,
            bytes: 0,
            lines: 0,
            elapsed_ms: 0,
            join_ms: 0,
            rules: Vec::new(),
            new_findings: Vec::new(),
            fixed_findings: Vec::new(),
            trend: Vec::new(),
        }
    }
}

/// The fleet's totals.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Repositories in the summary.
    pub repositories: u64,
    /// Of which succeeded.
    pub ok: u64,
    /// Of which failed.
    pub failed: u64,
    /// Unsuppressed findings.
    pub findings: u64,
    /// By level.
    pub levels: LevelCounts,
    /// Suppressed in the source.
    pub suppressed: u64,
    /// New since the previous run.
    pub new: u64,
    /// New by level.
    pub new_levels: LevelCounts,
    /// Fixed since the previous run.
    pub fixed: u64,
    /// Files analysed afresh.
    pub files_analyzed: u64,
    /// Files from the cache.
    pub files_cached: u64,
    /// Files skipped.
    pub files_skipped: u64,
    /// Bytes scanned.
    pub bytes: u64,
    /// Lines scanned.
    pub lines: u64,
}

/// The whole `summary.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The version of this file's shape.
    pub format: u32,
    /// shipshape's version.
    pub tool_version: String,
    /// The run's label.
    pub run: String,
    /// The shards it combines (`0/2`, `1/2`), or none for a whole batch.
    #[serde(default)]
    pub shards: Vec<String>,
    /// Totals over the repositories.
    pub totals: Totals,
    /// The fleet's unsuppressed findings over past runs, oldest first, this run last.
    pub trend: Vec<TrendPoint>,
    /// Every repository, sorted by name.
    pub repositories: Vec<RepoSummary>,
}

impl Summary {
    /// A summary of `repositories` (sorted here), with totals and the fleet trend.
    pub fn new(run: &str, shards: Vec<String>, mut repositories: Vec<RepoSummary>) -> Self {
        repositories.sort_by(|a, b| a.name.cmp(&b.name));
        let mut totals = Totals::default();
        for repo in &repositories {
            totals.repositories += 1;
            match repo.status {
                Status::Ok => totals.ok += 1,
                Status::Failed => totals.failed += 1,
            }
            totals.findings += repo.findings;
            totals.levels.merge(&repo.levels);
            totals.suppressed += repo.suppressed;
            totals.new += repo.new;
            totals.new_levels.merge(&repo.new_levels);
            totals.fixed += repo.fixed;
            totals.files_analyzed += repo.files_analyzed;
            totals.files_cached += repo.files_cached;
            totals.files_skipped += repo.files_skipped;
            totals.bytes += repo.bytes;
            totals.lines += repo.lines;
        }
        Summary {
            format: 1,
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            run: run.to_string(),
            shards,
            trend: fleet_trend(&repositories),
            totals,
            repositories,
        }
    }

    /// The exit code of a batch or merge: 2 when a repository failed, 1 when findings at or
    /// above `fail_on` are new, else 0.
    pub fn exit_code(&self, fail_on: Option<Level>) -> u8 {
        if self.totals.failed > 0 {
            2
        } else if fail_on.is_some_and(|level| self.totals.new_levels.at_or_above(level) > 0) {
            1
        } else {
            0
        }
    }

    /// Read a `summary.json`.
    pub fn read(path: &Path) -> Result<Summary, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read '{}': {e}", path.display()))?;
        serde_json::from_str(&text)
            .map_err(|e| format!("'{}' is not a shipshape summary: {e}", path.display()))
    }

    /// Bytes per repository, for balancing shards.
    pub fn sizes(&self) -> std::collections::HashMap<String, u64> {
        self.repositories
            .iter()
            .filter(|r| r.status == Status::Ok)
            .map(|r| (r.name.clone(), r.bytes))
            .collect()
    }
}

/// The fleet's findings per run: each repository's trend summed by run label, ordered by
/// when the runs started. Shards of one night share a label (`--run-id`).
fn fleet_trend(repositories: &[RepoSummary]) -> Vec<TrendPoint> {
    let mut by_run: BTreeMap<String, (i64, u64)> = BTreeMap::new();
    for point in repositories.iter().flat_map(|r| &r.trend) {
        let entry = by_run
            .entry(point.run.clone())
            .or_insert((point.started, 0));
        entry.0 = entry.0.min(point.started);
        entry.1 += point.findings;
    }
    let mut trend: Vec<TrendPoint> = by_run
        .into_iter()
        .map(|(run, (started, findings))| TrendPoint {
            run,
            started,
            findings,
        })
        .collect();
    trend.sort_by(|a, b| (a.started, &a.run).cmp(&(b.started, &b.run)));
    let skip = trend.len().saturating_sub(TREND_RUNS);
    trend.drain(..skip);
    trend
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo(name: &str, findings: u64, trend: &[(&str, i64, u64)]) -> RepoSummary {
        let mut repo = RepoSummary::failed(name, name, String::new());
        repo.status = Status::Ok;
        repo.error = None;
        repo.findings = findings;
        repo.levels.error = findings;
        repo.new = 1;
        repo.new_levels.note = 1;
        repo.trend = trend
            .iter()
            .map(|&(run, started, findings)| TrendPoint {
                run: run.into(),
                started,
                findings,
            })
            .collect();
        repo
    }

    #[test]
    fn totals_trend_and_exit_code() {
        let summary = Summary::new(
            "n2",
            Vec::new(),
            vec![
                repo("b", 3, &[("n1", 10, 4), ("n2", 20, 3)]),
                repo("a", 2, &[("n2", 21, 2)]),
                RepoSummary::failed("c", "c", "gone".into()),
            ],
        );
        assert_eq!(
            summary
                .repositories
                .iter()
                .map(|r| r.name.as_str())
                .collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        assert_eq!((summary.totals.ok, summary.totals.failed), (2, 1));
        assert_eq!(summary.totals.findings, 5);
        assert_eq!(
            summary
                .trend
                .iter()
                .map(|p| (p.run.as_str(), p.findings))
                .collect::<Vec<_>>(),
            [("n1", 4), ("n2", 5)]
        );
        assert_eq!(summary.exit_code(Some(Level::Warning)), 2);
        let ok = Summary::new("n", Vec::new(), summary.repositories[..2].to_vec());
        assert_eq!(ok.exit_code(Some(Level::Warning)), 0, "new notes only");
        assert_eq!(ok.exit_code(Some(Level::Note)), 1);
        assert_eq!(ok.exit_code(None), 0);
    }
}
