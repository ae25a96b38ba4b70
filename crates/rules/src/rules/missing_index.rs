//! `missing-index`: a query filters or sorts on columns that no index of the repository's
//! schema serves. A repository-level rule: the schema may live in another language than the
//! query (see [`crate::db_join`]).

use shipshape_core::{Family, Level, Precision, RuleMeta};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "missing-index",
    name: "MissingIndex",
    short_description: "A query filters or sorts on columns no index serves",
    full_description: "A query (raw SQL, or an ORM call such as filter, findMany or where) \
        filters, joins or sorts on a column that no index of the repository's schema starts \
        with: not the primary key, not a unique constraint, not the leftmost column of an \
        index (or the next one after columns the query fixes). On a large table the database \
        reads every row for it. The schema comes from the repository's SQL migrations, Prisma \
        schema and ORM models, whatever language they are in; tables the schema does not \
        define are never guessed at. A hint: small tables, or columns whose index lives outside \
        the repository, are fine.",
    family: Family::MissingIndex,
    cwes: &[],
    security: false,
    security_severity: None,
    default_level: Level::Note,
    precision: Precision::Medium,
    languages: &[
        "Python",
        "JavaScript",
        "TypeScript",
        "Rust",
        "SQL",
        "Prisma",
    ],
    help_markdown: include_str!("../../../../docs/rules/missing-index.md"),
};
