//! One file per rule; the file name is the rule id with `_` for `-`.

mod command_injection;
mod nosql_injection;
mod sql_injection;

use crate::Rule;

/// Every built-in rule.
pub(crate) fn all() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(sql_injection::SqlInjection),
        Box::new(command_injection::CommandInjection),
        Box::new(nosql_injection::NosqlInjection),
    ]
}
