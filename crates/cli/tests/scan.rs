//! End-to-end: the real binary over a polyglot tree full of bad inputs (issue 2's "done means").
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stderr)]

mod common;

use common::*;
use std::path::Path;

const PY_BAD: &str = "import sqlite3\n\ndef load(conn, user_id):\n    cur = conn.cursor()\n    cur.execute(f\"SELECT * FROM users WHERE id = {user_id}\")\n    return cur.fetchall()\n";
const JS_BAD: &str = "async function find(pool, req) {\n  return pool.query(`SELECT * FROM orders WHERE id = ${req.params.id}`);\n}\nmodule.exports = { find };\n";
const TS_BAD: &str = "export async function find(pool: Pool, name: string) {\n  return pool.query(\"SELECT * FROM users WHERE name = '\" + name + \"'\");\n}\n";
const RS_BAD: &str = "pub async fn find(pool: &PgPool, id: &str) {\n    let _ = sqlx::query(&format!(\"SELECT * FROM users WHERE id = {}\", id))\n        .execute(pool)\n        .await;\n}\n";

/// A repository mixing the four languages with every kind of bad input.
fn bad_repo(root: &Path) {
    write(root, "app/db.py", PY_BAD);
    write(root, "web/orders.js", JS_BAD);
    write(root, "web/users.ts", TS_BAD);
    write(root, "src/store.rs", RS_BAD);
    // A finding before a syntax error: the recovered tree is still analysed.
    write(
        root,
        "app/broken.py",
        "def f(cur, x):\n    cur.execute(\"DELETE FROM t WHERE id = \" + x)\n\ndef g(:\n    return ]\n",
    );
    // Latin-1, not UTF-8: decoded with replacement characters and analysed.
    let mut latin1 = b"# caf\xe9 cr\xe8me\ndef f(cur, name):\n    cur.execute(\"SELECT * FROM t WHERE name = '%s'\" % name)\n".to_vec();
    latin1.extend_from_slice(b"# fin \xff\n");
    write(root, "app/legacy.py", latin1);
    // Binary content with a source extension.
    write(
        root,
        "web/blob.js",
        b"\x00\x01\x02binary\x00 pool.query(`SELECT ${x}`)",
    );
    // Over the default 1 MiB limit.
    write(root, "app/huge.py", "x = 1\n".repeat(200_000));
    // A minified bundle: one very long line.
    write(
        root,
        "web/bundle.js",
        format!(
            "var a=1;{}\n",
            "pool.query(`SELECT * FROM t WHERE id=${x}`);".repeat(500)
        ),
    );
    // Nesting deep enough to overflow a recursive walk.
    write(
        root,
        "app/deep.py",
        format!("x = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000)),
    );
    write(
        root,
        "web/deep.js",
        format!(
            "const x = {}1{};\n",
            "[\n".repeat(50_000),
            "]\n".repeat(50_000)
        ),
    );
    // 200,000 unclosed brackets after a sink: error recovery leaves a run of tokens that makes
    // pattern matching quadratic, so it is skipped and said.
    write(
        root,
        "app/unclosed.py",
        format!(
            "def f(db, q):\n    db.execute(q)\nx = {}\n",
            "(".repeat(200_000)
        ),
    );
    // Skipped by default: vendored code, ignored files, hidden folders.
    write(root, "node_modules/lib/index.js", JS_BAD);
    write(root, ".ignore", "generated/\n");
    write(root, "generated/models.py", PY_BAD);
    write(root, ".cache/old.py", PY_BAD);
}

fn scan_to_sarif(
    root: &Path,
    threads: &str,
    extra: &[&str],
) -> (std::process::Output, serde_json::Value, Vec<u8>) {
    let out = root.join(format!("../out-{threads}.sarif"));
    let out_str = out.to_str().unwrap().to_string();
    let mut args = vec![
        "scan",
        ".",
        "--format",
        "sarif",
        "--output",
        &out_str,
        "--threads",
        threads,
    ];
    args.extend_from_slice(extra);
    let output = run_in(root, &args);
    let log = read_valid_sarif(&out);
    let bytes = std::fs::read(&out).unwrap();
    (output, log, bytes)
}

#[test]
fn polyglot_repo_with_bad_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    bad_repo(&root);

    let (output, log, one_thread) = scan_to_sarif(&root, "1", &[]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "findings exit 1: {}",
        stderr(&output)
    );
    let (_, _, two_threads) = scan_to_sarif(&root, "2", &[]);
    assert!(
        one_thread == two_threads,
        "SARIF differs between --threads 1 and 2"
    );
    let (_, _, again) = scan_to_sarif(&root, "2", &[]);
    assert!(again == two_threads, "SARIF differs between two runs");

    let found = results(&log);
    let expected = [
        ("app/broken.py", 2),
        ("app/db.py", 5),
        ("app/legacy.py", 3),
        ("src/store.rs", 2),
        ("web/orders.js", 2),
        ("web/users.ts", 2),
    ];
    let got: Vec<(&str, u64)> = found.iter().map(|(u, l, _)| (u.as_str(), *l)).collect();
    assert_eq!(got, expected, "all results: {found:?}");
    assert!(found.iter().all(|(_, _, rule)| rule == "sql-injection"));

    let notes = notifications(&log);
    let has = |id: &str, path: &str| notes.iter().any(|(i, m)| i == id && m.starts_with(path));
    assert!(has("binary", "web/blob.js"), "{notes:?}");
    assert!(has("too-large", "app/huge.py"), "{notes:?}");
    assert!(has("minified", "web/bundle.js"), "{notes:?}");
    assert!(has("invalid-utf8", "app/legacy.py"), "{notes:?}");
    assert!(has("syntax-error", "app/broken.py"), "{notes:?}");
    assert!(
        notes.iter().any(|(id, m)| id == "query-budget-exceeded"
            && m.starts_with("app/unclosed.py")
            && m.contains("unmatched tokens")),
        "{notes:?}"
    );
    // Deep nesting neither crashes nor stalls: what is nested beyond the matching limit is
    // reported, the rest analysed.
    for file in ["app/deep.py", "web/deep.js"] {
        assert!(has("nesting-too-deep", file), "{notes:?}");
        let others = notes.iter().filter(|(id, m)| {
            m.starts_with(file) && id != "nesting-too-deep" && id != "query-budget-exceeded"
        });
        assert_eq!(others.count(), 0, "{notes:?}");
    }
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);

    // Nothing from vendored, ignored or hidden files.
    for skipped in ["node_modules", "generated", ".cache"] {
        assert!(
            !found.iter().any(|(u, _, _)| u.starts_with(skipped)),
            "{skipped}"
        );
        assert!(
            !notes.iter().any(|(_, m)| m.starts_with(skipped)),
            "{skipped}"
        );
    }
}

#[test]
fn sarif_carries_what_github_and_viewers_need() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    write(&root, "app/db.py", PY_BAD);
    write(&root, "src/lib.rs", "// é😀\nfn x(c: &Client, id: &str) { c.execute(&format!(\"DELETE FROM t WHERE id = {id}\"), &[]); }\n");
    let (_, log, _) = scan_to_sarif(&root, "2", &["--category", "backend"]);
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["automationDetails"]["id"], "backend/");
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    // Portable by default: the root is described, not named (--sarif-absolute-root names it).
    let srcroot = &run["originalUriBaseIds"]["%SRCROOT%"];
    assert!(srcroot["uri"].is_null(), "{srcroot}");
    assert!(srcroot["description"]["text"].is_string(), "{srcroot}");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "shipshape");
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted, "the rule table is sorted by id");
    for id in [
        "sql-injection",
        "path-traversal",
        "ssrf",
        "unvalidated-body",
    ] {
        assert!(ids.contains(&id), "{ids:?}");
    }
    let rule = &rules[ids.iter().position(|&id| id == "sql-injection").unwrap()];
    let tags: Vec<&str> = rule["properties"]["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(
        tags.contains(&"injection")
            && tags.contains(&"security")
            && tags.contains(&"external/cwe/cwe-089")
    );
    assert_eq!(rule["properties"]["security-severity"], "8.8");
    assert!(rule["help"]["markdown"]
        .as_str()
        .unwrap()
        .contains("## How to suppress"));

    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    let sql_index = ids.iter().position(|&id| id == "sql-injection").unwrap();
    for result in results {
        assert_eq!(result["ruleIndex"], sql_index);
        assert_eq!(result["level"], "error");
        assert_eq!(
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"],
            "%SRCROOT%"
        );
        let fingerprints = &result["partialFingerprints"];
        assert!(fingerprints["primaryLocationLineHash"]
            .as_str()
            .unwrap()
            .contains(':'));
        assert!(fingerprints["shipshape/v1"]
            .as_str()
            .unwrap()
            .ends_with(":1"));
    }
    // Python: `execute(` starts at UTF-16 column 9 of line 5; the call ends at column 62.
    let py = &results[0]["locations"][0]["physicalLocation"];
    assert_eq!(py["artifactLocation"]["uri"], "app/db.py");
    assert_eq!(py["region"]["startLine"], 5);
    assert_eq!(py["region"]["startColumn"], 9);
    assert_eq!(py["region"]["endColumn"], 61);
    assert!(results[0]["message"]["text"]
        .as_str()
        .unwrap()
        .starts_with("f-string with 'user_id' reaches cur.execute"));
    // Rust: line 2, `execute` after `fn x(c: &Client, id: &str) { c.` (31 units) = column 32.
    let rs = &results[1]["locations"][0]["physicalLocation"];
    assert_eq!(rs["artifactLocation"]["uri"], "src/lib.rs");
    assert_eq!(rs["region"]["startColumn"], 32);
}

#[test]
fn fingerprints_survive_edits_above_the_finding() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    write(&root, "app/db.py", PY_BAD);
    let (_, before, _) = scan_to_sarif(&root, "1", &[]);
    write(
        &root,
        "app/db.py",
        format!("import os\nimport sys\n\nLIMIT = 10\n{PY_BAD}"),
    );
    let (_, after, _) = scan_to_sarif(&root, "1", &[]);
    let fp = |log: &serde_json::Value| log["runs"][0]["results"][0]["partialFingerprints"].clone();
    let line = |log: &serde_json::Value| {
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"]
            .clone()
    };
    assert_eq!(line(&before), 5);
    assert_eq!(line(&after), 9);
    assert_eq!(fp(&before), fp(&after));
}

#[test]
fn clean_folder_exits_zero_and_missing_path_exits_two() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "ok.py",
        "def f(cur, x):\n    cur.execute(\"SELECT * FROM t WHERE id = %s\", (x,))\n",
    );
    let output = run_in(dir.path(), &["scan", "."]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("1 file scanned, 0 skipped; 0 errors, 0 warnings, 0 notes"),
        "{}",
        stdout(&output)
    );

    let output = run_in(dir.path(), &["scan", "does-not-exist"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("'does-not-exist' does not exist"),
        "{message}"
    );

    let output = run_in(dir.path(), &["scan", "--format", "yaml"]);
    assert_eq!(output.status.code(), Some(2), "usage errors exit 2");
}

#[test]
fn fail_on_sets_the_threshold() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "db.py", PY_BAD);
    assert_eq!(
        run_in(dir.path(), &["scan", "-q", "--fail-on", "error"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        run_in(dir.path(), &["scan", "-q", "--fail-on", "none"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn text_output_points_at_the_code() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app/db.py", PY_BAD);
    write(dir.path(), "web/bundle.min.js", "var a=1;\n");
    let output = run_in(dir.path(), &["scan", "."]);
    let text = stdout(&output);
    let expected = format!(
        "app/db.py:5:9: error[sql-injection]: f-string with 'user_id' reaches cur.execute: pass the value as a bound parameter\n  |\n5 |     cur.execute(f\"SELECT * FROM users WHERE id = {{user_id}}\")\n  |         {}\n",
        "^".repeat(52)
    );
    assert!(text.starts_with(&expected), "{text}");
    assert!(
        text.contains("warning: web/bundle.min.js: minified file"),
        "{text}"
    );
    assert!(
        text.contains("1 file scanned, 1 skipped; 1 error, 0 warnings, 0 notes in "),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "no colour when not on a terminal");

    let coloured = stdout(&run_in(dir.path(), &["scan", ".", "--color", "always"]));
    assert!(coloured.contains("\u{1b}["), "--color always colours");
}

#[test]
fn json_output_has_findings_and_summary() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "web/orders.js", JS_BAD);
    let output = run_in(dir.path(), &["scan", ".", "--format", "json", "--quiet"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["findings"][0]["rule_id"], "sql-injection");
    assert_eq!(report["findings"][0]["path"], "web/orders.js");
    assert_eq!(report["summary"]["files_analyzed"], 1);
    assert_eq!(report["summary"]["lines"], 4);
    assert!(
        stderr(&output).is_empty(),
        "--quiet prints nothing on stderr"
    );
}

#[test]
fn include_exclude_and_no_ignore() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/db.py", PY_BAD);
    write(dir.path(), "b/orders.js", JS_BAD);
    write(dir.path(), "node_modules/x/orders.js", JS_BAD);
    let paths = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["scan", ".", "--format", "json", "-q"];
        all.extend_from_slice(args);
        let report: serde_json::Value =
            serde_json::from_slice(&run_in(dir.path(), &all).stdout).unwrap();
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(paths(&[]), ["a/db.py", "b/orders.js"]);
    assert_eq!(paths(&["--include", "*.py"]), ["a/db.py"]);
    assert_eq!(paths(&["--exclude", "b/"]), ["a/db.py"]);
    assert_eq!(
        paths(&["--no-ignore"]),
        ["a/db.py", "b/orders.js", "node_modules/x/orders.js"]
    );
    // Several PATHs, reported relative to the current directory.
    let report: serde_json::Value = serde_json::from_slice(
        &run_in(dir.path(), &["scan", "b", "a/db.py", "--format", "json"]).stdout,
    )
    .unwrap();
    assert_eq!(report["findings"].as_array().unwrap().len(), 2);
}

#[cfg(unix)]
#[test]
fn symlinks_never_leave_the_root_and_loops_end() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("outside");
    write(&outside, "secret.py", PY_BAD);
    let root = dir.path().join("repo");
    write(&root, "app/ok.py", "x = 1\n");
    symlink(&outside, root.join("app/linked")).unwrap();
    symlink(outside.join("secret.py"), root.join("app/secret.py")).unwrap();
    symlink(&root, root.join("app/loop")).unwrap();
    symlink(root.join("nowhere.py"), root.join("app/dangling.py")).unwrap();

    for extra in [&[][..], &["--follow-symlinks"][..]] {
        let mut args = vec!["scan", ".", "--format", "json"];
        args.extend_from_slice(extra);
        let output = run_in(&root, &args);
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(
            report["findings"].as_array().unwrap().len(),
            0,
            "{extra:?}: {report}"
        );
        assert_eq!(output.status.code(), Some(0), "{extra:?}");
        if !extra.is_empty() {
            let messages = report["notifications"].to_string();
            assert!(messages.contains("outside the scanned root"), "{messages}");
            assert!(messages.contains("loop"), "{messages}");
        }
    }
}

#[test]
fn user_query_packs_add_sinks_and_bad_packs_are_named() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app/reports.py", "from app.db import run_sql\n\ndef totals(region):\n    return run_sql(\"SELECT SUM(total) FROM orders WHERE region = '\" + region + \"'\")\n");
    write(
        dir.path(),
        "packs/python/in-house.scm",
        "; our own helper executes SQL\n(call\n  function: (identifier) @sink.name\n  arguments: (argument_list . (_) @sink.sql)\n  (#eq? @sink.name \"run_sql\")) @sink.call\n",
    );
    let before = run_in(dir.path(), &["scan", "app", "-q"]);
    assert_eq!(before.status.code(), Some(0));
    let after = run_in(dir.path(), &["scan", "app", "-q", "--queries", "packs"]);
    assert_eq!(after.status.code(), Some(1));
    assert!(stdout(&after).contains("app/reports.py:4:12: error[sql-injection]: string concatenation with 'region' reaches run_sql"), "{}", stdout(&after));

    write(
        dir.path(),
        "bad/python/typo.scm",
        "(call\n  function: (identifier) @sink.nam)\n",
    );
    let output = run_in(dir.path(), &["scan", "app", "--queries", "bad"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("bad/python/typo.scm:2:26: unknown capture @sink.nam"),
        "{message}"
    );

    write(dir.path(), "bad2/cobol/x.scm", "(call)\n");
    let output = run_in(dir.path(), &["scan", "app", "--queries", "bad2"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unknown language folder 'cobol'"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn output_is_written_atomically_and_bad_targets_exit_two() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "db.py", PY_BAD);
    let output = run_in(
        dir.path(),
        &["scan", "db.py", "--output", "no/such/dir/out.sarif"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot write 'no/such/dir/out.sarif'"),
        "{}",
        stderr(&output)
    );

    let output = run_in(dir.path(), &["scan", "db.py", "--output", "out.sarif"]);
    assert_eq!(output.status.code(), Some(1));
    read_valid_sarif(&dir.path().join("out.sarif"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "no temp file left: {leftovers:?}");
}

#[test]
fn rules_and_explain() {
    let dir = tempfile::tempdir().unwrap();
    let listing = stdout(&run_in(dir.path(), &["rules"]));
    assert!(
        listing.contains("sql-injection")
            && listing.contains("injection")
            && listing.contains("Python, JavaScript, TypeScript, Rust"),
        "{listing}"
    );
    let help = run_in(dir.path(), &["explain", "sql-injection"]);
    assert!(stdout(&help).starts_with("# sql-injection"));
    let unknown = run_in(dir.path(), &["explain", "nope"]);
    assert_eq!(unknown.status.code(), Some(2));
    let known: Vec<&str> = shipshape_rules::Registry::new()
        .metas()
        .iter()
        .map(|m| m.id)
        .collect();
    assert!(known.contains(&"uncapped-retry") && known.contains(&"xss"));
    assert!(
        stderr(&unknown).contains(&format!("known rules: {}", known.join(", "))),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn gitignore_applies_inside_a_git_repository_like_ripgrep() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app/db.py", PY_BAD);
    write(dir.path(), "gen/db.py", PY_BAD);
    write(dir.path(), ".gitignore", "gen/\n");
    let count = || {
        let output = run_in(dir.path(), &["scan", ".", "--format", "json", "-q"]);
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        report["findings"].as_array().unwrap().len()
    };
    assert_eq!(
        count(),
        2,
        "outside a git repository .gitignore is not read"
    );
    let git = std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir.path())
        .status();
    if !git.is_ok_and(|s| s.success()) {
        eprintln!("git is not installed; skipping the in-repository half");
        return;
    }
    assert_eq!(count(), 1, "inside one it is");
}

#[test]
fn root_must_contain_every_path() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/db.py", PY_BAD);
    write(dir.path(), "b/x.py", "x = 1\n");
    let output = run_in(dir.path(), &["scan", "a", "--root", "b"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is outside the root"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn sarif_code_flows_follow_the_value_to_the_sink() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    write(
        &root,
        "app/search.py",
        "def search(cur, term):\n    where = \"name = '\" + term + \"'\"\n    sql = \"SELECT * FROM items WHERE \" + where\n    cur.execute(sql)\n",
    );
    let (_, log, _) = scan_to_sarif(&root, "1", &[]);
    let result = &log["runs"][0]["results"][0];
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        4
    );
    let steps = result["codeFlows"][0]["threadFlows"][0]["locations"]
        .as_array()
        .unwrap();
    let lines: Vec<u64> = steps
        .iter()
        .map(|s| {
            s["location"]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(
        lines,
        [2, 2, 3, 4],
        "term, where =, sql =, the sink: {steps:?}"
    );
    assert!(steps
        .iter()
        .all(|s| s["location"]["message"]["text"].is_string()));
    let related = &result["relatedLocations"][0];
    assert_eq!(related["id"], 1);
    assert_eq!(related["physicalLocation"]["region"]["startLine"], 2);
    assert!(result["message"]["text"]
        .as_str()
        .unwrap()
        .contains("'term' reaches cur.execute"));
}

#[test]
fn user_packs_declare_request_sources_sinks_and_validators() {
    // An in-house web framework: `param(name)` reads the request, `blobs.put(key, data)` writes
    // a file, `is_safe_key(key)` is the team's validator. None is known to the shipped packs.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "app/blobs.py",
        "from ourweb import param, blobs, is_safe_key\n\ndef upload():\n    key = param(\"key\")\n    blobs.put(\"/data/\" + key, b\"\")\n\ndef upload_checked():\n    key = param(\"key\")\n    if not is_safe_key(key):\n        return 400\n    blobs.put(\"/data/\" + key, b\"\")\n",
    );
    write(
        dir.path(),
        "packs/python/ourweb.scm",
        "; param(name) returns request data\n((call function: (identifier) @_f) @source.request (#eq? @_f \"param\"))\n\n; blobs.put(path, data) writes a file\n(call\n  function: (attribute object: (identifier) @_o attribute: (identifier) @sink.name)\n  arguments: (argument_list . (_) @sink.path)\n  (#eq? @_o \"blobs\")\n  (#eq? @sink.name \"put\")) @sink.call\n\n; if not is_safe_key(k): <exit>  validates k\n((if_statement\n   condition: (not_operator argument: (call\n     function: (identifier) @_v\n     arguments: (argument_list . (identifier) @guard.subject)))\n   consequence: (block (return_statement))) @guard.after\n (#eq? @_v \"is_safe_key\"))\n",
    );
    let before = run_in(dir.path(), &["scan", "app", "-q"]);
    assert_eq!(before.status.code(), Some(0), "{}", stdout(&before));
    let after = run_in(dir.path(), &["scan", "app", "--queries", "packs"]);
    let text = stdout(&after);
    assert_eq!(after.status.code(), Some(1), "{text}");
    assert!(
        text.contains("app/blobs.py:5:11: error[path-traversal]: request data 'param(\"key\")' reaches blobs.put"),
        "{text}"
    );
    assert!(
        !text.contains("app/blobs.py:11:"),
        "the validated upload is clean: {text}"
    );
}

#[test]
fn request_data_in_sarif_starts_the_flow_and_raises_severity() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    write(
        &root,
        "app/views.py",
        "from flask import request\n\n@app.get(\"/orders\")\ndef orders():\n    status = request.args.get(\"status\")\n    return db.execute(f\"SELECT id FROM orders WHERE status = '{status}'\")\n\ndef internal(cur, status):\n    cur.execute(f\"SELECT id FROM orders WHERE status = '{status}'\")\n",
    );
    let (_, log, _) = scan_to_sarif(&root, "1", &[]);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2, "{results:?}");
    let from_request = &results[0];
    assert_eq!(from_request["ruleId"], "sql-injection");
    assert_eq!(from_request["properties"]["security-severity"], "9.8");
    let first_step = &from_request["codeFlows"][0]["threadFlows"][0]["locations"][0]["location"];
    assert_eq!(first_step["physicalLocation"]["region"]["startLine"], 5);
    assert!(first_step["message"]["text"]
        .as_str()
        .unwrap()
        .contains("is request data"));
    // The same build from a parameter keeps the rule's own severity.
    assert!(results[1]["properties"]["security-severity"].is_null());
}

#[test]
fn loop_findings_carry_their_own_level_in_sarif() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    write(
        &root,
        "jobs/tick.py",
        "import time\n\n\ndef spin():\n    while True:\n        time.sleep(1)\n\n\nasync def ticker(bus):\n    while True:\n        await bus.publish(\"tick\")\n",
    );
    let (_, log, _) = scan_to_sarif(&root, "1", &[]);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let levels: Vec<(u64, &str)> = results
        .iter()
        .map(|r| {
            (
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap(),
                r["level"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(levels, [(5, "error"), (10, "note")], "{results:?}");
    assert!(results[1]["message"]["text"]
        .as_str()
        .unwrap()
        .contains("cancelling its task"));
}
