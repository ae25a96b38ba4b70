//! The analysis engine: given a file's path (for naming only) and bytes, it guards against bad
//! content, parses once, runs the language's one combined query, hands the facts to the rules
//! and returns located, fingerprinted findings plus notifications. It never touches the
//! filesystem: the scanner reads files, the engine only sees bytes.
#![deny(missing_docs)]

mod budget;
mod content;
mod facts;
mod outcome;
mod suppressions;

pub use budget::Budgets;
use budget::Pathology;
pub use content::ContentLimits;
pub use outcome::FileOutcome;
pub use suppressions::Directive;

use shipshape_core::{
    github_line_hashes, Finding, FingerprintBuilder, FlowStep, LineIndex, Notification,
    NotificationKind,
};
use shipshape_lang::{FileKind, Language};
use shipshape_query::QuerySet;
use shipshape_rules::Registry;
use std::collections::HashMap;
use tree_sitter::Parser;

/// What to do with a file beyond parsing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Parse, query and run the rules.
    Analyze,
    /// Parse only: the baseline that benchmarks compare against.
    ParseOnly,
}

/// Compiled queries and rules, shared by every worker thread.
#[derive(Debug)]
pub struct Engine {
    queries: QuerySet,
    rules: Registry,
    /// Content guards.
    pub limits: ContentLimits,
    /// Work budgets.
    pub budgets: Budgets,
    /// Analyse or parse only.
    pub mode: Mode,
}

/// Per-thread scratch: parsers are not shareable, so each worker owns one per language.
#[derive(Default)]
pub struct Workspace {
    parsers: HashMap<Language, Parser>,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace")
            .field("parsers", &self.parsers.len())
            .finish()
    }
}

impl Workspace {
    /// An empty workspace.
    pub fn new() -> Self {
        Self::default()
    }

    fn parser(&mut self, language: Language) -> &mut Parser {
        self.parsers.entry(language).or_insert_with(|| {
            let mut parser = Parser::new();
            parser
                .set_language(&language.grammar())
                .expect("grammar ABI is checked by shipshape-lang's tests");
            parser
        })
    }
}

impl Engine {
    /// An engine over compiled queries and rules, with default guards and budgets.
    pub fn new(queries: QuerySet, rules: Registry) -> Self {
        Engine {
            queries,
            rules,
            limits: ContentLimits::default(),
            budgets: Budgets::default(),
            mode: Mode::Analyze,
        }
    }

    /// Compile the query packs of `languages` now (in parallel) instead of on first use.
    pub fn prepare(&self, languages: &[Language]) {
        // An error is reported on each file of that language.
        let _ = self.queries.prepare(languages);
    }

    /// The rules this engine runs.
    pub fn rules(&self) -> &Registry {
        &self.rules
    }

    /// Analyse one file. `path` is the repo-relative `/`-separated name used in results.
    pub fn analyze(
        &self,
        workspace: &mut Workspace,
        path: &str,
        kind: FileKind,
        bytes: &[u8],
    ) -> FileOutcome {
        match kind {
            FileKind::Code(language) => self.analyze_code(workspace, path, language, bytes),
            FileKind::Sql | FileKind::Prisma => self.analyze_schema_file(path, kind, bytes),
        }
    }

    /// Read a file only for what it declares about the database (`--changed-since` keeps the
    /// whole schema in view while it analyses only the changed files): schema files as
    /// usual, code only when it names a word of a schema pattern; findings, queries and
    /// notifications dropped.
    pub fn analyze_for_schema(
        &self,
        workspace: &mut Workspace,
        path: &str,
        kind: FileKind,
        bytes: &[u8],
    ) -> FileOutcome {
        let mut outcome = FileOutcome::new(path, kind, bytes.len());
        outcome.context_only = true;
        if let FileKind::Code(language) = kind {
            let text = String::from_utf8_lossy(bytes);
            let declares = self
                .queries
                .get(language)
                .ok()
                .is_some_and(|q| q.schema_words.as_ref().is_none_or(|w| w.might_match(&text)));
            if !declares {
                return outcome;
            }
        }
        let mut read = self.analyze(workspace, path, kind, bytes);
        if let Some(db) = read.db.as_mut() {
            db.sql.clear();
            db.orm.clear();
        }
        outcome.db = read.db.filter(|db| !db.is_empty());
        outcome
    }

    /// A schema file (SQL, Prisma): decoded and read for the repository's database facts.
    fn analyze_schema_file(&self, path: &str, kind: FileKind, bytes: &[u8]) -> FileOutcome {
        let mut outcome = FileOutcome::new(path, kind, bytes.len());
        let text = match content::decode(path, false, bytes, &self.limits) {
            Ok((text, notes)) => {
                outcome.notifications.extend(notes);
                text
            }
            Err(skip) => {
                outcome.notifications.push(skip);
                return outcome;
            }
        };
        outcome.lines = LineIndex::new(&text).line_count();
        outcome.analyzed = true;
        if self.mode == Mode::ParseOnly {
            return outcome;
        }
        self.find_suppressions(&mut outcome, &text, &[kind.line_comment()], None);
        outcome.db = Some(shipshape_rules::db::FileDb {
            path: path.to_string(),
            schema_text: Some(text),
            ..Default::default()
        });
        outcome
    }

    /// A source file: one parse, one query pass, the rules.
    fn analyze_code(
        &self,
        workspace: &mut Workspace,
        path: &str,
        language: Language,
        bytes: &[u8],
    ) -> FileOutcome {
        let mut outcome = FileOutcome::new(path, FileKind::Code(language), bytes.len());
        let has_bom = bytes.starts_with(b"\xEF\xBB\xBF");
        let text = match content::decode(path, language.may_be_minified(), bytes, &self.limits) {
            Ok((text, notes)) => {
                outcome.notifications.extend(notes);
                text
            }
            Err(skip) => {
                outcome.notifications.push(skip);
                return outcome;
            }
        };
        let lines = LineIndex::new(&text);
        outcome.lines = lines.line_count();

        let parser = workspace.parser(language);
        let Some(tree) = budget::parse(parser, &text, &self.budgets) else {
            outcome.notifications.push(Notification::for_file(
                path,
                NotificationKind::ParseBudgetExceeded,
                format!(
                    "parsing took more than its work budget ({} steps per KiB); file skipped",
                    self.budgets.parse_steps_per_kib
                ),
            ));
            return outcome;
        };
        outcome.analyzed = true;
        let root = tree.root_node();
        if root.has_error() {
            let line = budget::first_error_line(root);
            outcome.notifications.push(
                Notification::for_file(
                    path,
                    NotificationKind::SyntaxError,
                    format!("syntax error at line {line}; the rest of the file was analysed"),
                )
                .at_line(line),
            );
        }
        if self.mode == Mode::ParseOnly {
            return outcome;
        }
        self.find_suppressions(&mut outcome, &text, &[language.line_comment()], Some(root));

        if !self.shape_allows_matching(path, root, &mut outcome) {
            return outcome;
        }
        let compiled = match self.queries.get(language) {
            Ok(compiled) => compiled,
            Err(error) => {
                outcome.notifications.push(Notification::for_file(
                    path,
                    NotificationKind::InternalError,
                    format!("the {language} query packs do not compile: {error}"),
                ));
                return outcome;
            }
        };
        // No sink name in the file: no rule can fire, so the query pass is skipped (the parse
        // above still reported syntax errors and nesting).
        if compiled
            .sink_words
            .as_ref()
            .is_some_and(|words| !words.might_match(&text))
        {
            return outcome;
        }
        let (facts, exceeded) = facts::collect(compiled, root, &text, &self.budgets);
        if exceeded {
            outcome.notifications.push(Notification::for_file(
                path,
                NotificationKind::QueryBudgetExceeded,
                "pattern matching hit its work budget; findings for this file may be incomplete",
            ));
        }
        let db = {
            let mut locate = Locator::new(&lines, &text, has_bom);
            locate.path = path.to_string();
            let db = shipshape_rules::db::extract(&facts, path, &locate);
            (!db.is_empty()).then_some(db)
        };
        outcome.db = db;
        let mut hits = self.rules.check(&facts);
        hits.sort_by(|a, b| {
            (a.start_byte, a.end_byte, a.rule_id).cmp(&(b.start_byte, b.end_byte, b.rule_id))
        });
        hits.dedup_by(|a, b| {
            (a.start_byte, a.end_byte, a.rule_id) == (b.start_byte, b.end_byte, b.rule_id)
        });
        if hits.is_empty() {
            return outcome;
        }

        // GitHub hashes the file as its UTF-8 decoder sees it: with the byte-order mark.
        let line_hashes = if has_bom {
            github_line_hashes(&format!("\u{feff}{text}"))
        } else {
            github_line_hashes(&text)
        };
        let mut fingerprints = FingerprintBuilder::new();
        for hit in hits {
            let meta = self
                .rules
                .meta(hit.rule_id)
                .expect("hits come from registered rules");
            let region = lines.region(hit.start_byte, hit.end_byte);
            let function = facts
                .enclosing_function(hit.start_byte)
                .unwrap_or("<module>")
                .to_string();
            outcome.findings.push(Finding {
                rule_id: hit.rule_id,
                level: hit.level.unwrap_or(meta.default_level),
                path: path.to_string(),
                fingerprint: fingerprints.fingerprint(hit.rule_id, path, &function, &hit.code),
                line_hash: line_hashes
                    .get(region.start_line - 1)
                    .cloned()
                    .unwrap_or_default(),
                line_text: lines.line_text(region.start_line).to_string(),
                context: context_lines(&lines, region.start_line, region.end_line),
                flow: located(&lines, &hit.flow),
                related: located(&lines, &hit.related),
                function,
                region,
                message: hit.message,
                security_severity: hit.security_severity,
                suppressed: None,
                fix: hit.fix.map(|fix| shipshape_core::Fix {
                    description: fix.description,
                    edits: fix
                        .edits
                        .into_iter()
                        .map(|edit| shipshape_core::Edit {
                            region: lines.region(edit.start_byte, edit.end_byte),
                            text: edit.text,
                        })
                        .collect(),
                }),
            });
        }
        outcome
    }

    /// The file's inline suppressions; the ones that cannot take effect become notifications.
    fn find_suppressions(
        &self,
        outcome: &mut FileOutcome,
        text: &str,
        comments: &[&str],
        root: Option<tree_sitter::Node<'_>>,
    ) {
        let known = |name: &str| {
            self.rules
                .metas()
                .iter()
                .any(|m| m.id == name || m.family.tag() == name)
        };
        let (directives, notes) = suppressions::find(&outcome.path, text, comments, root, &known);
        outcome.suppressions = directives;
        outcome.notifications.extend(notes);
    }

    /// Report a tree shape that pattern matching cannot afford in full; false when matching
    /// must be skipped altogether.
    fn shape_allows_matching(
        &self,
        path: &str,
        root: tree_sitter::Node<'_>,
        outcome: &mut FileOutcome,
    ) -> bool {
        match budget::pathology(
            root,
            self.budgets.max_query_depth,
            self.budgets.max_token_run,
        ) {
            Some(Pathology::Deep { line }) => {
                outcome.notifications.push(
                    Notification::for_file(
                        path,
                        NotificationKind::NestingTooDeep,
                        format!(
                            "code is nested more than {} levels deep from line {line}; what lies deeper was not analysed",
                            self.budgets.max_query_depth
                        ),
                    )
                    .at_line(line),
                );
                true
            }
            Some(Pathology::TokenRun { line }) => {
                outcome.notifications.push(
                    Notification::for_file(
                        path,
                        NotificationKind::QueryBudgetExceeded,
                        format!(
                            "more than {} unmatched tokens in a row from line {line} (a syntax error the parser could not recover from); pattern matching skipped, no findings for this file",
                            self.budgets.max_token_run
                        ),
                    )
                    .at_line(line),
                );
                false
            }
            None => true,
        }
    }
}

/// Locates the database facts of one file: regions, GitHub line hashes (computed on first
/// use), line texts.
struct Locator<'a> {
    lines: &'a LineIndex<'a>,
    text: &'a str,
    has_bom: bool,
    hashes: std::cell::OnceCell<Vec<String>>,
    path: String,
}

impl<'a> Locator<'a> {
    fn new(lines: &'a LineIndex<'a>, text: &'a str, has_bom: bool) -> Self {
        Locator {
            lines,
            text,
            has_bom,
            hashes: std::cell::OnceCell::new(),
            path: String::new(),
        }
    }
}

impl shipshape_rules::db::Locate for Locator<'_> {
    fn site(
        &self,
        start: usize,
        end: usize,
        function: &str,
        code: &str,
    ) -> shipshape_rules::db::Site {
        let region = self.lines.region(start, end);
        let hashes = self.hashes.get_or_init(|| {
            if self.has_bom {
                github_line_hashes(&format!("\u{feff}{}", self.text))
            } else {
                github_line_hashes(self.text)
            }
        });
        shipshape_rules::db::Site {
            path: self.path.clone(),
            region,
            line_hash: hashes
                .get(region.start_line - 1)
                .cloned()
                .unwrap_or_default(),
            line_text: self.lines.line_text(region.start_line).to_string(),
            context: context_lines(self.lines, region.start_line, region.end_line),
            function: function.to_string(),
            code: code.to_string(),
        }
    }

    fn line(&self, byte: usize) -> u32 {
        u32::try_from(self.lines.region(byte, byte).start_line).unwrap_or(u32::MAX)
    }
}

/// Most lines a SARIF context snippet shows; longer regions get none.
const MAX_CONTEXT_LINES: usize = 20;

fn context_lines(lines: &LineIndex<'_>, start: usize, end: usize) -> Option<String> {
    (end - start < MAX_CONTEXT_LINES).then(|| {
        (start..=end)
            .map(|line| lines.line_text(line))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn located(lines: &LineIndex<'_>, steps: &[shipshape_rules::Step]) -> Vec<FlowStep> {
    steps
        .iter()
        .map(|step| FlowStep {
            region: lines.region(step.start_byte, step.end_byte),
            message: step.message.clone(),
        })
        .collect()
}
