//! The corpus is the ground truth (design.md, corpus/README.md): every `expect:` line must be
//! reported, no `ok:` or unannotated line may be, and `todo-expect:` / `todo-ok:` pin known
//! gaps so that closing one fails here until the annotation is promoted. Each top-level folder
//! of `corpus/` is scanned as one repository, except that a top-level folder whose sub-folders
//! hold a `REPO.md` is a set of mini-repositories, each scanned on its own (the missing-index
//! cases: a schema and the queries on it). Per-rule precision and recall are printed.

#![allow(clippy::print_stdout)]

use shipshape_engine::Engine;
use shipshape_lang::FileKind;
use shipshape_query::{PackFile, QuerySet};
use shipshape_rules::Registry;
use shipshape_scan::{scan, ScanOptions, Silent};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Expect,
    Ok,
    TodoExpect,
    TodoOk,
}

/// (path relative to the case folder, line, rule)
type Key = (String, usize, String);

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// The folders scanned as one repository each: top-level folders of `corpus/`, or their
/// sub-folders that hold a `REPO.md`.
fn repository_cases() -> Vec<PathBuf> {
    let folders = |dir: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .expect("corpus folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.is_dir())
            .collect()
    };
    let mut cases = Vec::new();
    for top in folders(&corpus_dir()) {
        let repos: Vec<PathBuf> = folders(&top)
            .into_iter()
            .filter(|sub| sub.join("REPO.md").is_file())
            .collect();
        if repos.is_empty() {
            cases.push(top);
        } else {
            cases.extend(repos);
        }
    }
    cases
}

fn annotations(case: &Path) -> BTreeMap<Key, Mark> {
    let mut marks = BTreeMap::new();
    let walker = ignore::WalkBuilder::new(case)
        .standard_filters(false)
        .build();
    for entry in walker.flatten() {
        let path = entry.path();
        let Some(kind) = FileKind::from_path(path) else {
            continue;
        };
        let text = String::from_utf8_lossy(&std::fs::read(path).expect("corpus file")).into_owned();
        let relative = path
            .strip_prefix(case)
            .expect("under case")
            .to_string_lossy()
            .replace('\\', "/");
        for (index, line) in text.lines().enumerate() {
            for (mark, rules) in parse_annotation(line, kind.line_comment()) {
                for rule in rules {
                    marks.insert((relative.clone(), index + 1, rule), mark);
                }
            }
        }
    }
    marks
}

/// `# expect: a, b` / `// ok: c` / `todo-expect:` / `todo-ok:` at the end of a line.
fn parse_annotation(line: &str, comment: &str) -> Vec<(Mark, Vec<String>)> {
    let mut found = Vec::new();
    for segment in line.split(comment).skip(1) {
        let segment = segment.trim();
        for (prefix, mark) in [
            ("todo-expect:", Mark::TodoExpect),
            ("todo-ok:", Mark::TodoOk),
            ("expect:", Mark::Expect),
            ("ok:", Mark::Ok),
        ] {
            if let Some(rest) = segment.strip_prefix(prefix) {
                let rules = rest
                    .split(',')
                    .map(|r| r.split_whitespace().next().unwrap_or("").to_string())
                    .filter(|r| !r.is_empty())
                    .collect();
                found.push((mark, rules));
                break;
            }
        }
    }
    found
}

#[derive(Default)]
struct Tally {
    true_positives: usize,
    false_negatives: usize,
    false_positives: usize,
    true_negatives: usize,
}

#[test]
fn corpus_annotations_hold() {
    let queries = QuerySet::compile(&PackFile::embedded()).expect("packs compile");
    let registry = Registry::new();
    let known: BTreeSet<&str> = registry.metas().iter().map(|m| m.id).collect();
    let engine = Engine::new(queries, registry);

    let mut failures = Vec::new();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut cases = repository_cases();
    cases.sort();
    assert!(!cases.is_empty(), "corpus/ has no cases");

    for case in &cases {
        let marks = annotations(case);
        for (path, line, rule) in marks.keys() {
            if !known.contains(rule.as_str()) {
                failures.push(format!(
                    "{path}:{line}: annotation names unknown rule '{rule}'"
                ));
            }
        }
        let mut options = ScanOptions::new(vec![case.clone()]);
        options.root = Some(case.clone());
        options.no_ignore = true;
        let result = scan(&options, &engine, &Silent).expect("scan");
        let reported: BTreeMap<Key, String> = result
            .findings
            .iter()
            .map(|f| {
                (
                    (f.path.clone(), f.region.start_line, f.rule_id.to_string()),
                    f.message.clone(),
                )
            })
            .collect();
        let corpus = corpus_dir();
        let case_name = case
            .strip_prefix(&corpus)
            .unwrap_or(case)
            .to_string_lossy()
            .replace('\\', "/");
        let at = |(path, line, rule): &Key| format!("corpus/{case_name}/{path}:{line} [{rule}]");

        for (key, mark) in &marks {
            let hit = reported.contains_key(key);
            let tally = tallies.entry(key.2.clone()).or_default();
            match (mark, hit) {
                (Mark::Expect, true) => tally.true_positives += 1,
                (Mark::Expect, false) => {
                    tally.false_negatives += 1;
                    failures.push(format!("missing: {}", at(key)));
                }
                (Mark::Ok, false) => tally.true_negatives += 1,
                (Mark::Ok, true) => {
                    tally.false_positives += 1;
                    failures.push(format!(
                        "unexpected (line is ok:): {} {}",
                        at(key),
                        reported[key]
                    ));
                }
                (Mark::TodoExpect, false) => tally.false_negatives += 1,
                (Mark::TodoExpect, true) => failures.push(format!(
                    "todo-expect is now found, promote it to expect: {}",
                    at(key)
                )),
                (Mark::TodoOk, true) => tally.false_positives += 1,
                (Mark::TodoOk, false) => failures.push(format!(
                    "todo-ok is no longer reported, promote it to ok: {}",
                    at(key)
                )),
            }
        }
        for (key, message) in &reported {
            if !marks.contains_key(key) {
                tallies.entry(key.2.clone()).or_default().false_positives += 1;
                failures.push(format!("unexpected (unannotated): {} {message}", at(key)));
            }
        }
    }

    println!(
        "\n{:<22} {:>4} {:>4} {:>4} {:>4} {:>9} {:>7}",
        "rule", "TP", "FP", "FN", "TN", "precision", "recall"
    );
    for (rule, t) in &tallies {
        let precision =
            t.true_positives as f64 / (t.true_positives + t.false_positives).max(1) as f64;
        let recall = t.true_positives as f64 / (t.true_positives + t.false_negatives).max(1) as f64;
        println!(
            "{rule:<22} {:>4} {:>4} {:>4} {:>4} {:>9.3} {:>7.3}",
            t.true_positives,
            t.false_positives,
            t.false_negatives,
            t.true_negatives,
            precision,
            recall
        );
    }
    assert!(
        failures.is_empty(),
        "corpus mismatches:\n  {}",
        failures.join("\n  ")
    );
}

/// Every rule has help and is pinned by the corpus with both a finding and a safe look-alike.
#[test]
fn every_rule_has_docs_and_positive_and_negative_corpus_cases() {
    let mut marks: Vec<(Mark, String)> = Vec::new();
    for entry in std::fs::read_dir(corpus_dir()).expect("corpus/") {
        let case = entry.expect("entry").path();
        if case.is_dir() {
            marks.extend(
                annotations(&case)
                    .into_iter()
                    .map(|((_, _, rule), mark)| (mark, rule)),
            );
        }
    }
    for rule in Registry::new().metas() {
        assert!(
            rule.help_markdown.starts_with(&format!("# {}", rule.id)),
            "docs/rules/{}.md must start with its id",
            rule.id
        );
        for wanted in [Mark::Expect, Mark::Ok] {
            assert!(
                marks
                    .iter()
                    .any(|(mark, id)| *mark == wanted && id == rule.id),
                "{}: no {wanted:?} line in corpus/",
                rule.id
            );
        }
    }
}
