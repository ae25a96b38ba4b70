//! `shipshape.toml` through the binary: rules disabled and re-levelled, paths ignored, custom
//! sinks declared by name, the missing-index options, strict errors, and the JSON schema that
//! editors use.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{run_in, stderr, stdout, write};
use serde_json::Value;
use std::path::Path;

const APP: &str = r#"import os


def find(cursor, name):
    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")


def backup(target):
    os.system("tar czf /backups/db.tgz " + target)
"#;

fn findings(dir: &Path, extra: &[&str]) -> Vec<(String, String, String)> {
    let mut args = vec!["scan", ".", "--format", "json", "--fail-on", "none"];
    args.extend_from_slice(extra);
    let output = run_in(dir, &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["path"].as_str().unwrap().to_string(),
                f["level"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn rules_of(found: &[(String, String, String)]) -> Vec<&str> {
    let mut rules: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    rules.sort_unstable();
    rules.dedup();
    rules
}

#[test]
fn a_config_disables_rules_by_id_and_by_family() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app/db.py", APP);
    assert_eq!(
        rules_of(&findings(dir.path(), &[])),
        ["command-injection", "sql-injection"]
    );

    write(
        dir.path(),
        "shipshape.toml",
        "[rules]\ndisable = [\"sql-injection\"]\n",
    );
    assert_eq!(rules_of(&findings(dir.path(), &[])), ["command-injection"]);

    write(
        dir.path(),
        "shipshape.toml",
        "[rules]\ndisable = [\"injection\"]\n",
    );
    assert!(findings(dir.path(), &[]).is_empty());

    // A disabled rule is not in SARIF's rule table either.
    let sarif = run_in(dir.path(), &["scan", ".", "--format", "sarif"]);
    let log: Value = serde_json::from_str(&stdout(&sarif)).unwrap();
    let ids: Vec<&str> = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(
        !ids.contains(&"sql-injection") && ids.contains(&"xss"),
        "{ids:?}"
    );
    assert!(common::sarif_violations(&log).is_empty());
}

#[test]
fn an_unknown_key_is_a_usage_error_naming_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app/db.py", APP);
    write(
        dir.path(),
        "shipshape.toml",
        "[rules]\ndisable = []\n\n[missing-index]\nsmall_tables = [\"countries\"]\n",
    );
    let output = run_in(dir.path(), &["scan", "."]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("shipshape.toml:5:1")
            && message.contains("unknown key `small_tables`")
            && message.contains("small-tables"),
        "{message}"
    );
}

#[test]
fn bad_values_are_usage_errors_that_say_what_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app/db.py", APP);
    let cases = [
        (
            "[rules.levels]\nsql-injection = \"fatal\"\n",
            "shipshape.toml:2:17",
            "`error`, `warning`, `note`",
        ),
        (
            "[rules]\ndisable = [\"sql-injections\"]\n",
            "shipshape.toml:2:12",
            "unknown rule 'sql-injections'; allowed: code-injection",
        ),
        (
            "[missing-index]\ndialect = \"oracle\"\n",
            "shipshape.toml:2:11",
            "`postgres`, `mysql`, `sqlite`",
        ),
        (
            "[[ignore]]\npaths = [\"scripts/[*\"]\n",
            "shipshape.toml:2:10",
            "bad glob 'scripts/[*'",
        ),
        (
            "[dataflow]\nsql-sinks = [\"run sql()\"]\n",
            "shipshape.toml:2:14",
            "is not a function path",
        ),
    ];
    for (text, place, allowed) in cases {
        write(dir.path(), "shipshape.toml", text);
        let output = run_in(dir.path(), &["scan", "."]);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{text}: {message}");
        assert!(
            message.contains(place) && message.contains(allowed),
            "{text}: {message}"
        );
    }
    // --config names a file that must exist.
    let missing = run_in(dir.path(), &["scan", ".", "--config", "nope.toml"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("nope.toml"));
}

#[test]
fn levels_and_path_ignores_apply_to_results() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app/db.py", APP);
    write(dir.path(), "scripts/ops.py", APP);
    write(
        dir.path(),
        "ops.toml",
        r#"[rules.levels]
sql-injection = "note"

[[ignore]]
paths = ["scripts/**"]
rules = ["command-injection"]
"#,
    );
    let found = findings(dir.path(), &["--config", "ops.toml"]);
    let mut seen: Vec<(&str, &str, &str)> = found
        .iter()
        .map(|(r, p, l)| (r.as_str(), p.as_str(), l.as_str()))
        .collect();
    seen.sort_unstable();
    assert_eq!(
        seen,
        [
            ("command-injection", "app/db.py", "error"),
            ("sql-injection", "app/db.py", "note"),
            ("sql-injection", "scripts/ops.py", "note"),
        ]
    );
    // A note no longer fails the default --fail-on warning … but the command-injection does.
    let output = run_in(
        dir.path(),
        &["scan", ".", "--config", "ops.toml", "--quiet"],
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn dataflow_names_declare_sinks_and_sanitizers_without_writing_queries() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "app/reports.py",
        r#"from app.db import run_sql
from app import db


def by_name(name):
    return run_sql("SELECT * FROM reports WHERE owner = '" + name + "'")


def by_tag(tag):
    return db.run_sql("SELECT * FROM reports WHERE tag = '%s'" % tag)


def by_id(report_id):
    return db.run_sql("SELECT * FROM reports WHERE id = '" + db.quote(report_id) + "'")


def unrelated(name):
    return cache.run_sql("key:" + name)
"#,
    );
    write(
        dir.path(),
        "web/reports.js",
        "const db = require('./db');\nexports.find = (q) => db.runSql(`SELECT * FROM reports WHERE title = '${q}'`);\n",
    );
    write(
        dir.path(),
        "src/reports.rs",
        "pub fn find(pool: &Pool, q: &str) { db::run_sql(&format!(\"SELECT * FROM reports WHERE title = '{q}'\"), pool); }\n",
    );
    assert!(findings(dir.path(), &[]).is_empty());
    write(
        dir.path(),
        "shipshape.toml",
        r#"[dataflow]
sql-sinks = ["app.db.run_sql", "lib/db.runSql"]
sql-sanitizers = ["app.db.quote"]
"#,
    );
    let found = findings(dir.path(), &[]);
    let lines: Vec<(&str, &str)> = found
        .iter()
        .map(|(r, p, _)| (r.as_str(), p.as_str()))
        .collect();
    // by_name and by_tag in Python, the JavaScript and Rust helpers; not by_id (quoted), not
    // the cache's method of the same name.
    assert_eq!(
        lines,
        [
            ("sql-injection", "app/reports.py"),
            ("sql-injection", "app/reports.py"),
            ("sql-injection", "src/reports.rs"),
            ("sql-injection", "web/reports.js"),
        ],
        "{found:?}"
    );
}

#[test]
fn missing_index_options_small_tables_and_dialect() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "db/migrations/001_init.sql",
        "CREATE TABLE countries (code text PRIMARY KEY, name text);\n\
         CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), note text);\n\
         CREATE TABLE customers (id bigint PRIMARY KEY, email text);\n",
    );
    write(
        dir.path(),
        "app/queries.py",
        "def q(cur, name, note):\n    cur.execute(\"SELECT code FROM countries WHERE name = %s\", (name,))\n    cur.execute(\"SELECT id FROM orders WHERE note = %s\", (note,))\n",
    );
    let rules_at = |found: &[(String, String, String)]| {
        let mut out: Vec<String> = found.iter().map(|f| format!("{} {}", f.0, f.1)).collect();
        out.sort();
        out
    };
    // No driver names the database: the generic dialect does not say whether foreign keys
    // are indexed, so only the two filters.
    assert_eq!(
        rules_at(&findings(dir.path(), &[])),
        [
            "missing-index app/queries.py",
            "missing-index app/queries.py"
        ]
    );
    write(
        dir.path(),
        "shipshape.toml",
        "[missing-index]\ndialect = \"postgres\"\nsmall-tables = [\"countries\"]\n",
    );
    assert_eq!(
        rules_at(&findings(dir.path(), &[])),
        [
            "missing-index app/queries.py",
            "unindexed-foreign-key db/migrations/001_init.sql"
        ]
    );
}

#[test]
fn the_json_schema_in_docs_is_current_and_the_example_matches_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let generated = run_in(&root, &["config-schema"]);
    assert_eq!(generated.status.code(), Some(0));
    let shipped = std::fs::read_to_string(root.join("docs/shipshape.schema.json")).unwrap();
    assert_eq!(
        stdout(&generated),
        shipped,
        "docs/shipshape.schema.json is stale: run `shipshape config-schema > docs/shipshape.schema.json`"
    );

    // The documented example is valid for the scanner and for the schema editors use.
    let example = std::fs::read_to_string(root.join("docs/shipshape.example.toml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app/db.py", APP);
    write(dir.path(), "shipshape.toml", &example);
    std::fs::create_dir_all(dir.path().join("shipshape/queries")).unwrap();
    let output = run_in(dir.path(), &["scan", ".", "--quiet", "--fail-on", "none"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let as_json: Value =
        serde_json::to_value(example.parse::<toml::Table>().expect("the example is TOML")).unwrap();
    let schema: Value = serde_json::from_str(&shipped).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&as_json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    // … and the schema rejects a typo, as editors will show it.
    let typo: Value = serde_json::json!({ "rules": { "disabel": ["xss"] } });
    assert!(!validator.is_valid(&typo));
}
