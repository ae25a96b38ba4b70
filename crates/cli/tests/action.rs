//! The GitHub Action (`action.yml`): its metadata is complete and documented, and its scan
//! and fail steps, run here with bash exactly as the runner runs composite steps, drive the
//! real binary to the outputs the action promises. (The linters in `.ci/lint-actions` check
//! the YAML against GitHub's schemas; this checks what the scripts do.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use yaml_rust2::{Yaml, YamlLoader};

const INPUTS: [&str; 6] = ["paths", "config", "category", "fail-on", "output", "upload"];

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn action() -> Yaml {
    let text = std::fs::read_to_string(repo_root().join("action.yml")).unwrap();
    YamlLoader::load_from_str(&text)
        .expect("action.yml is YAML")
        .remove(0)
}

fn steps(action: &Yaml) -> &Vec<Yaml> {
    action["runs"]["steps"].as_vec().expect("runs.steps")
}

fn step<'a>(action: &'a Yaml, name: &str) -> &'a Yaml {
    steps(action)
        .iter()
        .find(|s| s["name"].as_str() == Some(name))
        .unwrap_or_else(|| panic!("no step named {name}"))
}

fn str_of<'a>(yaml: &'a Yaml, key: &str) -> &'a str {
    yaml[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not a string"))
}

#[test]
fn metadata_is_complete_and_every_input_is_documented_and_used() {
    let action = action();
    for key in ["name", "description"] {
        assert!(!str_of(&action, key).trim().is_empty(), "{key}");
    }
    assert_eq!(str_of(&action["runs"], "using"), "composite");
    for step in steps(&action) {
        if !step["run"].is_badvalue() {
            assert_eq!(step["shell"].as_str(), Some("bash"), "{step:?}");
        }
    }

    let inputs = action["inputs"].as_hash().expect("inputs");
    let names: Vec<&str> = inputs.keys().map(|k| k.as_str().unwrap()).collect();
    assert_eq!(names, INPUTS);
    let docs = std::fs::read_to_string(repo_root().join("docs/github.md")).unwrap();
    for (name, input) in inputs {
        let name = name.as_str().unwrap();
        assert!(!str_of(input, "description").is_empty(), "{name}");
        assert!(
            docs.contains(&format!("| `{name}` |")),
            "docs/github.md documents the input {name}"
        );
    }

    // Every `inputs.X` the steps use is declared, and every declared input is used.
    let text = std::fs::read_to_string(repo_root().join("action.yml")).unwrap();
    let runs = &text[text.find("\nruns:").unwrap()..];
    let used: Vec<&str> = runs
        .match_indices("inputs.")
        .map(|(at, _)| {
            let rest = &runs[at + "inputs.".len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect();
    for name in &used {
        assert!(INPUTS.contains(name), "undeclared input {name}");
    }
    for name in INPUTS {
        assert!(used.contains(&name), "input {name}: used by no step");
    }

    // Installed from the action's own checkout, which holds the binary's package.
    let install = step(&action, "Install shipshape");
    assert_eq!(
        str_of(&install["env"], "ACTION_PATH"),
        "${{ github.action_path }}"
    );
    assert!(str_of(install, "run")
        .contains("cargo install --locked --path \"$ACTION_PATH/crates/cli\""));
    let manifest = std::fs::read_to_string(repo_root().join("crates/cli/Cargo.toml")).unwrap();
    assert!(manifest.contains("name = \"shipshape\""));

    let upload = step(&action, "Upload to code scanning");
    assert_eq!(
        str_of(upload, "uses"),
        "github/codeql-action/upload-sarif@v3"
    );
    assert_eq!(str_of(upload, "if"), "inputs.upload == 'true'");
    assert_eq!(
        str_of(&upload["with"], "sarif_file"),
        "${{ steps.scan.outputs.sarif-file }}"
    );
}

/// Run a step's script as a composite `shell: bash` step runs: `bash --noprofile --norc -eo
/// pipefail FILE`, its `env:` evaluated against `inputs` (defaults filled in).
fn run_step(
    action: &Yaml,
    name: &str,
    inputs: &[(&str, &str)],
    workspace: &Path,
    runner_temp: &Path,
) -> (std::process::Output, BTreeMap<String, String>) {
    let defaults = action["inputs"].as_hash().unwrap();
    let input = |key: &str| -> String {
        inputs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.to_string())
            .unwrap_or_else(|| {
                defaults[&Yaml::String(key.to_string())]["default"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
    };
    let step = step(action, name);
    let script = runner_temp.join(format!("{}.sh", name.replace(' ', "-")));
    std::fs::write(&script, str_of(step, "run")).unwrap();
    let outputs = runner_temp.join("github_output");
    std::fs::write(&outputs, "").unwrap();
    let mut command = Command::new("bash");
    command
        .args(["--noprofile", "--norc", "-eo", "pipefail"])
        .arg(&script)
        .current_dir(workspace)
        .env("RUNNER_TEMP", runner_temp)
        .env("GITHUB_OUTPUT", &outputs);
    if let Some(env) = step["env"].as_hash() {
        for (key, value) in env {
            let expression = value.as_str().unwrap();
            let name = expression
                .strip_prefix("${{ inputs.")
                .and_then(|rest| rest.strip_suffix(" }}"))
                .unwrap_or_else(|| panic!("env {key:?} is not an input: {expression}"));
            command.env(key.as_str().unwrap(), input(name));
        }
    }
    let output = command.output().expect("run bash");
    let written = std::fs::read_to_string(&outputs).unwrap();
    let outputs = written
        .lines()
        .filter_map(|line| line.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    (output, outputs)
}

#[cfg(unix)]
#[test]
fn the_scan_and_fail_steps_drive_the_binary_to_the_promised_outputs() {
    let action = action();
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("workspace");
    let bad = "def load(cur, uid):\n    cur.execute(f\"SELECT * FROM users WHERE id = {uid}\")\n";
    write(&workspace, "api/db.py", bad);
    write(&workspace, "web/db.py", bad);
    write(&workspace, "scripts/db.py", bad);
    // What the install step leaves: the binary under $RUNNER_TEMP/shipshape/bin.
    let runner_temp = dir.path().join("runner_temp");
    std::fs::create_dir_all(runner_temp.join("shipshape/bin")).unwrap();
    std::os::unix::fs::symlink(
        env!("CARGO_BIN_EXE_shipshape"),
        runner_temp.join("shipshape/bin/shipshape"),
    )
    .unwrap();

    // Two paths on two lines, a category, the default fail-on (warning) and output.
    let inputs = [("paths", "api\nweb"), ("category", "backend")];
    let (output, outputs) = run_step(&action, "Scan", &inputs, &workspace, &runner_temp);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(outputs["exit-code"], "1");
    assert_eq!(outputs["sarif-file"], "shipshape.sarif");
    let log = read_valid_sarif(&workspace.join("shipshape.sarif"));
    let uris: Vec<String> = results(&log).into_iter().map(|(u, _, _)| u).collect();
    assert_eq!(uris, ["api/db.py", "web/db.py"]);
    assert_eq!(log["runs"][0]["automationDetails"]["id"], "backend/");

    // The findings fail the job only in the last step, after the upload.
    let inputs = [("fail-on", "warning")];
    let (output, _) = run_step(
        &action,
        "Fail on findings",
        &inputs,
        &workspace,
        &runner_temp,
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).starts_with("::error title=shipshape::findings at or above 'warning'"));
    assert_eq!(
        str_of(step(&action, "Fail on findings"), "if"),
        "steps.scan.outputs.exit-code == '1'"
    );

    let (output, outputs) = run_step(
        &action,
        "Scan",
        &[("fail-on", "none"), ("output", "all.sarif")],
        &workspace,
        &runner_temp,
    );
    assert!(output.status.success());
    assert_eq!(outputs["exit-code"], "0");
    assert_eq!(
        results(&read_valid_sarif(&workspace.join("all.sarif"))).len(),
        3
    );

    // The config input reaches --config: a configuration that disables the rule.
    write(
        &workspace,
        "ci/shipshape.toml",
        "[rules]\ndisable = [\"sql-injection\"]\n",
    );
    let (output, outputs) = run_step(
        &action,
        "Scan",
        &[
            ("config", "ci/shipshape.toml"),
            ("output", "configured.sarif"),
        ],
        &workspace,
        &runner_temp,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(outputs["exit-code"], "0");
    assert!(results(&read_valid_sarif(&workspace.join("configured.sarif"))).is_empty());

    // A usage error stops the action at the scan step, before any upload.
    let (output, outputs) = run_step(
        &action,
        "Scan",
        &[("fail-on", "sometimes")],
        &workspace,
        &runner_temp,
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(outputs["exit-code"], "2");
}
