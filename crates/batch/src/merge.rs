//! `shipshape merge DIR… --out DIR`: the shards' outputs as one batch's. Every shard's
//! `<name>.sarif` is copied into the output folder, and the shards' `summary.json` rows are
//! combined into one summary (totals and fleet trend recomputed) and one `report.html`.

use crate::summary::{RepoSummary, Summary};
use std::path::{Path, PathBuf};

/// Combine the summaries in `inputs` (folders holding a `summary.json` and the SARIF files
/// it names) into `out`; the merged summary. A repository in two shards is an error: the
/// shards did not come from one assignment.
pub fn merge(inputs: &[PathBuf], out: &Path) -> Result<Summary, String> {
    let mut rows: Vec<RepoSummary> = Vec::new();
    let mut shards = Vec::new();
    let mut run: Option<String> = None;
    std::fs::create_dir_all(out)
        .map_err(|e| format!("cannot create the output folder '{}': {e}", out.display()))?;
    for input in inputs {
        let summary = Summary::read(&input.join(crate::summary::FILE_NAME))?;
        run.get_or_insert_with(|| summary.run.clone());
        shards.extend(summary.shards.iter().cloned());
        for row in summary.repositories {
            if let Some(earlier) = rows.iter().find(|r| r.name == row.name) {
                return Err(format!(
                    "repository '{}' is in two shards ('{}' and another one): merge the shards of one run",
                    earlier.name,
                    input.display()
                ));
            }
            if let Some(sarif) = &row.sarif {
                let from = input.join(sarif);
                let to = out.join(sarif);
                if from != to {
                    crate::copy_atomically(&from, &to)?;
                }
            }
            rows.push(row);
        }
    }
    shards.sort();
    shards.dedup();
    let summary = Summary::new(run.as_deref().unwrap_or(""), shards, rows);
    crate::write_outputs(out, &summary)?;
    Ok(summary)
}
