//! Fleet scans: `shipshape batch MANIFEST --out DIR` and `shipshape merge`.
//!
//! - [`manifest`]: the `[[repo]]` list, checked strictly.
//! - [`checkout`]: local paths, or shallow git fetches into a reused work folder.
//! - [`store`]: one SQLite file with the per-file result cache and the run history.
//! - [`cached`]: the engine behind the cache, keyed by content, path and rule-set version.
//! - [`run`]: scheduling on one shared worker pool, one repository at a time per worker.
//! - [`shard`]: deterministic shares of the manifest, balanced by size.
//! - [`summary`], [`html`], [`merge`]: `summary.json`, `report.html`, combining shards.
//! - [`previous`]: the previous run's output folder, history for a store that has none.
//!
//! The CLI reads each repository's `shipshape.toml` (through [`run::Configure`]) and prints;
//! this crate does everything else.
#![deny(missing_docs)]

pub mod cached;
pub mod checkout;
pub mod html;
pub mod manifest;
pub mod merge;
pub mod previous;
pub mod run;
pub mod shard;
pub mod store;
pub mod summary;

use std::path::Path;

/// Write `summary.json` and `report.html` into `out`, each atomically.
pub fn write_outputs(out: &Path, summary: &summary::Summary) -> Result<(), String> {
    let json = out.join(summary::FILE_NAME);
    shipshape_report::write_atomically(&json, |w| {
        serde_json::to_writer_pretty(&mut *w, summary)?;
        w.write_all(b"\n")
    })
    .map_err(|e| format!("cannot write '{}': {e}", json.display()))?;
    let html = out.join("report.html");
    shipshape_report::write_atomically(&html, |w| w.write_all(html::render(summary).as_bytes()))
        .map_err(|e| format!("cannot write '{}': {e}", html.display()))
}

/// Copy a file so that the target is never seen half-written.
pub(crate) fn copy_atomically(from: &Path, to: &Path) -> Result<(), String> {
    let mut source =
        std::fs::File::open(from).map_err(|e| format!("cannot read '{}': {e}", from.display()))?;
    shipshape_report::write_atomically(to, |w| std::io::copy(&mut source, w).map(|_| ()))
        .map_err(|e| format!("cannot write '{}': {e}", to.display()))
}
