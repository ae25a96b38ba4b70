//! Things that happened to a file (or the scan) that are not findings: skipped, partially
//! analysed, failed. They end up in SARIF `invocations[0].toolExecutionNotifications`.

use crate::Level;
use serde::Serialize;

/// Why a notification was raised; the kebab-case name is its stable SARIF descriptor id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
    /// The file could not be read (permissions, vanished, I/O error); skipped.
    Unreadable,
    /// A directory could not be walked, or a symlink loop / escape was detected.
    WalkError,
    /// An internal error (a panic) while analysing the file; skipped.
    InternalError,
}

impl NotificationKind {
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
            NotificationKind::Unreadable => "unreadable",
            NotificationKind::WalkError => "walk-error",
            NotificationKind::InternalError => "internal-error",
        }
    }

    /// Whether a file with this notification was left out of the analysis entirely.
    pub fn skips_file(self) -> bool {
        matches!(
            self,
            NotificationKind::TooLarge
                | NotificationKind::Binary
                | NotificationKind::Minified
                | NotificationKind::ParseBudgetExceeded
                | NotificationKind::Unreadable
                | NotificationKind::InternalError
        )
    }

    /// The level it is reported at.
    pub fn level(self) -> Level {
        match self {
            NotificationKind::InternalError => Level::Error,
            NotificationKind::InvalidUtf8 | NotificationKind::SyntaxError => Level::Note,
            _ => Level::Warning,
        }
    }
}

/// One notification, usually about one file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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
