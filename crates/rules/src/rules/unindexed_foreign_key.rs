//! `unindexed-foreign-key`: a foreign key of the repository's SQL schema that no index starts
//! with, on a database that does not index foreign keys by itself (see [`crate::db_join`]).

use shipshape_core::{Family, Level, Precision, RuleMeta};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "unindexed-foreign-key",
    name: "UnindexedForeignKey",
    short_description: "A foreign key that no index starts with",
    full_description: "A foreign key declared in the repository's schema (SQL migrations or a \
        Prisma schema) has no index whose leading columns are its columns. PostgreSQL and \
        SQLite do not create one by themselves (MySQL's InnoDB does), so every join from the \
        referenced table, and every delete or key update there (which checks for referencing \
        rows), reads the whole referencing table.",
    family: Family::MissingIndex,
    cwes: &[],
    security: false,
    security_severity: None,
    default_level: Level::Note,
    precision: Precision::High,
    languages: &["SQL", "Prisma"],
    help_markdown: include_str!("../../../../docs/rules/unindexed-foreign-key.md"),
};
