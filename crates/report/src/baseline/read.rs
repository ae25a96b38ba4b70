//! Reading a baseline: a SARIF log or a shipshape JSON report, as shipshape writes them.
//!
//! Only what matching and re-emitting an `absent` result need is read. Results that were
//! already `absent` in the file (a report written with a baseline of its own) are skipped:
//! they were not in that scan.

use super::{Baseline, BaselineResult};
use percent_encoding::percent_decode_str;
use serde::Deserialize;
use serde_json::Value;
use shipshape_core::{Level, Region};
use std::collections::BTreeMap;

/// Why a baseline cannot be used. Each message names the file.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    /// Not JSON at all.
    #[error("baseline '{source_name}' is not a SARIF log or a shipshape JSON report: {error}")]
    NotJson {
        /// The file.
        source_name: String,
        /// What the JSON parser said.
        error: serde_json::Error,
    },
    /// JSON, but neither shape.
    #[error(
        "baseline '{0}' is neither a SARIF log (no 'runs') nor a shipshape JSON report (no 'findings')"
    )]
    UnknownShape(String),
    /// A SARIF log with no run written by shipshape.
    #[error("baseline '{source_name}' holds no shipshape run (runs by: {tools})")]
    NoShipshapeRun {
        /// The file.
        source_name: String,
        /// The tools whose runs it holds.
        tools: String,
    },
    /// A result lacks something matching needs.
    #[error("baseline '{source_name}': {place}: {problem}")]
    BadResult {
        /// The file.
        source_name: String,
        /// Which result, e.g. `run 1, result 3`.
        place: String,
        /// What is wrong.
        problem: String,
    },
}

pub(super) fn parse(source: &str, bytes: &[u8]) -> Result<Baseline, BaselineError> {
    let value: Value = serde_json::from_slice(bytes).map_err(|error| BaselineError::NotJson {
        source_name: source.to_string(),
        error,
    })?;
    let results = if value.get("runs").is_some() {
        from_sarif(source, value)?
    } else if value.get("findings").is_some() {
        from_json_report(source, value)?
    } else {
        return Err(BaselineError::UnknownShape(source.to_string()));
    };
    Ok(Baseline {
        source: source.to_string(),
        results,
    })
}

fn bad(source: &str, place: String, problem: impl Into<String>) -> BaselineError {
    BaselineError::BadResult {
        source_name: source.to_string(),
        place,
        problem: problem.into(),
    }
}

// --- SARIF -----------------------------------------------------------------------------------

#[derive(Deserialize)]
struct SarifLog {
    runs: Vec<SarifRun>,
}

#[derive(Deserialize)]
struct SarifRun {
    tool: SarifTool,
    #[serde(default)]
    results: Vec<Value>,
}

#[derive(Deserialize)]
struct SarifTool {
    driver: SarifDriver,
}

#[derive(Deserialize)]
struct SarifDriver {
    name: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    level: Option<Level>,
    message: SarifMessage,
    #[serde(default)]
    locations: Vec<SarifLocation>,
    #[serde(default)]
    partial_fingerprints: BTreeMap<String, String>,
    baseline_state: Option<String>,
}

#[derive(Deserialize)]
struct SarifMessage {
    text: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    physical_location: SarifPhysical,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SarifPhysical {
    artifact_location: SarifArtifact,
    region: SarifRegion,
}

#[derive(Deserialize)]
struct SarifArtifact {
    uri: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SarifRegion {
    start_line: usize,
    start_column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
}

fn from_sarif(source: &str, value: Value) -> Result<Vec<BaselineResult>, BaselineError> {
    let log: SarifLog = serde_json::from_value(value).map_err(|error| BaselineError::NotJson {
        source_name: source.to_string(),
        error,
    })?;
    let mut tools = Vec::new();
    let mut results = Vec::new();
    let mut found = false;
    for (run_index, run) in log.runs.into_iter().enumerate() {
        if run.tool.driver.name != "shipshape" {
            tools.push(run.tool.driver.name);
            continue;
        }
        found = true;
        for (index, raw) in run.results.into_iter().enumerate() {
            let place = format!("run {}, result {}", run_index + 1, index + 1);
            let result: SarifResult = serde_json::from_value(raw)
                .map_err(|error| bad(source, place.clone(), error.to_string()))?;
            if result.baseline_state.as_deref() == Some("absent") {
                continue;
            }
            results.push(sarif_result(source, place, result)?);
        }
    }
    if !found {
        return Err(BaselineError::NoShipshapeRun {
            source_name: source.to_string(),
            tools: if tools.is_empty() {
                "none".to_string()
            } else {
                tools.join(", ")
            },
        });
    }
    Ok(results)
}

fn sarif_result(
    source: &str,
    place: String,
    mut result: SarifResult,
) -> Result<BaselineResult, BaselineError> {
    let Some(fingerprint) = result.partial_fingerprints.remove("shipshape/v1") else {
        return Err(bad(
            source,
            place,
            "no 'shipshape/v1' partial fingerprint to match on",
        ));
    };
    let Some(location) = result.locations.into_iter().next() else {
        return Err(bad(source, place, "no location"));
    };
    let physical = location.physical_location;
    let region = physical.region;
    Ok(BaselineResult {
        rule_id: result.rule_id,
        level: result.level.unwrap_or(Level::Warning),
        path: percent_decode_str(&physical.artifact_location.uri)
            .decode_utf8_lossy()
            .into_owned(),
        region: Region {
            start_line: region.start_line,
            start_column: region.start_column.unwrap_or(1),
            end_line: region.end_line.unwrap_or(region.start_line),
            end_column: region.end_column.unwrap_or(1),
        },
        message: result.message.text,
        fingerprint,
        line_hash: result
            .partial_fingerprints
            .remove("primaryLocationLineHash")
            .unwrap_or_default(),
    })
}

// --- shipshape JSON --------------------------------------------------------------------------

#[derive(Deserialize)]
struct JsonReport {
    findings: Vec<Value>,
}

#[derive(Deserialize)]
struct JsonFinding {
    rule_id: String,
    level: Level,
    path: String,
    region: JsonRegion,
    message: String,
    fingerprint: String,
    #[serde(default)]
    line_hash: String,
}

#[derive(Deserialize)]
struct JsonRegion {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

fn from_json_report(source: &str, value: Value) -> Result<Vec<BaselineResult>, BaselineError> {
    let report: JsonReport =
        serde_json::from_value(value).map_err(|error| BaselineError::NotJson {
            source_name: source.to_string(),
            error,
        })?;
    report
        .findings
        .into_iter()
        .enumerate()
        .map(|(index, raw)| {
            let finding: JsonFinding = serde_json::from_value(raw).map_err(|error| {
                bad(source, format!("finding {}", index + 1), error.to_string())
            })?;
            let region = finding.region;
            Ok(BaselineResult {
                rule_id: finding.rule_id,
                level: finding.level,
                path: finding.path,
                region: Region {
                    start_line: region.start_line,
                    start_column: region.start_column,
                    end_line: region.end_line,
                    end_column: region.end_column,
                },
                message: finding.message,
                fingerprint: finding.fingerprint,
                line_hash: finding.line_hash,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sarif_results_of_shipshape_runs_are_read_and_absent_ones_skipped() {
        let log = r#"{"version":"2.1.0","runs":[
          {"tool":{"driver":{"name":"other"}},"results":[{"ruleId":"x","message":{"text":"m"}}]},
          {"tool":{"driver":{"name":"shipshape"}},"results":[
            {"ruleId":"sql-injection","level":"error","message":{"text":"built SQL"},
             "locations":[{"physicalLocation":{"artifactLocation":{"uri":"app/my%20db.py","uriBaseId":"%SRCROOT%"},
               "region":{"startLine":5,"startColumn":9,"endLine":5,"endColumn":61}}}],
             "partialFingerprints":{"primaryLocationLineHash":"1a:1","shipshape/v1":"2009924c1ec91c0f:1"}},
            {"ruleId":"xss","message":{"text":"gone"},"baselineState":"absent"}
          ]}]}"#;
        let baseline = parse("b.sarif", log.as_bytes()).expect("reads");
        assert_eq!(baseline.results.len(), 1);
        let result = &baseline.results[0];
        assert_eq!(result.path, "app/my db.py");
        assert_eq!(result.fingerprint, "2009924c1ec91c0f:1");
        assert_eq!(result.line_hash, "1a:1");
        assert_eq!(result.level, Level::Error);
        assert_eq!(result.region.start_line, 5);
    }

    #[test]
    fn errors_name_the_file_and_the_problem() {
        let message = |bytes: &str| {
            parse("old.sarif", bytes.as_bytes())
                .expect_err("rejected")
                .to_string()
        };
        assert!(message("<html>").starts_with("baseline 'old.sarif' is not a SARIF log"));
        assert!(message("{\"a\":1}").contains("is neither a SARIF log"));
        assert_eq!(
            message(r#"{"runs":[{"tool":{"driver":{"name":"semgrep"}}}]}"#),
            "baseline 'old.sarif' holds no shipshape run (runs by: semgrep)"
        );
        let no_fingerprint = r#"{"runs":[{"tool":{"driver":{"name":"shipshape"}},"results":[
            {"ruleId":"xss","message":{"text":"m"},"locations":[{"physicalLocation":{
              "artifactLocation":{"uri":"a.js"},"region":{"startLine":1}}}]}]}]}"#;
        assert_eq!(
            message(no_fingerprint),
            "baseline 'old.sarif': run 1, result 1: no 'shipshape/v1' partial fingerprint to match on"
        );
    }
}
