//! `--previous DIR`: the output folder of the previous run (a merged one, in a distributed
//! setup). The store's own history comes first; this folder answers only for repositories
//! the store has never seen finish, e.g. one that moved to this shard because the sizes
//! changed, or a shard machine whose cache was lost. Its `<name>.sarif` gives the findings to
//! compare with (suppressed ones left out, as the store keeps them), its `summary.json` the
//! trend.

use crate::summary::{Summary, TrendPoint};
use shipshape_report::{Baseline, BaselineResult};
use std::path::PathBuf;

/// A previous run's output folder.
#[derive(Debug)]
pub struct Previous {
    folder: PathBuf,
    summary: Option<Summary>,
}

impl Previous {
    /// The folder; its `summary.json` is read now if it has one.
    pub fn new(folder: PathBuf) -> Previous {
        let summary = Summary::read(&folder.join(crate::summary::FILE_NAME)).ok();
        Previous { folder, summary }
    }

    /// The unsuppressed findings of `repo` in that run; `None` when it has no SARIF for it.
    pub fn results(&self, repo: &str) -> Option<Vec<BaselineResult>> {
        let path = self.folder.join(format!("{repo}.sarif"));
        let mut log: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).ok()?).ok()?;
        for run in log.get_mut("runs")?.as_array_mut()? {
            if let Some(results) = run.get_mut("results").and_then(|r| r.as_array_mut()) {
                results.retain(|r| {
                    r.get("suppressions")
                        .and_then(|s| s.as_array())
                        .is_none_or(|s| s.is_empty())
                });
            }
        }
        let bytes = serde_json::to_vec(&log).ok()?;
        Baseline::parse(&path.display().to_string(), &bytes)
            .ok()
            .map(|b| b.results)
    }

    /// `repo`'s trend in that run, without a point of run `current` (a resumed night).
    pub fn trend(&self, repo: &str, current: &str) -> Vec<TrendPoint> {
        self.summary
            .as_ref()
            .and_then(|s| s.repositories.iter().find(|r| r.name == repo))
            .map(|r| {
                r.trend
                    .iter()
                    .filter(|p| p.run != current)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }
}
