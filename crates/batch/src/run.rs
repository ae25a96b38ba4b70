//! One batch: schedule the repositories on one shared worker pool, scan each through the
//! cache, write its SARIF as soon as it is done, compare it with the previous run, and
//! record it in the history. A repository that fails is a row with its error; the batch
//! goes on.
//!
//! Scheduling: the repositories are ordered largest first (by the history's sizes; ones it
//! has never seen go first, they may be large). Each of the pool's workers takes the next
//! repository in that order, and every repository's files are analysed with `par_iter` on
//! the same pool, so a worker that has no repository left (or waits in its own join) takes
//! files of the repositories still running. One large repository therefore keeps every core
//! busy, and at most one repository per worker is in memory at a time.

use crate::cached::CachingAnalyzer;
use crate::checkout::checkout;
use crate::manifest::Repo;
use crate::store::{RunId, Store, Writer};
use crate::summary::{Change, LevelCounts, RepoSummary, RuleCount, Status, TrendPoint};
use crate::summary::{MAX_LISTED, TREND_RUNS};
use shipshape_core::{Finding, Level, RuleMeta, ScanResult};
use shipshape_engine::Engine;
use shipshape_report::{
    write_atomically, Baseline, BaselineResult, BaselineState, ReportContext, Reporter,
    SarifReporter,
};
use shipshape_rules::Registry;
use shipshape_scan::ScanOptions;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// How one repository is to be scanned: what the CLI reads from its configuration.
pub struct Configured {
    /// Its own engine and that engine's rule-set version, when its configuration adds query
    /// packs; `None` shares the batch's engine.
    pub engine: Option<(Engine, String)>,
    /// The scan's options (root, globs, join settings, suppressions, threads unused).
    pub options: ScanOptions,
    /// The rules its SARIF lists (the enabled ones, sorted by id).
    pub rules: Vec<&'static RuleMeta>,
    /// What its configuration does to the result (rules disabled, paths ignored, levels).
    pub finish: Box<dyn FnOnce(&mut ScanResult) + Send>,
}

impl std::fmt::Debug for Configured {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Configured")
            .field("own_engine", &self.engine.is_some())
            .field("rules", &self.rules.len())
            .finish()
    }
}

/// Reads a repository's configuration (the CLI owns `shipshape.toml`).
pub trait Configure: Sync {
    /// How to scan `repo`, checked out at `root`; an error marks it failed.
    fn configure(&self, repo: &Repo, root: &Path) -> Result<Configured, String>;
}

/// Told when a repository is done (the CLI prints a line).
pub trait BatchObserver: Sync {
    /// `done` of `total` repositories are finished; `repo` just did.
    fn repo_done(&self, _repo: &RepoSummary, _done: usize, _total: usize) {}
}

/// Everything a batch needs.
pub struct Batch<'a> {
    /// The repositories of this batch (the whole manifest or one shard).
    pub repos: Vec<&'a Repo>,
    /// The output folder.
    pub out: PathBuf,
    /// Where git remotes are checked out.
    pub work: PathBuf,
    /// The store, for the cache and the history.
    pub store: &'a Store,
    /// Whether cached file results are read and written (`--no-cache`: no).
    pub use_cache: bool,
    /// This run in the history.
    pub run: RunId,
    /// Worker threads.
    pub threads: usize,
    /// The engine shared by every repository whose configuration adds no query pack.
    pub engine: &'a Engine,
    /// Its rule-set version.
    pub ruleset: String,
    /// Reads each repository's configuration.
    pub configure: &'a dyn Configure,
    /// Told about progress.
    pub observer: &'a dyn BatchObserver,
    /// The previous run's output (`--previous`), for repositories this store has no history
    /// of (a shard that took over a repository from another machine).
    pub previous: Option<crate::previous::Previous>,
}

impl std::fmt::Debug for Batch<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Batch")
            .field("repos", &self.repos.len())
            .field("out", &self.out)
            .field("run", &self.run)
            .finish()
    }
}

/// Why a batch could not run at all (a repository's failure is not one).
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// The output folder cannot be made.
    #[error("cannot create the output folder '{}': {error}", path.display())]
    Output {
        /// The folder.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
    /// The worker pool cannot start.
    #[error("cannot start worker threads: {0}")]
    Threads(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// The repositories' rows (in scheduled order) and how many cache writes failed.
pub fn run_batch(batch: &Batch<'_>) -> Result<(Vec<RepoSummary>, usize), BatchError> {
    std::fs::create_dir_all(&batch.out).map_err(|error| BatchError::Output {
        path: batch.out.clone(),
        error,
    })?;
    let order = schedule(&batch.repos, &batch.store.sizes());
    let writer = batch.store.writer()?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(batch.threads.max(1))
        .thread_name(|i| format!("shipshape-worker-{i}"))
        .build()
        .map_err(|e| BatchError::Threads(e.to_string()))?;
    let registry = Registry::new();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let rows: Vec<Mutex<Option<RepoSummary>>> = order.iter().map(|_| Mutex::new(None)).collect();
    pool.broadcast(|_| loop {
        let at = next.fetch_add(1, Ordering::SeqCst);
        let Some(repo) = order.get(at) else {
            break;
        };
        let row = one_repo(batch, repo, &writer, &registry);
        let finished = done.fetch_add(1, Ordering::SeqCst) + 1;
        batch.observer.repo_done(&row, finished, order.len());
        *rows[at].lock().unwrap_or_else(|e| e.into_inner()) = Some(row);
    });
    let failed_writes = writer.finish();
    let rows = rows
        .into_iter()
        .filter_map(|slot| slot.into_inner().unwrap_or_else(|e| e.into_inner()))
        .collect();
    Ok((rows, failed_writes))
}

/// Largest first by the history's sizes; never-seen repositories first of all; ties by name.
fn schedule<'a>(repos: &[&'a Repo], sizes: &HashMap<String, u64>) -> Vec<&'a Repo> {
    let mut order = repos.to_vec();
    order.sort_by(|a, b| {
        let size = |r: &Repo| sizes.get(&r.name).copied().unwrap_or(u64::MAX);
        size(b).cmp(&size(a)).then(a.name.cmp(&b.name))
    });
    order
}

/// Scan one repository; its row (a failure is a row too). Recorded in the history.
fn one_repo(batch: &Batch<'_>, repo: &Repo, writer: &Writer, registry: &Registry) -> RepoSummary {
    let started = Instant::now();
    let sarif_name = format!("{}.sarif", repo.name);
    // A resumed run keeps what it finished before it was killed.
    if batch.run.resumed && batch.out.join(&sarif_name).is_file() {
        if let Some(row) = batch
            .store
            .recorded(&batch.run, &repo.name)
            .and_then(|json| serde_json::from_str::<RepoSummary>(&json).ok())
        {
            return row;
        }
    }
    let (mut row, results) = match scan_repo(batch, repo, writer, registry) {
        Ok(scanned) => scanned,
        Err(error) => {
            // A stale SARIF from an earlier night must not pass for this one.
            let _ = std::fs::remove_file(batch.out.join(&sarif_name));
            (RepoSummary::failed(&repo.name, &repo.category, error), None)
        }
    };
    row.elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    let json = serde_json::to_string(&row).unwrap_or_default();
    if let Err(error) = batch.store.record(
        &batch.run,
        &repo.name,
        row.status == Status::Ok,
        row.findings,
        row.bytes,
        &json,
        results.as_deref(),
    ) {
        row.status = Status::Failed;
        row.error = Some(format!("cannot record it in the history: {error}"));
    }
    row
}

/// Check out, configure, scan, write the SARIF, compare with the previous run.
fn scan_repo(
    batch: &Batch<'_>,
    repo: &Repo,
    writer: &Writer,
    registry: &Registry,
) -> Result<(RepoSummary, Option<Vec<u8>>), String> {
    let root = checkout(repo, &batch.work)?;
    let configured = batch.configure.configure(repo, &root)?;
    let (engine, ruleset) = match &configured.engine {
        Some((engine, ruleset)) => (engine, ruleset.as_str()),
        None => (batch.engine, batch.ruleset.as_str()),
    };
    let analyzer = CachingAnalyzer::new(
        engine,
        batch.use_cache.then_some((batch.store, writer)),
        ruleset,
        registry,
    );
    let mut result = shipshape_scan::scan_in_current_pool(
        &configured.options,
        &analyzer,
        &shipshape_scan::Silent,
    )
    .map_err(|e| e.to_string())?;
    (configured.finish)(&mut result);

    let sarif_name = format!("{}.sarif", repo.name);
    let context = ReportContext {
        rules: configured.rules,
        category: Some(repo.category.clone()),
        tool_version: env!("CARGO_PKG_VERSION"),
        color: false,
        baseline: None,
        absolute_root: false,
        verbose: false,
    };
    let target = batch.out.join(&sarif_name);
    write_atomically(&target, |out| SarifReporter.render(&result, &context, out))
        .map_err(|e| format!("cannot write '{}': {e}", target.display()))?;

    let current: Vec<&Finding> = result
        .findings
        .iter()
        .filter(|f| f.suppressed.is_none())
        .collect();
    let mut row = RepoSummary::failed(&repo.name, &repo.category, String::new());
    row.status = Status::Ok;
    row.error = None;
    row.sarif = Some(sarif_name);
    row.findings = current.len() as u64;
    row.suppressed = (result.findings.len() - current.len()) as u64;
    let cached = analyzer.hits_analyzed() as u64;
    row.files_cached = cached;
    row.files_analyzed = (result.summary.files_analyzed as u64).saturating_sub(cached);
    row.files_skipped = result.summary.files_skipped as u64;
    row.bytes = result.summary.bytes as u64;
    row.lines = result.summary.lines as u64;
    row.join_ms = result.summary.join_ms;
    let mut rules: std::collections::BTreeMap<&str, LevelCounts> = Default::default();
    for finding in &current {
        row.levels.add(finding.level);
        rules.entry(finding.rule_id).or_default().add(finding.level);
    }
    row.rules = rules
        .into_iter()
        .map(|(rule, levels)| RuleCount {
            rule: rule.to_string(),
            family: registry
                .meta(rule)
                .map_or_else(String::new, |m| m.family.tag().to_string()),
            levels,
        })
        .collect();

    let previous = batch
        .store
        .previous_results(&batch.run, &repo.name)
        .and_then(|blob| decode_results(&blob))
        .or_else(|| batch.previous.as_ref()?.results(&repo.name));
    row.compared = previous.is_some();
    let owned: Vec<Finding> = current.iter().map(|f| (*f).clone()).collect();
    let comparison = Baseline {
        source: "the previous run".to_string(),
        results: previous.unwrap_or_default(),
    }
    .compare(&owned);
    for (index, finding) in owned.iter().enumerate() {
        if comparison.state(index) == BaselineState::New {
            row.new += 1;
            row.new_levels.add(finding.level);
            if row.new_findings.len() < MAX_LISTED {
                row.new_findings.push(change(
                    finding.rule_id,
                    finding.level,
                    &finding.path,
                    finding.region.start_line,
                    &finding.message,
                ));
            }
        }
    }
    row.fixed = comparison.absent.len() as u64;
    row.fixed_findings = comparison
        .absent
        .iter()
        .take(MAX_LISTED)
        .map(|old| {
            change(
                &old.rule_id,
                old.level,
                &old.path,
                old.region.start_line,
                &old.message,
            )
        })
        .collect();
    row.trend = batch
        .store
        .past_runs(&batch.run, &repo.name, TREND_RUNS - 1)
        .into_iter()
        .map(|past| TrendPoint {
            run: past.label,
            started: past.started,
            findings: past.findings,
        })
        .collect();
    if row.trend.is_empty() {
        row.trend = batch
            .previous
            .as_ref()
            .map(|p| p.trend(&repo.name, &batch.run.label))
            .unwrap_or_default();
    }
    row.trend.push(TrendPoint {
        run: batch.run.label.clone(),
        started: crate::store::now(),
        findings: row.findings,
    });
    let results: Vec<BaselineResult> = owned.iter().map(BaselineResult::from).collect();
    Ok((row, encode_results(&results)))
}

fn change(rule: &str, level: Level, path: &str, line: usize, message: &str) -> Change {
    Change {
        rule: rule.to_string(),
        level,
        path: path.to_string(),
        line,
        message: message.to_string(),
    }
}

fn encode_results(results: &[BaselineResult]) -> Option<Vec<u8>> {
    let json = serde_json::to_vec(results).ok()?;
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(&json).ok()?;
    encoder.finish().ok()
}

fn decode_results(blob: &[u8]) -> Option<Vec<BaselineResult>> {
    let mut json = Vec::new();
    flate2::read::DeflateDecoder::new(blob)
        .read_to_end(&mut json)
        .ok()?;
    serde_json::from_slice(&json).ok()
}
