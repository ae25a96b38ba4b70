//! GitHub Actions workflow commands: one `::error …::message` line per finding, which the
//! runner turns into an annotation on the pull request's diff. Property values and the message
//! are escaped as GitHub's toolkit does (`%`, CR and LF everywhere; `:` and `,` in properties
//! too), so a path or message can never end the command early or start another one.

use crate::{gating_findings, BaselineState, Comparison, ReportContext, Reporter};
use shipshape_core::{Finding, Level, ScanResult};
use std::io::{self, Write};

/// The `--format github` reporter.
#[derive(Debug)]
pub struct GithubReporter;

impl Reporter for GithubReporter {
    fn render(
        &self,
        result: &ScanResult,
        context: &ReportContext,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let shown = gating_findings(&result.findings, context.baseline.as_ref());
        for finding in &shown {
            writeln!(out, "{}", command(finding))?;
        }
        // A plain line (not a command) for the log.
        let hidden = context.baseline.as_ref().map(hidden).unwrap_or_default();
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("{n} {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        writeln!(
            out,
            "shipshape: {} in {}{hidden}",
            plural(shown.len(), "finding"),
            plural(result.summary.files_analyzed, "file"),
        )
    }
}

fn hidden(comparison: &Comparison) -> String {
    format!(
        " ({} already in baseline '{}' not annotated)",
        comparison.states.len() - comparison.count(BaselineState::New),
        comparison.source
    )
}

/// The workflow command for one finding.
fn command(finding: &Finding) -> String {
    let region = finding.region;
    let mut properties = vec![
        ("file", finding.path.clone()),
        ("line", region.start_line.to_string()),
        ("endLine", region.end_line.to_string()),
    ];
    // GitHub only honours columns on single-line annotations.
    if region.start_line == region.end_line {
        properties.push(("col", region.start_column.to_string()));
        properties.push((
            "endColumn",
            region.end_column.saturating_sub(1).max(1).to_string(),
        ));
    }
    properties.push(("title", format!("shipshape {}", finding.rule_id)));
    let properties: Vec<String> = properties
        .iter()
        .map(|(key, value)| format!("{key}={}", escape_property(value)))
        .collect();
    let command = match finding.level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note => "notice",
    };
    let message = format!(
        "{}\nrule {}: see `shipshape explain {}`",
        finding.message, finding.rule_id, finding.rule_id
    );
    format!(
        "::{command} {}::{}",
        properties.join(","),
        escape_data(&message)
    )
}

/// Escaping for a command's message.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping for a property value, where `:` and `,` are separators.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_toolkit() {
        assert_eq!(
            escape_data("50% done\r\nnext: a,b"),
            "50%25 done%0D%0Anext: a,b"
        );
        assert_eq!(escape_property("web/a,b:c%.js\n"), "web/a%2Cb%3Ac%25.js%0A");
        // Escaping `%` first keeps an already-escaped-looking value intact.
        assert_eq!(escape_property("%0A"), "%250A");
    }
}
