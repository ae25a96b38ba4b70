//! Getting a repository's files: a local path is used as it is; a git remote is fetched
//! shallowly (`--depth 1`) with the git CLI into `<work>/<name>`, which the next night reuses
//! (only what changed is transferred). shipshape runs git as a program and never runs anything
//! from the fetched repository (no hooks run on fetch or checkout).

use crate::manifest::{Repo, Source};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The folder to scan for `repo`, fetching it first when it is a git remote.
pub fn checkout(repo: &Repo, work: &Path) -> Result<PathBuf, String> {
    match &repo.source {
        Source::Path(path) => {
            if path.is_dir() {
                Ok(path.clone())
            } else if path.exists() {
                Err(format!("'{}' is not a folder", path.display()))
            } else {
                Err(format!("path '{}' does not exist", path.display()))
            }
        }
        Source::Git { url, rev } => fetch(url, rev.as_deref(), &work.join(&repo.name)),
    }
}

/// Fetch `rev` (the remote's HEAD when `None`) of `url` into `folder` and check it out,
/// discarding whatever the folder held before.
fn fetch(url: &str, rev: Option<&str>, folder: &Path) -> Result<PathBuf, String> {
    if !folder.join(".git").is_dir() {
        std::fs::create_dir_all(folder)
            .map_err(|e| format!("cannot create '{}': {e}", folder.display()))?;
        git(folder, &["init", "--quiet"])?;
    }
    // The URL may change in the manifest between nights.
    if git(folder, &["remote", "set-url", "origin", url]).is_err() {
        git(folder, &["remote", "add", "origin", url])?;
    }
    let wanted = rev.unwrap_or("HEAD");
    git(
        folder,
        &[
            "fetch",
            "--quiet",
            "--depth",
            "1",
            "--no-tags",
            "origin",
            wanted,
        ],
    )
    .map_err(|e| format!("cannot fetch '{wanted}' from {url}: {e}"))?;
    git(
        folder,
        &["checkout", "--quiet", "--force", "--detach", "FETCH_HEAD"],
    )?;
    git(folder, &["clean", "--quiet", "-ffdx"])?;
    Ok(folder.to_path_buf())
}

/// Run git in `folder`, quietly, never asking for credentials; its standard output.
fn git(folder: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(folder)
        .args([
            "-c",
            "core.hooksPath=/dev/null",
            "-c",
            "advice.detachedHead=false",
        ])
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| format!("cannot run git (is it installed?): {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!(
            "git {} failed: {}",
            args.first().copied().unwrap_or(""),
            stderr.trim()
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn run(dir: &Path, args: &[&str]) {
        let status = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .status()
            .unwrap();
        assert!(status.success());
    }

    #[test]
    fn a_remote_is_fetched_then_updated_in_the_same_folder() {
        let dir = tempfile::tempdir().unwrap();
        let origin = dir.path().join("origin");
        std::fs::create_dir(&origin).unwrap();
        run(&origin, &["init", "-q", "-b", "main"]);
        std::fs::write(origin.join("a.py"), "A = 1\n").unwrap();
        run(&origin, &["add", "."]);
        run(&origin, &["commit", "-q", "-m", "one"]);
        let repo = Repo {
            name: "r".into(),
            source: Source::Git {
                url: format!("file://{}", origin.display()),
                rev: Some("main".into()),
            },
            category: "r".into(),
            config: None,
            exclude: Vec::new(),
        };
        let work = dir.path().join("work");
        let folder = checkout(&repo, &work).unwrap();
        assert_eq!(
            std::fs::read_to_string(folder.join("a.py")).unwrap(),
            "A = 1\n"
        );
        std::fs::write(origin.join("a.py"), "A = 2\n").unwrap();
        run(&origin, &["commit", "-q", "-am", "two"]);
        std::fs::write(folder.join("stray.py"), "x\n").unwrap();
        let again = checkout(&repo, &work).unwrap();
        assert_eq!(again, folder);
        assert_eq!(
            std::fs::read_to_string(folder.join("a.py")).unwrap(),
            "A = 2\n"
        );
        assert!(!folder.join("stray.py").exists(), "the folder is cleaned");

        let missing = Repo {
            source: Source::Git {
                url: format!("file://{}", dir.path().join("nowhere").display()),
                rev: None,
            },
            name: "m".into(),
            ..repo
        };
        let error = checkout(&missing, &work).unwrap_err();
        assert!(
            error.starts_with("cannot fetch 'HEAD' from file://"),
            "{error}"
        );
    }
}
