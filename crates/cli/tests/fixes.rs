//! SARIF `fixes` for sql-injection through the binary: valid against both schemas, and the
//! replacement, applied to the file, is code shipshape no longer reports.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{scan_sarif, write};
use serde_json::Value;

/// Apply one SARIF replacement (1-based lines, UTF-16 columns, exclusive end) to `text`.
fn apply(text: &str, replacement: &Value) -> String {
    let region = &replacement["deletedRegion"];
    let offset = |line: u64, column: u64| {
        let start: usize = text
            .split_inclusive('\n')
            .take(line as usize - 1)
            .map(str::len)
            .sum();
        let line_text = &text[start..];
        let mut units = 0u64;
        for (at, c) in line_text.char_indices() {
            if units + 1 >= column {
                return start + at;
            }
            units += c.len_utf16() as u64;
        }
        text.len()
    };
    let start = offset(
        region["startLine"].as_u64().unwrap(),
        region["startColumn"].as_u64().unwrap(),
    );
    let end = offset(
        region["endLine"].as_u64().unwrap(),
        region["endColumn"].as_u64().unwrap(),
    );
    let inserted = replacement["insertedContent"]["text"].as_str().unwrap();
    format!("{}{inserted}{}", &text[..start], &text[end..])
}

#[test]
fn interpolated_values_become_bound_parameters() {
    let dir = tempfile::tempdir().unwrap();
    let python = "import psycopg\n\n\ndef find(cur, user_id, name):\n    cur.execute(f\"SELECT * FROM users WHERE id = {user_id} AND note LIKE '%é%'\")\n    cur.execute(f\"SELECT * FROM users WHERE name = '{name}'\")\n";
    let javascript = "const { Pool } = require(\"pg\");\nconst pool = new Pool();\nexports.f = (id, s) => pool.query(`SELECT * FROM orders WHERE id = ${id} AND status IN (${s}, 'x')`);\n";
    write(dir.path(), "app/users.py", python);
    write(dir.path(), "web/orders.js", javascript);
    let log = scan_sarif(dir.path(), &[]);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    let mut fixed_python = python.to_string();
    let mut fixed_javascript = javascript.to_string();
    // Apply the fixes bottom-up so that earlier regions stay where they are.
    for result in results.iter().rev() {
        let fix = &result["fixes"][0];
        assert!(fix["description"]["text"]
            .as_str()
            .unwrap()
            .starts_with("pass "));
        let change = &fix["artifactChanges"][0];
        let uri = change["artifactLocation"]["uri"].as_str().unwrap();
        let replacement = &change["replacements"][0];
        if uri.ends_with(".py") {
            fixed_python = apply(&fixed_python, replacement);
        } else {
            fixed_javascript = apply(&fixed_javascript, replacement);
        }
    }
    assert!(
        fixed_python.contains(
            "cur.execute(\"SELECT * FROM users WHERE id = %s AND note LIKE '%%é%%'\", (user_id,))"
        ) && fixed_python.contains("cur.execute(\"SELECT * FROM users WHERE name = %s\", (name,))"),
        "{fixed_python}"
    );
    assert!(
        fixed_javascript.contains(
            "pool.query(`SELECT * FROM orders WHERE id = $1 AND status IN ($2, 'x')`, [id, s])"
        ),
        "{fixed_javascript}"
    );
    // The fixed code is what the rule wants.
    write(dir.path(), "app/users.py", &fixed_python);
    write(dir.path(), "web/orders.js", &fixed_javascript);
    let after = scan_sarif(dir.path(), &[]);
    assert!(after["runs"][0]["results"].as_array().unwrap().is_empty());
}

#[test]
fn no_fix_for_identifiers_unknown_drivers_or_format_specs() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "app/tables.py",
        "import psycopg\n\n\ndef find(cur, table, user_id):\n    cur.execute(f\"SELECT * FROM {table} WHERE id = {user_id}\")\n    cur.execute(f\"SELECT * FROM users WHERE id = {user_id!r}\")\n    cur.execute(f\"SELECT * FROM users WHERE id = {user_id}\", timeout=5)\n",
    );
    // No driver import: which placeholders the call takes is unknown.
    write(
        dir.path(),
        "app/anon.py",
        "def find(cur, user_id):\n    cur.execute(f\"SELECT * FROM users WHERE id = {user_id}\")\n",
    );
    let log = scan_sarif(dir.path(), &[]);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    assert!(
        results.iter().all(|r| r.get("fixes").is_none()),
        "{results:?}"
    );
}
