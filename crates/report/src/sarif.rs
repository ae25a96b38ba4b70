//! SARIF 2.1.0, shaped for GitHub code scanning (see `../shared/sarif/`'s GitHub profile) and
//! IDE viewers: one run, every rule with help and properties, results with `ruleIndex`,
//! `%SRCROOT%`-relative URIs, UTF-16 columns, both fingerprints, and one notification per file
//! that was skipped or only partly analysed.

use crate::uri::{folder_uri, relative_uri};
use crate::{ReportContext, Reporter};
use serde_json::{json, Value};
use serde_sarif::sarif::{
    ArtifactContent, ArtifactLocation, Invocation, Location, Message, MultiformatMessageString,
    Notification as SarifNotification, PhysicalLocation, PropertyBag, Region as SarifRegion,
    ReportingConfiguration, ReportingDescriptor, ReportingDescriptorReference,
    Result as SarifResult, ResultLevel, Run, RunAutomationDetails, Sarif, Tool, ToolComponent,
};
use serde_sarif::sarif::{CodeFlow, ThreadFlow, ThreadFlowLocation};
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
const INFORMATION_URI: &str = "https://github.com/shipshape-dev/shipshape";

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

fn build_log(result: &ScanResult, context: &ReportContext) -> Sarif {
    let rules: Vec<ReportingDescriptor> = context.rules.iter().map(|m| rule(m)).collect();
    let results: Vec<SarifResult> = result
        .findings
        .iter()
        .map(|f| finding(f, &context.rules))
        .collect();
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
    base_ids.insert(
        SRCROOT.to_string(),
        ArtifactLocation::builder()
            .uri(folder_uri(&result.root))
            .build(),
    );
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
        .help_uri(format!(
            "{INFORMATION_URI}/blob/main/docs/rules/{}.md",
            meta.id
        ))
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
