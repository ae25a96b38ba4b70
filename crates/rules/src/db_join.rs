//! The repository-level join behind `missing-index` and `unindexed-foreign-key`: build the
//! repository's schema from its migrations, Prisma schema and ORM models (in whatever
//! language), then judge every query the code runs (raw SQL and ORM calls) against it.
//!
//! Steps, in order:
//! 1. The dialect: the one configured, else a Prisma `datasource` provider, else the drivers
//!    the code imports (most files win), else hints in the SQL files, else generic.
//! 2. SQL migrations and schema dumps, in migration order (`down` migrations never), then
//!    Prisma schemas, then ORM models and the indexes migrations add to them.
//! 3. Each query: raw SQL is parsed; an ORM chain's fields are mapped to columns with its
//!    ORM's conventions (Django's `field__lookup`, foreign-key traversal, `<field>_id`).
//! 4. A finding when an AND group of a query's filters has no predicate an index serves, or
//!    when a table is sorted with no filter and no index on the sort column. Tables the schema
//!    does not know are never guessed at; they get a note. Small tables named in the config
//!    are skipped.

use crate::db::{FileDb, IndexDecl, ModelDecl, OrmQuery, OrmUse, Site};
use crate::db_captures::{DbUse, Lookup, Naming};
use shipshape_core::{
    github_line_hashes, Finding, FingerprintBuilder, FlowStep, Level, LineIndex, Notification,
    NotificationKind, Region,
};
use shipshape_schema::{
    check_query, normalize_expression, order_migrations, parse_ddl, parse_prisma, parse_query,
    Change, ColumnUse, Dialect, FileId, IndexDef, IndexKey, IndexKind, Origin, QueryCoverage,
    QueryFacts, Schema, SchemaEvent, SkipReason, StatementKind, Table, UseKind,
};
use std::collections::{BTreeMap, HashMap};

/// What the join is told besides the files.
#[derive(Debug, Clone, Default)]
pub struct JoinOptions {
    /// The SQL dialect, when configured (otherwise inferred).
    pub dialect: Option<Dialect>,
    /// Tables small enough that scanning them is fine (`small-tables`).
    pub small_tables: Vec<String>,
}

/// The join's results.
#[derive(Debug, Clone, Default)]
pub struct JoinOutput {
    /// `missing-index` and `unindexed-foreign-key` findings, fingerprinted.
    pub findings: Vec<Finding>,
    /// What could not be judged, for a verbose log.
    pub notes: Vec<Notification>,
    /// The dialect used.
    pub dialect: Option<Dialect>,
}

/// The rule ids the join reports under (declared in `rules/`).
const MISSING_INDEX: &str = "missing-index";
const UNINDEXED_FOREIGN_KEY: &str = "unindexed-foreign-key";

/// Join the files of one repository. Test and example code is left out
/// ([`crate::db::is_production_code`]): its models describe test databases and its queries
/// never run in production.
pub fn join(files: &[FileDb], options: &JoinOptions) -> JoinOutput {
    let production: Vec<FileDb> = files
        .iter()
        .filter(|f| crate::db::is_production_code(&f.path))
        .cloned()
        .collect();
    let files = production.as_slice();
    let mut out = JoinOutput::default();
    let dialect = options.dialect.unwrap_or_else(|| infer_dialect(files));
    out.dialect = Some(dialect);
    let mut builder = SchemaBuilder::new(dialect, files);
    builder.read_schema_files(&mut out.notes);
    builder.declare_models();
    let schema = &builder.schema;
    if schema.is_empty() {
        return out;
    }
    let small = |table: &str| {
        options
            .small_tables
            .iter()
            .any(|t| t.eq_ignore_ascii_case(table))
    };
    let mut raw = Vec::new();
    let mut notes = Vec::new();
    let mut judge = |facts: &QueryFacts, sites: &[&Site], notes: &mut Vec<Notification>| {
        let coverage = check_query(schema, facts);
        report(&builder, facts, &coverage, sites, &small, &mut raw, notes);
    };
    for file in files {
        // A revision's SQL is schema (or a one-off data fix), applied with the migrations.
        let migration_sql = file.migration.is_some();
        for sql in file.sql.iter().filter(|_| !migration_sql) {
            match parse_query(&sql.text, dialect) {
                Ok(facts) if facts.kind != StatementKind::Other && !facts.uses.is_empty() => {
                    let sites = vec![&sql.site; facts.uses.len()];
                    judge(&facts, &sites, &mut notes);
                }
                _ => {}
            }
        }
        for query in &file.orm {
            if let Some((facts, sites)) = builder.orm_facts(query, &mut notes) {
                judge(&facts, &sites, &mut notes);
            }
        }
    }
    for fk in shipshape_schema::unindexed_foreign_keys(schema) {
        if small(&fk.table) {
            continue;
        }
        let origin = builder.foreign_key_line(fk.origin, &fk.columns, &fk.references_table);
        if let Some(site) = builder.origin_site(origin) {
            let message = format!(
                "foreign key {}.{} → {} has no index starting with it: joins and deletes on {} \
                 scan {}; add one: {}",
                fk.table,
                fk.columns.join(", "),
                fk.references_table,
                fk.references_table,
                fk.table,
                builder.in_migration(fk.origin, &builder.fix_in_schema_terms(&fk.table, &fk.fix))
            );
            raw.push(RawFinding {
                rule: UNINDEXED_FOREIGN_KEY,
                site,
                message,
                related: Vec::new(),
            });
        }
    }
    out.findings = fingerprinted(raw);
    out.notes.extend(notes);
    out.notes.sort();
    out.notes.dedup();
    out
}

/// A finding before its fingerprint.
struct RawFinding {
    rule: &'static str,
    site: Site,
    message: String,
    related: Vec<FlowStep>,
}

/// Findings sorted, one per rule and place, with fingerprints numbered in source order.
fn fingerprinted(mut raw: Vec<RawFinding>) -> Vec<Finding> {
    raw.sort_by(|a, b| {
        (&a.site.path, a.site.region, a.rule).cmp(&(&b.site.path, b.site.region, b.rule))
    });
    raw.dedup_by(|a, b| {
        a.rule == b.rule && a.site.path == b.site.path && a.site.region == b.site.region
    });
    let mut builders: HashMap<String, FingerprintBuilder> = HashMap::new();
    raw.into_iter()
        .map(|r| {
            let fingerprint = builders
                .entry(r.site.path.clone())
                .or_default()
                .fingerprint(r.rule, &r.site.path, &r.site.function, &r.site.code);
            Finding {
                rule_id: r.rule,
                level: Level::Note,
                path: r.site.path,
                region: r.site.region,
                message: r.message,
                function: r.site.function,
                fingerprint,
                line_hash: r.site.line_hash,
                line_text: r.site.line_text,
                context: r.site.context,
                flow: Vec::new(),
                related: r.related,
                security_severity: None,
                suppressed: None,
                fix: None,
            }
        })
        .collect()
}

/// The dialect the repository's code talks to.
fn infer_dialect(files: &[FileDb]) -> Dialect {
    for file in files.iter().filter(|f| f.path.ends_with(".prisma")) {
        if let Some(dialect) = file
            .schema_text
            .as_deref()
            .and_then(|t| parse_prisma(t).dialect)
        {
            return dialect;
        }
    }
    let mut votes: BTreeMap<u8, usize> = BTreeMap::new();
    let rank = |d: Dialect| match d {
        Dialect::Postgres => 0,
        Dialect::Mysql => 1,
        Dialect::Sqlite => 2,
        Dialect::Generic => 3,
    };
    for file in files {
        for name in &file.dialects {
            if let Some(d) = Dialect::from_name(name) {
                *votes.entry(rank(d)).or_default() += 1;
            }
        }
    }
    if let Some((&best, _)) = votes
        .iter()
        .max_by_key(|(rank, count)| (**count, std::cmp::Reverse(**rank)))
    {
        return [
            Dialect::Postgres,
            Dialect::Mysql,
            Dialect::Sqlite,
            Dialect::Generic,
        ][best as usize];
    }
    // What the SQL files themselves say.
    let sql: String = files
        .iter()
        .filter(|f| f.path.ends_with(".sql"))
        .filter_map(|f| f.schema_text.as_deref())
        .map(|t| t.to_ascii_uppercase())
        .collect();
    if sql.contains("AUTO_INCREMENT") || sql.contains("ENGINE=") || sql.contains('`') {
        Dialect::Mysql
    } else if sql.contains("SERIAL")
        || sql.contains("CONCURRENTLY")
        || sql.contains("::")
        || sql.contains("TIMESTAMPTZ")
    {
        Dialect::Postgres
    } else if sql.contains("AUTOINCREMENT") || sql.contains("WITHOUT ROWID") {
        Dialect::Sqlite
    } else {
        Dialect::Generic
    }
}

/// The order in which files' migration declarations apply, as indexes into `files`: first
/// the files that do not say where they stand (models, numbered migrations), in path order;
/// then the migrations that name their parents (Alembic revisions, whose file names are often
/// random), parents before children, path order between siblings. A parent no file declares
/// makes a root; a cycle is broken in path order.
fn migration_order(files: &[FileDb]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..files.len())
        .filter(|&i| files[i].migration.is_none())
        .collect();
    let steps: Vec<usize> = (0..files.len())
        .filter(|&i| files[i].migration.is_some())
        .collect();
    let by_id: HashMap<&str, usize> = steps
        .iter()
        .rev()
        .filter_map(|&i| files[i].migration.as_ref().map(|m| (m.id.as_str(), i)))
        .collect();
    let parents = |i: usize| -> Vec<usize> {
        files[i]
            .migration
            .as_ref()
            .map(|m| {
                m.after
                    .iter()
                    .filter_map(|a| by_id.get(a.as_str()).copied())
                    .filter(|&p| p != i)
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut waiting: HashMap<usize, usize> = steps.iter().map(|&i| (i, parents(i).len())).collect();
    let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
    for &i in &steps {
        for p in parents(i) {
            children.entry(p).or_default().push(i);
        }
    }
    let mut ready: std::collections::BTreeSet<usize> =
        steps.iter().copied().filter(|i| waiting[i] == 0).collect();
    let mut done = vec![false; files.len()];
    while order.len() < files.len() {
        let next = match ready.pop_first() {
            Some(i) => i,
            // A cycle: take the first file still waiting.
            None => match steps.iter().copied().find(|&i| !done[i]) {
                Some(i) => i,
                None => break,
            },
        };
        if done[next] {
            continue;
        }
        done[next] = true;
        order.push(next);
        for &child in children.get(&next).map(Vec::as_slice).unwrap_or(&[]) {
            if let Some(w) = waiting.get_mut(&child) {
                *w = w.saturating_sub(1);
                if *w == 0 && !done[child] {
                    ready.insert(child);
                }
            }
        }
    }
    order
}

/// What a model declared in code maps to.
#[derive(Debug, Clone)]
struct ModelInfo {
    /// The model's name.
    name: String,
    /// The file declaring it (to pick among models of one name in several apps).
    path: String,
    /// Its table.
    table: String,
    /// Its ORM's conventions.
    naming: Naming,
    /// Foreign-key fields and the model each references.
    relations: HashMap<String, String>,
}

/// Builds the repository's schema and answers questions about names.
struct SchemaBuilder<'f> {
    schema: Schema,
    files: &'f [FileDb],
    /// Every model declared, in file order.
    models: Vec<ModelInfo>,
}

impl<'f> SchemaBuilder<'f> {
    fn new(dialect: Dialect, files: &'f [FileDb]) -> Self {
        SchemaBuilder {
            schema: Schema::new(dialect),
            files,
            models: Vec::new(),
        }
    }

    fn file_id(&self, path: &str) -> FileId {
        let index = self.files.iter().position(|f| f.path == path).unwrap_or(0);
        FileId(u32::try_from(index).unwrap_or(u32::MAX))
    }

    /// SQL migrations in order, then Prisma schemas.
    fn read_schema_files(&mut self, notes: &mut Vec<Notification>) {
        let dialect = self.schema.dialect();
        let sql_paths: Vec<&str> = self
            .files
            .iter()
            .filter(|f| f.schema_text.is_some() && f.path.ends_with(".sql"))
            .map(|f| f.path.as_str())
            .collect();
        for path in order_migrations(sql_paths) {
            let Some(file) = self.files.iter().find(|f| f.path == path) else {
                continue;
            };
            let text = file.schema_text.as_deref().unwrap_or("");
            let output = parse_ddl(text, dialect);
            for diagnostic in output.diagnostics {
                notes.push(schema_note(
                    path,
                    Some(diagnostic.line as usize),
                    diagnostic.message,
                ));
            }
            let id = self.file_id(path);
            for note in self.schema.apply(id, &output.events) {
                notes.push(schema_note(
                    path,
                    Some(note.origin.line as usize),
                    note.message,
                ));
            }
        }
        for file in self.files.iter().filter(|f| f.path.ends_with(".prisma")) {
            let Some(text) = file.schema_text.as_deref() else {
                continue;
            };
            let prisma = parse_prisma(text);
            let id = self.file_id(&file.path);
            prisma.declare_into(&mut self.schema, id);
            for model in &prisma.models {
                let relations = model
                    .fields
                    .iter()
                    .filter(|f| f.relation)
                    .filter(|f| !f.list)
                    .map(|f| (f.name.clone(), f.type_name.clone()))
                    .collect();
                self.models.push(ModelInfo {
                    name: model.name.clone(),
                    path: file.path.clone(),
                    table: model.table.clone(),
                    naming: Naming::Prisma,
                    relations,
                });
            }
        }
    }

    /// Models declared in code, and the indexes migrations add to them.
    fn declare_models(&mut self) {
        let files = self.files;
        // SQLAlchemy models without `__tablename__` last: their table may be one the others
        // declared under its snake-case or lower-case name.
        let implicit = |m: &ModelDecl| m.naming == Naming::Sqlalchemy && m.table.is_none();
        for pass in [false, true] {
            for file in files {
                for model in file.models.iter().filter(|m| implicit(m) == pass) {
                    self.declare_model(&file.path, model);
                }
            }
        }
        // Indexes that migrations add or drop (and the DDL a revision runs as SQL), in
        // migration order, and in line order within a file.
        for at in migration_order(files) {
            let file = &files[at];
            let id = self.file_id(&file.path);
            let mut steps: Vec<(u32, Option<&IndexDecl>, Option<&str>)> = file
                .indexes
                .iter()
                .map(|index| (index.line, Some(index), None))
                .collect();
            if file.migration.is_some() {
                steps.extend(file.sql.iter().map(|sql| {
                    let line = u32::try_from(sql.site.region.start_line).unwrap_or(u32::MAX);
                    (line, None, Some(sql.text.as_str()))
                }));
                steps.sort_by_key(|(line, _, _)| *line);
            }
            for (line, index, sql) in steps {
                if let Some(sql) = sql {
                    self.apply_migration_sql(id, line, sql);
                }
                let Some(index) = index else {
                    continue;
                };
                if index.flags.drop {
                    self.drop_index(id, index);
                    continue;
                }
                let table = match (&index.table, &index.model) {
                    (Some(table), _) => Some(table.clone()),
                    (None, Some(model)) => self.table_of_model(model, &file.path).map(|(t, _)| t),
                    (None, None) => None,
                };
                let Some(table) = table else {
                    continue;
                };
                let naming = self.naming_of_table(&table);
                let columns: Vec<String> = index
                    .columns
                    .iter()
                    .map(|c| self.column_of_field(&table, c.trim_start_matches('-'), naming))
                    .collect();
                let kind = index_kind(index.flags);
                let def = self.index_def(index.name.as_deref(), kind, &columns);
                self.schema
                    .declare_index(&table, def, Origin::new(id, index.line));
            }
        }
    }

    /// An index over fields already mapped to columns; a key written as an expression
    /// (`text("lower(email)")` in SQLAlchemy) is an expression key.
    fn index_def(&self, name: Option<&str>, kind: IndexKind, columns: &[String]) -> IndexDef {
        let mut def = IndexDef::on_columns(name, kind, columns);
        let dialect = self.schema.dialect();
        for key in &mut def.keys {
            let expression = key
                .column_name()
                .filter(|c| c.contains('('))
                .and_then(|c| normalize_expression(c, dialect));
            if let Some(expression) = expression {
                *key = IndexKey::Expression(expression);
            }
        }
        def
    }

    /// DDL a revision runs as SQL (`op.execute("CREATE INDEX CONCURRENTLY …")`), placed on
    /// the line of the call that runs it.
    fn apply_migration_sql(&mut self, file: FileId, line: u32, sql: &str) {
        let dialect = self.schema.dialect();
        let mut events = parse_ddl(sql, dialect).events;
        for event in &mut events {
            event.line = line;
        }
        self.schema.apply(file, &events);
    }

    /// A migration's drop of a named index (or unique constraint): later declarations of
    /// the name, and queries, no longer see it.
    fn drop_index(&mut self, file: FileId, index: &IndexDecl) {
        let Some(name) = index.name.clone() else {
            return;
        };
        let table = match (&index.table, &index.model) {
            (Some(table), _) => Some(table.clone()),
            (None, Some(model)) => self.table_of_model(model, "").map(|(t, _)| t),
            (None, None) => None,
        };
        let event = SchemaEvent {
            line: index.line,
            change: Change::DropIndex {
                table,
                name,
                if_exists: true,
            },
        };
        self.schema.apply(file, &[event]);
    }

    fn declare_model(&mut self, path: &str, model: &ModelDecl) {
        // A view, a legacy or another service's table: its indexes are not this repository's
        // to add, and queries on it get a note, as for any table the schema does not define.
        if model.external {
            return;
        }
        let table = match model.naming {
            Naming::Sqlalchemy if model.table.is_none() => Some(self.sqlalchemy_table(&model.name)),
            _ => table_name(path, model),
        };
        let Some(table) = table else {
            return;
        };
        let origin = Origin::new(self.file_id(path), model.line);
        self.schema.declare_model(&model.name, &table, origin);
        let naming = model.naming;
        let mut relations = HashMap::new();
        // Fields marked primary make one key together (SQLAlchemy's composite keys).
        let mut primary: Vec<String> = Vec::new();
        let mut primary_origin = origin;
        for field in &model.fields {
            let field_origin = Origin::new(origin.file, field.line);
            let column = match (&field.column, naming) {
                (Some(column), _) => column.clone(),
                (None, Naming::Django) if field.flags.foreign_key => format!("{}_id", field.name),
                // TypeORM's join column: `customer` → `customerId` (`@JoinColumn({ name })`
                // says otherwise).
                (None, Naming::Typeorm) if field.flags.foreign_key => format!("{}Id", field.name),
                (None, _) => field.name.clone(),
            };
            self.schema
                .declare_column(&table, &column, Some(&field.name), field_origin);
            if let Some(target) = &field.references {
                relations.insert(field.name.clone(), related_model(target, &model.name));
            }
            let flags = field.flags;
            let mut kinds = Vec::new();
            if flags.primary {
                if primary.is_empty() {
                    primary_origin = field_origin;
                }
                primary.push(column.clone());
            }
            // SQLAlchemy's `index=True` makes an index named `ix_<table>_<column>` (a unique
            // one with `unique=True`), which a migration may later drop by that name.
            let sqlalchemy_index = naming == Naming::Sqlalchemy && flags.index && !flags.no_index;
            if sqlalchemy_index {
                let name = format!("ix_{table}_{column}");
                let kind = if flags.unique {
                    IndexKind::Unique
                } else {
                    IndexKind::Index
                };
                self.schema.declare_index(
                    &table,
                    IndexDef::on_columns(Some(&name), kind, &[column.as_str()]),
                    field_origin,
                );
                continue;
            }
            if flags.unique {
                kinds.push(IndexKind::Unique);
            }
            // Django indexes a foreign key unless told not to.
            let django_fk = naming == Naming::Django && flags.foreign_key && !flags.no_index;
            if (flags.index || django_fk) && !flags.no_index {
                kinds.push(IndexKind::Index);
            }
            for kind in kinds {
                self.schema.declare_index(
                    &table,
                    IndexDef::on_columns(None, kind, &[column.as_str()]),
                    field_origin,
                );
            }
        }
        if !primary.is_empty() {
            self.schema.declare_index(
                &table,
                IndexDef::on_columns(None, IndexKind::PrimaryKey, &primary),
                primary_origin,
            );
        }
        if naming == Naming::Sequelize {
            self.declare_sequelize_attributes(&table, !primary.is_empty(), origin);
        }
        if naming == Naming::Django && primary.is_empty() {
            self.schema.declare_column(&table, "id", Some("id"), origin);
            self.schema.declare_index(
                &table,
                IndexDef::on_columns(None, IndexKind::PrimaryKey, &["id"]),
                origin,
            );
        }
        self.models.push(ModelInfo {
            name: model.name.clone(),
            path: path.to_string(),
            table: table.clone(),
            naming,
            relations,
        });
        for index in &model.indexes {
            let columns: Vec<String> = index
                .columns
                .iter()
                .map(|c| self.column_of_field(&table, c.trim_start_matches('-'), naming))
                .collect();
            let def = self.index_def(index.name.as_deref(), index_kind(index.flags), &columns);
            self.schema
                .declare_index(&table, def, Origin::new(origin.file, index.line));
        }
    }

    /// The attributes Sequelize adds to a model: `id`, the primary key, unless a field is
    /// one, and the `createdAt` / `updatedAt` timestamps (unindexed).
    fn declare_sequelize_attributes(&mut self, table: &str, has_primary: bool, origin: Origin) {
        if !has_primary {
            self.schema.declare_column(table, "id", Some("id"), origin);
            self.schema.declare_index(
                table,
                IndexDef::on_columns(None, IndexKind::PrimaryKey, &["id"]),
                origin,
            );
        }
        for timestamp in ["createdAt", "updatedAt"] {
            let column = self
                .schema
                .table(table)
                .and_then(|t| t.column_for_field(self.schema.dialect(), timestamp))
                .unwrap_or(timestamp)
                .to_string();
            self.schema
                .declare_column(table, &column, Some(timestamp), origin);
        }
    }

    /// The table of a SQLAlchemy model without `__tablename__`: a table already declared
    /// under the class name in snake case (Flask-SQLAlchemy's default) or in lower case (a
    /// common `declared_attr` mixin), else the snake-case name.
    fn sqlalchemy_table(&self, class: &str) -> String {
        let snake = snake_case(class);
        [snake.clone(), class.to_lowercase()]
            .into_iter()
            .find(|t| self.schema.table(t).is_some())
            .unwrap_or(snake)
    }

    /// The table of a model named in a query or a migration (in the file `near`), and its
    /// conventions.
    fn table_of_model(&self, model: &str, near: &str) -> Option<(String, Naming)> {
        match self.model_info(model, near) {
            Some(info) => Some((info.table.clone(), info.naming)),
            None => self
                .schema
                .table_for_model(model)
                .map(|t| (t.name.clone(), Naming::Exact)),
        }
    }

    /// The table of a repository or accessor named after its model, as TypeORM and Sequelize
    /// code names them (`userRepository`, `orderRepo`, `this.customers`, `db.users`): the
    /// model whose name, singular or plural, is the name once a `Repository` / `Repo` suffix
    /// is dropped. Only when exactly one table matches.
    fn table_of_accessor(&self, accessor: &str) -> Option<(String, Naming)> {
        let lower = accessor.to_lowercase();
        let stem = ["repository", "repo"]
            .iter()
            .find_map(|suffix| lower.strip_suffix(suffix))
            .map(|s| s.trim_end_matches('_'))
            .filter(|s| !s.is_empty())
            .unwrap_or(&lower);
        let singular = cruet::to_singular(stem);
        let mut found: Vec<(&String, Naming)> = self
            .models
            .iter()
            .filter(|info| {
                let name = info.name.to_lowercase();
                name == stem || name == singular
            })
            .map(|info| (&info.table, info.naming))
            .collect();
        found.sort();
        found.dedup_by(|a, b| a.0 == b.0);
        match found.as_slice() {
            [(table, naming)] => Some(((*table).clone(), *naming)),
            _ => None,
        }
    }

    /// The model a name means in the file `near`: the one model of that name (exact case
    /// first); among several in different apps, the one declared closest to `near` (the
    /// longest shared folder path); `None` when that still leaves several tables.
    fn model_info(&self, model: &str, near: &str) -> Option<&ModelInfo> {
        let exact: Vec<&ModelInfo> = self.models.iter().filter(|m| m.name == model).collect();
        let candidates = if exact.is_empty() {
            self.models
                .iter()
                .filter(|m| m.name.eq_ignore_ascii_case(model))
                .collect()
        } else {
            exact
        };
        let first = *candidates.first()?;
        if candidates.iter().all(|m| m.table == first.table) {
            return Some(first);
        }
        let shared = |m: &ModelInfo| {
            m.path
                .split('/')
                .zip(near.split('/'))
                .take_while(|(a, b)| a == b)
                .count()
        };
        let best = candidates.iter().map(|m| shared(m)).max()?;
        let closest: Vec<&&ModelInfo> = candidates.iter().filter(|m| shared(m) == best).collect();
        match closest.as_slice() {
            [one] => Some(one),
            [one, rest @ ..] if rest.iter().all(|m| m.table == one.table) => Some(one),
            _ => None,
        }
    }

    fn naming_of_table(&self, table: &str) -> Naming {
        self.models
            .iter()
            .find(|m| m.table.eq_ignore_ascii_case(table))
            .map_or(Naming::Exact, |m| m.naming)
    }

    /// The column a model's field is stored in.
    fn column_of_field(&self, table: &str, field: &str, naming: Naming) -> String {
        let dialect = self.schema.dialect();
        if let Some(column) = self
            .schema
            .table(table)
            .and_then(|t| t.column_for_field(dialect, field))
        {
            return column.to_string();
        }
        if naming == Naming::Django {
            let is_fk = self
                .models
                .iter()
                .any(|m| m.table.eq_ignore_ascii_case(table) && m.relations.contains_key(field));
            if is_fk {
                return format!("{field}_id");
            }
        }
        field.to_string()
    }

    /// The line of a statement that declares a foreign key: the statement's line holding
    /// `REFERENCES` and the key's column (a column's inline `REFERENCES`, a table's `FOREIGN
    /// KEY (…)` clause), else the statement's first line.
    fn foreign_key_line(&self, origin: Origin, columns: &[String], references: &str) -> Origin {
        let Some(text) = self
            .files
            .get(origin.file.0 as usize)
            .and_then(|f| f.schema_text.as_deref())
        else {
            return origin;
        };
        let mentions = |line: &str, word: &str| {
            line.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .any(|w| w.eq_ignore_ascii_case(word))
        };
        let first = columns.first().map_or("", String::as_str);
        let start = (origin.line as usize).saturating_sub(1);
        // The line naming the key's column first: two keys may reference the same table.
        let find = |word: &str| {
            for (offset, line) in text.lines().skip(start).take(500).enumerate() {
                let upper = line.to_ascii_uppercase();
                if upper.contains("REFERENCES") && mentions(line, word) {
                    let line = origin.line + u32::try_from(offset).unwrap_or(0);
                    return Some(Origin::new(origin.file, line));
                }
                if offset > 0 && line.contains(';') {
                    break;
                }
            }
            None
        };
        find(first).or_else(|| find(references)).unwrap_or(origin)
    }

    /// Where a schema declaration is, when it is in a schema file (whose text the join has).
    fn origin_site(&self, origin: Origin) -> Option<Site> {
        let file = self.files.get(origin.file.0 as usize)?;
        let text = file.schema_text.as_deref()?;
        let lines = LineIndex::new(text);
        let line = origin.line as usize;
        if line == 0 || line > lines.line_count() {
            return None;
        }
        let line_text = lines.line_text(line).to_string();
        let start = line_start(text, line);
        let trimmed = line_text.trim_end();
        let region = lines.region(start, start + trimmed.len());
        let hashes = github_line_hashes(text);
        Some(Site {
            path: file.path.clone(),
            region,
            line_hash: hashes.get(line - 1).cloned().unwrap_or_default(),
            line_text: line_text.clone(),
            context: Some(trimmed.to_string()),
            function: "<schema>".to_string(),
            code: trimmed.to_string(),
        })
    }

    /// A related location pointing at where a table is defined.
    fn table_location(&self, table: &Table) -> Option<FlowStep> {
        let file = self.files.get(table.origin.file.0 as usize)?;
        let line = table.origin.line as usize;
        let region = match file.schema_text.as_deref() {
            Some(text) => {
                let lines = LineIndex::new(text);
                let start = line_start(text, line);
                lines.region(start, start + lines.line_text(line).trim_end().len())
            }
            None => Region {
                start_line: line,
                start_column: 1,
                end_line: line,
                end_column: 1,
            },
        };
        Some(FlowStep {
            region,
            message: format!("table {} is defined here", table.name),
        })
        .map(|step| FlowStep {
            message: format!("{} ({})", step.message, file.path),
            ..step
        })
    }

    /// The facts of an ORM query, with the site of each use; `None` when its model is unknown.
    fn orm_facts<'q>(
        &self,
        query: &'q OrmQuery,
        notes: &mut Vec<Notification>,
    ) -> Option<(QueryFacts, Vec<&'q Site>)> {
        let first = query.sites.first()?;
        let (table, naming) = match (&query.model, &query.table) {
            (_, Some(table)) => (table.clone(), self.naming_of_table(table)),
            (Some(model), None) => match self
                .table_of_model(model, &first.path)
                .or_else(|| self.table_of_accessor(model))
            {
                Some(found) => found,
                None => {
                    notes.push(schema_note(
                        &first.path,
                        Some(first.region.start_line),
                        format!(
                            "no missing-index hint for this query: the model {model} is not in the repository's schema"
                        ),
                    ));
                    return None;
                }
            },
            (None, None) => return None,
        };
        let mut uses = Vec::new();
        let mut sites = Vec::new();
        let has_limit = false;
        for u in &query.uses {
            if u.kind == DbUse::Exclude || u.kind == DbUse::Group {
                continue;
            }
            let Some(column_use) = self.orm_use(&table, naming, u, has_limit, &first.path) else {
                continue;
            };
            uses.push(column_use);
            sites.push(&query.sites[u.call.min(query.sites.len() - 1)]);
        }
        if uses.is_empty() {
            return None;
        }
        Some((QueryFacts::from_uses(StatementKind::Select, uses), sites))
    }

    /// One ORM field use as a column use: the field's table (through foreign keys), its
    /// column, and how it is compared.
    fn orm_use(
        &self,
        table: &str,
        naming: Naming,
        u: &OrmUse,
        limit: bool,
        near: &str,
    ) -> Option<ColumnUse> {
        let dialect = self.schema.dialect();
        // A leading `-` sorts descending: the same index serves it.
        let text = u.field.trim();
        let text = text.strip_prefix('-').unwrap_or(text);
        if text.is_empty() || text == "?" {
            return None;
        }
        let mut table = table.to_string();
        let mut naming = naming;
        if let Some(model) = &u.model {
            if let Some((t, n)) = self.table_of_model(model, near) {
                table = t;
                naming = n;
            }
        }
        let (mut path, lookup): (Vec<&str>, Option<&str>) = match u.lookup {
            Lookup::Django => split_django(text),
            Lookup::Plain => (vec![unqualified_field(text, &table)?], None),
        };
        // Foreign-key traversal: `customer__email` filters the customer's table.
        while path.len() > 1 {
            let field = path.remove(0);
            let info = self
                .models
                .iter()
                .find(|m| m.table.eq_ignore_ascii_case(&table))?;
            let target = info.relations.get(field)?;
            let target_info = self.model_info(target, near)?;
            table = target_info.table.clone();
            naming = target_info.naming;
        }
        let field = path.first().copied()?;
        let column = if field == "pk" {
            self.schema
                .table(&table)
                .and_then(|t| t.primary_key())
                .and_then(|pk| pk.def.keys.first())
                .and_then(|k| k.column_name())
                .map_or_else(|| "id".to_string(), str::to_string)
        } else {
            self.column_of_field(&table, field, naming)
        };
        let kind = match u.kind {
            DbUse::Order => UseKind::OrderBy { limit },
            DbUse::Join => UseKind::Join,
            _ => match lookup {
                Some(lookup) => django_kind(lookup),
                None => operator_kind(u.operator.as_deref()),
            }?,
        };
        let mut column_use = ColumnUse::new(table, column.clone(), kind.clone());
        if let UseKind::Function(function) = &kind {
            column_use.expression = normalize_expression(&format!("{function}({column})"), dialect);
        }
        Some(column_use)
    }
}

/// The table a model declares or its ORM's convention gives it; `None` when the convention
/// needs what the file does not show.
fn table_name(path: &str, model: &ModelDecl) -> Option<String> {
    if let Some(table) = &model.table {
        return Some(table.clone());
    }
    let name = model.name.as_str();
    match model.naming {
        Naming::Django => {
            let app = django_app(path)?;
            Some(format!("{app}_{}", name.to_lowercase()))
        }
        Naming::Typeorm | Naming::Snake => Some(snake_case(name)),
        Naming::Sequelize => Some(pluralize(name)),
        Naming::Sqlalchemy | Naming::Exact | Naming::Prisma => Some(name.to_string()),
    }
}

/// The Django app a models or migrations file belongs to: the folder holding `models.py`,
/// `models/` or `migrations/`.
fn django_app(path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split('/').collect();
    let at = parts
        .iter()
        .rposition(|p| *p == "models.py" || *p == "models" || *p == "migrations")?;
    let app = parts.get(at.checked_sub(1)?)?;
    Some(app.to_lowercase())
}

/// `UserProfile` → `user_profile`.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Sequelize's default table name: the model name in the plural, as Sequelize's inflection
/// makes it (`User` → `Users`, `Person` → `People`, `OrderItem` → `OrderItems`): the last word
/// is pluralised, its capital kept.
fn pluralize(name: &str) -> String {
    let split = name
        .char_indices()
        .filter(|&(i, c)| i > 0 && (c.is_uppercase() || c == '_'))
        .map(|(i, c)| if c == '_' { i + 1 } else { i })
        .next_back()
        .unwrap_or(0);
    let (head, last) = name.split_at(split);
    let plural = cruet::to_plural(&last.to_lowercase());
    let mut out = head.to_string();
    let mut chars = plural.chars();
    if let Some(first) = chars.next() {
        if last.starts_with(char::is_uppercase) {
            out.extend(first.to_uppercase());
        } else {
            out.push(first);
        }
        out.extend(chars);
    }
    out
}

/// A plain field name, or a column qualified with the query's own table (knex's
/// `where("orders.status", …)`); `None` for a column of another table or an expression, which
/// the call alone cannot place.
fn unqualified_field<'a>(text: &'a str, table: &str) -> Option<&'a str> {
    if text.contains(['(', ' ', '"', '`', '\'']) {
        return None;
    }
    match text.rsplit_once('.') {
        None => Some(text),
        Some((qualifier, field)) => {
            let qualifier = qualifier.rsplit('.').next().unwrap_or(qualifier);
            (qualifier.eq_ignore_ascii_case(table) && !field.is_empty()).then_some(field)
        }
    }
}

/// `"shop.Customer"`, `"Customer"`, `"self"` → the model name.
fn related_model(target: &str, own: &str) -> String {
    let name = target.rsplit('.').next().unwrap_or(target);
    if name == "self" {
        own.to_string()
    } else {
        name.to_string()
    }
}

/// Django lookups that compare a field (the rest of `a__b__c` names related fields).
const DJANGO_LOOKUPS: &[&str] = &[
    "exact",
    "iexact",
    "contains",
    "icontains",
    "in",
    "gt",
    "gte",
    "lt",
    "lte",
    "startswith",
    "istartswith",
    "endswith",
    "iendswith",
    "range",
    "isnull",
    "regex",
    "iregex",
    "date",
    "year",
    "month",
    "day",
    "week",
    "week_day",
    "quarter",
    "time",
    "hour",
    "minute",
    "second",
    "search",
    "trigram_similar",
    "unaccent",
];

/// `customer__email__iexact` → (`[customer, email]`, `Some("iexact")`).
fn split_django(text: &str) -> (Vec<&str>, Option<&str>) {
    let mut parts: Vec<&str> = text.split("__").collect();
    let lookup = match parts.last() {
        Some(last) if parts.len() > 1 && DJANGO_LOOKUPS.contains(last) => parts.pop(),
        _ => None,
    };
    (parts, lookup)
}

/// How a Django lookup compares; `None` for a negation or what no index could serve by design.
fn django_kind(lookup: &str) -> Option<UseKind> {
    Some(match lookup {
        "exact" => UseKind::Eq,
        "iexact" => UseKind::Function("upper".to_string()),
        "contains" | "icontains" | "regex" | "iregex" | "search" | "trigram_similar" => {
            UseKind::LikeInfix
        }
        "startswith" => UseKind::LikePrefix,
        "istartswith" => UseKind::Function("upper".to_string()),
        "endswith" | "iendswith" => UseKind::LikeSuffix,
        "in" => UseKind::In,
        "gt" | "gte" | "lt" | "lte" | "range" | "year" => UseKind::Range,
        "isnull" => UseKind::IsNull,
        other => UseKind::Function(other.to_string()),
    })
}

/// How an ORM operator (`contains`, `startsWith`, `gt`, `Like`) compares; plain equality
/// without one; `None` for a negation.
fn operator_kind(operator: Option<&str>) -> Option<UseKind> {
    let Some(operator) = operator else {
        return Some(UseKind::Eq);
    };
    if let Some(kind) = js_operator_kind(operator)
        .or_else(|| snake_case_operator_kind(operator))
        .or_else(|| python_operator_kind(operator))
    {
        return kind;
    }
    Some(match operator {
        "contains" | "icontains" | "substring" => UseKind::LikeInfix,
        "startswith" | "beginswith" => UseKind::LikePrefix,
        "endswith" => UseKind::LikeSuffix,
        "like" => UseKind::LikeUnknown,
        "ilike" => UseKind::Function("ilike".to_string()),
        "gt" | "gte" | "lt" | "lte" | "between" | "morethan" | "lessthan" | "morethanorequal"
        | "lessthanorequal" => UseKind::Range,
        "in" | "any" => UseKind::In,
        "isnull" | "is" => UseKind::IsNull,
        "not" | "ne" | "notin" | "notequal" | "noteq" => return None,
        _ => UseKind::Eq,
    })
}

/// The operators of the JavaScript ORMs that [`operator_kind`] does not name (lower case, as
/// captured): knex's comparison strings (`where("placed_at", ">=", d)`) and `where…` methods,
/// Prisma's `mode: "insensitive"`, a `LIKE` pattern written out with a leading wildcard
/// (`Like("%x%")`, `{ [Op.like]: "%x" }`), and the negations, raw SQL, array and full-text
/// operators that a plain index does not serve by design (`Some(None)`: skip the use).
fn js_operator_kind(operator: &str) -> Option<Option<UseKind>> {
    Some(Some(match operator {
        "=" | "==" | "equals" | "equal" | "eq" => UseKind::Eq,
        ">" | ">=" | "<" | "<=" | "wherebetween" => UseKind::Range,
        "wherelike" => UseKind::LikeUnknown,
        "whereilike" | "insensitive" | "iregexp" => UseKind::Function("ilike".to_string()),
        "regexp" => UseKind::LikeInfix,
        "<>" | "!=" | "notlike" | "notilike" | "notbetween" | "notregexp" | "notiregexp"
        | "raw" | "has" | "hassome" | "hasevery" | "isempty" | "arraycontains"
        | "arraycontainedby" | "arrayoverlap" | "jsoncontains" | "overlap" | "contained"
        | "match" | "search" => return Some(None),
        pattern if pattern.starts_with('%') && pattern.len() > 1 => {
            if pattern.trim_end_matches('%').len() < pattern.len() {
                UseKind::LikeInfix
            } else {
                UseKind::LikeSuffix
            }
        }
        _ => return None,
    }))
}

/// Comparison symbols (`User.age >= n` captures `>=`), SQLAlchemy's column operators
/// (`in_`, `is_`, `not_in`, `istartswith`) and the functions `func.lower`/`func.upper` around
/// a column; `None` when the operator is not one of them, `Some(None)` for a negation.
fn python_operator_kind(operator: &str) -> Option<Option<UseKind>> {
    Some(Some(match operator {
        "==" | "=" => UseKind::Eq,
        "<" | "<=" | ">" | ">=" => UseKind::Range,
        "in_" => UseKind::In,
        "is_" => UseKind::IsNull,
        "istartswith" => UseKind::Function("lower".to_string()),
        // func.lower(User.email) == …: the function wraps the column.
        "lower" | "upper" => UseKind::Function(operator.to_string()),
        "iendswith" => UseKind::LikeSuffix,
        "regexp_match" | "match" => UseKind::LikeInfix,
        "!=" | "<>" | "not_in" | "notin_" | "is_not" | "isnot" | "not_like" | "not_ilike"
        | "notilike" => return Some(None),
        _ => return None,
    }))
}

/// Operators spelled in snake case, as Diesel's expression methods are (`ge`, `eq_any`,
/// `not_like`), and the SQL functions `lower` / `upper` around a column; `Some(None)` for a
/// negation, `None` when the name is not one of them.
fn snake_case_operator_kind(operator: &str) -> Option<Option<UseKind>> {
    Some(match operator {
        "ge" | "le" => Some(UseKind::Range),
        "eq_any" => Some(UseKind::In),
        "is_null" => Some(UseKind::IsNull),
        "similar_to" => Some(UseKind::LikeUnknown),
        // `lower(users::email).eq(x)`: the column inside a SQL function.
        "lower" | "upper" => Some(UseKind::Function(operator.to_string())),
        "ne_all" | "ne_any" | "not_like" | "not_ilike" | "not_between" | "not_similar_to"
        | "is_not_null" | "is_distinct_from" => None,
        _ => return None,
    })
}

fn index_kind(flags: crate::db_captures::SchemaFlags) -> IndexKind {
    if flags.primary {
        IndexKind::PrimaryKey
    } else if flags.unique {
        IndexKind::Unique
    } else {
        IndexKind::Index
    }
}

/// The byte where 1-based `line` starts.
fn line_start(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(at, _)| at + 1)
}

fn schema_note(path: &str, line: Option<usize>, message: String) -> Notification {
    let note = Notification::for_file(path, NotificationKind::SchemaNote, message);
    match line {
        Some(line) => note.at_line(line),
        None => note,
    }
}

/// Turn a query's coverage into findings: an AND group of filters that no index serves, or a
/// sort with no filter and no index.
#[allow(clippy::too_many_arguments)]
fn report(
    builder: &SchemaBuilder<'_>,
    facts: &QueryFacts,
    coverage: &QueryCoverage,
    sites: &[&Site],
    small: &dyn Fn(&str) -> bool,
    raw: &mut Vec<RawFinding>,
    notes: &mut Vec<Notification>,
) {
    let schema = &builder.schema;
    for (index, why) in &coverage.skipped {
        if let (SkipReason::UnknownTable(table), Some(site)) = (why, sites.get(*index)) {
            notes.push(schema_note(
                &site.path,
                Some(site.region.start_line),
                format!(
                    "no missing-index hint for this query: table {table} is not in the repository's schema"
                ),
            ));
        }
    }
    let verdict = |use_index: usize| coverage.uses.iter().find(|c| c.use_index == use_index);
    let mut per_site: Vec<(usize, Vec<String>, Option<String>, String)> = Vec::new();
    let mut add = |use_index: usize, text: String, fix: Option<String>, table: &str| {
        if let Some(entry) = per_site
            .iter_mut()
            .find(|e| std::ptr::eq(sites[e.0], sites[use_index]))
        {
            entry.1.push(text);
        } else {
            per_site.push((use_index, vec![text], fix, table.to_string()));
        }
    };
    let mut filtered_tables: Vec<&str> = Vec::new();
    for group in &coverage.groups {
        filtered_tables.push(&group.table);
        if group.served_by.is_some() || small(&group.table) {
            continue;
        }
        let members = &facts.filter_groups[group.group].uses;
        let unserved: Vec<_> = members
            .iter()
            .filter_map(|&j| verdict(j))
            .filter(|c| c.table == group.table && c.kind != UseKind::Join && !c.verdict.covered())
            .collect();
        for c in unserved {
            add(c.use_index, c.message(), c.fix.clone(), &c.table);
        }
    }
    // A sort is judged by its first key on each table: an index that delivers the rows in that
    // order leaves the later keys to break ties (`ORDER BY id DESC, name` with `id` the primary
    // key needs nothing more).
    let mut sorted: Vec<(&str, usize)> = Vec::new();
    for c in &coverage.uses {
        let sort = matches!(c.kind, UseKind::OrderBy { .. });
        if sort {
            let block = facts.uses.get(c.use_index).map_or(0, |u| u.block);
            if sorted.contains(&(c.table.as_str(), block)) {
                continue;
            }
            sorted.push((c.table.as_str(), block));
        }
        if sort
            && !c.verdict.covered()
            && !filtered_tables.contains(&c.table.as_str())
            && !small(&c.table)
        {
            add(c.use_index, c.message(), c.fix.clone(), &c.table);
        }
    }
    for (use_index, messages, fix, table) in per_site {
        let site = sites[use_index].clone();
        let mut message = messages.join("; ");
        if let Some(fix) = fix
            .as_deref()
            .map(|f| builder.fix_in_schema_terms(&table, f))
        {
            message.push_str(&format!("; add one: {fix}"));
        }
        let related = schema
            .table(&table)
            .and_then(|t| builder.table_location(t))
            .into_iter()
            .collect();
        raw.push(RawFinding {
            rule: MISSING_INDEX,
            site,
            message,
            related,
        });
    }
}

impl SchemaBuilder<'_> {
    /// The fix for a table, said the way its schema is written: SQL for migrations, the ORM's
    /// own words for a model.
    fn fix_in_schema_terms(&self, table: &str, sql_fix: &str) -> String {
        let Some(t) = self.schema.table(table) else {
            return sql_fix.to_string();
        };
        let from_sql = self
            .files
            .get(t.origin.file.0 as usize)
            .is_some_and(|f| f.path.ends_with(".sql"));
        if from_sql {
            return self.in_migration(t.origin, sql_fix);
        }
        // A class over a migration's table of the same name; then by name, so that the
        // message does not depend on the order files were read in.
        let Some(info) = self
            .models
            .iter()
            .filter(|m| m.table == t.name)
            .min_by_key(|m| (m.name == t.name, m.name.clone()))
        else {
            return sql_fix.to_string();
        };
        let model_name = &info.name;
        let columns = fix_columns(sql_fix);
        let field_of = |column: &str| -> String {
            t.fields
                .iter()
                .find(|(_, c)| c.as_str() == column)
                .map_or_else(|| column.to_string(), |(f, _)| f.clone())
        };
        let fields: Vec<String> = columns.iter().map(|c| field_of(c)).collect();
        if fields.is_empty() {
            return sql_fix.to_string();
        }
        let quoted = |list: &[String]| {
            list.iter()
                .map(|f| format!("\"{f}\""))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match info.naming {
            Naming::Django if fields.len() == 1 => {
                format!("db_index=True on {model_name}.{}", fields[0])
            }
            Naming::Django => format!(
                "models.Index(fields=[{}]) in {model_name}.Meta.indexes",
                quoted(&fields)
            ),
            Naming::Prisma => format!("@@index([{}]) on model {model_name}", fields.join(", ")),
            Naming::Sqlalchemy if fields.len() == 1 => {
                format!("index=True on {model_name}.{}", fields[0])
            }
            Naming::Sqlalchemy => format!(
                "Index(\"ix_{}_{}\", {}) in {model_name}.__table_args__",
                t.name,
                fields.join("_"),
                quoted(&fields)
            ),
            Naming::Sequelize => format!(
                "indexes: [{{ fields: [{}] }}] in the options of {model_name}",
                fields
                    .iter()
                    .map(|f| format!("'{f}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Naming::Typeorm if fields.len() == 1 => {
                format!("@Index() on {model_name}.{}", fields[0])
            }
            Naming::Typeorm => format!("@Index([{}]) on {model_name}", quoted(&fields)),
            Naming::Exact | Naming::Snake => sql_fix.to_string(),
        }
    }
}

impl SchemaBuilder<'_> {
    /// A SQL fix as it must be written in the migration layout of the file that declared the
    /// table: Diesel runs each `migrations/<version>/up.sql` in a transaction, where
    /// PostgreSQL refuses `CREATE INDEX CONCURRENTLY`.
    fn in_migration(&self, origin: Origin, sql_fix: &str) -> String {
        let diesel = self
            .files
            .get(origin.file.0 as usize)
            .is_some_and(|f| f.path == "up.sql" || f.path.ends_with("/up.sql"));
        if diesel && sql_fix.contains(" CONCURRENTLY ") {
            format!(
                "{sql_fix} (in a new Diesel migration whose metadata.toml says \
                 run_in_transaction = false: CONCURRENTLY cannot run in a transaction)"
            )
        } else {
            sql_fix.to_string()
        }
    }
}

/// The plain columns of a suggested `CREATE INDEX … ON t (a, b DESC);`; empty when a key is
/// an expression (an ORM cannot say it as a field list).
fn fix_columns(sql: &str) -> Vec<String> {
    let Some(on) = sql.find(" ON ") else {
        return Vec::new();
    };
    let rest = &sql[on..];
    let (Some(open), Some(close)) = (rest.find('('), rest.rfind(')')) else {
        return Vec::new();
    };
    let keys = &rest[open + 1..close];
    if keys.contains('(') || rest[..open].contains("USING") {
        return Vec::new();
    }
    keys.split(',')
        .map(|k| {
            k.split_whitespace()
                .next()
                .unwrap_or("")
                .trim_matches('"')
                .to_string()
        })
        .filter(|k| !k.is_empty())
        .collect()
}

#[cfg(test)]
mod js_orm_tests {
    use super::*;

    #[test]
    fn sequelize_pluralises_the_last_word_and_keeps_its_capital() {
        assert_eq!(pluralize("User"), "Users");
        assert_eq!(pluralize("Person"), "People");
        assert_eq!(pluralize("OrderItem"), "OrderItems");
        assert_eq!(pluralize("Category"), "Categories");
        assert_eq!(pluralize("Address"), "Addresses");
        assert_eq!(pluralize("order_status"), "order_statuses");
        assert_eq!(pluralize("child"), "children");
    }

    #[test]
    fn a_qualifier_must_name_the_query_table() {
        assert_eq!(unqualified_field("email", "users"), Some("email"));
        assert_eq!(unqualified_field("users.email", "users"), Some("email"));
        assert_eq!(
            unqualified_field("public.users.email", "users"),
            Some("email")
        );
        assert_eq!(unqualified_field("orders.status", "users"), None);
        assert_eq!(unqualified_field("lower(email)", "users"), None);
        assert_eq!(unqualified_field("created_at desc", "users"), None);
    }

    #[test]
    fn javascript_operators() {
        assert_eq!(operator_kind(Some(">=")), Some(UseKind::Range));
        assert_eq!(operator_kind(Some("wherebetween")), Some(UseKind::Range));
        assert_eq!(operator_kind(Some("<>")), None);
        assert_eq!(operator_kind(Some("notlike")), None);
        assert_eq!(operator_kind(Some("raw")), None);
        assert_eq!(
            operator_kind(Some("insensitive")),
            Some(UseKind::Function("ilike".to_string()))
        );
        assert_eq!(operator_kind(Some("%${q}%")), Some(UseKind::LikeInfix));
        assert_eq!(operator_kind(Some("%.com")), Some(UseKind::LikeSuffix));
        assert_eq!(operator_kind(Some("%")), Some(UseKind::Eq));
        assert_eq!(operator_kind(Some("like")), Some(UseKind::LikeUnknown));
        assert_eq!(operator_kind(Some("equals")), Some(UseKind::Eq));
        assert_eq!(operator_kind(None), Some(UseKind::Eq));
    }

    fn model(name: &str, table: &str, naming: Naming) -> ModelInfo {
        ModelInfo {
            name: name.to_string(),
            path: "src/entities.ts".to_string(),
            table: table.to_string(),
            naming,
            relations: HashMap::new(),
        }
    }

    #[test]
    fn repositories_named_after_their_model() {
        let mut builder = SchemaBuilder::new(Dialect::Postgres, &[]);
        builder.models.extend([
            model("User", "users", Naming::Typeorm),
            model("OrderLine", "order_line", Naming::Typeorm),
        ]);
        let table = |name: &str| builder.table_of_accessor(name).map(|(t, _)| t);
        assert_eq!(table("userRepository").as_deref(), Some("users"));
        assert_eq!(table("users").as_deref(), Some("users"));
        assert_eq!(table("UserRepo").as_deref(), Some("users"));
        assert_eq!(table("orderLineRepository").as_deref(), Some("order_line"));
        assert_eq!(table("orderLines").as_deref(), Some("order_line"));
        assert_eq!(table("repository"), None);
        assert_eq!(table("cache"), None);
    }
}

#[cfg(test)]
mod sqlalchemy_tests {
    //! Migration order, drops and composite keys, on records as the Python packs make them.
    use super::*;
    use crate::db::{FieldDecl, MigrationStep};
    use crate::db_captures::SchemaFlags;

    fn site(path: &str, line: usize) -> Site {
        Site {
            path: path.to_string(),
            region: Region {
                start_line: line,
                start_column: 1,
                end_line: line,
                end_column: 2,
            },
            line_hash: String::new(),
            line_text: String::new(),
            context: None,
            function: "f".to_string(),
            code: format!("q{line}"),
        }
    }

    fn flags(set: &[&str]) -> SchemaFlags {
        let mut f = SchemaFlags::default();
        for s in set {
            f.set(Some(s));
        }
        f
    }

    fn field(name: &str, set: &[&str]) -> FieldDecl {
        FieldDecl {
            name: name.to_string(),
            column: None,
            references: None,
            flags: flags(set),
            line: 2,
        }
    }

    fn model(name: &str, table: &str, fields: Vec<FieldDecl>) -> ModelDecl {
        ModelDecl {
            name: name.to_string(),
            table: Some(table.to_string()),
            naming: Naming::Sqlalchemy,
            fields,
            indexes: Vec::new(),
            line: 1,
            external: false,
        }
    }

    fn migration(path: &str, id: &str, after: &[&str], indexes: Vec<IndexDecl>) -> FileDb {
        FileDb {
            path: path.to_string(),
            indexes,
            migration: Some(MigrationStep {
                id: id.to_string(),
                after: after.iter().map(|a| a.to_string()).collect(),
            }),
            ..FileDb::default()
        }
    }

    fn index(name: &str, table: &str, columns: &[&str], set: &[&str]) -> IndexDecl {
        IndexDecl {
            model: None,
            table: Some(table.to_string()),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            flags: flags(set),
            name: Some(name.to_string()),
            line: 3,
        }
    }

    fn query(model: &str, fields: &[&str], line: usize) -> OrmQuery {
        OrmQuery {
            model: Some(model.to_string()),
            table: None,
            uses: fields
                .iter()
                .map(|f| OrmUse {
                    field: f.to_string(),
                    kind: DbUse::Filter,
                    lookup: Lookup::Plain,
                    operator: None,
                    model: None,
                    call: 0,
                })
                .collect(),
            sites: vec![site("app/queries.py", line)],
        }
    }

    fn flagged_lines(files: &[FileDb]) -> Vec<usize> {
        join(files, &JoinOptions::default())
            .findings
            .iter()
            .filter(|f| f.rule_id == MISSING_INDEX)
            .map(|f| f.region.start_line)
            .collect()
    }

    #[test]
    fn revisions_run_parents_first_whatever_their_file_names() {
        let files = vec![
            migration("alembic/versions/0b_drop.py", "c3", &["b2"], Vec::new()),
            migration("alembic/versions/1a_init.py", "a1", &[], Vec::new()),
            FileDb {
                path: "app/models.py".to_string(),
                ..FileDb::default()
            },
            migration(
                "alembic/versions/9f_merge.py",
                "m4",
                &["c3", "x9"],
                Vec::new(),
            ),
            migration("alembic/versions/e8_more.py", "b2", &["a1"], Vec::new()),
        ];
        assert_eq!(migration_order(&files), [2, 1, 4, 0, 3]);
    }

    #[test]
    fn a_cycle_still_orders_every_file_once() {
        let files = vec![
            migration("v/a.py", "a", &["b"], Vec::new()),
            migration("v/b.py", "b", &["a"], Vec::new()),
        ];
        assert_eq!(migration_order(&files), [0, 1]);
    }

    #[test]
    fn an_index_dropped_by_a_later_revision_serves_nothing() {
        let models = FileDb {
            path: "app/models.py".to_string(),
            models: vec![model(
                "Order",
                "orders",
                vec![field("id", &["primary"]), field("coupon", &["index"])],
            )],
            orm: vec![query("Order", &["coupon"], 7)],
            ..FileDb::default()
        };
        // The model's `index=True` is named ix_orders_coupon; the drop (first by path) runs
        // after the revision that re-creates it under another name.
        let drop = migration(
            "alembic/versions/0b_drop.py",
            "c3",
            &["b2"],
            vec![IndexDecl {
                columns: Vec::new(),
                ..index("ix_orders_coupon", "orders", &[], &["drop"])
            }],
        );
        let create = migration(
            "alembic/versions/e8_create.py",
            "b2",
            &[],
            vec![index("ix_orders_coupon", "orders", &["coupon"], &[])],
        );
        assert!(flagged_lines(std::slice::from_ref(&models)).is_empty());
        assert_eq!(flagged_lines(&[drop.clone(), models.clone(), create]), [7]);
        // Without the revision ids, path order would apply the drop first.
        let unordered: Vec<FileDb> = [drop, models]
            .into_iter()
            .map(|f| FileDb {
                migration: None,
                ..f
            })
            .collect();
        assert_eq!(flagged_lines(&unordered), [7]);
    }

    #[test]
    fn primary_key_columns_form_one_composite_key() {
        let files = vec![FileDb {
            path: "app/models.py".to_string(),
            models: vec![model(
                "OrderItem",
                "order_items",
                vec![
                    field("order_id", &["primary"]),
                    field("sku", &["primary"]),
                    field("quantity", &[]),
                ],
            )],
            orm: vec![
                query("OrderItem", &["order_id"], 5),
                query("OrderItem", &["sku"], 6),
                query("OrderItem", &["order_id", "sku"], 7),
            ],
            ..FileDb::default()
        }];
        assert_eq!(flagged_lines(&files), [6]);
    }

    #[test]
    fn a_model_without_tablename_takes_the_migration_table_of_its_snake_case_name() {
        let files = vec![
            FileDb {
                path: "alembic/versions/1a_init.py".to_string(),
                models: vec![model(
                    "order_item",
                    "order_item",
                    vec![field("id", &["primary"]), field("sku", &["index"])],
                )],
                ..FileDb::default()
            },
            FileDb {
                path: "app/models.py".to_string(),
                models: vec![ModelDecl {
                    table: None,
                    ..model("OrderItem", "", vec![field("sku", &[]), field("note", &[])])
                }],
                orm: vec![
                    query("OrderItem", &["sku"], 4),
                    query("OrderItem", &["note"], 5),
                ],
                ..FileDb::default()
            },
        ];
        assert_eq!(flagged_lines(&files), [5]);
    }

    #[test]
    fn comparison_symbols_and_sqlalchemy_operators() {
        assert_eq!(operator_kind(Some(">=")), Some(UseKind::Range));
        assert_eq!(operator_kind(Some("in_")), Some(UseKind::In));
        assert_eq!(operator_kind(Some("is_")), Some(UseKind::IsNull));
        assert_eq!(operator_kind(Some("not_in")), None);
        assert_eq!(operator_kind(Some("!=")), None);
        assert_eq!(operator_kind(Some("contains")), Some(UseKind::LikeInfix));
    }
}
