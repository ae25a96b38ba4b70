//! The vocabulary every other shipshape crate speaks: findings, their locations, rule metadata,
//! file notifications and fingerprints. This crate parses nothing and touches no file, so the
//! types can be shared by the engine, the scanner and the report writers without dragging
//! tree-sitter or the filesystem along.
#![deny(missing_docs)]

mod finding;
mod fingerprint;
mod level;
mod notification;
mod rule;
mod scan_result;
mod text;

pub use finding::{Edit, Finding, Fix, FlowStep, Region};
pub use fingerprint::{github_line_hashes, FingerprintBuilder};
pub use level::Level;
pub use notification::{Notification, NotificationKind};
pub use rule::{Family, Precision, RuleMeta};
pub use scan_result::{ScanResult, ScanSummary};
pub use text::{collapse_whitespace, truncate_chars, LineIndex};
