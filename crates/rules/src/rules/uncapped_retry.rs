//! `uncapped-retry`: a retry loop with no attempt cap or deadline, or with no wait between
//! attempts.
//!
//! A retry loop, here: a loop that only ends by leaving it (an endless `while True` with a
//! `break` on success, or a `while not ok` loop) around a network, database or subprocess call
//! (`@io`), with an error handler (`@catch`) inside it, so a failure goes back to the top. It is
//! capped when a comparison inside it (`@compare`) reads the clock (`@clock`) or a counter the
//! loop increments; it backs off when it waits (`@sleep`).

use crate::loops::{ends_only_by_leaving, header_hit, is_capped, within};
use crate::{FileFacts, Hit, Rule};
use shipshape_core::{Family, Level, Precision, RuleMeta};
use tree_sitter::Node;

static META: RuleMeta = RuleMeta {
    id: "uncapped-retry",
    name: "UncappedRetry",
    short_description: "A retry loop with no cap on attempts or time, or no wait between them",
    full_description: "A loop retries a network, database or subprocess call after a failure \
        with no attempt counter compared against a cap and no deadline, so an outage turns \
        into a worker stuck forever; or it retries with no sleep at all, hammering the failing \
        service (and its own CPU) in a tight loop. Count attempts or check a deadline, and \
        sleep with exponential backoff between attempts.",
    family: Family::UnboundedLoop,
    cwes: &[834],
    security: false,
    security_severity: None,
    default_level: Level::Warning,
    precision: Precision::Medium,
    languages: &["Python", "JavaScript", "TypeScript", "Rust"],
    help_markdown: include_str!("../../../../docs/rules/uncapped-retry.md"),
};

/// See the module documentation.
#[derive(Debug)]
pub(crate) struct UncappedRetry;

impl Rule for UncappedRetry {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, facts: &FileFacts<'_>, hits: &mut Vec<Hit>) {
        let retry = &facts.retry_facts;
        for the_loop in &facts.loops {
            if !ends_only_by_leaving(facts, the_loop) {
                continue;
            }
            let inside = |nodes: &[Node<'_>]| nodes.iter().any(|&n| within(facts, the_loop, n));
            if !inside(&retry.io) || !inside(&retry.catches) {
                continue;
            }
            let capped = is_capped(facts, the_loop);
            let waits = inside(&retry.sleeps);
            let message = match (capped, waits) {
                (true, true) => continue,
                (false, true) => "this retry loop has no cap: nothing compares an attempt \
                    count or the elapsed time before it tries again"
                    .to_string(),
                (false, false) => "this retry loop has no cap and no wait: nothing compares \
                    an attempt count or the elapsed time, and it tries again at once"
                    .to_string(),
                (true, false) => "this retry loop tries again at once: sleep, with backoff, \
                    between attempts"
                    .to_string(),
            };
            hits.push(header_hit(facts, the_loop, META.id, message, None));
        }
    }
}
