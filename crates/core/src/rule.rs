//! Static metadata of a rule: what SARIF's `tool.driver.rules[]` and `shipshape rules` show.

use crate::Level;
use serde::Serialize;

/// The finding families; each rule belongs to exactly one (its SARIF family tag).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// SQL, shell or NoSQL text built from non-constant strings reaching an execution sink.
    Injection,
    /// Request data reaching a sensitive place without validation.
    UnvalidatedInput,
    /// Loops with no reachable exit, attacker-chosen bounds, uncapped retries.
    UnboundedLoop,
    /// Queries on columns that the repository's schema does not index.
    MissingIndex,
}

impl Family {
    /// The tag used in SARIF `properties.tags` and on the command line.
    pub fn tag(self) -> &'static str {
        match self {
            Family::Injection => "injection",
            Family::UnvalidatedInput => "unvalidated-input",
            Family::UnboundedLoop => "unbounded-loop",
            Family::MissingIndex => "missing-index",
        }
    }
}

/// How often a result of this rule is a true positive (GitHub's `precision` property).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    /// Almost never wrong.
    VeryHigh,
    /// Rarely wrong.
    High,
    /// Sometimes wrong.
    Medium,
    /// Often wrong; a hint.
    Low,
}

impl Precision {
    /// GitHub's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::VeryHigh => "very-high",
            Precision::High => "high",
            Precision::Medium => "medium",
            Precision::Low => "low",
        }
    }
}

/// Everything about a rule except its logic.
#[derive(Debug, Clone, Serialize)]
pub struct RuleMeta {
    /// Language-neutral kebab-case id, never renamed once published (alerts are keyed on it).
    pub id: &'static str,
    /// PascalCase name for SARIF `rules[].name`.
    pub name: &'static str,
    /// One line: what is wrong.
    pub short_description: &'static str,
    /// A paragraph: what the rule finds and why it matters in production.
    pub full_description: &'static str,
    /// The family tag.
    pub family: Family,
    /// CWE numbers, e.g. `[89]`.
    pub cwes: &'static [u16],
    /// Whether GitHub should treat it as a security rule (`security` tag, `security-severity`).
    pub security: bool,
    /// GitHub's `security-severity`, a number from 0.0 to 10.0 written as a string.
    pub security_severity: Option<&'static str>,
    /// The level results get unless configured otherwise.
    pub default_level: Level,
    /// How often it is right.
    pub precision: Precision,
    /// Languages the rule analyses (display names).
    pub languages: &'static [&'static str],
    /// The rule's help page (Markdown), `docs/rules/<id>.md`.
    pub help_markdown: &'static str,
}

impl RuleMeta {
    /// CWE tags in GitHub's form: `external/cwe/cwe-089`.
    pub fn cwe_tags(&self) -> Vec<String> {
        self.cwes
            .iter()
            .map(|n| format!("external/cwe/cwe-{n:03}"))
            .collect()
    }

    /// All SARIF tags: the family, `security` where it is one, then the CWE tags.
    pub fn tags(&self) -> Vec<String> {
        let mut tags = vec![self.family.tag().to_string()];
        if self.security {
            tags.push("security".to_string());
        }
        tags.extend(self.cwe_tags());
        tags
    }

    /// GitHub's `problem.severity` for non-security rules.
    pub fn problem_severity(&self) -> &'static str {
        match self.default_level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "recommendation",
        }
    }
}
