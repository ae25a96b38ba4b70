//! The schema of one repository as the database would hold it after every migration ran:
//! tables, their columns, keys, indexes and foreign keys, each remembering where it was
//! declared. SQL migrations reach it as [`SchemaEvent`]s applied in order; ORM extractors
//! declare facts directly. Names are stored as the database stores them and looked up with the
//! dialect's comparison rule (see [`Dialect::key`]).

use std::collections::BTreeMap;

use crate::ddl::{Change, SchemaEvent};
use crate::Dialect;

/// A caller-chosen number for the file a fact came from (the engine keeps the path table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// Where a table, index or foreign key was declared: a file and a 1-based line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Origin {
    /// The file, as the caller numbered it.
    pub file: FileId,
    /// 1-based line of the declaring statement or ORM call.
    pub line: u32,
}

impl Origin {
    /// An origin at `line` of `file`.
    pub fn new(file: FileId, line: u32) -> Self {
        Origin { file, line }
    }
}

/// A column as declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnDef {
    /// The stored column name.
    pub name: String,
    /// The declared type as written (`varchar(255)`, `String?`), when known.
    pub data_type: Option<String>,
}

/// What kind of access path an index is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IndexKind {
    /// The primary key.
    PrimaryKey,
    /// A unique constraint or unique index.
    Unique,
    /// A plain (non-unique) index.
    Index,
}

/// One key of an index, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexKey {
    /// A plain column.
    Column {
        /// The stored column name.
        name: String,
        /// `DESC` ordering.
        descending: bool,
        /// The Postgres operator class, lower-cased (`text_pattern_ops`, `gin_trgm_ops`).
        opclass: Option<String>,
    },
    /// An expression key, in the normalised text that [`crate::normalize_expression`]
    /// produces (`lower(email)`).
    Expression(String),
}

impl IndexKey {
    /// A plain ascending column key.
    pub fn column(name: impl Into<String>) -> Self {
        IndexKey::Column {
            name: name.into(),
            descending: false,
            opclass: None,
        }
    }

    /// The column name when this key is a plain column.
    pub fn column_name(&self) -> Option<&str> {
        match self {
            IndexKey::Column { name, .. } => Some(name),
            IndexKey::Expression(_) => None,
        }
    }

    /// The key as it would be written in an index definition.
    pub fn display(&self) -> String {
        match self {
            IndexKey::Column {
                name, descending, ..
            } => {
                if *descending {
                    format!("{name} DESC")
                } else {
                    name.clone()
                }
            }
            IndexKey::Expression(e) => e.clone(),
        }
    }
}

/// An index, unique constraint or primary key, without its origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexDef {
    /// The name, as given or as the database would make it up (`orders_pkey`); `None` when
    /// neither is known.
    pub name: Option<String>,
    /// Primary key, unique or plain.
    pub kind: IndexKind,
    /// The keys, leftmost first.
    pub keys: Vec<IndexKey>,
    /// The `WHERE` of a partial index, as written.
    pub predicate: Option<String>,
    /// The access method when not the default B-tree, lower-cased (`gin`, `hash`,
    /// `fulltext`).
    pub method: Option<String>,
}

impl IndexDef {
    /// A B-tree index of `kind` on plain columns.
    pub fn on_columns<S: AsRef<str>>(name: Option<&str>, kind: IndexKind, columns: &[S]) -> Self {
        IndexDef {
            name: name.map(str::to_string),
            kind,
            keys: columns
                .iter()
                .map(|c| IndexKey::column(c.as_ref()))
                .collect(),
            predicate: None,
            method: None,
        }
    }

    /// The keys as written in a definition: `(customer_id, created_at DESC)`.
    pub fn keys_display(&self) -> String {
        let keys: Vec<String> = self.keys.iter().map(IndexKey::display).collect();
        format!("({})", keys.join(", "))
    }
}

/// A foreign key, without its origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignKeyDef {
    /// The constraint name, given or made up as the database would.
    pub name: Option<String>,
    /// The referencing columns, in order.
    pub columns: Vec<String>,
    /// The referenced table (stored name, schema dropped).
    pub references_table: String,
    /// The referenced columns; empty when the referenced primary key is meant.
    pub references_columns: Vec<String>,
    /// Whether the database holds the constraint. Prisma's `relationMode = "prisma"` keeps
    /// relations in the client only, so MySQL creates no index for them.
    pub enforced: bool,
}

/// A `CREATE TABLE` as parsed or declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableDef {
    /// The stored table name, schema qualifier dropped.
    pub name: String,
    /// Columns in declaration order.
    pub columns: Vec<ColumnDef>,
    /// Primary key, unique constraints and inline indexes.
    pub indexes: Vec<IndexDef>,
    /// Foreign keys.
    pub foreign_keys: Vec<ForeignKeyDef>,
    /// `IF NOT EXISTS` was given: an existing table is kept as it is.
    pub if_not_exists: bool,
}

/// An index of a table, with where it was declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Index {
    /// The definition.
    pub def: IndexDef,
    /// Where it was declared.
    pub origin: Origin,
}

/// A foreign key of a table, with where it was declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignKey {
    /// The definition.
    pub def: ForeignKeyDef,
    /// Where it was declared.
    pub origin: Origin,
}

/// A table of the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The stored name.
    pub name: String,
    /// Columns in declaration order.
    pub columns: Vec<ColumnDef>,
    /// Primary key, unique constraints and indexes, in declaration order.
    pub indexes: Vec<Index>,
    /// Foreign keys.
    pub foreign_keys: Vec<ForeignKey>,
    /// Where the table was defined.
    pub origin: Origin,
    /// The ORM model names that map to this table (`Order`, `shop.Order`).
    pub models: Vec<String>,
    /// ORM field name → stored column name, for fields whose column differs or was declared
    /// through an ORM (`customerEmail` → `customer_email`).
    pub fields: BTreeMap<String, String>,
}

impl Table {
    fn new(name: String, origin: Origin) -> Self {
        Table {
            name,
            columns: Vec::new(),
            indexes: Vec::new(),
            foreign_keys: Vec::new(),
            origin,
            models: Vec::new(),
            fields: BTreeMap::new(),
        }
    }

    /// The primary key, if the table has one.
    pub fn primary_key(&self) -> Option<&Index> {
        self.indexes
            .iter()
            .find(|i| i.def.kind == IndexKind::PrimaryKey)
    }

    /// Whether a column of that name is declared (dialect comparison rule).
    pub fn has_column(&self, dialect: Dialect, column: &str) -> bool {
        self.columns
            .iter()
            .any(|c| dialect.same_name(&c.name, column))
    }

    /// The stored column name for an ORM field name or a column name: a declared field
    /// mapping first, then a column of that name.
    pub fn column_for_field(&self, dialect: Dialect, field: &str) -> Option<&str> {
        if let Some(col) = self.fields.get(field) {
            return Some(col);
        }
        self.columns
            .iter()
            .find(|c| dialect.same_name(&c.name, field))
            .map(|c| c.name.as_str())
    }

    fn index_position(&self, dialect: Dialect, name: &str) -> Option<usize> {
        self.indexes.iter().position(|i| {
            i.def
                .name
                .as_deref()
                .is_some_and(|n| dialect.same_name(n, name))
        })
    }
}

/// Something [`Schema::apply`] could not do, with the line of the event that asked for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyNote {
    /// Where the event was declared.
    pub origin: Origin,
    /// What happened, for a verbose log.
    pub message: String,
}

/// All tables of a repository, keyed by the dialect's comparison key.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Schema {
    dialect: Dialect,
    tables: BTreeMap<String, Table>,
    models: BTreeMap<String, String>,
}

impl Schema {
    /// An empty schema whose names follow `dialect`.
    pub fn new(dialect: Dialect) -> Self {
        Schema {
            dialect,
            tables: BTreeMap::new(),
            models: BTreeMap::new(),
        }
    }

    /// The dialect names are compared by.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// Looks a table up by stored name (qualifier dropped by the caller or not: a
    /// `schema.table` name is looked up by its last part).
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.get(&self.dialect.key(unqualified(name)))
    }

    /// Looks a table up by ORM model name (`Order`; then, when only one model matches
    /// without case, `order` as Prisma's client spells it), then by table name.
    pub fn table_for_model(&self, model: &str) -> Option<&Table> {
        let key = self.models.get(model).or_else(|| {
            let mut matching = self
                .models
                .iter()
                .filter(|(m, _)| m.eq_ignore_ascii_case(model));
            match (matching.next(), matching.next()) {
                (Some((_, key)), None) => Some(key),
                _ => None,
            }
        });
        key.and_then(|key| self.tables.get(key))
            .or_else(|| self.table(model))
    }

    /// All tables, ordered by key.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.tables.values()
    }

    /// Number of tables.
    pub fn len(&self) -> usize {
        self.tables.len()
    }

    /// Whether no table is known.
    pub fn is_empty(&self) -> bool {
        self.tables.is_empty()
    }

    fn table_mut(&mut self, name: &str) -> Option<&mut Table> {
        self.tables.get_mut(&self.dialect.key(unqualified(name)))
    }

    /// Applies the events of one file, in order. Returns what could not be applied (an index
    /// on a table nobody created, a drop of an unknown index) for a verbose log; such events
    /// change nothing.
    pub fn apply(&mut self, file: FileId, events: &[SchemaEvent]) -> Vec<ApplyNote> {
        let mut notes = Vec::new();
        for event in events {
            let origin = Origin::new(file, event.line);
            if let Err(message) = self.apply_change(&event.change, origin) {
                notes.push(ApplyNote { origin, message });
            }
        }
        notes
    }

    fn apply_change(&mut self, change: &Change, origin: Origin) -> Result<(), String> {
        let d = self.dialect;
        match change {
            Change::CreateTable(def) => {
                self.create_table(def, origin);
                Ok(())
            }
            Change::DropTable { table, if_exists } => match self.tables.remove(&d.key(table)) {
                Some(_) => Ok(()),
                None if *if_exists => Ok(()),
                None => Err(format!("DROP TABLE {table}: no such table")),
            },
            Change::RenameTable { from, to } => self.rename_table(from, to),
            Change::AddColumn { table, column } => {
                let t = self.known_table_mut(table)?;
                if !t.has_column(d, &column.name) {
                    t.columns.push(column.clone());
                }
                Ok(())
            }
            Change::DropColumn { table, column } => {
                let t = self.known_table_mut(table)?;
                drop_column(d, t, column);
                Ok(())
            }
            Change::RenameColumn { table, from, to } => self.rename_column(table, from, to),
            Change::AddIndex {
                table,
                index,
                if_not_exists,
            } => {
                let t = self.known_table_mut(table)?;
                add_index(d, t, index.clone(), origin, *if_not_exists);
                Ok(())
            }
            Change::AddForeignKey { table, foreign_key } => {
                let t = self.known_table_mut(table)?;
                t.foreign_keys.push(ForeignKey {
                    def: foreign_key.clone(),
                    origin,
                });
                Ok(())
            }
            Change::DropIndex {
                table,
                name,
                if_exists,
            } => match self.drop_index(table.as_deref(), name) {
                Err(_) if *if_exists => Ok(()),
                other => other,
            },
            Change::DropConstraint { table, name } => {
                let t = self.known_table_mut(table)?;
                let before = t.indexes.len() + t.foreign_keys.len();
                t.indexes.retain(|i| {
                    !i.def.name.as_deref().is_some_and(|n| d.same_name(n, name))
                        || i.def.kind == IndexKind::Index
                });
                t.foreign_keys
                    .retain(|f| !f.def.name.as_deref().is_some_and(|n| d.same_name(n, name)));
                if t.indexes.len() + t.foreign_keys.len() == before {
                    return Err(format!("DROP CONSTRAINT {name} on {table}: not known"));
                }
                Ok(())
            }
            Change::DropPrimaryKey { table } => {
                let t = self.known_table_mut(table)?;
                t.indexes.retain(|i| i.def.kind != IndexKind::PrimaryKey);
                Ok(())
            }
            Change::RenameIndex { table, from, to } => {
                let tables: Vec<&mut Table> = match table {
                    Some(t) => self.table_mut(t).into_iter().collect(),
                    None => self.tables.values_mut().collect(),
                };
                for t in tables {
                    if let Some(pos) = t.index_position(d, from) {
                        t.indexes[pos].def.name = Some(to.clone());
                        return Ok(());
                    }
                    // `RENAME CONSTRAINT` may name a foreign key.
                    if let Some(fk) = t
                        .foreign_keys
                        .iter_mut()
                        .find(|f| f.def.name.as_deref().is_some_and(|n| d.same_name(n, from)))
                    {
                        fk.def.name = Some(to.clone());
                        return Ok(());
                    }
                }
                Err(format!("rename of index {from}: no such index"))
            }
        }
    }

    fn known_table_mut(&mut self, table: &str) -> Result<&mut Table, String> {
        self.table_mut(table)
            .ok_or_else(|| format!("table {table} is not defined before this statement"))
    }

    fn create_table(&mut self, def: &TableDef, origin: Origin) {
        let key = self.dialect.key(&def.name);
        if def.if_not_exists && self.tables.contains_key(&key) {
            return;
        }
        // A second CREATE TABLE (a schema dump after the migrations) is the newer truth.
        let mut table = Table::new(def.name.clone(), origin);
        if let Some(old) = self.tables.get(&key) {
            table.models = old.models.clone();
            table.fields = old.fields.clone();
        }
        table.columns = def.columns.clone();
        for index in &def.indexes {
            add_index(self.dialect, &mut table, index.clone(), origin, false);
        }
        table.foreign_keys = def
            .foreign_keys
            .iter()
            .map(|f| ForeignKey {
                def: f.clone(),
                origin,
            })
            .collect();
        self.tables.insert(key, table);
    }

    fn rename_table(&mut self, from: &str, to: &str) -> Result<(), String> {
        let d = self.dialect;
        let mut table = self
            .tables
            .remove(&d.key(from))
            .ok_or_else(|| format!("rename of table {from}: no such table"))?;
        table.name = to.to_string();
        let new_key = d.key(to);
        for key in self.models.values_mut() {
            if *key == d.key(from) {
                *key = new_key.clone();
            }
        }
        self.tables.insert(new_key, table);
        for t in self.tables.values_mut() {
            for fk in &mut t.foreign_keys {
                if d.same_name(&fk.def.references_table, from) {
                    fk.def.references_table = to.to_string();
                }
            }
        }
        Ok(())
    }

    fn rename_column(&mut self, table: &str, from: &str, to: &str) -> Result<(), String> {
        let d = self.dialect;
        let t = self.known_table_mut(table)?;
        let table_name = t.name.clone();
        let rename = |c: &mut String| {
            if d.same_name(c, from) {
                *c = to.to_string();
            }
        };
        for c in &mut t.columns {
            rename(&mut c.name);
        }
        for i in &mut t.indexes {
            for k in &mut i.def.keys {
                if let IndexKey::Column { name, .. } = k {
                    rename(name);
                }
            }
        }
        for f in &mut t.foreign_keys {
            f.def.columns.iter_mut().for_each(rename);
        }
        for col in t.fields.values_mut() {
            rename(col);
        }
        for other in self.tables.values_mut() {
            for f in &mut other.foreign_keys {
                if d.same_name(&f.def.references_table, &table_name) {
                    f.def.references_columns.iter_mut().for_each(rename);
                }
            }
        }
        Ok(())
    }

    fn drop_index(&mut self, table: Option<&str>, name: &str) -> Result<(), String> {
        let d = self.dialect;
        let name = unqualified(name);
        let tables: Vec<&mut Table> = match table {
            Some(t) => self.table_mut(t).into_iter().collect(),
            None => self.tables.values_mut().collect(),
        };
        for t in tables {
            if let Some(pos) = t.index_position(d, name) {
                t.indexes.remove(pos);
                return Ok(());
            }
        }
        Err(format!("DROP INDEX {name}: no such index"))
    }

    /// Declares a table (an ORM model's table); an existing table keeps its facts and gains
    /// none. Returns the table for further declarations.
    pub fn declare_table(&mut self, name: &str, origin: Origin) -> &mut Table {
        let key = self.dialect.key(unqualified(name));
        self.tables
            .entry(key)
            .or_insert_with(|| Table::new(unqualified(name).to_string(), origin))
    }

    /// Declares that ORM model `model` maps to `table` (declaring the table if needed).
    pub fn declare_model(&mut self, model: &str, table: &str, origin: Origin) {
        let key = self.dialect.key(unqualified(table));
        let t = self.declare_table(table, origin);
        if !t.models.iter().any(|m| m == model) {
            t.models.push(model.to_string());
        }
        self.models.insert(model.to_string(), key);
    }

    /// Declares a column of `table`, optionally reached from an ORM field of another name.
    pub fn declare_column(
        &mut self,
        table: &str,
        column: &str,
        field: Option<&str>,
        origin: Origin,
    ) {
        let d = self.dialect;
        let t = self.declare_table(table, origin);
        if !t.has_column(d, column) {
            t.columns.push(ColumnDef {
                name: column.to_string(),
                data_type: None,
            });
        }
        if let Some(field) = field {
            t.fields.insert(field.to_string(), column.to_string());
        }
    }

    /// Declares an index, unique constraint or primary key of `table`. An index with the
    /// same kind and keys as one already there is not added twice.
    pub fn declare_index(&mut self, table: &str, index: IndexDef, origin: Origin) {
        let d = self.dialect;
        let t = self.declare_table(table, origin);
        add_index(d, t, index, origin, false);
    }

    /// Declares a foreign key of `table`.
    pub fn declare_foreign_key(&mut self, table: &str, foreign_key: ForeignKeyDef, origin: Origin) {
        let t = self.declare_table(table, origin);
        if !t.foreign_keys.iter().any(|f| f.def == foreign_key) {
            t.foreign_keys.push(ForeignKey {
                def: foreign_key,
                origin,
            });
        }
    }
}

/// The last part of a dotted name (`public.users` → `users`). Quoted names reach the model
/// already unquoted, so a dot inside quotes never gets here.
fn unqualified(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

fn add_index(d: Dialect, t: &mut Table, index: IndexDef, origin: Origin, if_not_exists: bool) {
    if let Some(name) = &index.name {
        if let Some(pos) = t.index_position(d, name) {
            if if_not_exists {
                return;
            }
            // A real database refuses the duplicate; the newer definition is what the author meant.
            t.indexes.remove(pos);
        }
    }
    if index.kind == IndexKind::PrimaryKey {
        t.indexes.retain(|i| i.def.kind != IndexKind::PrimaryKey);
    }
    let same = t.indexes.iter().any(|i| {
        i.def.kind == index.kind
            && i.def.keys == index.keys
            && i.def.predicate == index.predicate
            && i.def.method == index.method
    });
    if !same {
        t.indexes.push(Index { def: index, origin });
    }
}

/// Postgres and SQLite drop an index that uses the column (SQLite refuses, the author then
/// drops it first); MySQL removes the column from the index and drops it only when empty.
fn drop_column(d: Dialect, t: &mut Table, column: &str) {
    t.columns.retain(|c| !d.same_name(&c.name, column));
    let uses = |k: &IndexKey| k.column_name().is_some_and(|c| d.same_name(c, column));
    if d == Dialect::Mysql {
        for i in &mut t.indexes {
            i.def.keys.retain(|k| !uses(k));
        }
        t.indexes.retain(|i| !i.def.keys.is_empty());
    } else {
        t.indexes.retain(|i| !i.def.keys.iter().any(uses));
    }
    t.foreign_keys
        .retain(|f| !f.def.columns.iter().any(|c| d.same_name(c, column)));
    t.fields.retain(|_, c| !d.same_name(c, column));
}
