//! One file per rule; the file name is the rule id with `_` for `-`.

mod code_injection;
mod command_injection;
mod nosql_injection;
mod open_redirect;
mod path_traversal;
mod regex_injection;
mod sql_injection;
mod ssrf;
mod unvalidated_body;
mod xss;

use crate::Rule;

/// Every built-in rule.
pub(crate) fn all() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(sql_injection::SqlInjection),
        Box::new(command_injection::CommandInjection),
        Box::new(nosql_injection::NosqlInjection),
        Box::new(path_traversal::PathTraversal),
        Box::new(open_redirect::OpenRedirect),
        Box::new(code_injection::CodeInjection),
        Box::new(ssrf::ServerSideRequestForgery),
        Box::new(xss::CrossSiteScripting),
        Box::new(regex_injection::RegexInjection),
        Box::new(unvalidated_body::UnvalidatedBody),
    ]
}
