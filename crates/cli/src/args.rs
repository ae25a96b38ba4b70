//! The command line.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Finds production-readiness defects (injection, unvalidated input, unbounded loops, missing
/// indexes) in Python, JavaScript, TypeScript and Rust repositories, and reports them as text,
/// JSON or SARIF 2.1.0.
#[derive(Debug, Parser)]
#[command(name = "shipshape", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Scan files and folders.
    Scan(Box<ScanArgs>),
    /// List the rules.
    Rules(RulesArgs),
    /// Print a rule's help.
    Explain {
        /// The rule id, e.g. sql-injection.
        rule: String,
    },
    /// Print a file's syntax tree, to help write query packs.
    Tree {
        /// The source file.
        file: PathBuf,
    },
    /// Print the JSON schema of shipshape.toml (docs/shipshape.schema.json), for editors.
    ConfigSchema,
    /// Scan a fleet of repositories listed in a manifest: one SARIF file each, summary.json
    /// and report.html, incremental through a result cache (docs/batch.md).
    Batch(Box<BatchArgs>),
    /// Combine the output folders of `batch --shard` runs into one summary.json and
    /// report.html.
    Merge(MergeArgs),
}

#[derive(Debug, Args)]
pub(crate) struct BatchArgs {
    /// The manifest: a TOML file with one [[repo]] table per repository.
    pub(crate) manifest: PathBuf,

    /// Folder for <name>.sarif per repository, summary.json and report.html.
    #[arg(long, value_name = "DIR")]
    pub(crate) out: PathBuf,

    /// Folder of the result cache and run history [default: $SHIPSHAPE_CACHE_DIR, else
    /// $XDG_CACHE_HOME/shipshape, else ~/.cache/shipshape]
    #[arg(long, value_name = "DIR")]
    pub(crate) cache_dir: Option<PathBuf>,

    /// Analyse every file afresh: neither read nor write cached file results (the run
    /// history for new/fixed is still kept).
    #[arg(long)]
    pub(crate) no_cache: bool,

    /// Folder where repositories given by `url` are checked out, reused next time
    /// [default: <cache-dir>/checkouts]
    #[arg(long, value_name = "DIR")]
    pub(crate) work_dir: Option<PathBuf>,

    /// Scan only share I of N of the manifest (0-based: 0/4 is the first of four).
    #[arg(long, value_name = "I/N")]
    pub(crate) shard: Option<shipshape_batch::shard::Shard>,

    /// A summary.json of an earlier run whose sizes balance the shards (every shard must be
    /// given the same file).
    #[arg(long, value_name = "FILE")]
    pub(crate) sizes: Option<PathBuf>,

    /// The output folder of the previous run (merged, when sharded): new/fixed and the trend
    /// of repositories this cache has no history of are taken from it.
    #[arg(long, value_name = "DIR")]
    pub(crate) previous: Option<PathBuf>,

    /// A label for this run in the history and the report; give every shard of one night
    /// the same [default: the start time; a killed run is continued]
    #[arg(long, value_name = "LABEL")]
    pub(crate) run_id: Option<String>,

    /// Exit with 1 when a new finding is at or above this level.
    #[arg(long, value_enum, default_value = "warning")]
    pub(crate) fail_on: FailOn,

    /// Worker threads, shared by all repositories [default: number of CPUs]
    #[arg(long, short = 'j')]
    pub(crate) threads: Option<usize>,

    /// Skip files larger than this many bytes.
    #[arg(long, default_value_t = 1024 * 1024, value_name = "BYTES")]
    pub(crate) max_file_bytes: u64,

    /// No line per repository on standard error.
    #[arg(long, short = 'q')]
    pub(crate) quiet: bool,
}

#[derive(Debug, Args)]
pub(crate) struct MergeArgs {
    /// Output folders of `shipshape batch --shard` runs.
    #[arg(required = true)]
    pub(crate) inputs: Vec<PathBuf>,

    /// Folder for the combined summary.json, report.html and every SARIF file.
    #[arg(long, value_name = "DIR")]
    pub(crate) out: PathBuf,

    /// Exit with 1 when a new finding is at or above this level.
    #[arg(long, value_enum, default_value = "warning")]
    pub(crate) fail_on: FailOn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FormatArg {
    /// For people (default on a terminal).
    Text,
    /// shipshape's own JSON.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and IDE viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// JUnit XML, for CI test reports.
    Junit,
    /// GitLab SAST report (artifacts: reports: sast).
    Gitlab,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FailOn {
    Error,
    Warning,
    Note,
    None,
}

impl FailOn {
    /// The lowest level that fails, if any.
    pub(crate) fn level(self) -> Option<shipshape_core::Level> {
        match self {
            FailOn::Error => Some(shipshape_core::Level::Error),
            FailOn::Warning => Some(shipshape_core::Level::Warning),
            FailOn::Note => Some(shipshape_core::Level::Note),
            FailOn::None => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub(crate) struct ScanArgs {
    /// Files and folders to scan [default: .]
    pub(crate) paths: Vec<PathBuf>,

    /// Output format [default: from --output's extension (.sarif, .json, .xml), else text]
    #[arg(long, short = 'f', value_enum)]
    pub(crate) format: Option<FormatArg>,

    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,

    /// SARIF automationDetails.id category, to keep several analyses of one repository apart.
    #[arg(long)]
    pub(crate) category: Option<String>,

    /// Analyse only the files changed since this git ref (committed, staged, unstaged and new
    /// files); the rest of the repository is read only for its database schema.
    #[arg(long, value_name = "REF")]
    pub(crate) changed_since: Option<String>,

    /// Ignore `shipshape: ignore[rule] reason` comments (for third-party code).
    #[arg(long)]
    pub(crate) no_inline_suppressions: bool,

    /// Report inline suppressions that suppress nothing.
    #[arg(long)]
    pub(crate) report_unused_suppressions: bool,

    /// Read the configuration from FILE [default: shipshape.toml in the scanned root, if any]
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,

    /// Compare with an earlier SARIF or JSON report of this repository: only new findings are
    /// shown and count for --fail-on; SARIF and JSON mark each result's baselineState.
    #[arg(long, value_name = "FILE")]
    pub(crate) baseline: Option<PathBuf>,

    /// Write the scan root as an absolute file:// URI in SARIF originalUriBaseIds, so local
    /// viewers (VS Code SARIF Viewer) open the files [default: a portable description]
    #[arg(long)]
    pub(crate) sarif_absolute_root: bool,

    /// Exit with 1 when a finding is at or above this level.
    #[arg(long, value_enum, default_value = "warning")]
    pub(crate) fail_on: FailOn,

    /// Worker threads [default: number of CPUs]
    #[arg(long, short = 'j')]
    pub(crate) threads: Option<usize>,

    /// Only scan files matching this gitignore-style glob (repeatable).
    #[arg(long, short = 'i', value_name = "GLOB")]
    pub(crate) include: Vec<String>,

    /// Skip files and folders matching this gitignore-style glob (repeatable).
    #[arg(long, short = 'e', value_name = "GLOB")]
    pub(crate) exclude: Vec<String>,

    /// Also scan what .gitignore/.ignore and the default exclusions (node_modules, target,
    /// .venv, venv, dist, build, vendor, __pycache__) leave out.
    #[arg(long)]
    pub(crate) no_ignore: bool,

    /// Also scan hidden files and folders.
    #[arg(long)]
    pub(crate) hidden: bool,

    /// Follow symlinks (never out of the scanned root; loops are detected).
    #[arg(long)]
    pub(crate) follow_symlinks: bool,

    /// Skip files larger than this many bytes.
    #[arg(long, default_value_t = 1024 * 1024, value_name = "BYTES")]
    pub(crate) max_file_bytes: u64,

    /// Extra query packs: DIR/<language>/*.scm, language one of javascript, python, rust,
    /// typescript (repeatable).
    #[arg(long, value_name = "DIR")]
    pub(crate) queries: Vec<PathBuf>,

    /// Folder that result paths are relative to [default: the current directory when it holds
    /// every PATH, else their common folder]
    #[arg(long, value_name = "DIR")]
    pub(crate) root: Option<PathBuf>,

    /// Only parse the files (the baseline for benchmarks); reports no findings.
    #[arg(long)]
    pub(crate) parse_only: bool,

    /// List every note in the text output, the missing-index schema notes included.
    #[arg(long, short = 'v')]
    pub(crate) verbose: bool,

    /// No progress bar and no summary on standard error.
    #[arg(long, short = 'q')]
    pub(crate) quiet: bool,

    /// When to colour text output.
    #[arg(long, value_enum, default_value = "auto")]
    pub(crate) color: ColorArg,
}

#[derive(Debug, Args)]
pub(crate) struct RulesArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub(crate) format: RulesFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum RulesFormat {
    Text,
    Json,
}
