//! Compiling all of a language's pack files into one query and checking it against the
//! capture contract.

use crate::{Capture, PackFile, SinkWords, CAPTURES, PROPERTY_KEYS};
use shipshape_lang::Language;
use std::sync::OnceLock;
use tree_sitter::{CaptureQuantifier, Query, QueryErrorKind};

/// A pack that does not compile or breaks the capture contract, located in its file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct QueryLoadError {
    /// The pack file.
    pub origin: String,
    /// 1-based line (0 when the error concerns the whole file).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
    /// What is wrong and what is allowed.
    pub message: String,
}

impl std::fmt::Display for QueryLoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (0, _) => write!(f, "{}: {}", self.origin, self.message),
            (line, 0) => write!(f, "{}:{line}: {}", self.origin, self.message),
            (line, column) => write!(f, "{}:{line}:{column}: {}", self.origin, self.message),
        }
    }
}

impl QueryLoadError {
    pub(crate) fn new(origin: String, line: usize, column: usize, message: String) -> Self {
        QueryLoadError {
            origin,
            line,
            column,
            message,
        }
    }
}

/// One language's compiled query plus what the core needs to dispatch on its matches.
#[derive(Debug)]
pub struct CompiledQuery {
    /// The language it was compiled for.
    pub language: Language,
    /// All of the language's patterns in one query.
    pub query: Query,
    /// For each capture index, the capture it stands for (`None` for private `_` captures).
    pub captures: Vec<Option<Capture>>,
    /// For each pattern index, its `(#set! label "...")`, if any.
    pub labels: Vec<Option<String>>,
    /// For each pattern index, its `(#set! shape "...")`, if any.
    pub shapes: Vec<Option<String>>,
    /// For each pattern index, its `(#set! build "…")` (`choice` or `access`), if any.
    pub builds: Vec<Option<String>>,
    /// For each pattern index, its `(#set! placeholder "regex")`, compiled.
    pub placeholders: Vec<Option<std::sync::Arc<regex::Regex>>>,
    /// For each pattern index, its `(#set! guard "…")` (`prefix` or `limit`), if any.
    pub guard_kinds: Vec<Option<String>>,
    /// For each pattern index, its database properties (`db`, `schema`, `naming`, `dialect`,
    /// `lookup`).
    pub db_properties: Vec<DbProperties>,
    /// Words a file must contain for any sink pattern to match (`None`: always run).
    pub sink_words: Option<SinkWords>,
    /// Words a file must contain for any schema pattern (`@schema.*`) to match (`None`: some
    /// schema pattern names none): whether a file can declare models or indexes at all.
    pub schema_words: Option<SinkWords>,
    /// Every name a pattern compares text with: an import alias for one of them is worth a
    /// second pass with aliases resolved.
    pub predicate_words: std::collections::HashSet<String>,
}

/// A pattern's database properties, each checked against its allowed values at load.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DbProperties {
    /// `(#set! db "…")`: what a `@db.call` does with its columns.
    pub db: Option<String>,
    /// `(#set! schema "…")`: what a `@schema.field` or `@schema.index` declares.
    pub schema: Option<String>,
    /// `(#set! naming "…")`: a `@schema.model`'s table-naming convention.
    pub naming: Option<String>,
    /// `(#set! dialect "…")`: the database a `@db.dialect` names.
    pub dialect: Option<String>,
    /// `(#set! lookup "…")`: how a `@db.column`'s text names a field and its comparison.
    pub lookup: Option<String>,
}

/// The values each database property allows.
const DB_PROPERTY_VALUES: &[(&str, &[&str])] = &[
    ("db", &["filter", "exclude", "order", "group", "join"]),
    (
        "schema",
        &[
            "index",
            "unique",
            "primary",
            "foreign-key",
            "no-index",
            "column",
            "drop",
        ],
    ),
    (
        "naming",
        &[
            "exact",
            "django",
            "sqlalchemy",
            "sequelize",
            "typeorm",
            "prisma",
            "snake",
        ],
    ),
    ("dialect", &["postgres", "mysql", "sqlite"]),
    ("lookup", &["django"]),
];

/// The queries of every language, each compiled once per process on first use (compiling
/// takes tens of milliseconds per language, so a scan compiles only the languages it meets).
#[derive(Debug)]
pub struct QuerySet {
    packs: Vec<PackFile>,
    queries: Vec<OnceLock<Result<CompiledQuery, QueryLoadError>>>,
}

impl QuerySet {
    /// A set over `packs` (embedded first, then the user's); nothing is compiled yet.
    pub fn new(packs: Vec<PackFile>) -> Self {
        QuerySet {
            packs,
            queries: Language::ALL.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    /// A set with every language compiled now, so that any pack error surfaces at once.
    pub fn compile(packs: &[PackFile]) -> Result<QuerySet, QueryLoadError> {
        let set = QuerySet::new(packs.to_vec());
        set.prepare(&Language::ALL)?;
        Ok(set)
    }

    /// Compile `languages` now, in parallel; the first error, if any.
    pub fn prepare(&self, languages: &[Language]) -> Result<(), QueryLoadError> {
        std::thread::scope(|scope| {
            for &language in languages {
                scope.spawn(move || {
                    let _ = self.get(language);
                });
            }
        });
        languages
            .iter()
            .try_for_each(|&language| self.get(language).map(|_| ()))
    }

    /// The query of a language, compiled on first use.
    pub fn get(&self, language: Language) -> Result<&CompiledQuery, QueryLoadError> {
        let index = Language::ALL
            .iter()
            .position(|&l| l == language)
            .expect("Language::ALL lists every language");
        self.queries[index]
            .get_or_init(|| compile_language(language, &self.packs))
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// The pack files of one language joined into one source, remembering where each began.
struct JoinedSource<'a> {
    text: String,
    segments: Vec<(&'a PackFile, usize)>, // file, start byte in `text`
}

impl<'a> JoinedSource<'a> {
    fn new(language: Language, packs: &'a [PackFile]) -> Self {
        let mut text = String::new();
        let mut segments = Vec::new();
        for folder in language.query_folders() {
            for pack in packs.iter().filter(|p| p.folder == *folder) {
                segments.push((pack, text.len()));
                text.push_str(&pack.source);
                text.push('\n');
            }
        }
        JoinedSource { text, segments }
    }

    /// The file, 1-based line and column of a byte offset of the joined text.
    fn locate(&self, offset: usize) -> (String, usize, usize) {
        let Some(&(pack, start)) = self.segments.iter().rev().find(|s| s.1 <= offset) else {
            return ("<no query file>".to_string(), 0, 0);
        };
        let before = &self.text[start..offset.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (pack.origin.clone(), line, column)
    }

    fn error_at(&self, offset: usize, message: String) -> QueryLoadError {
        let (origin, line, column) = self.locate(offset);
        QueryLoadError::new(origin, line, column, message)
    }

    /// Offset of the first `@name` capture in the text (for pointing at a bad capture).
    fn find_capture(&self, name: &str) -> usize {
        let needle = format!("@{name}");
        self.text
            .match_indices(&needle)
            .find(|(i, _)| {
                let after = self.text[i + needle.len()..].chars().next();
                !after.is_some_and(|c| c.is_alphanumeric() || "._-".contains(c))
            })
            .map_or(0, |(i, _)| i)
    }
}

fn describe(e: &tree_sitter::QueryError, language: Language) -> String {
    let what = match e.kind {
        QueryErrorKind::NodeType => "unknown node type",
        QueryErrorKind::Field => "unknown field",
        QueryErrorKind::Capture => "unknown capture in predicate",
        QueryErrorKind::Predicate => "bad predicate",
        QueryErrorKind::Structure => "impossible pattern",
        QueryErrorKind::Syntax => "syntax error",
        QueryErrorKind::Language => "language error",
    };
    format!(
        "{what} '{}' (compiling for {})",
        e.message.trim(),
        language.display_name()
    )
}

const SUPPORTED_PREDICATES: &str =
    "#eq?, #not-eq?, #any-eq?, #any-not-eq?, #match?, #not-match?, #any-match?, #any-not-match?, #any-of?, #not-any-of?, #set!";

/// Captures that only make sense beside another capture in the same pattern.
const REQUIRES: &[(Capture, Capture)] = &[
    (Capture::SinkSql, Capture::SinkCall),
    (Capture::SinkShell, Capture::SinkCall),
    (Capture::SinkNosql, Capture::SinkCall),
    (Capture::SinkPath, Capture::SinkCall),
    (Capture::SinkRedirect, Capture::SinkCall),
    (Capture::SinkCode, Capture::SinkCall),
    (Capture::SinkUrl, Capture::SinkCall),
    (Capture::SinkHtml, Capture::SinkCall),
    (Capture::SinkRegex, Capture::SinkCall),
    (Capture::SinkBound, Capture::SinkCall),
    (Capture::AssignTarget, Capture::AssignValue),
    (Capture::AssignValue, Capture::AssignTarget),
    (Capture::CallName, Capture::Call),
    (Capture::CallArg, Capture::Call),
    (Capture::Call, Capture::CallName),
    (Capture::ImportName, Capture::ImportAlias),
    (Capture::ImportAlias, Capture::ImportName),
    (Capture::GuardAllowlist, Capture::GuardSubject),
    (Capture::GuardRegion, Capture::GuardSubject),
    (Capture::GuardAfter, Capture::GuardSubject),
    (Capture::SinkName, Capture::SinkCall),
    (Capture::ExprPart, Capture::ExprBuild),
    (Capture::ExprInner, Capture::ExprWrapper),
    (Capture::ExprWrapper, Capture::ExprInner),
    (Capture::FunctionName, Capture::Function),
    (Capture::SourceRoute, Capture::SourceParam),
    (Capture::LoopLabel, Capture::Loop),
    (Capture::LoopCondition, Capture::Loop),
    (Capture::LoopElse, Capture::Loop),
    (Capture::BreakLabel, Capture::Break),
    (Capture::Recurse, Capture::RecurseName),
    (Capture::RecurseName, Capture::Recurse),
    (Capture::RecurseReceiver, Capture::Recurse),
    (Capture::DbModel, Capture::DbCall),
    (Capture::DbTable, Capture::DbCall),
    (Capture::DbReceiver, Capture::DbCall),
    (Capture::DbOperator, Capture::DbColumn),
    (Capture::DbVerb, Capture::DbCall),
    (Capture::DbName, Capture::DbCall),
    (Capture::SchemaModelName, Capture::SchemaModel),
    (Capture::SchemaFieldName, Capture::SchemaField),
    (Capture::SchemaReferences, Capture::SchemaField),
    (Capture::SchemaIndexColumn, Capture::SchemaIndex),
    (Capture::SchemaIndexTable, Capture::SchemaIndex),
    (Capture::SchemaIndexModel, Capture::SchemaIndex),
    (Capture::SchemaIndexName, Capture::SchemaIndex),
];

fn compile_language(
    language: Language,
    packs: &[PackFile],
) -> Result<CompiledQuery, QueryLoadError> {
    let joined = JoinedSource::new(language, packs);
    let grammar = language.grammar();
    let query = Query::new(&grammar, &joined.text).map_err(|joined_error| {
        // Unbalanced parentheses surface wherever the joined text ends: compile the files one
        // by one to blame the right one (only on this error path).
        for (pack, _) in &joined.segments {
            if let Err(e) = Query::new(&grammar, &pack.source) {
                let before = &pack.source[..e.offset.min(pack.source.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                return QueryLoadError::new(
                    pack.origin.clone(),
                    line,
                    column,
                    describe(&e, language),
                );
            }
        }
        joined.error_at(joined_error.offset, describe(&joined_error, language))
    })?;

    let mut captures = Vec::new();
    for name in query.capture_names() {
        if name.starts_with('_') {
            captures.push(None);
            continue;
        }
        match Capture::from_name(name) {
            Some(capture) => captures.push(Some(capture)),
            None => {
                let allowed: Vec<&str> = CAPTURES.iter().map(|(n, _, _)| *n).collect();
                return Err(joined.error_at(
                    joined.find_capture(name),
                    format!(
                        "unknown capture @{name}; allowed: @{} (or a private @_name for predicates)",
                        allowed.join(", @")
                    ),
                ));
            }
        }
    }

    let mut labels = Vec::new();
    let mut shapes = Vec::new();
    let mut builds = Vec::new();
    let mut placeholders = Vec::new();
    let mut guard_kinds = Vec::new();
    let mut db_properties = Vec::new();
    for pattern in 0..query.pattern_count() {
        let start = query.start_byte_for_pattern(pattern);
        let unsupported = query
            .general_predicates(pattern)
            .iter()
            .map(|p| p.operator.to_string())
            .chain(
                query
                    .property_predicates(pattern)
                    .iter()
                    .map(|(_, is)| if *is { "is?" } else { "is-not?" }.to_string()),
            )
            .next();
        if let Some(operator) = unsupported {
            return Err(joined.error_at(
                start,
                format!("unsupported predicate #{operator}; supported: {SUPPORTED_PREDICATES}"),
            ));
        }
        let mut label = None;
        let mut shape = None;
        let mut build = None;
        let mut placeholder = None;
        let mut guard_kind = None;
        let mut db = DbProperties::default();
        for property in query.property_settings(pattern) {
            if !PROPERTY_KEYS.contains(&property.key.as_ref()) {
                return Err(joined.error_at(
                    start,
                    format!(
                        "unknown property '{}' in #set!; allowed: {}",
                        property.key,
                        PROPERTY_KEYS.join(", ")
                    ),
                ));
            }
            let value = property.value.as_ref().map(|v| v.to_string());
            match property.key.as_ref() {
                "shape" => {
                    if !matches!(
                        value.as_deref(),
                        Some("sql" | "sql-statement" | "sql-condition" | "html" | "text")
                    ) {
                        return Err(joined.error_at(
                            start,
                            format!(
                                "unknown shape {:?} in #set!; allowed: \"sql\", \"sql-statement\", \"sql-condition\", \"html\", \"text\"",
                                value.unwrap_or_default()
                            ),
                        ));
                    }
                    shape = value;
                }
                "build" => {
                    build = match value.as_deref() {
                        Some("choice" | "access" | "format") => value,
                        _ => {
                            return Err(joined.error_at(
                                start,
                                format!(
                                    "unknown build {:?} in #set!; allowed: \"choice\", \"access\", \"format\"",
                                    value.unwrap_or_default()
                                ),
                            ))
                        }
                    };
                }
                "guard" => {
                    if !matches!(value.as_deref(), Some("prefix" | "limit")) {
                        return Err(joined.error_at(
                            start,
                            format!(
                                "unknown guard {:?} in #set!; allowed: \"prefix\", \"limit\"",
                                value.unwrap_or_default()
                            ),
                        ));
                    }
                    guard_kind = value;
                }
                key @ ("db" | "schema" | "naming" | "dialect" | "lookup") => {
                    let allowed = DB_PROPERTY_VALUES
                        .iter()
                        .find(|(k, _)| *k == key)
                        .map_or(&[][..], |(_, values)| *values);
                    let given = value.clone().unwrap_or_default();
                    if !allowed.contains(&given.as_str()) {
                        return Err(joined.error_at(
                            start,
                            format!(
                                "unknown {key} {given:?} in #set!; allowed: {}",
                                allowed
                                    .iter()
                                    .map(|v| format!("\"{v}\""))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        ));
                    }
                    let slot = match key {
                        "db" => &mut db.db,
                        "schema" => &mut db.schema,
                        "naming" => &mut db.naming,
                        "dialect" => &mut db.dialect,
                        _ => &mut db.lookup,
                    };
                    *slot = Some(given);
                }
                // Read by the prefilter from the pattern's text; only checked here.
                "words" => {
                    if value.as_deref().is_none_or(|v| v.trim().is_empty()) {
                        return Err(joined.error_at(
                            start,
                            "#set! words needs at least one word, e.g. (#set! words \"def\")"
                                .to_string(),
                        ));
                    }
                }
                "placeholder" => {
                    let pattern = value.unwrap_or_default();
                    match regex::Regex::new(&pattern) {
                        Ok(regex) if regex.captures_len() > 1 => {
                            placeholder = Some(std::sync::Arc::new(regex));
                        }
                        _ => {
                            return Err(joined.error_at(
                                start,
                                format!(
                                    "placeholder {pattern:?} must be a regex with a group for the variable's name"
                                ),
                            ))
                        }
                    }
                }
                _ => label = value,
            }
        }
        labels.push(label);
        shapes.push(shape);
        builds.push(build);
        placeholders.push(placeholder);
        guard_kinds.push(guard_kind);
        db_properties.push(db);

        let present = |wanted: Capture| {
            query
                .capture_quantifiers(pattern)
                .iter()
                .zip(&captures)
                .any(|(q, c)| *c == Some(wanted) && *q != CaptureQuantifier::Zero)
        };
        for &(capture, needs) in REQUIRES {
            if present(capture) && !present(needs) {
                let name = |c: Capture| CAPTURES.iter().find(|x| x.1 == c).map_or("?", |x| x.0);
                return Err(joined.error_at(
                    start,
                    format!(
                        "a pattern capturing @{} must also capture @{}",
                        name(capture),
                        name(needs)
                    ),
                ));
            }
        }
    }

    // Patterns that can lead to a finding (sinks, whole-body reads, loops, recursion) or to a
    // repository-level fact (database calls and schema declarations).
    let is_sink = |c: &Option<Capture>| {
        c.is_some_and(|c| {
            c.is_sink_argument()
                || matches!(
                    c,
                    Capture::InputBody
                        | Capture::LoopForever
                        | Capture::LoopCondition
                        | Capture::Recurse
                        | Capture::DbCall
                        | Capture::DbSql
                        | Capture::DbDialect
                        | Capture::SchemaModel
                        | Capture::SchemaField
                        | Capture::SchemaIndex
                        | Capture::SchemaMigration
                        | Capture::SchemaMigrationAfter
                )
        })
    };
    let sink_patterns: Vec<&str> = (0..query.pattern_count())
        .filter(|&pattern| {
            query
                .capture_quantifiers(pattern)
                .iter()
                .zip(&captures)
                .any(|(q, c)| is_sink(c) && *q != CaptureQuantifier::Zero)
        })
        .map(|pattern| {
            let start = query.start_byte_for_pattern(pattern);
            let end = query.end_byte_for_pattern(pattern);
            joined.text.get(start..end).unwrap_or("")
        })
        .collect();
    let sink_words = SinkWords::from_sink_patterns(sink_patterns);
    let schema_words = SinkWords::from_sink_patterns(
        (0..query.pattern_count())
            .filter(|&pattern| {
                query
                    .capture_quantifiers(pattern)
                    .iter()
                    .zip(&captures)
                    .any(|(q, c)| {
                        *q != CaptureQuantifier::Zero
                            && matches!(
                                c,
                                Some(
                                    Capture::SchemaModel
                                        | Capture::SchemaField
                                        | Capture::SchemaIndex
                                )
                            )
                    })
            })
            .map(|pattern| {
                let start = query.start_byte_for_pattern(pattern);
                let end = query.end_byte_for_pattern(pattern);
                joined.text.get(start..end).unwrap_or("")
            }),
    );

    Ok(CompiledQuery {
        language,
        query,
        captures,
        labels,
        shapes,
        builds,
        placeholders,
        guard_kinds,
        db_properties,
        sink_words,
        schema_words,
        predicate_words: crate::prefilter::predicate_words(&joined.text),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PackSource;

    fn user_pack(folder: &str, source: &str) -> Vec<PackFile> {
        let mut packs = PackFile::embedded();
        packs.push(PackFile {
            folder: folder.to_string(),
            origin: format!("my/{folder}/extra.scm"),
            source: source.to_string(),
            from: PackSource::User,
        });
        packs
    }

    #[test]
    fn embedded_packs_compile_for_every_language() {
        let set = QuerySet::compile(&PackFile::embedded()).expect("embedded packs compile");
        for language in Language::ALL {
            let compiled = set.get(language).expect("compiled");
            let words = compiled.sink_words.as_ref().map(|w| w.words().to_vec());
            assert!(
                words.as_ref().is_some_and(|w| w.len() > 3),
                "{language}: every shipped sink pattern names its sinks, so the prefilter works: {words:?}"
            );
            assert!(
                set.get(language).expect("compiled").query.pattern_count() > 0,
                "{language}"
            );
        }
    }

    #[test]
    fn unknown_capture_is_rejected_with_file_line_and_allowed_names() {
        let packs = user_pack(
            "python",
            "; mine\n\n(call function: (identifier) @sink.sqll)\n",
        );
        let err = QuerySet::compile(&packs).expect_err("typo must be rejected");
        assert_eq!(err.origin, "my/python/extra.scm");
        assert_eq!((err.line, err.column), (3, 30));
        assert!(err.message.contains("@sink.sqll"), "{err}");
        assert!(err.message.contains("allowed: @assign,"), "{err}");
    }

    #[test]
    fn syntax_and_node_type_errors_point_into_the_right_file() {
        let err = QuerySet::compile(&user_pack("rust", "(call_expression\n  (no_such_node))\n"))
            .expect_err("bad node type");
        assert_eq!(err.origin, "my/rust/extra.scm");
        assert_eq!(err.line, 2);
        assert!(err.message.contains("unknown node type"), "{err}");

        let err = QuerySet::compile(&user_pack("javascript", "(call_expression"))
            .expect_err("unbalanced");
        assert_eq!(err.origin, "my/javascript/extra.scm");
        assert!(err.message.contains("syntax error"), "{err}");
    }

    #[test]
    fn predicates_the_core_does_not_evaluate_are_rejected() {
        let packs = user_pack("python", "((identifier) @_x (#is-not? local))\n");
        let err = QuerySet::compile(&packs).expect_err("unknown predicate");
        assert!(
            err.message.contains("unsupported predicate #is-not?"),
            "{err}"
        );
    }

    #[test]
    fn a_sink_argument_needs_its_call() {
        let packs = user_pack(
            "python",
            "(call arguments: (argument_list (_) @sink.sql))\n",
        );
        let err = QuerySet::compile(&packs).expect_err("sink without call");
        assert!(err.message.contains("@sink.call"), "{err}");
    }

    #[test]
    fn a_database_call_name_needs_its_call() {
        let packs = user_pack(
            "rust",
            "((call_expression function: (field_expression field: (field_identifier) @db.name)) (#eq? @db.name \"filter\"))\n",
        );
        let err = QuerySet::compile(&packs).expect_err("db.name without db.call");
        assert!(
            err.message.contains("@db.name must also capture @db.call"),
            "{err}"
        );
        let packs = user_pack(
            "rust",
            "((call_expression function: (field_expression field: (field_identifier) @db.name)) @db.call (#eq? @db.name \"filter\"))\n",
        );
        assert!(QuerySet::compile(&packs).is_ok());
    }
}
