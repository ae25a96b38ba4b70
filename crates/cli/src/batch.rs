//! `shipshape batch` and `shipshape merge`: the wiring. `shipshape-batch` schedules, caches,
//! remembers and reports; this module reads each repository's `shipshape.toml` into an
//! engine and scan options (the same way `scan` does), and prints one line per repository.

use crate::args::{BatchArgs, MergeArgs};
use crate::commands::{join_options, user_packs};
use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};
use shipshape_batch::cached::{binary_hash, ruleset_version};
use shipshape_batch::manifest::{Manifest, Repo};
use shipshape_batch::run::{run_batch, Batch, BatchObserver, Configure, Configured};
use shipshape_batch::store::Store;
use shipshape_batch::summary::{RepoSummary, Status, Summary};
use shipshape_core::RuleMeta;
use shipshape_engine::Engine;
use shipshape_query::{PackFile, QuerySet};
use shipshape_rules::Registry;
use shipshape_scan::ScanOptions;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub(crate) fn batch(args: BatchArgs) -> Result<ExitCode> {
    let manifest = Manifest::load(&args.manifest)?;
    let threads = match args.threads {
        Some(0) => bail!("--threads must be at least 1"),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let sizes = match &args.sizes {
        Some(path) => Summary::read(path).map_err(anyhow::Error::msg)?.sizes(),
        None => Default::default(),
    };
    let repos: Vec<&Repo> = match args.shard {
        Some(shard) => shard.select(&manifest.repos, &sizes),
        None => manifest.repos.iter().collect(),
    };
    let cache_dir = args.cache_dir.clone().unwrap_or_else(default_cache_dir);
    let work = args
        .work_dir
        .clone()
        .unwrap_or_else(|| cache_dir.join("checkouts"));
    let store = Store::open(&cache_dir, threads)?;

    // The packs every repository shares, compiled once for the whole batch.
    let packs = PackFile::embedded();
    let mut engine = Engine::new(QuerySet::new(packs.clone()), Registry::new());
    engine.limits.max_file_bytes = usize::try_from(args.max_file_bytes).unwrap_or(usize::MAX);
    let binary = binary_hash(&store);
    let ruleset = ruleset_version(&binary, &packs, &engine);

    let out = std::path::absolute(&args.out).unwrap_or_else(|_| args.out.clone());
    let scope = {
        let mut hash = Sha256::new();
        let manifest_path =
            std::fs::canonicalize(&args.manifest).unwrap_or_else(|_| args.manifest.clone());
        hash.update(manifest_path.to_string_lossy().as_bytes());
        hash.update([0]);
        hash.update(args.shard.map(|s| s.to_string()).unwrap_or_default());
        hash.update([0]);
        hash.update(out.to_string_lossy().as_bytes());
        format!("{:x}", hash.finalize())
    };
    let run = store.begin_run(&scope, args.run_id.as_deref())?;
    if run.resumed && !args.quiet {
        eprintln!(
            "shipshape: continuing run {} (it was stopped before it finished)",
            run.label
        );
    }
    let configure = FromConfig {
        binary,
        max_file_bytes: args.max_file_bytes,
        threads,
        all_rules: Registry::new().metas(),
    };
    let printer = Printer { quiet: args.quiet };
    let batch = Batch {
        repos,
        out: out.clone(),
        work,
        store: &store,
        use_cache: !args.no_cache,
        run: run.clone(),
        threads,
        engine: &engine,
        ruleset,
        configure: &configure,
        observer: &printer,
        previous: args
            .previous
            .clone()
            .map(shipshape_batch::previous::Previous::new),
    };
    let started = std::time::Instant::now();
    let (rows, failed_writes) = run_batch(&batch)?;
    if failed_writes > 0 {
        eprintln!(
            "warning: {failed_writes} results could not be written to the cache in '{}'; they will be analysed again next time",
            store.path().display()
        );
    }
    let shards = args.shard.map(|s| vec![s.to_string()]).unwrap_or_default();
    let summary = Summary::new(&run.label, shards, rows);
    shipshape_batch::write_outputs(&out, &summary).map_err(anyhow::Error::msg)?;
    store.finish_run(&run)?;
    if !args.quiet {
        eprintln!("{}", fleet_line(&summary, started.elapsed().as_secs_f64()));
    }
    Ok(ExitCode::from(summary.exit_code(args.fail_on.level())))
}

pub(crate) fn merge(args: MergeArgs) -> Result<ExitCode> {
    let summary = shipshape_batch::merge::merge(&args.inputs, &args.out)
        .map_err(anyhow::Error::msg)
        .context("cannot merge the shards")?;
    eprintln!("{}", fleet_line(&summary, 0.0));
    Ok(ExitCode::from(summary.exit_code(args.fail_on.level())))
}

/// `$SHIPSHAPE_CACHE_DIR`, else `$XDG_CACHE_HOME/shipshape`, else `~/.cache/shipshape`.
fn default_cache_dir() -> PathBuf {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(dir) = var("SHIPSHAPE_CACHE_DIR") {
        return dir.into();
    }
    if let Some(dir) = var("XDG_CACHE_HOME") {
        return PathBuf::from(dir).join("shipshape");
    }
    var("HOME").map_or_else(
        || PathBuf::from(".shipshape-cache"),
        |home| PathBuf::from(home).join(".cache").join("shipshape"),
    )
}

fn fleet_line(summary: &Summary, seconds: f64) -> String {
    let t = &summary.totals;
    let time = if seconds > 0.0 {
        format!("; {seconds:.1}s")
    } else {
        String::new()
    };
    format!(
        "shipshape: {} repositories, {} ok, {} failed; {} findings, {} new, {} fixed; {} files analysed, {} from cache{time}",
        t.repositories, t.ok, t.failed, t.findings, t.new, t.fixed, t.files_analyzed, t.files_cached
    )
}

/// One line per repository on standard error.
struct Printer {
    quiet: bool,
}

impl BatchObserver for Printer {
    fn repo_done(&self, repo: &RepoSummary, done: usize, total: usize) {
        if self.quiet {
            return;
        }
        match repo.status {
            Status::Ok => eprintln!(
                "[{done}/{total}] {}: ok; {} findings, {} new, {} fixed; {} files analysed, {} from cache; {:.1}s",
                repo.name,
                repo.findings,
                repo.new,
                repo.fixed,
                repo.files_analyzed,
                repo.files_cached,
                repo.elapsed_ms as f64 / 1000.0
            ),
            Status::Failed => eprintln!(
                "[{done}/{total}] {}: failed: {}",
                repo.name,
                repo.error.as_deref().unwrap_or("")
            ),
        }
    }
}

/// Reads a repository's configuration like `scan` does: `config` from the manifest, else
/// `shipshape.toml` at its root.
struct FromConfig {
    binary: String,
    max_file_bytes: u64,
    threads: usize,
    all_rules: Vec<&'static RuleMeta>,
}

impl Configure for FromConfig {
    fn configure(&self, repo: &Repo, root: &Path) -> Result<Configured, String> {
        let loaded = crate::config::load(repo.config.as_deref(), root, &self.all_rules)
            .map_err(|e| format!("{e:#}"))?;
        let extra = user_packs(&loaded, &[]).map_err(|e| format!("{e:#}"))?;
        // A configuration with packs of its own needs an engine of its own.
        let engine = if extra.is_empty() {
            None
        } else {
            let mut packs = PackFile::embedded();
            packs.extend(extra);
            let queries = QuerySet::compile(&packs)
                .map_err(|e| format!("a query pack does not load: {e}"))?;
            let mut engine = Engine::new(queries, Registry::new());
            engine.limits.max_file_bytes =
                usize::try_from(self.max_file_bytes).unwrap_or(usize::MAX);
            let ruleset = ruleset_version(&self.binary, &packs, &engine);
            Some((engine, ruleset))
        };
        let config = &loaded.config;
        let mut options = ScanOptions::new(vec![root.to_path_buf()]);
        options.root = Some(root.to_path_buf());
        options.include = config
            .paths
            .include
            .iter()
            .map(|g| g.value().clone())
            .collect();
        options.exclude = config
            .paths
            .exclude
            .iter()
            .map(|g| g.value().clone())
            .chain(repo.exclude.iter().cloned())
            .collect();
        options.database = join_options(config);
        options.threads = self.threads;
        options.max_file_bytes = self.max_file_bytes;
        let rules: Vec<&'static RuleMeta> = self
            .all_rules
            .iter()
            .copied()
            .filter(|r| config.enabled(r))
            .collect();
        let all_rules = self.all_rules.clone();
        Ok(Configured {
            engine,
            options,
            rules,
            finish: Box::new(move |result| loaded.config.apply(result, &all_rules)),
        })
    }
}
