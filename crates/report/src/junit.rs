//! JUnit XML, the test-report format CI servers (Jenkins, GitLab, Azure Pipelines, CircleCI)
//! ingest: one `<testsuite>` per rule, one failing `<testcase>` per finding, and one passing
//! `no findings` case for a rule that found nothing, so a clean rule shows as a passed test.
//! With a baseline only `new` findings fail. The XML is written by quick-xml, which escapes
//! text and attributes; characters XML 1.0 cannot hold at all are replaced first.

use crate::{gating_findings, ReportContext, Reporter};
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use shipshape_core::{Finding, ScanResult};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// The `--format junit` reporter.
#[derive(Debug)]
pub struct JunitReporter;

impl Reporter for JunitReporter {
    fn render(
        &self,
        result: &ScanResult,
        context: &ReportContext,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let mut by_rule: BTreeMap<&str, Vec<&Finding>> = context
            .rules
            .iter()
            .map(|meta| (meta.id, Vec::new()))
            .collect();
        let shown = gating_findings(&result.findings, context.baseline.as_ref());
        for finding in &shown {
            by_rule.entry(finding.rule_id).or_default().push(finding);
        }
        let tests: usize = by_rule.values().map(|f| f.len().max(1)).sum();
        let failures = shown.len();

        let mut writer = Writer::new_with_indent(out, b' ', 2);
        writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        writer
            .create_element("testsuites")
            .with_attribute(("name", "shipshape"))
            .with_attribute(("tests", tests.to_string().as_str()))
            .with_attribute(("failures", failures.to_string().as_str()))
            .with_attribute(("errors", "0"))
            .with_attribute((
                "time",
                format!("{:.3}", result.summary.elapsed_ms as f64 / 1000.0).as_str(),
            ))
            .write_inner_content(|writer| {
                for (rule_id, findings) in &by_rule {
                    suite(writer, rule_id, findings)?;
                }
                Ok(())
            })?;
        writer.get_mut().write_all(b"\n")
    }
}

fn suite<W: Write>(writer: &mut Writer<W>, rule_id: &str, findings: &[&Finding]) -> io::Result<()> {
    let classname = format!("shipshape.{rule_id}");
    writer
        .create_element("testsuite")
        .with_attribute(("name", rule_id))
        .with_attribute(("tests", findings.len().max(1).to_string().as_str()))
        .with_attribute(("failures", findings.len().to_string().as_str()))
        .with_attribute(("errors", "0"))
        .with_attribute(("skipped", "0"))
        .write_inner_content(|writer| {
            if findings.is_empty() {
                writer
                    .create_element("testcase")
                    .with_attribute(("name", "no findings"))
                    .with_attribute(("classname", classname.as_str()))
                    .write_empty()?;
            }
            for finding in findings {
                case(writer, &classname, finding)?;
            }
            Ok(())
        })?;
    Ok(())
}

fn case<W: Write>(writer: &mut Writer<W>, classname: &str, finding: &Finding) -> io::Result<()> {
    let region = finding.region;
    let place = format!(
        "{}:{}:{}",
        finding.path, region.start_line, region.start_column
    );
    let mut details = format!(
        "{place}: {}[{}]: {}\n{} | {}\n",
        finding.level, finding.rule_id, finding.message, region.start_line, finding.line_text
    );
    for step in &finding.flow {
        details.push_str(&format!(
            "  flow: line {}: {}\n",
            step.region.start_line, step.message
        ));
    }
    writer
        .create_element("testcase")
        .with_attribute(("name", xml_safe(&place).as_str()))
        .with_attribute(("classname", classname))
        .with_attribute(("file", xml_safe(&finding.path).as_str()))
        .with_attribute(("line", region.start_line.to_string().as_str()))
        .write_inner_content(|writer| {
            writer
                .create_element("failure")
                .with_attribute(("message", xml_safe(&finding.message).as_str()))
                .with_attribute(("type", finding.level.as_str()))
                .write_text_content(BytesText::new(&xml_safe(&details)))?;
            Ok(())
        })?;
    Ok(())
}

/// XML 1.0 cannot carry most control characters even escaped; source lines and paths can hold
/// them, so they become U+FFFD.
fn xml_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::xml_safe;

    #[test]
    fn characters_xml_cannot_hold_are_replaced() {
        assert_eq!(xml_safe("a\u{1}b\tc\u{c}"), "a\u{fffd}b\tc\u{fffd}");
        assert_eq!(xml_safe("<&\"é😀>"), "<&\"é😀>");
    }
}
