//! GitLab's SAST security report (`artifacts: reports: sast:`), schema version 15.0.7: the
//! scan (analyzer, scanner, type, times, status, messages for skipped files) and one
//! vulnerability per current finding, identified first by the shipshape rule and then by its
//! CWEs. Severity follows the rule's (or the finding's) `security-severity` in CVSS bands, and
//! the level for rules without one. With a baseline every current finding is still listed:
//! GitLab compares the report with the target branch's itself, and a finding left out would
//! look fixed.

use crate::sarif::{help_uri, INFORMATION_URI};
use crate::utc::timestamp;
use crate::{ReportContext, Reporter};
use serde_json::{json, Value};
use shipshape_core::{truncate_chars, Finding, Level, RuleMeta, ScanResult};
use std::io::{self, Write};
use std::time::{Duration, SystemTime};

/// The version of GitLab's security report schemas the report declares.
pub const GITLAB_SCHEMA_VERSION: &str = "15.0.7";

/// The `--format gitlab` reporter.
#[derive(Debug)]
pub struct GitlabReporter;

impl Reporter for GitlabReporter {
    fn render(
        &self,
        result: &ScanResult,
        context: &ReportContext,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let end = SystemTime::now();
        let start = end
            .checked_sub(Duration::from_millis(result.summary.elapsed_ms))
            .unwrap_or(end);
        let tool = json!({
            "id": "shipshape",
            "name": "shipshape",
            "version": context.tool_version,
            "url": INFORMATION_URI,
            "vendor": { "name": "shipshape" },
        });
        let messages: Vec<Value> = result
            .notifications
            .iter()
            .map(|note| {
                let level = if note.level() == Level::Note {
                    "info"
                } else {
                    "warn"
                };
                let text = match &note.path {
                    Some(path) => format!("{path}: {}", note.message),
                    None => note.message.clone(),
                };
                json!({ "level": level, "value": text })
            })
            .collect();
        let report = json!({
            "version": GITLAB_SCHEMA_VERSION,
            "schema": format!(
                "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v{GITLAB_SCHEMA_VERSION}/dist/sast-report-format.json"
            ),
            "scan": {
                "analyzer": tool,
                "scanner": tool,
                "type": "sast",
                "start_time": timestamp(start),
                "end_time": timestamp(end),
                "status": if result.execution_successful { "success" } else { "failure" },
                "messages": messages,
            },
            // Suppressed in the source: GitLab has no such state, so they are left out.
            "vulnerabilities": result
                .findings
                .iter()
                .filter(|finding| finding.suppressed.is_none())
                .map(|finding| vulnerability(finding, context))
                .collect::<Vec<_>>(),
        });
        serde_json::to_writer_pretty(&mut *out, &report)?;
        out.write_all(b"\n")
    }
}

fn vulnerability(finding: &Finding, context: &ReportContext) -> Value {
    let meta = context.rules.iter().find(|m| m.id == finding.rule_id);
    let help = help_uri(finding.rule_id);
    let mut identifiers = vec![json!({
        "type": "shipshape_rule",
        "name": format!("shipshape {}", finding.rule_id),
        "value": finding.rule_id,
        "url": help,
    })];
    for cwe in meta.map_or(&[][..], |m| m.cwes) {
        identifiers.push(json!({
            "type": "cwe",
            "name": format!("CWE-{cwe}"),
            "value": cwe.to_string(),
            "url": format!("https://cwe.mitre.org/data/definitions/{cwe}.html"),
        }));
    }
    let mut description = finding.message.clone();
    for step in &finding.flow {
        description.push_str(&format!(
            "\n- line {}: {}",
            step.region.start_line, step.message
        ));
    }
    let mut location = json!({
        "file": finding.path,
        "start_line": finding.region.start_line,
        "end_line": finding.region.end_line,
    });
    if finding.function != "<module>" {
        location["method"] = json!(finding.function);
    }
    json!({
        "id": format!("shipshape-{}", finding.fingerprint.replace(':', "-")),
        "name": truncate_chars(meta.map_or(finding.rule_id, |m| m.short_description), 254),
        "description": description,
        "severity": severity(finding, meta),
        "identifiers": identifiers,
        "links": [{ "name": format!("shipshape {} help", finding.rule_id), "url": help }],
        "location": location,
    })
}

/// GitLab's severity: CVSS bands of `security-severity` (as GitHub reads it), else the level.
fn severity(finding: &Finding, meta: Option<&&'static RuleMeta>) -> &'static str {
    let score = finding
        .security_severity
        .or_else(|| meta.and_then(|m| m.security_severity))
        .and_then(|s| s.parse::<f64>().ok());
    match score {
        Some(s) if s >= 9.0 => "Critical",
        Some(s) if s >= 7.0 => "High",
        Some(s) if s >= 4.0 => "Medium",
        Some(s) if s > 0.0 => "Low",
        Some(_) => "Info",
        None => match finding.level {
            Level::Error => "High",
            Level::Warning => "Medium",
            Level::Note => "Low",
        },
    }
}
