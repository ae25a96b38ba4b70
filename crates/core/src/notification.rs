//! Things that happened to a file (or the scan) that are not findings: skipped, partially
//! analysed, failed. They end up in SARIF `invocations[0].toolExecutionNotifications`.

use crate::Level;
use serde::{Deserialize, Serialize};

/// Why a notification was raised; the kebab-case name is its stable SARIF descriptor id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotificationKind {
    /// The file is larger than `--max-file-bytes`; skipped.
    TooLarge,
    /// The file holds binary content; skipped.
    Binary,
    /// The file is minified or generated (very long lines); skipped.
    Minified,
    /// The file is not valid UTF-8; decoded with replacement characters and analysed.
    InvalidUtf8,
    /// The parser recovered from syntax errors; what parsed was analysed.
    SyntaxError,
    /// Parsing exceeded its work budget; skipped.
    ParseBudgetExceeded,
    /// The query pass exceeded its work budget; results for the file may be incomplete.
    QueryBudgetExceeded,
    /// Code nested deeper than the matching depth limit was not analysed.
    NestingTooDeep,
    /// The file could not be read (permissions, vanished, I/O error); skipped.
    Unreadable,
    /// A directory could not be walked, or a symlink loop / escape was detected.
    WalkError,
    /// An internal error (a panic) while analysing the file; skipped.
    InternalError,
    /// Something the missing-index join could not judge or read: a query on a table the
    /// repository's schema does not define, a schema statement it could not parse.
    SchemaNote,
    /// An inline suppression that does not take effect: no reason given, or a rule id that
    /// does not exist.
    BadSuppression,
    /// An inline suppression that suppressed nothing (`--report-unused-suppressions`).
    UnusedSuppression,
}

impl NotificationKind {
    /// Every kind, in a fixed order (SARIF `tool.driver.notifications`).
    pub const ALL: [NotificationKind; 14] = [
        NotificationKind::TooLarge,
        NotificationKind::Binary,
        NotificationKind::Minified,
        NotificationKind::InvalidUtf8,
        NotificationKind::SyntaxError,
        NotificationKind::ParseBudgetExceeded,
        NotificationKind::QueryBudgetExceeded,
        NotificationKind::NestingTooDeep,
        NotificationKind::Unreadable,
        NotificationKind::WalkError,
        NotificationKind::InternalError,
        NotificationKind::SchemaNote,
        NotificationKind::BadSuppression,
        NotificationKind::UnusedSuppression,
    ];

    /// One line on what it means.
    pub fn description(self) -> &'static str {
        match self {
            NotificationKind::TooLarge => {
                "The file is larger than --max-file-bytes and was skipped."
            }
            NotificationKind::Binary => "The file holds binary content and was skipped.",
            NotificationKind::Minified => "The file is minified or generated and was skipped.",
            NotificationKind::InvalidUtf8 => {
                "The file is not valid UTF-8; it was analysed with replacement characters."
            }
            NotificationKind::SyntaxError => {
                "The file has syntax errors; what the parser recovered was analysed."
            }
            NotificationKind::ParseBudgetExceeded => {
                "Parsing exceeded its work budget; the file was skipped."
            }
            NotificationKind::QueryBudgetExceeded => {
                "Pattern matching exceeded its work budget; findings may be incomplete."
            }
            NotificationKind::NestingTooDeep => {
                "Code nested deeper than the analysis limit was not analysed."
            }
            NotificationKind::Unreadable => "The file could not be read and was skipped.",
            NotificationKind::WalkError => {
                "A folder could not be walked, or a symlink looped or left the scanned root."
            }
            NotificationKind::InternalError => {
                "shipshape failed internally on this file; it was skipped."
            }
            NotificationKind::SchemaNote => {
                "The missing-index join could not judge a query or read a schema statement."
            }
            NotificationKind::BadSuppression => {
                "An inline suppression has no reason or names an unknown rule; it does not apply."
            }
            NotificationKind::UnusedSuppression => "An inline suppression suppresses nothing.",
        }
    }

    /// The stable id used in SARIF `descriptor.id`.
    pub fn id(self) -> &'static str {
        match self {
            NotificationKind::TooLarge => "too-large",
            NotificationKind::Binary => "binary",
            NotificationKind::Minified => "minified",
            NotificationKind::InvalidUtf8 => "invalid-utf8",
            NotificationKind::SyntaxError => "syntax-error",
            NotificationKind::ParseBudgetExceeded => "parse-budget-exceeded",
            NotificationKind::QueryBudgetExceeded => "query-budget-exceeded",
            NotificationKind::NestingTooDeep => "nesting-too-deep",
            NotificationKind::Unreadable => "unreadable",
            NotificationKind::WalkError => "walk-error",
            NotificationKind::InternalError => "internal-error",
            NotificationKind::SchemaNote => "schema-note",
            NotificationKind::BadSuppression => "bad-suppression",
            NotificationKind::UnusedSuppression => "unused-suppression",
        }
    }

    /// The level it is reported at.
    pub fn level(self) -> Level {
        match self {
            NotificationKind::InternalError => Level::Error,
            NotificationKind::InvalidUtf8
            | NotificationKind::SyntaxError
            | NotificationKind::NestingTooDeep
            | NotificationKind::SchemaNote => Level::Note,
            _ => Level::Warning,
        }
    }
}

/// One notification, usually about one file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Notification {
    /// Repo-relative `/`-separated path of the file concerned, if any.
    pub path: Option<String>,
    /// 1-based line the notification points at, if any.
    pub line: Option<usize>,
    /// Why.
    pub kind: NotificationKind,
    /// A sentence for people.
    pub message: String,
}

impl Notification {
    /// A notification about a file.
    pub fn for_file(path: &str, kind: NotificationKind, message: impl Into<String>) -> Self {
        Notification {
            path: Some(path.to_string()),
            line: None,
            kind,
            message: message.into(),
        }
    }

    /// The same notification, pointing at a line.
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// Its level.
    pub fn level(&self) -> Level {
        self.kind.level()
    }
}
