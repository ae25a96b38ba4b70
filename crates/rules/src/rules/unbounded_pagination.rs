//! `unbounded-pagination`: a loop that fetches page after page with no stop on an empty page,
//! a missing next link or a page count.
//!
//! A pagination loop, here: an endless loop that something leaves, or a `while x` loop, whose
//! network or database call (`@io`) uses a variable the loop advances (a page number, an
//! offset, a cursor, a next URL). It is safe when the loop's own condition is that variable
//! (`while next_url:`), when it tests for an empty page or a missing next link (`@stop`), or when
//! a comparison caps it (a page counter or a deadline, as for retries).

use crate::loops::{ends_only_by_leaving, header_hit, is_capped, mentions, within};
use crate::{FileFacts, Hit, Rule};
use shipshape_core::{Family, Level, Precision, RuleMeta};

static META: RuleMeta = RuleMeta {
    id: "unbounded-pagination",
    name: "UnboundedPagination",
    short_description:
        "A pagination loop with no stop on an empty page, a missing next link or a page cap",
    full_description: "A loop fetches pages (a page number, an offset, a cursor or a next link it \
        advances) and ends only on an error: nothing stops it on an empty page, a missing next \
        link or a maximum page count. An API that keeps answering (an empty last page, a cursor \
        that repeats, a bug on the other side) keeps the job fetching forever. Stop when a page \
        comes back empty or without a next link, and cap the number of pages.",
    family: Family::UnboundedLoop,
    cwes: &[834],
    security: false,
    security_severity: None,
    default_level: Level::Warning,
    precision: Precision::Medium,
    languages: &["Python", "JavaScript", "TypeScript", "Rust"],
    help_markdown: include_str!("../../../../docs/rules/unbounded-pagination.md"),
};

/// See the module documentation.
#[derive(Debug)]
pub(crate) struct UnboundedPagination;

impl Rule for UnboundedPagination {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, facts: &FileFacts<'_>, hits: &mut Vec<Hit>) {
        let found = &facts.retry_facts;
        for the_loop in &facts.loops {
            if !ends_only_by_leaving(facts, the_loop) {
                continue;
            }
            let (start, end) = (the_loop.node.start_byte(), the_loop.node.end_byte());
            let scope = facts.scope_at(start);
            // The variables the loop advances: assigned or changed in place inside it.
            let advanced: Vec<&str> = facts
                .defined_names(scope)
                .filter(|(_, d)| start <= d.node.start_byte() && d.node.end_byte() <= end)
                .map(|(name, _)| name)
                .chain(
                    facts
                        .mutations
                        .iter()
                        .filter(|m| within(facts, the_loop, **m))
                        .map(|m| facts.text(*m)),
                )
                .collect();
            let pages = found
                .io
                .iter()
                .filter(|&&io| within(facts, the_loop, io))
                .any(|&io| {
                    advanced
                        .iter()
                        .any(|name| mentions(facts.text(io), name, true))
                });
            if !pages {
                continue;
            }
            let own_condition = the_loop
                .condition
                .is_some_and(|c| advanced.contains(&facts.text(c)));
            let tests_page = found.stops.iter().any(|&s| within(facts, the_loop, s));
            if own_condition || tests_page || is_capped(facts, the_loop) {
                continue;
            }
            hits.push(header_hit(
                facts,
                the_loop,
                META.id,
                "this pagination loop ends only on an error: nothing stops it on an empty page, \
                 a missing next link or a page count"
                    .to_string(),
                None,
            ));
        }
    }
}
