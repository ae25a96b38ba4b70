//! `--changed-since REF`: the files a change touched, from git. Committed changes since REF,
//! staged and unstaged edits, and new untracked files all count; deleted files do not (there
//! is nothing to scan). shipshape runs git as a program (read-only commands); it never runs
//! anything from the scanned repository.

use anyhow::{bail, Context, Result};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The canonical absolute paths of the files changed since `reference` in the git
/// repository holding `folder`.
pub(crate) fn changed_since(folder: &Path, reference: &str) -> Result<HashSet<PathBuf>> {
    let top = git(folder, &["rev-parse", "--show-toplevel"]).with_context(|| {
        format!(
            "--changed-since needs a git repository at '{}'",
            folder.display()
        )
    })?;
    let top = PathBuf::from(top.trim());
    git(
        folder,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{reference}^{{commit}}"),
        ],
    )
    .with_context(|| {
        format!("--changed-since: '{reference}' is not a commit of this repository")
    })?;
    let mut files = HashSet::new();
    // Tracked files that differ between REF and the working tree (committed, staged or not),
    // and files git does not track yet (but does not ignore).
    let tracked = git(
        &top,
        &[
            "diff",
            "--name-only",
            "--no-renames",
            "--diff-filter=d",
            reference,
            "--",
        ],
    )?;
    let untracked = git(&top, &["ls-files", "--others", "--exclude-standard"])?;
    for line in tracked.lines().chain(untracked.lines()) {
        if line.is_empty() {
            continue;
        }
        let path = top.join(line);
        if let Ok(canonical) = std::fs::canonicalize(&path) {
            files.insert(canonical);
        }
    }
    Ok(files)
}

/// Run a read-only git command in `folder`; its standard output.
fn git(folder: &Path, args: &[&str]) -> Result<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(folder)
        .args(args)
        .output()
        .context("cannot run git (is it installed?)")?;
    if !output.status.success() {
        bail!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
