//! Applying inline suppressions to every finding of the scan, the repository-level ones
//! (missing-index) included: a finding a directive of its file covers keeps its place in the
//! reports but carries the directive's reason, which takes it out of the exit code and of the
//! text output.

use shipshape_core::{Finding, Notification, NotificationKind};
use shipshape_engine::Directive;
use shipshape_rules::Registry;
use std::collections::HashMap;

/// Mark the findings the directives cover; the notes for directives that covered nothing when
/// `report_unused` asks for them.
pub(crate) fn apply(
    findings: &mut [Finding],
    directives: &[(String, Vec<Directive>)],
    report_unused: bool,
) -> Vec<Notification> {
    if directives.is_empty() {
        return Vec::new();
    }
    let registry = Registry::new();
    let by_path: HashMap<&str, &[Directive]> = directives
        .iter()
        .map(|(path, list)| (path.as_str(), list.as_slice()))
        .collect();
    let mut used: std::collections::HashSet<(String, usize)> = std::collections::HashSet::new();
    for finding in findings.iter_mut() {
        let Some(list) = by_path.get(finding.path.as_str()) else {
            continue;
        };
        let family = registry
            .meta(finding.rule_id)
            .map_or("", |m| m.family.tag());
        let line = finding.region.start_line;
        if let Some(directive) = list
            .iter()
            .find(|d| d.covers(finding.rule_id, family, line))
        {
            finding.suppressed = Some(directive.reason.clone());
            used.insert((finding.path.clone(), directive.line));
        }
    }
    if !report_unused {
        return Vec::new();
    }
    let mut notes = Vec::new();
    for (path, list) in directives {
        for directive in list {
            if !used.contains(&(path.clone(), directive.line)) {
                notes.push(
                    Notification::for_file(
                        path,
                        NotificationKind::UnusedSuppression,
                        format!(
                            "suppression of {} suppresses nothing: remove it, or fix the rule id",
                            directive.rules.join(", ")
                        ),
                    )
                    .at_line(directive.line),
                );
            }
        }
    }
    notes
}
