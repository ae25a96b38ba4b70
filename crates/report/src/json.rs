//! shipshape's own JSON: findings, notifications and the summary, flat and easy to script.
//! With a baseline, each finding carries `baseline_state`, results gone since the baseline are
//! listed under `absent`, and `baseline` holds the counts; such a report can itself serve as
//! the next baseline.

use crate::{BaselineResult, BaselineState, Comparison, ReportContext, Reporter};
use serde::Serialize;
use shipshape_core::{Finding, Notification, ScanResult, ScanSummary};
use std::io::{self, Write};

/// The `--format json` reporter.
#[derive(Debug)]
pub struct JsonReporter;

#[derive(Serialize)]
struct JsonReport<'a> {
    tool: &'static str,
    version: &'static str,
    root: String,
    findings: Vec<JsonFinding<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    absent: Option<Vec<JsonAbsent<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<JsonBaseline<'a>>,
    notifications: &'a [Notification],
    summary: &'a ScanSummary,
    execution_successful: bool,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_state: Option<BaselineState>,
}

#[derive(Serialize)]
struct JsonAbsent<'a> {
    #[serde(flatten)]
    result: &'a BaselineResult,
    baseline_state: BaselineState,
}

#[derive(Serialize)]
struct JsonBaseline<'a> {
    file: &'a str,
    new: usize,
    unchanged: usize,
    updated: usize,
    absent: usize,
}

impl<'a> JsonBaseline<'a> {
    fn new(comparison: &'a Comparison) -> Self {
        JsonBaseline {
            file: &comparison.source,
            new: comparison.count(BaselineState::New),
            unchanged: comparison.count(BaselineState::Unchanged),
            updated: comparison.count(BaselineState::Updated),
            absent: comparison.count(BaselineState::Absent),
        }
    }
}

impl Reporter for JsonReporter {
    fn render(
        &self,
        result: &ScanResult,
        context: &ReportContext,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let baseline = context.baseline.as_ref();
        let report = JsonReport {
            tool: "shipshape",
            version: context.tool_version,
            root: result.root.display().to_string(),
            findings: result
                .findings
                .iter()
                .enumerate()
                .map(|(index, finding)| JsonFinding {
                    finding,
                    baseline_state: baseline.map(|c| c.state(index)),
                })
                .collect(),
            absent: baseline.map(|c| {
                c.absent
                    .iter()
                    .map(|result| JsonAbsent {
                        result,
                        baseline_state: BaselineState::Absent,
                    })
                    .collect()
            }),
            baseline: baseline.map(JsonBaseline::new),
            notifications: &result.notifications,
            summary: &result.summary,
            execution_successful: result.execution_successful,
        };
        serde_json::to_writer_pretty(&mut *out, &report)?;
        out.write_all(b"\n")
    }
}
