//! SQL schema files to schema events. A migration is read statement by statement: the
//! statements that shape tables and indexes become [`SchemaEvent`]s with their line, the rest
//! (data, functions, grants) are passed over without parsing, and a statement the parser
//! rejects becomes a [`Diagnostic`] while the statements after it are still read.

use sqlparser::ast::{
    AlterIndexOperation, AlterTableOperation, ColumnOption, CreateIndex, Expr, IndexColumn,
    IndexType, ObjectType, OrderBySort, RenameTableNameKind, Statement, TableConstraint,
};
use sqlparser::tokenizer::{Token, TokenWithSpan};

use crate::model::{ColumnDef, ForeignKeyDef, IndexDef, IndexKey, IndexKind, TableDef};
use crate::normalize::{expr_text, ident_name, object_last};
use crate::parse::{parse_tokens, tokenize};
use crate::split::split_statements;
use crate::Dialect;

/// One change a schema statement makes, with the 1-based line where the statement starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaEvent {
    /// 1-based line of the statement's first word.
    pub line: u32,
    /// What it changes.
    pub change: Change,
}

/// What one schema statement (or one clause of an `ALTER TABLE`) changes. Table names are
/// stored names with the schema qualifier dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// `CREATE TABLE`, with its inline keys, indexes and foreign keys.
    CreateTable(TableDef),
    /// `DROP TABLE`.
    DropTable {
        /// The table.
        table: String,
        /// `IF EXISTS`: a missing table is not worth a note.
        if_exists: bool,
    },
    /// `ALTER TABLE … RENAME TO` or MySQL `RENAME TABLE`.
    RenameTable {
        /// Old name.
        from: String,
        /// New name.
        to: String,
    },
    /// `ALTER TABLE … ADD COLUMN` (its inline constraints follow as their own changes).
    AddColumn {
        /// The table.
        table: String,
        /// The column.
        column: ColumnDef,
    },
    /// `ALTER TABLE … DROP COLUMN`.
    DropColumn {
        /// The table.
        table: String,
        /// The column.
        column: String,
    },
    /// `ALTER TABLE … RENAME COLUMN` or MySQL `CHANGE old new …`.
    RenameColumn {
        /// The table.
        table: String,
        /// Old name.
        from: String,
        /// New name.
        to: String,
    },
    /// `CREATE INDEX`, `ADD CONSTRAINT … PRIMARY KEY/UNIQUE`, MySQL `ADD INDEX`.
    AddIndex {
        /// The table.
        table: String,
        /// The index.
        index: IndexDef,
        /// `IF NOT EXISTS`: an index of that name already there is kept.
        if_not_exists: bool,
    },
    /// `ADD [CONSTRAINT …] FOREIGN KEY` or a column's `REFERENCES`.
    AddForeignKey {
        /// The referencing table.
        table: String,
        /// The foreign key.
        foreign_key: ForeignKeyDef,
    },
    /// `DROP INDEX name` (Postgres, SQLite) or `DROP INDEX name ON t` / `ALTER TABLE t DROP
    /// INDEX name` (MySQL).
    DropIndex {
        /// The table when the statement names it.
        table: Option<String>,
        /// The index.
        name: String,
        /// `IF EXISTS`: a missing index is not worth a note.
        if_exists: bool,
    },
    /// `ALTER TABLE … DROP CONSTRAINT name` or MySQL `DROP FOREIGN KEY name`.
    DropConstraint {
        /// The table.
        table: String,
        /// The constraint.
        name: String,
    },
    /// `ALTER TABLE … DROP PRIMARY KEY` (MySQL).
    DropPrimaryKey {
        /// The table.
        table: String,
    },
    /// `ALTER INDEX … RENAME TO` or `ALTER TABLE … RENAME CONSTRAINT`.
    RenameIndex {
        /// The table when the statement names it.
        table: Option<String>,
        /// Old name.
        from: String,
        /// New name.
        to: String,
    },
}

/// A statement that could not be read, with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line where the statement starts.
    pub line: u32,
    /// What went wrong, naming the statement's first words.
    pub message: String,
}

/// The events of one SQL file and what could not be read in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DdlOutput {
    /// Schema changes, in file order.
    pub events: Vec<SchemaEvent>,
    /// Statements that shape the schema but could not be parsed.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a SQL file's text as schema changes in `dialect`.
///
/// Only statements that can change tables or indexes are parsed (`CREATE TABLE`,
/// `CREATE [UNIQUE] INDEX`, `ALTER TABLE`, `ALTER INDEX`, `DROP TABLE`, `DROP INDEX`,
/// `RENAME TABLE`); data, functions, views, grants and comments are passed over.
///
/// ```
/// use shipshape_schema::{parse_ddl, Change, Dialect};
/// let out = parse_ddl(
///     "CREATE TABLE orders (id bigserial PRIMARY KEY, customer_email text);\n\
///      CREATE INDEX CONCURRENTLY idx_orders_email ON orders (customer_email);",
///     Dialect::Postgres,
/// );
/// assert!(out.diagnostics.is_empty());
/// assert_eq!(out.events.len(), 2);
/// assert!(matches!(&out.events[1].change, Change::AddIndex { table, .. } if table == "orders"));
/// assert_eq!(out.events[1].line, 2);
/// ```
pub fn parse_ddl(text: &str, dialect: Dialect) -> DdlOutput {
    let mut out = DdlOutput::default();
    for chunk in split_statements(text, dialect) {
        let mut events = Vec::new();
        match read_statement(chunk.text, dialect, &mut events) {
            Ok(()) => out
                .events
                .extend(events.into_iter().map(|change| SchemaEvent {
                    line: chunk.line,
                    change,
                })),
            Err(message) => out.diagnostics.push(Diagnostic {
                line: chunk.line,
                message,
            }),
        }
    }
    out
}

/// What kind of schema statement the first words announce, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relevant {
    CreateTable,
    CreateIndex,
    AlterTable,
    AlterIndex,
    DropTable,
    DropIndex,
    RenameTable,
}

fn classify(words: &[String]) -> Option<Relevant> {
    let w = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
    match w(0) {
        "CREATE" => {
            let mut i = 1;
            while matches!(
                w(i),
                "OR" | "REPLACE" | "TEMP" | "TEMPORARY" | "UNLOGGED" | "GLOBAL" | "LOCAL"
            ) {
                i += 1;
            }
            match w(i) {
                "TABLE" => Some(Relevant::CreateTable),
                "INDEX" => Some(Relevant::CreateIndex),
                "UNIQUE" | "FULLTEXT" | "SPATIAL" if w(i + 1) == "INDEX" => {
                    Some(Relevant::CreateIndex)
                }
                _ => None,
            }
        }
        "ALTER" => match w(1) {
            "TABLE" => Some(Relevant::AlterTable),
            "INDEX" => Some(Relevant::AlterIndex),
            _ => None,
        },
        "DROP" => match w(1) {
            "TABLE" => Some(Relevant::DropTable),
            "INDEX" => Some(Relevant::DropIndex),
            _ => None,
        },
        "RENAME" if w(1) == "TABLE" => Some(Relevant::RenameTable),
        _ => None,
    }
}

fn describe(kind: Relevant) -> &'static str {
    match kind {
        Relevant::CreateTable => "CREATE TABLE",
        Relevant::CreateIndex => "CREATE INDEX",
        Relevant::AlterTable => "ALTER TABLE",
        Relevant::AlterIndex => "ALTER INDEX",
        Relevant::DropTable => "DROP TABLE",
        Relevant::DropIndex => "DROP INDEX",
        Relevant::RenameTable => "RENAME TABLE",
    }
}

fn read_statement(sql: &str, d: Dialect, events: &mut Vec<Change>) -> Result<(), String> {
    let words = first_words(sql, 8);
    let Some(kind) = classify(&words) else {
        return Ok(());
    };
    let failed = |why: String| format!("{} statement not understood: {why}", describe(kind));
    let mut tokens = tokenize(sql, d).map_err(|e| failed(e.to_string()))?;
    fix_tokens(&mut tokens, kind);
    if let Some(change) = rename_index_clause(&tokens, d) {
        events.push(change);
        return Ok(());
    }
    let statements = parse_tokens(tokens, d).map_err(|e| failed(e.to_string()))?;
    for statement in &statements {
        convert(statement, d, events);
    }
    Ok(())
}

/// The first words of a statement, upper-cased, without tokenizing all of it.
fn first_words(sql: &str, n: usize) -> Vec<String> {
    sql.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_ascii_uppercase)
        .collect()
}

/// Removes words sqlparser does not accept where Postgres does: `DROP INDEX CONCURRENTLY`
/// and `CREATE INDEX … ON ONLY t`. Neither changes what the schema holds.
fn fix_tokens(tokens: &mut Vec<TokenWithSpan>, kind: Relevant) {
    let significant: Vec<usize> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| !matches!(t.token, Token::Whitespace(_)))
        .map(|(i, _)| i)
        .collect();
    let is_word = |i: usize, w: &str| matches!(&tokens[i].token, Token::Word(word) if word.quote_style.is_none() && word.value.eq_ignore_ascii_case(w));
    let mut remove = Vec::new();
    match kind {
        Relevant::DropIndex => {
            if let Some(&i) = significant.get(2) {
                if is_word(i, "concurrently") {
                    remove.push(i);
                }
            }
        }
        Relevant::CreateIndex => {
            for pair in significant.windows(2) {
                if is_word(pair[0], "on") && is_word(pair[1], "only") {
                    remove.push(pair[1]);
                    break;
                }
            }
        }
        Relevant::CreateTable => {
            // MySQL's `PARTITION BY …` after the column list: sqlparser rejects it and it
            // changes no index. Cut from there.
            let mut depth = 0i32;
            let mut seen_list = false;
            for pair in significant.windows(2) {
                match &tokens[pair[0]].token {
                    Token::LParen => depth += 1,
                    Token::RParen => {
                        depth -= 1;
                        seen_list |= depth == 0;
                    }
                    _ => {}
                }
                if seen_list
                    && depth == 0
                    && is_word(pair[0], "partition")
                    && is_word(pair[1], "by")
                {
                    tokens.truncate(pair[0]);
                    return;
                }
            }
        }
        _ => {}
    }
    for i in remove.into_iter().rev() {
        tokens.remove(i);
    }
}

/// MySQL's `ALTER TABLE t RENAME INDEX|KEY a TO b`, which sqlparser does not read, as the
/// only clause of its statement.
fn rename_index_clause(tokens: &[TokenWithSpan], d: Dialect) -> Option<Change> {
    let sig: Vec<&Token> = tokens
        .iter()
        .map(|t| &t.token)
        .filter(|t| !matches!(t, Token::Whitespace(_) | Token::SemiColon | Token::EOF))
        .collect();
    fn word(t: &Token) -> Option<&sqlparser::tokenizer::Word> {
        match t {
            Token::Word(w) => Some(w),
            _ => None,
        }
    }
    let kw = |i: usize, k: &str| {
        sig.get(i)
            .and_then(|t| word(t))
            .is_some_and(|w| w.quote_style.is_none() && w.value.eq_ignore_ascii_case(k))
    };
    // ALTER TABLE [schema .] name RENAME INDEX a TO b
    let mut i = 2;
    if matches!(sig.get(i + 1), Some(Token::Period)) {
        i += 2;
    }
    let table = word(sig.get(i)?)?;
    let n = i + 1;
    if !(kw(0, "alter")
        && kw(1, "table")
        && kw(n, "rename")
        && (kw(n + 1, "index") || kw(n + 1, "key"))
        && kw(n + 3, "to")
        && sig.len() == n + 5)
    {
        return None;
    }
    let (from, to) = (word(sig[n + 2])?, word(sig[n + 4])?);
    let name = |w: &sqlparser::tokenizer::Word| d.stored_name(&w.value, w.quote_style.is_some());
    Some(Change::RenameIndex {
        table: Some(name(table)),
        from: name(from),
        to: name(to),
    })
}

fn convert(statement: &Statement, d: Dialect, events: &mut Vec<Change>) {
    match statement {
        Statement::CreateTable(ct) => {
            let Some(name) = object_last(&ct.name, d) else {
                return;
            };
            let mut table = TableDef {
                name: name.clone(),
                columns: Vec::new(),
                indexes: Vec::new(),
                foreign_keys: Vec::new(),
                if_not_exists: ct.if_not_exists,
            };
            for column in &ct.columns {
                let col = ident_name(&column.name, d);
                table.columns.push(ColumnDef {
                    name: col.clone(),
                    data_type: Some(column.data_type.to_string()),
                });
                let options = column.options.iter().map(|o| (&o.name, &o.option));
                for change in column_constraints(&name, &col, options, d) {
                    match change {
                        Change::AddIndex { index, .. } => table.indexes.push(index),
                        Change::AddForeignKey { foreign_key, .. } => {
                            table.foreign_keys.push(foreign_key)
                        }
                        _ => {}
                    }
                }
            }
            for constraint in &ct.constraints {
                match table_constraint(&name, constraint, d) {
                    Some(Change::AddIndex { index, .. }) => table.indexes.push(index),
                    Some(Change::AddForeignKey { foreign_key, .. }) => {
                        table.foreign_keys.push(foreign_key)
                    }
                    _ => {}
                }
            }
            name_unnamed(&mut table, d);
            events.push(Change::CreateTable(table));
        }
        Statement::CreateIndex(ci) => {
            if let Some(change) = create_index(ci, d) {
                events.push(change);
            }
        }
        Statement::AlterTable(at) => {
            let Some(table) = object_last(&at.name, d) else {
                return;
            };
            for op in &at.operations {
                alter_operation(&table, op, d, events);
            }
        }
        Statement::AlterIndex { name, operation } => {
            let AlterIndexOperation::RenameIndex { index_name } = operation;
            if let (Some(from), Some(to)) = (object_last(name, d), object_last(index_name, d)) {
                events.push(Change::RenameIndex {
                    table: None,
                    from,
                    to,
                });
            }
        }
        Statement::Drop {
            object_type,
            names,
            table,
            if_exists,
            ..
        } => match object_type {
            ObjectType::Table => {
                for n in names {
                    if let Some(table) = object_last(n, d) {
                        events.push(Change::DropTable {
                            table,
                            if_exists: *if_exists,
                        });
                    }
                }
            }
            ObjectType::Index => {
                let table = table.as_ref().and_then(|t| object_last(t, d));
                for n in names {
                    if let Some(name) = object_last(n, d) {
                        events.push(Change::DropIndex {
                            table: table.clone(),
                            name,
                            if_exists: *if_exists,
                        });
                    }
                }
            }
            _ => {}
        },
        Statement::RenameTable(renames) => {
            for r in renames {
                if let (Some(from), Some(to)) =
                    (object_last(&r.old_name, d), object_last(&r.new_name, d))
                {
                    events.push(Change::RenameTable { from, to });
                }
            }
        }
        _ => {}
    }
}

fn create_index(ci: &CreateIndex, d: Dialect) -> Option<Change> {
    let table = object_last(&ci.table_name, d)?;
    let keys: Vec<IndexKey> = ci.columns.iter().map(|c| index_key(c, d)).collect();
    let method = ci
        .using
        .as_ref()
        .map(index_type_name)
        .filter(|m| m != "btree");
    let mut index = IndexDef {
        name: ci.name.as_ref().and_then(|n| object_last(n, d)),
        kind: if ci.unique {
            IndexKind::Unique
        } else {
            IndexKind::Index
        },
        keys,
        predicate: ci.predicate.as_ref().map(|p| p.to_string()),
        method,
    };
    if index.name.is_none() {
        index.name = default_name(d, &table, &index);
    }
    Some(Change::AddIndex {
        table,
        index,
        if_not_exists: ci.if_not_exists,
    })
}

fn index_type_name(t: &IndexType) -> String {
    t.to_string().to_lowercase()
}

fn index_key(column: &IndexColumn, d: Dialect) -> IndexKey {
    let descending = matches!(column.column.options.sort, Some(OrderBySort::Desc));
    let opclass = column
        .operator_class
        .as_ref()
        .map(|o| o.to_string().to_lowercase());
    let plain = |name: String| IndexKey::Column {
        name,
        descending,
        opclass: opclass.clone(),
    };
    match key_column(&column.column.expr, d) {
        Some(name) => plain(name),
        None => IndexKey::Expression(expr_text(&column.column.expr, d)),
    }
}

/// The column an index key expression is, when it is one: a name, a parenthesised name, a
/// name with a collation, or MySQL's prefix key `email(10)`.
fn key_column(expr: &Expr, d: Dialect) -> Option<String> {
    match expr {
        Expr::Identifier(ident) => Some(ident_name(ident, d)),
        Expr::CompoundIdentifier(parts) => parts.last().map(|i| ident_name(i, d)),
        Expr::Nested(inner) | Expr::Collate { expr: inner, .. } => key_column(inner, d),
        Expr::Function(f) if d == Dialect::Mysql => {
            let sqlparser::ast::FunctionArguments::List(list) = &f.args else {
                return None;
            };
            let one_number = list.args.len() == 1
                && matches!(
                    &list.args[0],
                    sqlparser::ast::FunctionArg::Unnamed(sqlparser::ast::FunctionArgExpr::Expr(
                        Expr::Value(v)
                    )) if matches!(v.value, sqlparser::ast::Value::Number(..))
                );
            if one_number {
                object_last(&f.name, d)
            } else {
                None
            }
        }
        _ => None,
    }
}

fn column_list(columns: &[IndexColumn], d: Dialect) -> Vec<IndexKey> {
    columns.iter().map(|c| index_key(c, d)).collect()
}

fn table_constraint(table: &str, c: &TableConstraint, d: Dialect) -> Option<Change> {
    let index = |name: Option<String>, kind: IndexKind, keys: Vec<IndexKey>, method| {
        let mut index = IndexDef {
            name,
            kind,
            keys,
            predicate: None,
            method,
        };
        if index.name.is_none() {
            index.name = default_name(d, table, &index);
        }
        Some(Change::AddIndex {
            table: table.to_string(),
            index,
            if_not_exists: false,
        })
    };
    match c {
        TableConstraint::PrimaryKey(pk) => index(
            pk.name.as_ref().map(|n| ident_name(n, d)),
            IndexKind::PrimaryKey,
            column_list(&pk.columns, d),
            None,
        ),
        TableConstraint::Unique(u) => index(
            u.name
                .as_ref()
                .or(u.index_name.as_ref())
                .map(|n| ident_name(n, d)),
            IndexKind::Unique,
            column_list(&u.columns, d),
            u.index_type.as_ref().map(index_type_name),
        ),
        TableConstraint::Index(i) => index(
            i.name.as_ref().map(|n| ident_name(n, d)),
            IndexKind::Index,
            column_list(&i.columns, d),
            i.index_type
                .as_ref()
                .map(index_type_name)
                .filter(|m| m != "btree"),
        ),
        TableConstraint::FulltextOrSpatial(f) => index(
            f.opt_index_name.as_ref().map(|n| ident_name(n, d)),
            IndexKind::Index,
            column_list(&f.columns, d),
            Some(if f.fulltext { "fulltext" } else { "spatial" }.to_string()),
        ),
        TableConstraint::ForeignKey(fk) => {
            let columns: Vec<String> = fk.columns.iter().map(|c| ident_name(c, d)).collect();
            let mut foreign_key = ForeignKeyDef {
                name: fk.name.as_ref().map(|n| ident_name(n, d)),
                references_table: object_last(&fk.foreign_table, d)?,
                references_columns: fk
                    .referred_columns
                    .iter()
                    .map(|c| ident_name(c, d))
                    .collect(),
                columns,
                enforced: true,
            };
            if foreign_key.name.is_none() && d == Dialect::Postgres {
                foreign_key.name = Some(pg_name(table, &foreign_key.columns, "fkey"));
            }
            Some(Change::AddForeignKey {
                table: table.to_string(),
                foreign_key,
            })
        }
        _ => None,
    }
}

/// Constraints written on a column (`PRIMARY KEY`, `UNIQUE`, `REFERENCES t(c)`).
fn column_constraints<'a>(
    table: &str,
    column: &str,
    options: impl Iterator<Item = (&'a Option<sqlparser::ast::Ident>, &'a ColumnOption)>,
    d: Dialect,
) -> Vec<Change> {
    let mut changes = Vec::new();
    let cols = [column.to_string()];
    for (name, option) in options {
        let name = name.as_ref().map(|n| ident_name(n, d));
        let keys = vec![IndexKey::column(column)];
        let (kind, inner_name) = match option {
            ColumnOption::PrimaryKey(pk) => (IndexKind::PrimaryKey, pk.name.as_ref()),
            ColumnOption::Unique(u) => (IndexKind::Unique, u.name.as_ref()),
            ColumnOption::ForeignKey(fk) => {
                let Some(references_table) = object_last(&fk.foreign_table, d) else {
                    continue;
                };
                let name = name
                    .or_else(|| fk.name.as_ref().map(|n| ident_name(n, d)))
                    .or_else(|| (d == Dialect::Postgres).then(|| pg_name(table, &cols, "fkey")));
                changes.push(Change::AddForeignKey {
                    table: table.to_string(),
                    foreign_key: ForeignKeyDef {
                        name,
                        columns: cols.to_vec(),
                        references_table,
                        references_columns: fk
                            .referred_columns
                            .iter()
                            .map(|c| ident_name(c, d))
                            .collect(),
                        enforced: true,
                    },
                });
                continue;
            }
            _ => continue,
        };
        let mut index = IndexDef {
            name: name.or_else(|| inner_name.map(|n| ident_name(n, d))),
            kind,
            keys,
            predicate: None,
            method: None,
        };
        if index.name.is_none() {
            index.name = default_name(d, table, &index);
        }
        changes.push(Change::AddIndex {
            table: table.to_string(),
            index,
            if_not_exists: false,
        });
    }
    changes
}

fn alter_operation(table: &str, op: &AlterTableOperation, d: Dialect, events: &mut Vec<Change>) {
    let t = || table.to_string();
    match op {
        AlterTableOperation::AddConstraint { constraint, .. } => {
            if let Some(change) = table_constraint(table, constraint, d) {
                events.push(change);
            }
        }
        AlterTableOperation::AddColumn { column_def, .. } => {
            let col = ident_name(&column_def.name, d);
            events.push(Change::AddColumn {
                table: t(),
                column: ColumnDef {
                    name: col.clone(),
                    data_type: Some(column_def.data_type.to_string()),
                },
            });
            let options = column_def.options.iter().map(|o| (&o.name, &o.option));
            events.extend(column_constraints(table, &col, options, d));
        }
        AlterTableOperation::DropConstraint { name, .. }
        | AlterTableOperation::DropForeignKey { name, .. } => events.push(Change::DropConstraint {
            table: t(),
            name: ident_name(name, d),
        }),
        AlterTableOperation::DropColumn { column_names, .. } => {
            for c in column_names {
                events.push(Change::DropColumn {
                    table: t(),
                    column: ident_name(c, d),
                });
            }
        }
        AlterTableOperation::DropPrimaryKey { .. } => {
            events.push(Change::DropPrimaryKey { table: t() })
        }
        AlterTableOperation::DropIndex { name } => events.push(Change::DropIndex {
            table: Some(t()),
            name: ident_name(name, d),
            if_exists: false,
        }),
        AlterTableOperation::RenameColumn {
            old_column_name,
            new_column_name,
        } => events.push(Change::RenameColumn {
            table: t(),
            from: ident_name(old_column_name, d),
            to: ident_name(new_column_name, d),
        }),
        AlterTableOperation::RenameTable { table_name } => {
            let (RenameTableNameKind::As(n) | RenameTableNameKind::To(n)) = table_name;
            if let Some(to) = object_last(n, d) {
                events.push(Change::RenameTable { from: t(), to });
            }
        }
        AlterTableOperation::ChangeColumn {
            old_name,
            new_name,
            options,
            ..
        } => {
            let from = ident_name(old_name, d);
            let to = ident_name(new_name, d);
            if !d.same_name(&from, &to) {
                events.push(Change::RenameColumn {
                    table: t(),
                    from,
                    to: to.clone(),
                });
            }
            let none = None;
            events.extend(column_constraints(
                table,
                &to,
                options.iter().map(|o| (&none, o)),
                d,
            ));
        }
        AlterTableOperation::ModifyColumn {
            col_name, options, ..
        } => {
            let none = None;
            let col = ident_name(col_name, d);
            events.extend(column_constraints(
                table,
                &col,
                options.iter().map(|o| (&none, o)),
                d,
            ));
        }
        AlterTableOperation::RenameConstraint { old_name, new_name } => {
            events.push(Change::RenameIndex {
                table: Some(t()),
                from: ident_name(old_name, d),
                to: ident_name(new_name, d),
            })
        }
        _ => {}
    }
}

/// Names the database makes up for unnamed indexes of a new table, so that a later
/// `DROP INDEX` or `DROP CONSTRAINT` by that name finds them. MySQL names an unnamed key after
/// its first column and adds `_2`, `_3` on a clash.
fn name_unnamed(table: &mut TableDef, d: Dialect) {
    if d != Dialect::Mysql {
        return;
    }
    let mut taken: Vec<String> = table
        .indexes
        .iter()
        .filter_map(|i| i.name.clone())
        .collect();
    for index in &mut table.indexes {
        if index.name.is_some() || index.kind == IndexKind::PrimaryKey {
            continue;
        }
        let Some(first) = index.keys.first().and_then(|k| k.column_name()) else {
            continue;
        };
        let mut name = first.to_string();
        let mut n = 2;
        while taken.iter().any(|t| d.same_name(t, &name)) {
            name = format!("{first}_{n}");
            n += 1;
        }
        taken.push(name.clone());
        index.name = Some(name);
    }
}

/// The name Postgres or MySQL gives an unnamed key; `None` where the database's own scheme
/// is not modelled (SQLite's `sqlite_autoindex_…`, which cannot be dropped anyway).
fn default_name(d: Dialect, table: &str, index: &IndexDef) -> Option<String> {
    match d {
        Dialect::Postgres => {
            let cols: Vec<String> = index
                .keys
                .iter()
                .map(|k| match k {
                    IndexKey::Column { name, .. } => name.clone(),
                    IndexKey::Expression(e) => e
                        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .find(|w| !w.is_empty())
                        .unwrap_or("expr")
                        .to_string(),
                })
                .collect();
            Some(match index.kind {
                IndexKind::PrimaryKey => pg_truncate(format!("{table}_pkey")),
                IndexKind::Unique => pg_name(table, &cols, "key"),
                IndexKind::Index => pg_name(table, &cols, "idx"),
            })
        }
        Dialect::Mysql if index.kind == IndexKind::PrimaryKey => Some("PRIMARY".to_string()),
        // MySQL names an unnamed key after its first column (`_2`… on a clash, see
        // `name_unnamed` for keys of a new table).
        Dialect::Mysql => index.keys.first()?.column_name().map(str::to_string),
        _ => None,
    }
}

fn pg_name(table: &str, columns: &[String], suffix: &str) -> String {
    pg_truncate(format!("{table}_{}_{suffix}", columns.join("_")))
}

fn pg_truncate(mut name: String) -> String {
    if name.len() > 63 {
        let mut cut = 63;
        while !name.is_char_boundary(cut) {
            cut -= 1;
        }
        name.truncate(cut);
    }
    name
}
