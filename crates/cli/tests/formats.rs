//! End-to-end: the formats CI systems and IDEs read (issue 7) — GitHub workflow commands,
//! JUnit XML, GitLab's SAST report, and SARIF whose root a local viewer can resolve. Each test
//! scans a small repository with real injections and checks the output against the findings
//! the same scan reports as JSON, so nothing is compared with a copy of itself.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Three injections: one whose message holds `%`, one whose line holds `<`, `&`, `'` and `"`,
/// and one call spread over three lines; the file name holds a comma.
const DB_PY: &str = "\
def load(conn, user_id):
    cur = conn.cursor()
    cur.execute(f\"SELECT * FROM users WHERE id = {user_id}\")


def legacy(cur, name):
    cur.execute(\"SELECT * FROM t WHERE a < 1 AND name = '%s' & x\" % name)


def multi(cur, name):
    cur.execute(
        \"DELETE FROM t WHERE name = '\" + name + \"'\"
    )
";

const FILE: &str = "app/db,v2.py";

fn repo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    write(&root, FILE, DB_PY);
    (dir, root)
}

/// The findings of a scan of `root`, from `--format json`.
fn json_findings(root: &Path) -> Vec<Value> {
    let output = run_in(root, &["scan", ".", "-q", "--format", "json"]);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap().clone();
    assert_eq!(findings.len(), 3, "{report}");
    findings
}

/// A workflow command parsed back the way the runner reads it: `::name k=v,k=v::message`,
/// with GitHub's escapes undone.
struct Command {
    name: String,
    properties: BTreeMap<String, String>,
    message: String,
}

fn unescape(text: &str) -> String {
    text.replace("%2C", ",")
        .replace("%3A", ":")
        .replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%25", "%")
}

fn parse_command(line: &str) -> Command {
    let rest = line.strip_prefix("::").expect("a command");
    let (head, message) = rest.split_once("::").expect("properties end with ::");
    let (name, properties) = head.split_once(' ').unwrap_or((head, ""));
    let properties = properties
        .split(',')
        .map(|pair| {
            let (key, value) = pair.split_once('=').expect("key=value");
            (key.to_string(), unescape(value))
        })
        .collect();
    Command {
        name: name.to_string(),
        properties,
        message: unescape(message),
    }
}

#[test]
fn github_annotations_carry_every_finding_with_escaped_properties() {
    let (_dir, root) = repo();
    let findings = json_findings(&root);
    let output = run_in(&root, &["scan", ".", "--format", "github"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(lines.len(), findings.len(), "{text}");
    for (line, finding) in lines.iter().zip(&findings) {
        // A raw comma or colon in a value would have split it: the parse must find exactly
        // the properties that were written.
        let command = parse_command(line);
        assert_eq!(command.name, "error", "{line}");
        let region = &finding["region"];
        let single_line = region["start_line"] == region["end_line"];
        let keys: Vec<&str> = command.properties.keys().map(String::as_str).collect();
        if single_line {
            assert_eq!(
                keys,
                ["col", "endColumn", "endLine", "file", "line", "title"],
                "{line}"
            );
            assert_eq!(
                command.properties["col"],
                region["start_column"].to_string()
            );
        } else {
            assert_eq!(keys, ["endLine", "file", "line", "title"], "{line}");
        }
        assert_eq!(command.properties["file"], FILE);
        assert_eq!(command.properties["line"], region["start_line"].to_string());
        assert_eq!(
            command.properties["endLine"],
            region["end_line"].to_string()
        );
        assert_eq!(command.properties["title"], "shipshape sql-injection");
        let message = finding["message"].as_str().unwrap();
        assert!(
            command.message.starts_with(&format!("{message}\n")),
            "{line}"
        );
    }
    assert!(lines[0].starts_with("::error file=app/db%2Cv2.py,line=3,endLine=3,col=9,"));
    assert!(lines[1].contains("::%25-formatting with 'name' reaches cur.execute"));
    assert!(
        text.ends_with("shipshape: 3 findings in 1 file\n"),
        "{text}"
    );

    // Against a baseline only the new finding is annotated.
    let baseline = run_in(&root, &["scan", ".", "-q", "--output", "../base.sarif"]);
    assert_eq!(baseline.status.code(), Some(1));
    write(
        &root,
        FILE,
        format!("{DB_PY}\n\ndef purge(cur, t):\n    cur.execute(\"DELETE FROM \" + t)\n"),
    );
    let output = run_in(
        &root,
        &[
            "scan",
            ".",
            "--format",
            "github",
            "--baseline",
            "../base.sarif",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(lines.len(), 1, "{text}");
    assert_eq!(parse_command(lines[0]).properties["line"], "17");
    assert!(
        text.contains("1 finding in 1 file (3 already in baseline '../base.sarif' not annotated)"),
        "{text}"
    );
}

#[test]
fn junit_is_well_formed_with_one_failing_case_per_finding() {
    let (_dir, root) = repo();
    let findings = json_findings(&root);
    // `.xml` selects JUnit.
    let output = run_in(&root, &["scan", ".", "-q", "--output", "../report.xml"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let xml = std::fs::read_to_string(root.join("../report.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let suites = doc.root_element();
    assert_eq!(suites.tag_name().name(), "testsuites");
    assert_eq!(suites.attribute("failures"), Some("3"));

    let rules: Value =
        serde_json::from_slice(&run_in(&root, &["rules", "--format", "json"]).stdout).unwrap();
    let rule_ids: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let suite_nodes: Vec<_> = suites
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    let names: Vec<&str> = suite_nodes
        .iter()
        .map(|s| s.attribute("name").unwrap())
        .collect();
    assert_eq!(
        names, rule_ids,
        "one suite per rule, in the rule table's order"
    );

    let mut total = 0;
    for suite in &suite_nodes {
        let cases: Vec<_> = suite
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        assert_eq!(
            suite.attribute("tests"),
            Some(cases.len().to_string().as_str())
        );
        total += cases.len();
        if suite.attribute("name") != Some("sql-injection") {
            assert_eq!(cases.len(), 1);
            assert_eq!(cases[0].attribute("name"), Some("no findings"));
            assert!(cases[0].children().all(|n| !n.has_tag_name("failure")));
            continue;
        }
        assert_eq!(cases.len(), findings.len());
        for (case, finding) in cases.iter().zip(&findings) {
            let region = &finding["region"];
            assert_eq!(
                case.attribute("name").unwrap(),
                format!("{FILE}:{}:{}", region["start_line"], region["start_column"])
            );
            assert_eq!(case.attribute("file"), Some(FILE));
            let failure = case
                .children()
                .find(|n| n.has_tag_name("failure"))
                .expect("a failure");
            assert_eq!(failure.attribute("message"), finding["message"].as_str());
            assert_eq!(failure.attribute("type"), Some("error"));
            let body = failure.text().unwrap();
            assert!(
                body.contains(finding["line_text"].as_str().unwrap()),
                "{body}"
            );
        }
        // The source line with XML's special characters came back intact.
        let legacy = cases[1]
            .children()
            .find(|n| n.has_tag_name("failure"))
            .unwrap();
        assert!(legacy
            .text()
            .unwrap()
            .contains("\"SELECT * FROM t WHERE a < 1 AND name = '%s' & x\" % name"));
    }
    assert_eq!(suites.attribute("tests"), Some(total.to_string().as_str()));
}

#[test]
fn gitlab_report_holds_the_findings_and_the_required_fields() {
    let (_dir, root) = repo();
    let findings = json_findings(&root);
    let output = run_in(&root, &["scan", ".", "-q", "--format", "gitlab"]);
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();

    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/schemas/gitlab-sast-required.schema.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{report:#}");

    assert_eq!(report["version"], "15.0.7");
    assert!(report["schema"]
        .as_str()
        .unwrap()
        .ends_with("/v15.0.7/dist/sast-report-format.json"));
    let scan = &report["scan"];
    assert_eq!(scan["status"], "success");
    assert!(scan["start_time"].as_str() <= scan["end_time"].as_str());

    let vulnerabilities = report["vulnerabilities"].as_array().unwrap();
    assert_eq!(vulnerabilities.len(), findings.len());
    let mut ids = std::collections::HashSet::new();
    for (vulnerability, finding) in vulnerabilities.iter().zip(&findings) {
        assert!(
            ids.insert(vulnerability["id"].as_str().unwrap()),
            "unique ids"
        );
        let location = &vulnerability["location"];
        assert_eq!(location["file"], FILE);
        assert_eq!(location["start_line"], finding["region"]["start_line"]);
        assert_eq!(location["end_line"], finding["region"]["end_line"]);
        assert_eq!(location["method"], finding["function"]);
        assert_eq!(vulnerability["identifiers"][0]["value"], "sql-injection");
        assert!(vulnerability["identifiers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["type"] == "cwe" && i["name"] == "CWE-89" && i["value"] == "89"));
        // sql-injection's security-severity is 8.8: GitLab's High band.
        assert_eq!(vulnerability["severity"], "High");
        assert!(vulnerability["description"]
            .as_str()
            .unwrap()
            .starts_with(finding["message"].as_str().unwrap()));
    }
}

/// `file:///…/` plus a relative URI, percent-decoded, as a viewer resolves it.
fn resolve(base: &str, relative: &str) -> PathBuf {
    let base = base.strip_prefix("file://").expect("a file URI");
    let joined = format!("{base}{relative}");
    PathBuf::from(
        percent_encoding::percent_decode_str(&joined)
            .decode_utf8()
            .unwrap()
            .into_owned(),
    )
}

#[test]
fn sarif_absolute_root_lets_a_viewer_open_every_result_and_the_default_names_no_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("my repo");
    write(&root, "app/my db.py", DB_PY);
    write(
        &root,
        "web/orders.js",
        "async function find(pool, req) {\n  return pool.query(`SELECT * FROM orders WHERE id = ${req.params.id}`);\n}\n",
    );

    let output = run_in(&root, &["scan", ".", "-q", "--output", "../portable.sarif"]);
    assert_eq!(output.status.code(), Some(1));
    read_valid_sarif(&root.join("../portable.sarif"));
    let portable = std::fs::read_to_string(root.join("../portable.sarif")).unwrap();
    let folder = dir.path().file_name().unwrap().to_str().unwrap();
    assert!(
        !portable.contains(folder),
        "the default SARIF names no folder of this machine"
    );

    let output = run_in(
        &root,
        &[
            "scan",
            ".",
            "-q",
            "--sarif-absolute-root",
            "--output",
            "../local.sarif",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let log = read_valid_sarif(&root.join("../local.sarif"));
    let base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        base.starts_with("file:///") && base.ends_with('/'),
        "{base}"
    );
    assert!(base.contains("my%20repo"), "{base}");
    let located = results(&log);
    assert_eq!(located.len(), 4);
    for (uri, line, _) in located {
        let path = resolve(base, &uri);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{uri} resolves to {}: {e}", path.display()));
        assert!(text.lines().count() >= line as usize);
        assert_eq!(
            path.canonicalize().unwrap(),
            root.join(
                percent_encoding::percent_decode_str(&uri)
                    .decode_utf8()
                    .unwrap()
                    .as_ref(),
            )
            .canonicalize()
            .unwrap()
        );
    }
}
