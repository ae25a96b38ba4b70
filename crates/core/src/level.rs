//! Severity levels, ordered so that `Error > Warning > Note`.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How serious a finding (or a notification) is; the names are SARIF's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Worth knowing, rarely worth failing a build for.
    Note,
    /// Probably a defect.
    Warning,
    /// A defect that should block a merge.
    Error,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 3] = [Level::Note, Level::Warning, Level::Error];

    /// The SARIF / command-line spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Level {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "note" => Ok(Level::Note),
            "warning" => Ok(Level::Warning),
            "error" => Ok(Level::Error),
            other => Err(format!(
                "unknown level '{other}': expected one of note, warning, error"
            )),
        }
    }
}
