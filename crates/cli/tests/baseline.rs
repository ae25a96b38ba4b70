//! End-to-end: `--baseline` through the real binary (issue 7). A baseline is an earlier SARIF
//! or JSON report; results match on rule, path and the line-insensitive fingerprint, so they
//! survive code moving, reformatting and edits elsewhere in their function. Only new findings
//! are shown in text and count for the exit code.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

/// Two injections in two functions, and a function with nothing to report.
const DB_PY: &str = "\
import sqlite3


def load(conn, user_id):
    cur = conn.cursor()
    cur.execute(f\"SELECT * FROM users WHERE id = {user_id}\")
    return cur.fetchall()


def search(cur, name):
    sql = \"SELECT * FROM items WHERE name = '\" + name + \"'\"
    cur.execute(sql)


def total(rows, tax):
    return sum([r.price for r in rows])*(1+tax)
";

const ORDERS_JS: &str = "async function find(pool, req) {\n  return pool.query(`SELECT * FROM orders WHERE id = ${req.params.id}`);\n}\nmodule.exports = { find };\n";

fn repo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    write(&root, "app/db.py", DB_PY);
    write(&root, "web/orders.js", ORDERS_JS);
    (dir, root)
}

/// Scan `root` into `../base.sarif` and return the baseline's path as the scan sees it.
fn take_baseline(root: &Path) -> &'static str {
    let output = run_in(root, &["scan", ".", "-q", "--output", "../base.sarif"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let log = read_valid_sarif(&root.join("../base.sarif"));
    assert_eq!(results(&log).len(), 3, "{log}");
    "../base.sarif"
}

/// `(uri, startLine, ruleId, baselineState)` of every result of a scan against `baseline`,
/// from SARIF that must validate against both schemas.
fn states(root: &Path, baseline: &str) -> Vec<(String, u64, String, String)> {
    let output = run_in(
        root,
        &[
            "scan",
            ".",
            "-q",
            "--baseline",
            baseline,
            "--output",
            "../now.sarif",
        ],
    );
    assert!(output.status.code() != Some(2), "{}", stderr(&output));
    let log = read_valid_sarif(&root.join("../now.sarif"));
    let located = results(&log);
    log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .zip(located)
        .map(|(r, (uri, line, rule))| {
            (
                uri,
                line,
                rule,
                r["baselineState"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn all_unchanged(states: &[(String, u64, String, String)]) -> bool {
    states.len() == 3 && states.iter().all(|(_, _, _, s)| s == "unchanged")
}

#[test]
fn seven_lines_above_every_finding_change_nothing_and_only_the_new_finding_counts() {
    let (_dir, root) = repo();
    let baseline = take_baseline(&root);

    let header_py = "# Copyright the authors.\n# Licensed under MIT.\n\"\"\"Data access.\"\"\"\nimport os\nimport sys\n\nLIMIT = 10\n";
    let header_js = "// Copyright the authors.\n// Licensed under MIT.\n'use strict';\nconst LIMIT = 10;\n\n/** Orders. */\n\n";
    write(&root, "app/db.py", format!("{header_py}{DB_PY}"));
    write(&root, "web/orders.js", format!("{header_js}{ORDERS_JS}"));

    let now = states(&root, baseline);
    let lines: Vec<(&str, u64)> = now.iter().map(|(u, l, _, _)| (u.as_str(), *l)).collect();
    assert_eq!(
        lines,
        [("app/db.py", 13), ("app/db.py", 19), ("web/orders.js", 9)],
        "every finding moved seven lines down: {now:?}"
    );
    assert!(all_unchanged(&now), "{now:?}");

    // Without the baseline the same tree fails; with it nothing is new.
    assert_eq!(run_in(&root, &["scan", ".", "-q"]).status.code(), Some(1));
    let output = run_in(&root, &["scan", ".", "--baseline", baseline]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    assert!(!text.contains("error["), "{text}");
    assert!(
        text.contains("baseline '../base.sarif': 0 new findings shown; 3 unchanged and 0 updated not shown; 0 absent"),
        "{text}"
    );

    // One truly new finding: it alone is shown and fails the scan.
    let purge = "\n\ndef purge(cur, table):\n    cur.execute(\"DELETE FROM \" + table)\n";
    write(&root, "app/db.py", format!("{header_py}{DB_PY}{purge}"));
    let output = run_in(&root, &["scan", ".", "--baseline", baseline]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let text = stdout(&output);
    let shown: Vec<&str> = text.lines().filter(|l| l.contains("error[")).collect();
    assert_eq!(shown.len(), 1, "{text}");
    assert!(
        shown[0].starts_with("app/db.py:27:9: error[sql-injection]: string concatenation with 'table' reaches cur.execute"),
        "{text}"
    );
    assert!(
        text.contains("1 new finding shown; 3 unchanged and 0 updated not shown; 0 absent"),
        "{text}"
    );
    assert!(
        text.contains("; 1 error, 0 warnings, 0 notes in "),
        "{text}"
    );
    // --fail-on still sets the threshold for new findings.
    let output = run_in(
        &root,
        &[
            "scan",
            ".",
            "-q",
            "--baseline",
            baseline,
            "--fail-on",
            "none",
        ],
    );
    assert_eq!(output.status.code(), Some(0));

    let states = states(&root, baseline);
    let new: Vec<_> = states.iter().filter(|s| s.3 == "new").collect();
    assert_eq!(new.len(), 1, "{states:?}");
    assert_eq!(new[0].1, 27);
}

#[test]
fn reformatting_other_code_keeps_every_finding_unchanged() {
    let (_dir, root) = repo();
    let baseline = take_baseline(&root);
    // A formatter's pass over everything but the flagged calls: blank lines, wrapped
    // expressions, spacing and quotes.
    let reformatted = DB_PY
        .replace("import sqlite3\n", "import sqlite3  # noqa\n\n")
        .replace(
            "    return sum([r.price for r in rows])*(1+tax)\n",
            "    return sum(\n        [r.price for r in rows]\n    ) * (1 + tax)\n",
        )
        .replace("    return cur.fetchall()\n", "\n    return cur.fetchall(\n    )\n")
        .replace(
            "    sql = \"SELECT * FROM items WHERE name = '\" + name + \"'\"\n",
            "    sql = (\n        \"SELECT * FROM items WHERE name = '\"\n        + name\n        + \"'\"\n    )\n",
        );
    write(&root, "app/db.py", reformatted);
    write(
        &root,
        "web/orders.js",
        ORDERS_JS.replace(
            "module.exports = { find };",
            "module.exports = {\n  find,\n};",
        ),
    );
    let now = states(&root, baseline);
    assert!(all_unchanged(&now), "{now:?}");
    assert_eq!(now[1].1, 19, "search's sink moved: {now:?}");
}

#[test]
fn an_edit_elsewhere_in_the_same_function_keeps_the_finding() {
    let (_dir, root) = repo();
    let baseline = take_baseline(&root);
    let edited = DB_PY.replace(
        "    cur = conn.cursor()\n    cur.execute(f\"SELECT * FROM users WHERE id = {user_id}\")\n    return cur.fetchall()\n",
        "    log.info(\"loading %s\", user_id)\n    cur = conn.cursor(named=True)\n    cur.execute(f\"SELECT * FROM users WHERE id = {user_id}\")\n    rows = cur.fetchall()\n    log.info(\"loaded %d\", len(rows))\n    return rows\n",
    );
    assert_ne!(edited, DB_PY);
    write(&root, "app/db.py", edited);
    let now = states(&root, baseline);
    assert!(all_unchanged(&now), "{now:?}");
    assert_eq!(now[0].1, 7, "load's sink moved a line down: {now:?}");
}

#[test]
fn a_fixed_finding_is_absent_and_a_reworded_one_is_updated() {
    let (_dir, root) = repo();
    let baseline = take_baseline(&root);
    let changed = DB_PY
        // load is fixed: a bound parameter.
        .replace(
            "cur.execute(f\"SELECT * FROM users WHERE id = {user_id}\")",
            "cur.execute(\"SELECT * FROM users WHERE id = ?\", (user_id,))",
        )
        // search still builds SQL, from a renamed parameter: same call, new message.
        .replace("def search(cur, name):", "def search(cur, term):")
        .replace("+ name +", "+ term +");
    write(&root, "app/db.py", changed);

    let now = states(&root, baseline);
    assert_eq!(
        now,
        [
            (
                "app/db.py".to_string(),
                12,
                "sql-injection".to_string(),
                "updated".to_string()
            ),
            (
                "web/orders.js".to_string(),
                2,
                "sql-injection".to_string(),
                "unchanged".to_string()
            ),
            (
                "app/db.py".to_string(),
                6,
                "sql-injection".to_string(),
                "absent".to_string()
            ),
        ],
        "absent results follow the current ones, where they were"
    );
    let log: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("../now.sarif")).unwrap()).unwrap();
    let absent = &log["runs"][0]["results"][2];
    assert!(absent["message"]["text"]
        .as_str()
        .unwrap()
        .starts_with("f-string with 'user_id' reaches cur.execute"));
    assert!(absent["partialFingerprints"]["shipshape/v1"].is_string());
    let updated = &log["runs"][0]["results"][0];
    assert!(updated["message"]["text"]
        .as_str()
        .unwrap()
        .contains("'term'"));

    // Neither an updated nor an absent result fails the build or is listed.
    let output = run_in(&root, &["scan", ".", "--baseline", baseline]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    assert!(!text.contains("error["), "{text}");
    assert!(
        text.contains("0 new findings shown; 1 unchanged and 1 updated not shown; 1 absent (gone since the baseline)"),
        "{text}"
    );

    // JSON carries the same states, and the absent result with where it was.
    let output = run_in(
        &root,
        &[
            "scan",
            ".",
            "-q",
            "--format",
            "json",
            "--baseline",
            baseline,
        ],
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let json_states: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["baseline_state"].as_str().unwrap())
        .collect();
    assert_eq!(json_states, ["updated", "unchanged"]);
    assert_eq!(report["absent"][0]["baseline_state"], "absent");
    assert_eq!(report["absent"][0]["region"]["start_line"], 6);
    assert_eq!(report["baseline"]["absent"], 1);
    assert_eq!(report["baseline"]["file"], "../base.sarif");
}

#[test]
fn a_json_report_serves_as_a_baseline_too() {
    let (_dir, root) = repo();
    let output = run_in(&root, &["scan", ".", "-q", "--output", "../base.json"]);
    assert_eq!(output.status.code(), Some(1));
    write(&root, "app/db.py", format!("\n\n\n{DB_PY}"));
    let now = states(&root, "../base.json");
    assert!(all_unchanged(&now), "{now:?}");
    // A report written with a baseline can be the next baseline: its absent list is not read.
    let output = run_in(
        &root,
        &[
            "scan",
            ".",
            "-q",
            "--baseline",
            "../base.json",
            "--output",
            "../next.json",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(all_unchanged(&states(&root, "../next.json")));
}

#[test]
fn an_unusable_baseline_exits_two_naming_the_file() {
    let (_dir, root) = repo();
    write(&root, "../notes.txt", "not a report\n");
    write(
        &root,
        "../other.sarif",
        r#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"semgrep"}},"results":[]}]}"#,
    );
    write(&root, "../config.json", r#"{"rules":[]}"#);
    for (file, message) in [
        ("../missing.sarif", "cannot read baseline '../missing.sarif'"),
        (
            "../notes.txt",
            "baseline '../notes.txt' is not a SARIF log or a shipshape JSON report",
        ),
        (
            "../other.sarif",
            "baseline '../other.sarif' holds no shipshape run (runs by: semgrep)",
        ),
        (
            "../config.json",
            "baseline '../config.json' is neither a SARIF log (no 'runs') nor a shipshape JSON report (no 'findings')",
        ),
    ] {
        let output = run_in(&root, &["scan", ".", "--baseline", file]);
        assert_eq!(output.status.code(), Some(2), "{file}");
        assert!(stderr(&output).contains(message), "{file}: {}", stderr(&output));
        assert!(stdout(&output).is_empty(), "no report for {file}");
    }
}
