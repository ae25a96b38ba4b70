//! What shipshape knows about databases, apart from any source file: SQL migrations and
//! Prisma schemas become a [`Schema`] (tables, columns, keys, indexes, foreign keys, each with
//! where it was declared); a raw SQL string found in code becomes [`QueryFacts`] (the columns
//! it filters, joins, sorts and groups by); and [`check_query`] decides, with a reason a person
//! can act on, whether an index serves each use.
//!
//! The crate parses text it is given and nothing else: no filesystem, no tree-sitter. The
//! engine extracts SQL strings and ORM facts from code, calls this crate, and joins the results
//! per repository.
//!
//! # Names and case
//!
//! Names are kept as the database stores them and compared with the dialect's rule
//! ([`Dialect::key`]):
//! - **Postgres** folds unquoted identifiers to lower case and keeps quoted ones exactly, so
//!   `CREATE TABLE "Users"` and `SELECT … FROM users` name different tables, as they do in the
//!   database.
//! - **MySQL, SQLite and the generic dialect** compare names case-insensitively, quoted or not
//!   (MySQL's table-name case depends on the server's file system; treating it as
//!   insensitive finds the table either way).
//! - Schema qualifiers are dropped: `public.orders`, `billing.orders` and `orders` are one
//!   table. Repositories rarely define a table twice in different schemas, and queries usually
//!   rely on the search path.
//! - Names that callers declare (ORM facts) are taken as stored names: pass them as the ORM
//!   sends them to the database.
//!
//! # Migration order
//!
//! [`order_migrations`] picks a repository's schema files out of its `.sql` paths and orders
//! them; the rules are documented there.
#![deny(missing_docs)]

mod coverage;
mod ddl;
mod dialect;
mod migrations;

mod model;
mod normalize;
mod parse;
mod placeholders;
mod prisma;
mod query;

mod split;

pub use coverage::{
    check_query, judge, resolve_table, suggest_index, unindexed_foreign_keys, GroupCoverage,
    QueryCoverage, Served, SkipReason, UnindexedForeignKey, UseCoverage, Verdict,
};
pub use ddl::{parse_ddl, Change, DdlOutput, Diagnostic, SchemaEvent};
pub use dialect::{Dialect, UnknownDialect};
pub use migrations::{classify_sql_path, natural_cmp, order_migrations, SqlFileRole};
pub use model::{
    ApplyNote, ColumnDef, FileId, ForeignKey, ForeignKeyDef, Index, IndexDef, IndexKey, IndexKind,
    Origin, Schema, Table, TableDef,
};
pub use normalize::normalize_expression;
pub use prisma::{parse_prisma, PrismaField, PrismaModel, PrismaSchema};
pub use query::{
    parse_query, ColumnUse, FilterGroup, QueryError, QueryFacts, StatementKind, TableUse, UseKind,
};
