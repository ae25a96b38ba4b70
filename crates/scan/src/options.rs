//! What to scan and how.

use std::path::PathBuf;

/// Folders skipped by default (vendored or generated code); `--no-ignore` scans them too.
pub const DEFAULT_EXCLUDED_DIRS: &[&str] = &[
    "node_modules",
    "target",
    ".venv",
    "venv",
    "dist",
    "build",
    "vendor",
    "__pycache__",
];

/// Options of one scan.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    /// Files and folders to scan.
    pub paths: Vec<PathBuf>,
    /// The folder result paths are relative to; by default the current directory when it holds
    /// every path, else the paths' common ancestor.
    pub root: Option<PathBuf>,
    /// gitignore-style globs a file must match (any of them), relative to the root.
    pub include: Vec<String>,
    /// gitignore-style globs of files and folders to leave out.
    pub exclude: Vec<String>,
    /// Scan what `.gitignore`, `.ignore` and the default exclusions would leave out.
    pub no_ignore: bool,
    /// Scan hidden files and folders.
    pub hidden: bool,
    /// Follow symlinks (never out of the root, loops detected).
    pub follow_symlinks: bool,
    /// Worker threads.
    pub threads: usize,
    /// Files larger than this are not read.
    pub max_file_bytes: u64,
    /// The missing-index join's settings (dialect, small tables).
    pub database: shipshape_rules::db_join::JoinOptions,
    /// Apply `shipshape: ignore[…]` comments (off for third-party code).
    pub inline_suppressions: bool,
    /// Report suppressions that suppress nothing.
    pub report_unused_suppressions: bool,
    /// Analyse only these files (canonical absolute paths); the others are read only for the
    /// repository's schema (`--changed-since`). `None`: every file.
    pub changed: Option<std::collections::HashSet<PathBuf>>,
}

impl ScanOptions {
    /// Options scanning `paths` with the defaults.
    pub fn new(paths: Vec<PathBuf>) -> Self {
        ScanOptions {
            paths,
            root: None,
            include: Vec::new(),
            exclude: Vec::new(),
            no_ignore: false,
            hidden: false,
            follow_symlinks: false,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            max_file_bytes: 1024 * 1024,
            database: Default::default(),
            inline_suppressions: true,
            report_unused_suppressions: false,
            changed: None,
        }
    }
}

/// Errors that stop a scan before it starts (bad paths or options); per-file problems are
/// notifications instead.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    /// A PATH does not exist.
    #[error(
        "path '{0}' does not exist: check the spelling, or run shipshape from the repository root"
    )]
    MissingPath(PathBuf),
    /// A PATH is not inside `--root`.
    #[error("path '{}' is outside the root '{}': pass a --root that contains every path", path.display(), root.display())]
    OutsideRoot {
        /// The PATH.
        path: PathBuf,
        /// The root.
        root: PathBuf,
    },
    /// The current directory cannot be read.
    #[error("cannot determine the current directory: {0}")]
    CurrentDir(std::io::Error),
    /// A glob is malformed.
    #[error("bad glob '{glob}': {message}")]
    BadGlob {
        /// The glob.
        glob: String,
        /// What is wrong.
        message: String,
    },
    /// The thread pool could not start.
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}
