//! `--changed-since REF` in a temporary git repository: only changed files (committed, staged,
//! unstaged, untracked) are analysed, while the missing-index join still reads the schema of
//! the unchanged ones.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{run_in, stderr, stdout, write};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=test", "-c", "user.email=test@example.com"])
        .args(args)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

fn findings(dir: &Path, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["scan", ".", "--format", "json", "--fail-on", "none"];
    args.extend_from_slice(extra);
    let output = run_in(dir, &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let mut found: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f["rule_id"].as_str().unwrap(),
                f["path"].as_str().unwrap()
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn only_changed_files_are_analysed_and_the_schema_stays_whole() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    write(
        root,
        "db/migrations/001_init.sql",
        "CREATE TABLE orders (id bigint PRIMARY KEY, status text, note text);\n",
    );
    write(
        root,
        "app/old.py",
        "def old(cur, x):\n    cur.execute(\"SELECT * FROM t WHERE a = '\" + x + \"'\")\n",
    );
    write(
        root,
        "app/orders.py",
        "def by_id(cur, i):\n    cur.execute(\"SELECT * FROM orders WHERE id = %s\", (i,))\n",
    );
    write(root, "app/staged.py", "X = 1\n");
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "base"]);

    // Committed after the base, staged, unstaged and untracked changes.
    write(
        root,
        "app/orders.py",
        "def by_note(cur, n):\n    cur.execute(\"SELECT * FROM orders WHERE note = %s\", (n,))\n",
    );
    git(root, &["commit", "-q", "-am", "query by note"]);
    write(
        root,
        "app/staged.py",
        "import os\n\ndef run(x):\n    os.system(\"ls \" + x)\n",
    );
    git(root, &["add", "app/staged.py"]);
    write(
        root,
        "app/new.py",
        "def q(cur, s):\n    cur.execute(\"SELECT id FROM orders WHERE status = %s\", (s,))\n",
    );

    assert_eq!(
        findings(root, &[]),
        [
            "command-injection app/staged.py",
            "missing-index app/new.py",
            "missing-index app/orders.py",
            "sql-injection app/old.py",
        ]
    );
    let base = String::from_utf8(
        Command::new("git")
            .arg("-C")
            .arg(root)
            .args(["rev-parse", "HEAD~1"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    // app/old.py did not change: not analysed; the migration did not change either, yet the
    // missing-index join still knows the orders table.
    assert_eq!(
        findings(root, &["--changed-since", base.trim()]),
        [
            "command-injection app/staged.py",
            "missing-index app/new.py",
            "missing-index app/orders.py",
        ]
    );
    // Since HEAD: the committed query is no longer a change.
    assert_eq!(
        findings(root, &["--changed-since", "HEAD"]),
        [
            "command-injection app/staged.py",
            "missing-index app/new.py"
        ]
    );

    let summary = run_in(
        root,
        &["scan", ".", "--changed-since", "HEAD", "--fail-on", "none"],
    );
    assert!(
        stdout(&summary).contains("2 files scanned"),
        "{}",
        stdout(&summary)
    );

    let bad = run_in(root, &["scan", ".", "--changed-since", "no-such-ref"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("'no-such-ref' is not a commit"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn outside_a_git_repository_it_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app.py", "x = 1\n");
    // Even when the temporary folder sits inside some other checkout.
    let output = common::shipshape()
        .current_dir(dir.path())
        .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
        .args(["scan", ".", "--changed-since", "HEAD"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("needs a git repository"),
        "{}",
        stderr(&output)
    );
}
