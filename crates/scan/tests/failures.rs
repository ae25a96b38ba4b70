//! One bad file never stops a scan: a panic, a runaway parse or a runaway match becomes a
//! notification naming the file, and every other file is still analysed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use shipshape_core::{NotificationKind, ScanResult};
use shipshape_engine::{Engine, FileOutcome, Workspace};
use shipshape_lang::FileKind;
use shipshape_query::{PackFile, QuerySet};
use shipshape_rules::Registry;
use shipshape_scan::{scan, FileAnalyzer, ScanOptions, Silent};
use std::path::Path;

const BAD_PY: &str = "def f(cur, x):\n    cur.execute(f\"SELECT * FROM t WHERE id = {x}\")\n";

fn engine() -> Engine {
    Engine::new(
        QuerySet::compile(&PackFile::embedded()).unwrap(),
        Registry::new(),
    )
}

fn repo(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn scan_with(root: &Path, analyzer: &dyn FileAnalyzer, threads: usize) -> ScanResult {
    let mut options = ScanOptions::new(vec![root.to_path_buf()]);
    options.threads = threads;
    scan(&options, analyzer, &Silent).unwrap()
}

/// The real engine, except that it panics on files whose name contains "explode".
struct Exploding(Engine);

impl FileAnalyzer for Exploding {
    fn analyze(&self, ws: &mut Workspace, path: &str, kind: FileKind, bytes: &[u8]) -> FileOutcome {
        if path.contains("explode") {
            panic!("boom in {path}");
        }
        self.0.analyze(ws, path, kind, bytes)
    }
}

#[test]
fn a_panic_in_one_file_is_reported_and_the_scan_goes_on() {
    let dir = repo(&[("a.py", BAD_PY), ("explode.py", BAD_PY), ("z.py", BAD_PY)]);
    for threads in [1, 2] {
        let result = scan_with(dir.path(), &Exploding(engine()), threads);
        let paths: Vec<&str> = result.findings.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["a.py", "z.py"]);
        assert_eq!(result.notifications.len(), 1);
        let note = &result.notifications[0];
        assert_eq!(note.kind, NotificationKind::InternalError);
        assert_eq!(note.path.as_deref(), Some("explode.py"));
        assert!(
            note.message.contains("boom in explode.py"),
            "{}",
            note.message
        );
        assert!(!result.execution_successful);
        assert_eq!(
            (result.summary.files_analyzed, result.summary.files_skipped),
            (2, 1)
        );
    }
}

#[test]
fn a_parse_over_budget_is_skipped_deterministically() {
    let big = "x = [1, 2, 3]\n".repeat(5_000);
    let dir = repo(&[("small.py", BAD_PY), ("big.py", &big)]);
    let mut engine = engine();
    engine.budgets.parse_steps_base = 100;
    engine.budgets.parse_steps_per_kib = 0;
    for threads in [1, 2] {
        let result = scan_with(dir.path(), &engine, threads);
        assert_eq!(result.findings.len(), 1, "small.py is still analysed");
        let kinds: Vec<_> = result
            .notifications
            .iter()
            .map(|n| (n.path.as_deref(), n.kind))
            .collect();
        assert_eq!(
            kinds,
            [(Some("big.py"), NotificationKind::ParseBudgetExceeded)]
        );
    }
}

#[test]
fn a_query_over_budget_is_reported() {
    let many = BAD_PY.repeat(2_000);
    let dir = repo(&[("many.py", &many)]);
    let mut engine = engine();
    engine.budgets.query_steps_base = 10;
    engine.budgets.query_steps_per_kib = 0;
    let result = scan_with(dir.path(), &engine, 1);
    let kinds: Vec<_> = result.notifications.iter().map(|n| n.kind).collect();
    assert_eq!(kinds, [NotificationKind::QueryBudgetExceeded]);
    assert!(result.findings.len() < 2_000, "matching stopped early");

    let unlimited = scan_with(dir.path(), &self::engine(), 1);
    assert_eq!(unlimited.findings.len(), 2_000);
    assert!(unlimited.notifications.is_empty());
}

/// Deletes a file once discovery has listed it, the way a file vanishes mid-scan.
struct Vanishing(std::path::PathBuf);

impl shipshape_scan::ScanObserver for Vanishing {
    fn discovered(&self, _files: usize) {
        std::fs::remove_file(&self.0).unwrap();
    }
}

#[test]
fn a_file_that_cannot_be_read_is_reported() {
    let dir = repo(&[("a.py", BAD_PY), ("gone.py", BAD_PY)]);
    let options = ScanOptions::new(vec![dir.path().to_path_buf()]);
    let result = scan(&options, &engine(), &Vanishing(dir.path().join("gone.py"))).unwrap();
    assert_eq!(result.findings.len(), 1);
    let note = &result.notifications[0];
    assert_eq!(
        (note.path.as_deref(), note.kind),
        (Some("gone.py"), NotificationKind::Unreadable)
    );
    assert!(
        note.message.starts_with("cannot read file:"),
        "{}",
        note.message
    );
}
