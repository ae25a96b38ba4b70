//! The Rule trait and the registry that lists every rule, sorted by id.

use crate::{FileFacts, Hit};
use shipshape_core::RuleMeta;

/// A rule: metadata plus what it concludes from one file's facts.
pub trait Rule: Send + Sync + std::fmt::Debug {
    /// Id, descriptions, family, tags, help.
    fn meta(&self) -> &'static RuleMeta;

    /// Append this rule's hits for one file.
    fn check(&self, facts: &FileFacts<'_>, hits: &mut Vec<Hit>);
}

/// Every rule shipshape has, sorted by id (so SARIF's rule table is stable): the rules that
/// judge one file, and those the repository-level join reports under.
#[derive(Debug)]
pub struct Registry {
    rules: Vec<Box<dyn Rule>>,
    repository_level: Vec<&'static RuleMeta>,
}

impl Default for Registry {
    fn default() -> Self {
        Self::new()
    }
}

impl Registry {
    /// All built-in rules.
    pub fn new() -> Self {
        let mut rules = crate::rules::all();
        rules.sort_by_key(|r| r.meta().id);
        Registry {
            rules,
            repository_level: crate::rules::repository_level(),
        }
    }

    /// The rules that judge one file at a time, sorted by id.
    pub fn rules(&self) -> impl Iterator<Item = &dyn Rule> {
        self.rules.iter().map(|r| r.as_ref())
    }

    /// The metadata of every rule, file-level and repository-level, sorted by id.
    pub fn metas(&self) -> Vec<&'static RuleMeta> {
        let mut metas: Vec<&'static RuleMeta> = self
            .rules()
            .map(|r| r.meta())
            .chain(self.repository_level.iter().copied())
            .collect();
        metas.sort_by_key(|m| m.id);
        metas
    }

    /// A rule's metadata by id.
    pub fn meta(&self, id: &str) -> Option<&'static RuleMeta> {
        self.rules()
            .map(|r| r.meta())
            .chain(self.repository_level.iter().copied())
            .find(|m| m.id == id)
    }

    /// Run every rule on one file's facts.
    pub fn check(&self, facts: &FileFacts<'_>) -> Vec<Hit> {
        let mut hits = Vec::new();
        for rule in self.rules() {
            rule.check(facts, &mut hits);
        }
        hits
    }
}
