//! Helpers shared by the end-to-end tests: run the real binary, build test trees, validate
//! SARIF against the OASIS schema and the GitHub profile.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The binary under test.
pub(crate) fn shipshape() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_shipshape"));
    command.env_remove("NO_COLOR");
    command
}

/// Run `shipshape` with `args` in `cwd`.
pub(crate) fn run_in(cwd: &Path, args: &[&str]) -> Output {
    shipshape()
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("run shipshape")
}

pub(crate) fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub(crate) fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Write `bytes` at `root/relative`, creating folders.
pub(crate) fn write(root: &Path, relative: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

fn schema(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/schemas")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// `shipshape scan . --format sarif` in `dir` (plus `extra`), which must succeed with a log
/// that validates against both SARIF schemas.
pub(crate) fn scan_sarif(dir: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["scan", ".", "--format", "sarif", "--fail-on", "none"];
    args.extend_from_slice(extra);
    let output = run_in(dir, &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let log: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(
        sarif_violations(&log).is_empty(),
        "{:?}",
        sarif_violations(&log)
    );
    log
}

/// Every violation of the SARIF 2.1.0 schema and of the GitHub profile.
pub(crate) fn sarif_violations(log: &Value) -> Vec<String> {
    let mut violations = Vec::new();
    for name in [
        "sarif-schema-2.1.0.json",
        "shipshape-github-profile.schema.json",
    ] {
        let validator = jsonschema::validator_for(&schema(name)).expect("schema compiles");
        for error in validator.iter_errors(log) {
            violations.push(format!("{name}: {} at {}", error, error.instance_path));
        }
    }
    violations
}

/// Read and validate a SARIF file, failing the test with every violation.
pub(crate) fn read_valid_sarif(path: &Path) -> Value {
    let log: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let violations = sarif_violations(&log);
    assert!(
        violations.is_empty(),
        "invalid SARIF:\n{}",
        violations.join("\n")
    );
    log
}

/// `(uri, startLine, ruleId)` of every result.
pub(crate) fn results(log: &Value) -> Vec<(String, u64, String)> {
    log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let location = &r["locations"][0]["physicalLocation"];
            (
                location["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                location["region"]["startLine"].as_u64().unwrap(),
                r["ruleId"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// `(descriptor id, message)` of every tool execution notification.
pub(crate) fn notifications(log: &Value) -> Vec<(String, String)> {
    log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["descriptor"]["id"].as_str().unwrap().to_string(),
                n["message"]["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}
