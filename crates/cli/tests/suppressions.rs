//! Inline suppressions through the binary: `shipshape: ignore[rule] reason` before a wrapped
//! statement or at the end of a line, kept in SARIF as `inSource`, out of the exit code and
//! the text; bad and unused suppressions reported; `--no-inline-suppressions`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{run_in, scan_sarif, stdout, write};
use serde_json::Value;

const APP: &str = r#"import os


def report(cursor, order, name):
    # shipshape: ignore[sql-injection] order is one of ALLOWED_ORDERS, checked by the view
    cursor.execute(
        "SELECT * FROM sales ORDER BY %s"
        % order
    )
    cursor.execute(f"SELECT * FROM sales WHERE owner = '{name}'")


def archive(name):
    os.system("tar czf /archive/" + name)  # shipshape: ignore[injection] name is a uuid4 hex
"#;

/// (rule, line, justification) of every result.
fn results(log: &Value) -> Vec<(String, u64, Option<String>)> {
    log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap().to_string(),
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap(),
                r["suppressions"].as_array().map(|s| {
                    assert_eq!(s[0]["kind"], "inSource");
                    s[0]["justification"].as_str().unwrap().to_string()
                }),
            )
        })
        .collect()
}

#[test]
fn a_suppression_before_a_wrapped_statement_stays_in_sarif_as_in_source() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app/reports.py", APP);
    let log = scan_sarif(dir.path(), &[]);
    assert_eq!(
        results(&log),
        [
            (
                "sql-injection".to_string(),
                6,
                Some("order is one of ALLOWED_ORDERS, checked by the view".to_string())
            ),
            ("sql-injection".to_string(), 10, None),
            (
                "command-injection".to_string(),
                14,
                Some("name is a uuid4 hex".to_string())
            ),
        ]
    );

    // Suppressed findings neither show in text nor fail the scan; the other one does.
    let text = run_in(dir.path(), &["scan", "."]);
    assert_eq!(text.status.code(), Some(1));
    let shown = stdout(&text);
    assert!(
        shown.contains("reports.py:10:") && !shown.contains("reports.py:6:"),
        "{shown}"
    );
    assert!(
        shown.contains("2 findings suppressed in the source"),
        "{shown}"
    );

    write(
        dir.path(),
        "app/reports.py",
        APP.replace(
            "    cursor.execute(f\"SELECT * FROM sales WHERE owner = '{name}'\")\n",
            "",
        ),
    );
    let clean = run_in(dir.path(), &["scan", "."]);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));

    // For third-party code: every finding counts again.
    let all = scan_sarif(dir.path(), &["--no-inline-suppressions"]);
    assert!(results(&all).iter().all(|(_, _, why)| why.is_none()));
    assert_eq!(results(&all).len(), 2);
}

#[test]
fn bad_and_unused_suppressions_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "app/tools.py",
        r#"import os


def run(name):
    os.system("ls " + name)  # shipshape: ignore[command-injection]
    os.system("du " + name)  # shipshape: ignore[comand-injection] typo in the id
    return name  # shipshape: ignore[xss] left over from a refactor
"#,
    );
    let log = scan_sarif(dir.path(), &["--report-unused-suppressions"]);
    // Neither bad suppression applies.
    assert!(results(&log).iter().all(|(_, _, why)| why.is_none()));
    let notes: Vec<(String, u64, String)> = log["runs"][0]["invocations"][0]
        ["toolExecutionNotifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["descriptor"]["id"].as_str().unwrap().to_string(),
                n["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap(),
                n["message"]["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let kinds: Vec<(&str, u64)> = notes.iter().map(|n| (n.0.as_str(), n.1)).collect();
    assert_eq!(
        kinds,
        [
            ("bad-suppression", 5),
            ("bad-suppression", 6),
            ("unused-suppression", 7)
        ],
        "{notes:?}"
    );
    assert!(notes[0].2.contains("without a reason"));
    assert!(notes[1].2.contains("'comand-injection'"));
    // Unused suppressions are listed only when asked for.
    let quiet = scan_sarif(dir.path(), &[]);
    let listed = quiet["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .map_or(0, |n| {
            n.iter()
                .filter(|n| n["descriptor"]["id"] == "unused-suppression")
                .count()
        });
    assert_eq!(listed, 0);
}

#[test]
fn repository_level_findings_are_suppressed_in_the_query_s_file() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "db/migrations/001_init.sql",
        "CREATE TABLE events (id bigint PRIMARY KEY, kind text, created_at timestamptz);\n",
    );
    write(
        dir.path(),
        "app/events.py",
        r#"def by_kind(cur, kind):
    # shipshape: ignore[missing-index] events is truncated nightly, never more than a few rows
    cur.execute(
        "SELECT id FROM events WHERE kind = %s",
        (kind,),
    )


def since(cur, when):
    cur.execute("SELECT id FROM events WHERE created_at > %s", (when,))
"#,
    );
    let log = scan_sarif(dir.path(), &[]);
    assert_eq!(
        results(&log),
        [
            (
                "missing-index".to_string(),
                3,
                Some("events is truncated nightly, never more than a few rows".to_string())
            ),
            ("missing-index".to_string(), 10, None),
        ]
    );
}
