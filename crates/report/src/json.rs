//! shipshape's own JSON: findings, notifications and the summary, flat and easy to script.

use crate::{ReportContext, Reporter};
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
    findings: &'a [Finding],
    notifications: &'a [Notification],
    summary: &'a ScanSummary,
    execution_successful: bool,
}

impl Reporter for JsonReporter {
    fn render(
        &self,
        result: &ScanResult,
        context: &ReportContext,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let report = JsonReport {
            tool: "shipshape",
            version: context.tool_version,
            root: result.root.display().to_string(),
            findings: &result.findings,
            notifications: &result.notifications,
            summary: &result.summary,
            execution_successful: result.execution_successful,
        };
        serde_json::to_writer_pretty(&mut *out, &report)?;
        out.write_all(b"\n")
    }
}
