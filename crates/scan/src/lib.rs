//! The scanner: discover files under the given paths (respecting ignore files, never leaving
//! the scanned root through a symlink), read them, analyse each on a rayon worker, and merge
//! the per-file outcomes into one deterministically sorted [`ScanResult`]. A file that cannot
//! be read, or whose analysis panics, becomes a notification; the scan goes on.
#![deny(missing_docs)]

mod analyze;
mod options;
mod panic_guard;
mod suppress;
mod walk;

pub use analyze::FileAnalyzer;
pub use options::{ScanError, ScanOptions, DEFAULT_EXCLUDED_DIRS};
pub use walk::{discover, Candidate, Discovery};

use shipshape_core::{Notification, NotificationKind, ScanResult, ScanSummary};
use shipshape_engine::FileOutcome;
use shipshape_rules::db_join;
use std::time::Instant;

/// Told about progress; the CLI draws a progress bar with it.
pub trait ScanObserver: Sync {
    /// Discovery finished: this many files will be analysed.
    fn discovered(&self, _files: usize) {}
    /// One more file finished.
    fn file_done(&self) {}
}

/// An observer that ignores everything.
#[derive(Debug)]
pub struct Silent;
impl ScanObserver for Silent {}

/// Scan `options.paths` with `analyzer` on a pool of `options.threads` workers of its own.
pub fn scan(
    options: &ScanOptions,
    analyzer: &dyn FileAnalyzer,
    observer: &dyn ScanObserver,
) -> Result<ScanResult, ScanError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
        .map_err(|e| ScanError::Threads(e.to_string()))?;
    pool.install(|| scan_in_current_pool(options, analyzer, observer))
}

/// Scan like [`scan`], but analyse the files on the rayon pool the caller runs in (the global
/// pool outside one). A batch runs several repositories at once on one shared pool this way,
/// so idle workers take files of whichever repository still has some.
pub fn scan_in_current_pool(
    options: &ScanOptions,
    analyzer: &dyn FileAnalyzer,
    observer: &dyn ScanObserver,
) -> Result<ScanResult, ScanError> {
    let started = Instant::now();
    let discovery = discover(options)?;
    observer.discovered(discovery.files.len());
    let mut languages: Vec<_> = discovery
        .files
        .iter()
        .filter_map(|c| c.kind.language())
        .collect();
    languages.sort();
    languages.dedup();
    analyzer.prepare(&languages);
    panic_guard::install();
    let outcomes: Vec<FileOutcome> = {
        use rayon::prelude::*;
        discovery
            .files
            .par_iter()
            .map_init(
                || analyzer.new_workspace(),
                |workspace, candidate| {
                    let outcome = analyze::analyze_file(analyzer, workspace, candidate, options);
                    observer.file_done();
                    outcome
                },
            )
            .collect()
    };
    Ok(merge(discovery, outcomes, options, started))
}

/// Merge per-file outcomes into one sorted result, after the repository-level join.
fn merge(
    discovery: Discovery,
    outcomes: Vec<FileOutcome>,
    options: &ScanOptions,
    started: Instant,
) -> ScanResult {
    let mut summary = ScanSummary::default();
    let mut findings = Vec::new();
    let mut notifications = discovery.notifications;
    let mut databases = Vec::new();
    let mut directives = Vec::new();
    for mut outcome in outcomes {
        databases.extend(outcome.db.take());
        if !outcome.suppressions.is_empty() {
            directives.push((
                outcome.path.clone(),
                std::mem::take(&mut outcome.suppressions),
            ));
        }
        if outcome.context_only {
            // Read for the schema only: neither analysed nor skipped.
        } else if outcome.analyzed {
            summary.files_analyzed += 1;
            summary.lines += outcome.lines;
            summary.bytes += outcome.bytes;
        } else {
            summary.files_skipped += 1;
        }
        findings.extend(outcome.findings);
        notifications.extend(outcome.notifications);
    }
    // Files are in path order (discovery sorts them), so the join is deterministic.
    let join_started = Instant::now();
    let joined = db_join::join(&databases, &options.database);
    summary.join_ms = u64::try_from(join_started.elapsed().as_millis()).unwrap_or(u64::MAX);
    findings.extend(joined.findings);
    notifications.extend(joined.notes);
    if options.inline_suppressions {
        suppress::apply(
            &mut findings,
            &directives,
            options.report_unused_suppressions,
        )
        .into_iter()
        .for_each(|note| notifications.push(note));
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    notifications.sort();
    let execution_successful = !notifications
        .iter()
        .any(|n: &Notification| n.kind == NotificationKind::InternalError);
    summary.elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    ScanResult {
        root: discovery.root,
        findings,
        notifications,
        summary,
        execution_successful,
    }
}
