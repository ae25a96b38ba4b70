//! SARIF 2.1.0, shaped for GitHub code scanning (see `../shared/sarif/`'s GitHub profile) and
//! IDE viewers: one run, every rule with help and properties, results with `ruleIndex`,
//! `%SRCROOT%`-relative URIs, UTF-16 columns, both fingerprints, and one notification per file
//! that was skipped or only partly analysed. With a baseline, every result carries
//! `baselineState`, and results gone since the baseline follow the current ones as `absent`.

use crate::uri::{folder_uri, relative_uri};
use crate::{BaselineResult, BaselineState, ReportContext, Reporter};
use serde_json::{json, Value};
use serde_sarif::sarif::{
    ArtifactChange, CodeFlow, Fix as SarifFix, Replacement, ThreadFlow, ThreadFlowLocation,
};
use serde_sarif::sarif::{
    ArtifactContent, ArtifactLocation, Invocation, Location, Message, MultiformatMessageString,
    Notification as SarifNotification, PhysicalLocation, PropertyBag, Region as SarifRegion,
    ReportingConfiguration, ReportingDescriptor, ReportingDescriptorReference,
    Result as SarifResult, ResultLevel, Run, RunAutomationDetails, Sarif, Tool, ToolComponent,
};
use shipshape_core::{
    Finding, FlowStep, Level, Notification, NotificationKind, Region, RuleMeta, ScanResult,
};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// The schema URI written in `$schema` (the OASIS 2.1.0 schema, which GitHub and the VS Code
/// SARIF viewer both recognise).
pub const SARIF_SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

const SRCROOT: &str = "%SRCROOT%";
pub(crate) const INFORMATION_URI: &str = "https://github.com/shipshape-dev/shipshape";

/// The `--format sarif` reporter.
#[derive(Debug)]
pub struct SarifReporter;

impl Reporter for SarifReporter {
    fn render(
        &self,
        result: &ScanResult,
        context: &ReportContext,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let log = build_log(result, context);
        serde_json::to_writer_pretty(&mut *out, &log)?;
        out.write_all(b"\n")
    }
}

pub(crate) fn build_log(result: &ScanResult, context: &ReportContext) -> Sarif {
    let rules: Vec<ReportingDescriptor> = context.rules.iter().map(|m| rule(m)).collect();
    let mut results: Vec<SarifResult> = result
        .findings
        .iter()
        .map(|f| finding(f, &context.rules))
        .collect();
    for (sarif_result, finding) in results.iter_mut().zip(&result.findings) {
        if let Some(reason) = &finding.suppressed {
            // GitHub shows these as dismissed in code; viewers show the justification.
            sarif_result.suppressions = Some(vec![serde_sarif::sarif::Suppression::builder()
                .kind(json!("inSource"))
                .justification(reason.clone())
                .build()]);
        }
    }
    if let Some(comparison) = &context.baseline {
        for (index, sarif_result) in results.iter_mut().enumerate() {
            sarif_result.baseline_state = Some(json!(comparison.state(index).as_str()));
        }
        // SARIF keeps results that disappeared since the baseline in the run, as `absent`.
        results.extend(
            comparison
                .absent
                .iter()
                .map(|old| absent_result(old, &context.rules)),
        );
    }
    let notifications: Vec<SarifNotification> =
        result.notifications.iter().map(notification).collect();

    let driver = ToolComponent::builder()
        .name("shipshape")
        .semantic_version(context.tool_version)
        .information_uri(INFORMATION_URI)
        .rules(rules)
        .notifications(
            NotificationKind::ALL
                .iter()
                .map(|kind| {
                    ReportingDescriptor::builder()
                        .id(kind.id())
                        .short_description(text(kind.description()))
                        .default_configuration(
                            ReportingConfiguration::builder()
                                .level(json!(kind.level().as_str()))
                                .build(),
                        )
                        .build()
                })
                .collect::<Vec<_>>(),
        )
        .build();
    let invocation = Invocation::builder()
        .execution_successful(result.execution_successful)
        .tool_execution_notifications(notifications)
        .build();
    let mut base_ids = BTreeMap::new();
    base_ids.insert(SRCROOT.to_string(), source_root(result, context));
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .invocations(vec![invocation])
        .original_uri_base_ids(base_ids)
        .column_kind(json!("utf16CodeUnits"));
    let run = match &context.category {
        Some(category) => run
            .automation_details(
                RunAutomationDetails::builder()
                    .id(automation_id(category))
                    .build(),
            )
            .build(),
        None => run.build(),
    };
    Sarif::builder()
        .schema(SARIF_SCHEMA_URI)
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build()
}

/// `%SRCROOT%`: by default a description only, so the log is portable and names no folder of
/// the machine that wrote it; with `--sarif-absolute-root` the scan root as a `file://` URI, so
/// local viewers open the files without asking where they are.
fn source_root(result: &ScanResult, context: &ReportContext) -> ArtifactLocation {
    if context.absolute_root {
        ArtifactLocation::builder()
            .uri(folder_uri(&result.root))
            .build()
    } else {
        ArtifactLocation::builder()
            .description(
                Message::builder()
                    .text("The root of the scanned repository; result URIs are relative to it.")
                    .build(),
            )
            .build()
    }
}

/// A rule's help page on the project's site.
pub(crate) fn help_uri(rule_id: &str) -> String {
    format!("{INFORMATION_URI}/blob/main/docs/rules/{rule_id}.md")
}

/// GitHub reads the category as everything before the last `/`.
fn automation_id(category: &str) -> String {
    format!("{}/", category.trim_end_matches('/'))
}

fn text(text: &str) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(text).build()
}

fn rule(meta: &RuleMeta) -> ReportingDescriptor {
    let mut properties = BTreeMap::new();
    properties.insert("precision".to_string(), json!(meta.precision.as_str()));
    match meta.security_severity {
        Some(severity) if meta.security => {
            properties.insert("security-severity".to_string(), json!(severity));
        }
        _ => {
            properties.insert(
                "problem.severity".to_string(),
                json!(meta.problem_severity()),
            );
        }
    }
    ReportingDescriptor::builder()
        .id(meta.id)
        .name(meta.name)
        .short_description(text(meta.short_description))
        .full_description(text(meta.full_description))
        .help(
            MultiformatMessageString::builder()
                .text(meta.help_markdown)
                .markdown(meta.help_markdown)
                .build(),
        )
        .help_uri(help_uri(meta.id))
        .default_configuration(
            ReportingConfiguration::builder()
                .level(json!(meta.default_level.as_str()))
                .build(),
        )
        .properties(
            PropertyBag::builder()
                .tags(meta.tags())
                .additional_properties(properties)
                .build(),
        )
        .build()
}

fn result_level(level: Level) -> ResultLevel {
    match level {
        Level::Error => ResultLevel::Error,
        Level::Warning => ResultLevel::Warning,
        Level::Note => ResultLevel::Note,
    }
}

fn artifact(path: &str) -> ArtifactLocation {
    ArtifactLocation::builder()
        .uri(relative_uri(path))
        .uri_base_id(SRCROOT)
        .build()
}

/// A region with UTF-16 columns (the run's `columnKind`) and an exclusive end column.
fn sarif_region(region: &Region) -> SarifRegion {
    SarifRegion::builder()
        .start_line(region.start_line as i64)
        .start_column(region.start_column as i64)
        .end_line(region.end_line as i64)
        .end_column(region.end_column as i64)
        .build()
}

fn finding(finding: &Finding, rules: &[&'static RuleMeta]) -> SarifResult {
    let region = sarif_region(&finding.region);
    let context_region = SarifRegion::builder()
        .start_line(finding.region.start_line as i64)
        .end_line(finding.region.end_line as i64);
    let context_region = match &finding.context {
        Some(lines) => context_region
            .snippet(ArtifactContent::builder().text(lines.as_str()).build())
            .build(),
        None => context_region.build(),
    };
    let location = Location::builder()
        .physical_location(
            PhysicalLocation::builder()
                .artifact_location(artifact(&finding.path))
                .region(region)
                .context_region(context_region)
                .build(),
        )
        .build();
    let mut fingerprints = BTreeMap::new();
    fingerprints.insert(
        "primaryLocationLineHash".to_string(),
        finding.line_hash.clone(),
    );
    fingerprints.insert("shipshape/v1".to_string(), finding.fingerprint.clone());
    let mut result = SarifResult::builder()
        .rule_id(finding.rule_id)
        .level(result_level(finding.level))
        .message(Message::builder().text(finding.message.as_str()).build())
        .locations(vec![location])
        .partial_fingerprints(fingerprints)
        .build();
    result.rule_index = rules
        .iter()
        .position(|m| m.id == finding.rule_id)
        .map(|index| index as i64);
    if let Some(severity) = finding.security_severity {
        let mut properties = BTreeMap::new();
        properties.insert("security-severity".to_string(), json!(severity));
        result.properties = Some(
            PropertyBag::builder()
                .additional_properties(properties)
                .build(),
        );
    }
    if !finding.flow.is_empty() {
        let steps = finding
            .flow
            .iter()
            .map(|step| {
                ThreadFlowLocation::builder()
                    .location(step_location(&finding.path, step, None))
                    .build()
            })
            .collect::<Vec<_>>();
        result.code_flows = Some(vec![CodeFlow::builder()
            .thread_flows(vec![ThreadFlow::builder().locations(steps).build()])
            .build()]);
    }
    if let Some(fix) = &finding.fix {
        // Viewers (the VS Code SARIF Viewer) offer it; the edit is in the finding's file.
        let replacements = fix
            .edits
            .iter()
            .map(|edit| {
                Replacement::builder()
                    .deleted_region(sarif_region(&edit.region))
                    .inserted_content(ArtifactContent::builder().text(edit.text.as_str()).build())
                    .build()
            })
            .collect::<Vec<_>>();
        result.fixes = Some(vec![SarifFix::builder()
            .description(Message::builder().text(fix.description.as_str()).build())
            .artifact_changes(vec![ArtifactChange::builder()
                .artifact_location(artifact(&finding.path))
                .replacements(replacements)
                .build()])
            .build()]);
    }
    if !finding.related.is_empty() {
        result.related_locations = Some(
            finding
                .related
                .iter()
                .enumerate()
                .map(|(index, step)| step_location(&finding.path, step, Some(index as i64 + 1)))
                .collect(),
        );
    }
    result
}

/// A baseline result that is gone now, written back as SARIF wants it: in the run, marked
/// `absent`, where it was then.
fn absent_result(old: &BaselineResult, rules: &[&'static RuleMeta]) -> SarifResult {
    let location = Location::builder()
        .physical_location(
            PhysicalLocation::builder()
                .artifact_location(artifact(&old.path))
                .region(sarif_region(&old.region))
                .build(),
        )
        .build();
    let mut fingerprints = BTreeMap::new();
    if !old.line_hash.is_empty() {
        fingerprints.insert("primaryLocationLineHash".to_string(), old.line_hash.clone());
    }
    fingerprints.insert("shipshape/v1".to_string(), old.fingerprint.clone());
    let mut result = SarifResult::builder()
        .rule_id(old.rule_id.as_str())
        .level(result_level(old.level))
        .message(Message::builder().text(old.message.as_str()).build())
        .locations(vec![location])
        .partial_fingerprints(fingerprints)
        .build();
    result.rule_index = rules
        .iter()
        .position(|m| m.id == old.rule_id)
        .map(|index| index as i64);
    result.baseline_state = Some(json!(BaselineState::Absent.as_str()));
    result
}

/// A location in the finding's file with a message (a flow step or a related location).
fn step_location(path: &str, step: &FlowStep, id: Option<i64>) -> Location {
    let region = sarif_region(&step.region);
    let mut location = Location::builder()
        .physical_location(
            PhysicalLocation::builder()
                .artifact_location(artifact(path))
                .region(region)
                .build(),
        )
        .message(Message::builder().text(step.message.as_str()).build())
        .build();
    location.id = id;
    location
}

fn notification(notification: &Notification) -> SarifNotification {
    let message = match &notification.path {
        Some(path) => format!("{path}: {}", notification.message),
        None => notification.message.clone(),
    };
    let builder = SarifNotification::builder()
        .level(Value::from(notification.level().as_str()))
        .message(Message::builder().text(message).build())
        .descriptor(
            ReportingDescriptorReference::builder()
                .id(notification.kind.id())
                .index(
                    NotificationKind::ALL
                        .iter()
                        .position(|k| *k == notification.kind)
                        .unwrap_or(0) as i64,
                )
                .build(),
        );
    match &notification.path {
        Some(path) => {
            let physical = PhysicalLocation::builder().artifact_location(artifact(path));
            let physical = match notification.line {
                Some(line) => physical
                    .region(SarifRegion::builder().start_line(line as i64).build())
                    .build(),
                None => physical.build(),
            };
            builder
                .locations(vec![Location::builder()
                    .physical_location(physical)
                    .build()])
                .build()
        }
        None => builder.build(),
    }
}
