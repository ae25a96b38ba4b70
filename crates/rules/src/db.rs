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
    /// Unique or primary; or a drop of the index named `name` (no columns then).
    pub flags: SchemaFlags,
    /// Its name, when declared (`op.create_index("ix_orders_status", …)`).
    pub name: Option<String>,
    /// Its line.
    pub line: u32,
}

/// Where a migration file stands among the others, when it says so itself (Alembic's
/// `revision` and `down_revision`; file names do not order Alembic revisions).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrationStep {
    /// The migration's id.
    pub id: String,
    /// The ids of the migrations it runs after (several for a merge, none for the first).
    pub after: Vec<String>,
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
    /// Its table is not the repository's to manage (`managed = False`): not part of the schema.
    pub external: bool,
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
    /// Its place in the migration order, when it is a migration that names its parents.
    pub migration: Option<MigrationStep>,
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
            && self.migration.is_none()
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
        ..FileDb::default()
    };
    if !is_production_code(path) {
        return out;
    }
    out.dialects = db.dialects.clone();
    let site = |node: Node<'_>, start: usize| {
        let function = facts.enclosing_function(start).unwrap_or("<module>");
        locate.site(start, node.end_byte(), function, facts.text(node))
    };
    out.sql = sql_texts(facts, &site);
    out.orm = orm_queries(facts, &site);
    let (models, indexes) = declarations(facts, locate);
    out.models = models;
    out.indexes = indexes;
    out.migration = migration_step(facts);
    out
}

/// The file's migration id and the ids it runs after.
fn migration_step(facts: &FileFacts<'_>) -> Option<MigrationStep> {
    let db = &facts.db;
    let id = clean(facts.text(db.migration?));
    if id.is_empty() {
        return None;
    }
    let mut after: Vec<String> = db
        .migration_after
        .iter()
        .map(|n| clean(facts.text(*n)))
        .filter(|a| !a.is_empty() && *a != id)
        .collect();
    after.dedup();
    Some(MigrationStep { id, after })
}

/// Whether a source file is application code rather than a test, a fixture or an example:
/// tests query the tiny tables they declare themselves, and their models are not the
/// application's schema (the SQL side leaves the same folders out, see
/// `shipshape_schema::classify_sql_path`).
pub fn is_production_code(path: &str) -> bool {
    let mut parts = path.split('/').filter(|p| !p.is_empty() && *p != ".");
    let file = parts.next_back().unwrap_or("").to_ascii_lowercase();
    let in_test_folder = parts.any(|dir| {
        matches!(
            dir.to_ascii_lowercase().as_str(),
            "test"
                | "tests"
                | "testing"
                | "__tests__"
                | "spec"
                | "specs"
                | "fixtures"
                | "testdata"
                | "test_utils"
                | "examples"
                | "example"
        )
    });
    let stem = file
        .rsplit_once('.')
        .map_or(file.as_str(), |(stem, _)| stem);
    let test_file = stem.starts_with("test_")
        || stem.ends_with("_test")
        || stem.ends_with("_tests")
        || stem == "tests"
        || stem == "conftest"
        || stem.ends_with(".test")
        || stem.ends_with(".spec");
    !(in_test_folder || test_file)
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
        // SQL a migration's rollback runs (`op.execute(…)` in `downgrade()`) never runs forward.
        .filter(|(call, _, _)| !ignored(facts, *call))
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

/// Whether a node is inside code whose schema declarations and SQL do not count
/// (`@schema.ignore`: a `downgrade()`, a system catalog table).
fn ignored(facts: &FileFacts<'_>, node: Node<'_>) -> bool {
    facts
        .db
        .ignored
        .iter()
        .any(|r| r.start_byte() <= node.start_byte() && node.end_byte() <= r.end_byte())
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
    // What a migration's rollback (`downgrade()`) declares never ran forward; a system
    // catalog is the database's, not the repository's.
    let ignored = |node: Node<'_>| ignored(facts, node);
    // The innermost model around a node (a Meta class sits inside its model).
    let owner = |node: Node<'_>| {
        db.models
            .iter()
            .enumerate()
            .filter(|(_, m)| within(m.node, node) && m.node.id() != node.id())
            .max_by_key(|(_, m)| m.node.start_byte())
            .map(|(i, _)| i)
    };
    let live: Vec<bool> = db.models.iter().map(|m| !ignored(m.node)).collect();
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
            external: false,
        })
        .collect();
    for &external in &db.externals {
        if let Some(i) = owner(external) {
            models[i].external = true;
        }
    }
    for &table in &db.tables {
        if let Some(i) = owner(table) {
            models[i]
                .table
                .get_or_insert_with(|| clean(facts.text(table)));
        }
    }
    for field in db.fields.iter().filter(|f| !ignored(f.node)) {
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
    for index in db.indexes.iter().filter(|i| !ignored(i.node)) {
        // A drop names its index and no columns.
        let drop = index.flags.drop && index.name.is_some();
        if index.columns.is_empty() && !drop {
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
            name: index.name.map(|n| clean(facts.text(n))),
            line: locate.line(index.node.start_byte()),
        };
        match owner(index.node) {
            Some(i) if decl.model.is_none() && decl.table.is_none() && !drop => {
                models[i].indexes.push(decl);
            }
            _ => standalone.push(decl),
        }
    }
    let mut live = live.into_iter();
    models.retain(|m| live.next().unwrap_or(true) && (!m.name.is_empty() || m.table.is_some()));
    (models, standalone)
}

#[cfg(test)]
mod tests {
    use super::is_production_code;

    #[test]
    fn tests_fixtures_and_examples_are_not_production_code() {
        for path in [
            "tests/test_orders.py",
            "app/tests.py",
            "app/test_views.py",
            "app/views_test.py",
            "conftest.py",
            "lib/sqlalchemy/testing/suite/test_cte.py",
            "src/__tests__/orders.js",
            "src/orders.test.ts",
            "src/orders.spec.ts",
            "examples/inheritance/joined.py",
            "spec/models/user_spec.rb",
        ] {
            assert!(!is_production_code(path), "{path}");
        }
        for path in [
            "app/models.py",
            "alembic/versions/1a7c2e9f4b3d_init.py",
            "src/testimonials.py",
            "src/latest.py",
            "contest/models.py",
            "corpus/missing-index/shop/views.py",
        ] {
            assert!(is_production_code(path), "{path}");
        }
    }
}
