//! Discovery: which files to analyse, found with `ignore`'s parallel walker.

use crate::{ScanError, ScanOptions, DEFAULT_EXCLUDED_DIRS};
use ignore::overrides::OverrideBuilder;
use ignore::{WalkBuilder, WalkState};
use shipshape_core::{Notification, NotificationKind};
use shipshape_lang::FileKind;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;

/// A file to analyse.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    /// Path relative to the root, `/`-separated (what results show).
    pub relative: String,
    /// Where to read it.
    pub absolute: PathBuf,
    /// What it is: code in a language, or a schema file.
    pub kind: FileKind,
}

/// The files found, sorted, and what went wrong while walking.
#[derive(Debug, Default)]
pub struct Discovery {
    /// The root result paths are relative to.
    pub root: PathBuf,
    /// Files to analyse, sorted by relative path, without duplicates.
    pub files: Vec<Candidate>,
    /// Unreadable folders, symlink loops, symlinks leaving the root.
    pub notifications: Vec<Notification>,
}

enum Found {
    File(Candidate),
    Problem(Notification),
}

/// Walk `options.paths`.
pub fn discover(options: &ScanOptions) -> Result<Discovery, ScanError> {
    let cwd = std::env::current_dir().map_err(ScanError::CurrentDir)?;
    let paths: Vec<PathBuf> = if options.paths.is_empty() {
        vec![cwd.clone()]
    } else {
        options
            .paths
            .iter()
            .map(|p| normalize(&cwd.join(p)))
            .collect()
    };
    for (given, path) in options.paths.iter().zip(&paths) {
        if std::fs::symlink_metadata(path).is_err() {
            return Err(ScanError::MissingPath(given.clone()));
        }
    }
    let root = match &options.root {
        Some(root) => normalize(&cwd.join(root)),
        None => default_root(&cwd, &paths),
    };
    if let Some((given, _)) = options
        .paths
        .iter()
        .zip(&paths)
        .find(|(_, path)| !path.starts_with(&root))
    {
        return Err(ScanError::OutsideRoot {
            path: given.clone(),
            root,
        });
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.clone());

    let mut builder = WalkBuilder::new(&paths[0]);
    for path in &paths[1..] {
        builder.add(path);
    }
    let respect = !options.no_ignore;
    builder
        .hidden(!options.hidden)
        .ignore(respect)
        .git_ignore(respect)
        .git_global(respect)
        .git_exclude(respect)
        .parents(respect)
        .follow_links(options.follow_symlinks)
        .threads(options.threads.max(1))
        .overrides(overrides(&root, options)?);
    if respect {
        builder.filter_entry(|entry| {
            let excluded = entry.depth() > 0
                && entry.file_type().is_some_and(|t| t.is_dir())
                && entry
                    .file_name()
                    .to_str()
                    .is_some_and(|name| DEFAULT_EXCLUDED_DIRS.contains(&name));
            !excluded
        });
    }

    let (sender, receiver) = mpsc::channel::<Found>();
    builder.build_parallel().run(|| {
        let sender = sender.clone();
        let root = &root;
        let canonical_root = &canonical_root;
        let follow = options.follow_symlinks;
        Box::new(move |entry| {
            let found = match entry {
                Ok(entry) => classify(entry, root, canonical_root, follow),
                Err(error) => Some(Found::Problem(walk_problem(&error, root))),
            };
            if let Some(found) = found {
                // The receiver outlives the walk; a send cannot fail while it runs.
                let _ = sender.send(found);
            }
            WalkState::Continue
        })
    });
    drop(sender);

    let mut discovery = Discovery {
        root,
        ..Default::default()
    };
    for found in receiver {
        match found {
            Found::File(candidate) => discovery.files.push(candidate),
            Found::Problem(notification) => discovery.notifications.push(notification),
        }
    }
    discovery.files.sort();
    discovery.files.dedup_by(|a, b| a.relative == b.relative);
    discovery.notifications.sort();
    Ok(discovery)
}

fn classify(
    entry: ignore::DirEntry,
    root: &Path,
    canonical_root: &Path,
    follow: bool,
) -> Option<Found> {
    let file_type = entry.file_type()?;
    if !file_type.is_file() {
        return None; // folders, and symlinks when not following them
    }
    let kind = FileKind::from_path(entry.path())?;
    let relative = relative_path(entry.path(), root);
    if follow || entry.path_is_symlink() {
        // With --follow-symlinks, a link (or a file under a linked folder) may lead out of the
        // root: refuse to read what lies outside.
        match entry.path().canonicalize() {
            Ok(target) if target.starts_with(canonical_root) => {}
            Ok(target) => {
                return Some(Found::Problem(Notification::for_file(
                    &relative,
                    NotificationKind::WalkError,
                    format!(
                        "symlink leads outside the scanned root (to {}); not followed",
                        target.display()
                    ),
                )))
            }
            Err(e) => {
                return Some(Found::Problem(Notification::for_file(
                    &relative,
                    NotificationKind::Unreadable,
                    format!("cannot resolve symlink: {e}"),
                )))
            }
        }
    }
    Some(Found::File(Candidate {
        relative,
        absolute: entry.into_path(),
        kind,
    }))
}

fn walk_problem(error: &ignore::Error, root: &Path) -> Notification {
    let path = error_path(error).map(|p| relative_path(p, root));
    let kind = NotificationKind::WalkError;
    let message = match error_is_loop(error) {
        true => format!("symlink loop, not followed: {error}"),
        false => format!("cannot walk: {error}"),
    };
    Notification {
        path,
        line: None,
        kind,
        message,
    }
}

fn error_path(error: &ignore::Error) -> Option<&Path> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child),
        _ => None,
    }
}

fn error_is_loop(error: &ignore::Error) -> bool {
    match error {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => error_is_loop(err),
        _ => false,
    }
}

fn overrides(root: &Path, options: &ScanOptions) -> Result<ignore::overrides::Override, ScanError> {
    let mut builder = OverrideBuilder::new(root);
    let bad = |glob: &str, e: ignore::Error| ScanError::BadGlob {
        glob: glob.to_string(),
        message: e.to_string(),
    };
    for glob in &options.include {
        builder.add(glob).map_err(|e| bad(glob, e))?;
    }
    for glob in &options.exclude {
        builder.add(&format!("!{glob}")).map_err(|e| bad(glob, e))?;
    }
    builder.build().map_err(|e| bad("", e))
}

/// The current directory when it holds every path, else the paths' deepest common folder.
fn default_root(cwd: &Path, paths: &[PathBuf]) -> PathBuf {
    if paths.iter().all(|p| p.starts_with(cwd)) {
        return cwd.to_path_buf();
    }
    let folder = |p: &PathBuf| {
        if p.is_dir() {
            p.clone()
        } else {
            p.parent().map_or_else(|| p.clone(), Path::to_path_buf)
        }
    };
    let mut common = folder(&paths[0]);
    for path in &paths[1..] {
        while !path.starts_with(&common) {
            if !common.pop() {
                break;
            }
        }
    }
    common
}

/// Make a path absolute and drop `.` and `..` components without touching the filesystem.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `path` relative to `root` with `/` separators; a path outside the root keeps its own name.
fn relative_path(path: &Path, root: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = relative
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    parts.join("/")
}
