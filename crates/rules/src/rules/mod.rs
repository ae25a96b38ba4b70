//! One file per rule; the file name is the rule id with `_` for `-`.

mod sql_injection;

use crate::Rule;

/// Every built-in rule.
pub(crate) fn all() -> Vec<Box<dyn Rule>> {
    vec![Box::new(sql_injection::SqlInjection)]
}
