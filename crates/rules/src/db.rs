//! What one file tells the repository-level missing-index join, as plain records: the SQL
//! text its code runs, its ORM queries (a chain of calls, the model they start from, the
//! fields they filter and sort on), and the models, fields and indexes it declares. Schema
//! files (`.sql`, `.prisma`) are kept as text: how they read depends on the repository's SQL
//! dialect, which only the whole repository tells.
//!
//! Records hold names as written (quotes removed) and located sites; the join
//! ([`crate::db_join`]) applies each ORM's conventions and the schema.

use crate::dataflow::{summarize, Evaluator};
use crate::db_captures::{DbCallCapture, DbUse, Lookup, Naming, SchemaFlags};
use crate::{FileFacts, SinkKind};
use serde::{Deserialize, Serialize};
use shipshape_core::Region;
use std::collections::HashMap;
use tree_sitter::Node;

/// Where a query is, located for a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    /// Repo-relative path.
    pub path: String,
    /// The flagged span.
    pub region: Region,
    /// GitHub's `primaryLocationLineHash` of its first line.
    pub line_hash: String,
    /// Its first line's text.
    pub line_text: String,
    /// The lines it spans, when few.
    pub context: Option<String>,
    /// The enclosing function (`<module>` at top level).
    pub function: String,
    /// The flagged code, for the fingerprint.
    pub code: String,
}

/// Turns byte ranges of the file into sites and lines (the engine knows its lines).
pub trait Locate {
    /// The located span `start..end`, inside `function`.
    fn site(&self, start: usize, end: usize, function: &str, code: &str) -> Site;
    /// The 1-based line of a byte.
    fn line(&self, byte: usize) -> u32;
}

/// SQL text that code runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SqlText {
    /// The text, unquoted.
    pub text: String,
    /// The call that runs it.
    pub site: Site,
}

/// One field an ORM query uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrmUse {
    /// The field as written (`customer__email__iexact`, `-placed_at`, `createdAt`).
    pub field: String,
    /// What the call does with it.
    pub kind: DbUse,
    /// How the text names a field.
    pub lookup: Lookup,
    /// The operator applied to it (`contains`, `startsWith`, `like`), lower case.
    pub operator: Option<String>,
    /// The model it is qualified with (`User` in `User.email`).
    pub model: Option<String>,
    /// Which of the query's calls uses it (index into [`OrmQuery::sites`]).
    pub call: usize,
}

/// An ORM query: a chain of calls from the one naming the model to the last one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrmQuery {
    /// The model class or accessor it starts from.
    pub model: Option<String>,
    /// The table name it starts from.
    pub table: Option<String>,
    /// The fields it uses, in the order of its calls.
    pub uses: Vec<OrmUse>,
    /// Its calls, first to last.
    pub sites: Vec<Site>,
}

/// A field declared on a model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldDecl {
    /// The field's name.
    pub name: String,
    /// The column name it declares, when different.
    pub column: Option<String>,
    /// The model a foreign key references.
    pub references: Option<String>,
    /// What it declares.
    pub flags: SchemaFlags,
    /// Its line.
    pub line: u32,
}

/// An index declared on a model or a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexDecl {
    /// The model it names, when not declared inside one.
    pub model: Option<String>,
    /// The table it names, when not declared inside a model.
    pub table: Option<String>,
    /// Its columns (or fields), in order; a leading `-` marks a descending key.
    pub columns: Vec<String>,
    /// Unique or primary.
    pub flags: SchemaFlags,
    /// Its line.
    pub line: u32,
}

/// A model declared in code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelDecl {
    /// The class or model name.
    pub name: String,
    /// The table it declares, if it does.
    pub table: Option<String>,
    /// Its ORM's naming convention.
    pub naming: Naming,
    /// Its fields.
    pub fields: Vec<FieldDecl>,
    /// Indexes declared inside it.
    pub indexes: Vec<IndexDecl>,
    /// Its line.
    pub line: u32,
}

/// Everything one file contributes to the join.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileDb {
    /// Repo-relative path.
    pub path: String,
    /// A schema file's text (`.sql`, `.prisma`).
    pub schema_text: Option<String>,
    /// Databases its drivers name.
    pub dialects: Vec<String>,
    /// Models it declares.
    pub models: Vec<ModelDecl>,
    /// Indexes it declares outside models (migrations).
    pub indexes: Vec<IndexDecl>,
    /// SQL text its code runs.
    pub sql: Vec<SqlText>,
    /// Its ORM queries.
    pub orm: Vec<OrmQuery>,
}

impl FileDb {
    /// Whether the file contributes nothing.
    pub fn is_empty(&self) -> bool {
        self.schema_text.is_none()
            && self.dialects.is_empty()
            && self.models.is_empty()
            && self.indexes.is_empty()
            && self.sql.is_empty()
            && self.orm.is_empty()
    }
}

/// A name as the program holds it: quotes and surrounding space removed.
fn clean(text: &str) -> String {
    text.trim()
        .trim_matches(|c| matches!(c, '"' | '\'' | '`'))
        .to_string()
}

/// The records of one analysed source file.
pub fn extract(facts: &FileFacts<'_>, path: &str, locate: &dyn Locate) -> FileDb {
    let db = &facts.db;
    let mut out = FileDb {
        path: path.to_string(),
        dialects: db.dialects.clone(),
        ..FileDb::default()
    };
    let site = |node: Node<'_>, start: usize| {
        let function = facts.enclosing_function(start).unwrap_or("<module>");
        locate.site(start, node.end_byte(), function, facts.text(node))
    };
    out.sql = sql_texts(facts, &site);
    out.orm = orm_queries(facts, &site);
    let (models, indexes) = declarations(facts, locate);
    out.models = models;
    out.indexes = indexes;
    out
}

/// SQL that the file's SQL sinks and `@db.sql` nodes run, when it is one known text.
fn sql_texts(facts: &FileFacts<'_>, site: &dyn Fn(Node<'_>, usize) -> Site) -> Vec<SqlText> {
    let sinks: Vec<(Node<'_>, Node<'_>, usize)> = facts
        .sinks
        .iter()
        .filter(|s| s.kind == SinkKind::Sql)
        .map(|s| {
            let start = s.name.unwrap_or(s.call).start_byte();
            (s.call, s.argument, start)
        })
        .chain(facts.db.sql.iter().map(|&n| match facts.db.sql_call(n) {
            Some(call) => (call, n, facts.db.call_start(call)),
            None => (n, n, n.start_byte()),
        }))
        .collect();
    if sinks.is_empty() {
        return Vec::new();
    }
    let summaries = summarize(facts, SinkKind::Sql);
    let mut evaluator = Evaluator::new(facts, SinkKind::Sql, &summaries);
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for (call, argument, start) in sinks {
        if seen.contains(&call.id()) {
            continue;
        }
        let scope = facts.scope_at(argument.start_byte());
        let value = evaluator.eval(argument, scope);
        if let Some(text) = value.exact_text() {
            seen.push(call.id());
            out.push(SqlText {
                text: text.to_string(),
                site: site(call, start),
            });
        }
    }
    out
}

/// ORM queries: each chain of `@db.call`s from a call naming a model or table to a call no
/// other query call is chained on.
fn orm_queries(facts: &FileFacts<'_>, site: &dyn Fn(Node<'_>, usize) -> Site) -> Vec<OrmQuery> {
    let calls = &facts.db.calls;
    if calls.is_empty() {
        return Vec::new();
    }
    let by_node: HashMap<usize, usize> = calls
        .iter()
        .enumerate()
        .map(|(i, c)| (c.call.id(), i))
        .collect();
    // The call each call is chained on, directly or through a variable holding it.
    let parent: Vec<Option<usize>> = calls
        .iter()
        .map(|c| c.receiver.and_then(|r| chained_on(facts, r, c, &by_node)))
        .collect();
    let mut is_parent = vec![false; calls.len()];
    for &p in parent.iter().flatten() {
        is_parent[p] = true;
    }
    let mut out = Vec::new();
    for leaf in (0..calls.len()).filter(|&i| !is_parent[i]) {
        let mut chain = vec![leaf];
        let mut at = leaf;
        while let Some(p) = parent[at] {
            if chain.contains(&p) || chain.len() > 64 {
                break;
            }
            chain.push(p);
            at = p;
        }
        chain.reverse();
        let root = &calls[chain[0]];
        if root.model.is_none() && root.table.is_none() {
            continue;
        }
        let mut query = OrmQuery {
            model: root.model.map(|m| clean(facts.text(m))),
            table: root.table.map(|t| clean(facts.text(t))),
            uses: Vec::new(),
            sites: Vec::new(),
        };
        for (position, &index) in chain.iter().enumerate() {
            let call: &DbCallCapture<'_> = &calls[index];
            let start = call.name.unwrap_or(call.call).start_byte();
            query.sites.push(site(call.call, start));
            for column in &call.columns {
                query.uses.push(OrmUse {
                    field: clean(facts.text(column.name)),
                    kind: column.use_kind,
                    lookup: column.lookup,
                    operator: column.operator.map(|o| {
                        let text = clean(facts.text(o));
                        text.rsplit('.').next().unwrap_or(&text).to_lowercase()
                    }),
                    model: column.model.map(|m| clean(facts.text(m))),
                    call: position,
                });
            }
        }
        if !query.uses.is_empty() {
            out.push(query);
        }
    }
    out
}

/// The query call a receiver is: the call itself, or the call a variable was last assigned
/// before `call` in its function.
fn chained_on(
    facts: &FileFacts<'_>,
    receiver: Node<'_>,
    call: &DbCallCapture<'_>,
    by_node: &HashMap<usize, usize>,
) -> Option<usize> {
    let receiver = facts.unwrap(receiver);
    if let Some(&i) = by_node.get(&receiver.id()) {
        return Some(i);
    }
    if receiver.kind() != "identifier" {
        return None;
    }
    let scope = facts.scope_at(call.call.start_byte());
    facts
        .defs(scope, facts.text(receiver))
        .iter()
        .rev()
        .find(|d| d.node.end_byte() <= call.call.start_byte())
        .and_then(|d| by_node.get(&facts.unwrap(d.value).id()).copied())
}

/// Models with their fields and indexes, and the indexes declared outside any model.
fn declarations(facts: &FileFacts<'_>, locate: &dyn Locate) -> (Vec<ModelDecl>, Vec<IndexDecl>) {
    let db = &facts.db;
    let within = |outer: Node<'_>, inner: Node<'_>| {
        outer.start_byte() <= inner.start_byte() && inner.end_byte() <= outer.end_byte()
    };
    // The innermost model around a node (a Meta class sits inside its model).
    let owner = |node: Node<'_>| {
        db.models
            .iter()
            .enumerate()
            .filter(|(_, m)| within(m.node, node) && m.node.id() != node.id())
            .max_by_key(|(_, m)| m.node.start_byte())
            .map(|(i, _)| i)
    };
    let mut models: Vec<ModelDecl> = db
        .models
        .iter()
        .map(|m| ModelDecl {
            name: m.name.map(|n| clean(facts.text(n))).unwrap_or_default(),
            table: m.table.map(|t| clean(facts.text(t))),
            naming: m.naming,
            fields: Vec::new(),
            indexes: Vec::new(),
            line: locate.line(m.node.start_byte()),
        })
        .collect();
    for &table in &db.tables {
        if let Some(i) = owner(table) {
            models[i]
                .table
                .get_or_insert_with(|| clean(facts.text(table)));
        }
    }
    for field in &db.fields {
        let (Some(i), Some(name)) = (owner(field.node), field.name) else {
            continue;
        };
        models[i].fields.push(FieldDecl {
            name: clean(facts.text(name)),
            column: field.column.map(|c| clean(facts.text(c))),
            references: field.references.map(|r| clean(facts.text(r))),
            flags: field.flags,
            line: locate.line(field.node.start_byte()),
        });
    }
    let mut standalone = Vec::new();
    for index in &db.indexes {
        if index.columns.is_empty() {
            continue;
        }
        let decl = IndexDecl {
            model: index.model.map(|m| clean(facts.text(m))),
            table: index.table.map(|t| clean(facts.text(t))),
            columns: index
                .columns
                .iter()
                .map(|c| clean(facts.text(*c)))
                .collect(),
            flags: index.flags,
            line: locate.line(index.node.start_byte()),
        };
        match owner(index.node) {
            Some(i) if decl.model.is_none() && decl.table.is_none() => {
                models[i].indexes.push(decl);
            }
            _ => standalone.push(decl),
        }
    }
    models.retain(|m| !m.name.is_empty() || m.table.is_some());
    (models, standalone)
}
