//! One file per rule; the file name is the rule id with `_` for `-`.

mod code_injection;
mod command_injection;
mod input_bound_loop;
mod missing_index;
mod nosql_injection;
mod open_redirect;
mod path_traversal;
mod regex_injection;
mod sql_injection;
mod ssrf;
mod unbounded_loop;
mod unbounded_pagination;
mod uncapped_retry;
mod unindexed_foreign_key;
mod unvalidated_body;
mod xss;

use crate::Rule;
use shipshape_core::RuleMeta;

/// Every built-in rule.
pub(crate) fn all() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(sql_injection::RULE),
        Box::new(command_injection::RULE),
        Box::new(nosql_injection::RULE),
        Box::new(path_traversal::RULE),
        Box::new(open_redirect::RULE),
        Box::new(code_injection::RULE),
        Box::new(ssrf::RULE),
        Box::new(xss::RULE),
        Box::new(regex_injection::RULE),
        Box::new(unvalidated_body::UnvalidatedBody),
        Box::new(unbounded_loop::UnboundedLoop),
        Box::new(input_bound_loop::RULE),
        Box::new(uncapped_retry::UncappedRetry),
        Box::new(unbounded_pagination::UnboundedPagination),
    ]
}

/// The repository-level rules, which the missing-index join reports under (no per-file check).
pub(crate) fn repository_level() -> Vec<&'static RuleMeta> {
    vec![&missing_index::META, &unindexed_foreign_key::META]
}
