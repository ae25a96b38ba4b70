//! Whole migration folders as repositories hold them: picked, ordered and applied.
#![allow(clippy::unwrap_used)]

use shipshape_schema::{
    check_query, order_migrations, parse_ddl, parse_query, Dialect, FileId, Schema,
};

/// Applies the schema files among `files` in migration order; returns the schema and the
/// paths applied.
fn build(files: &[(&str, &str)], d: Dialect) -> (Schema, Vec<String>) {
    let order = order_migrations(files.iter().map(|(p, _)| *p));
    let mut schema = Schema::new(d);
    for (i, path) in order.iter().enumerate() {
        let text = files.iter().find(|(p, _)| p == path).unwrap().1;
        let out = parse_ddl(text, d);
        assert!(out.diagnostics.is_empty(), "{path}: {:?}", out.diagnostics);
        let notes = schema.apply(FileId(i as u32), &out.events);
        assert!(notes.is_empty(), "{path}: {notes:?}");
    }
    (schema, order.into_iter().map(str::to_string).collect())
}

#[test]
fn diesel_folder_applies_up_sql_in_date_order_and_never_down_sql() {
    let files = [
        (
            "migrations/00000000000000_diesel_initial_setup/up.sql",
            "CREATE OR REPLACE FUNCTION diesel_manage_updated_at(_tbl regclass) RETURNS VOID AS $$\nBEGIN\n  EXECUTE format('CREATE TRIGGER set_updated_at BEFORE UPDATE ON %s FOR EACH ROW EXECUTE PROCEDURE diesel_set_updated_at()', _tbl);\nEND;\n$$ LANGUAGE plpgsql;",
        ),
        (
            "migrations/00000000000000_diesel_initial_setup/down.sql",
            "DROP FUNCTION IF EXISTS diesel_manage_updated_at(_tbl regclass);",
        ),
        (
            "migrations/2024-03-10-091500_add_posts_author_index/up.sql",
            "CREATE INDEX posts_author_id_idx ON posts (author_id);\nDROP INDEX posts_title_idx;",
        ),
        (
            "migrations/2024-03-10-091500_add_posts_author_index/down.sql",
            "DROP INDEX posts_author_id_idx;\nCREATE INDEX posts_title_idx ON posts (title);",
        ),
        (
            "migrations/2024-01-02-120000_create_posts/up.sql",
            "CREATE TABLE posts (\n  id SERIAL PRIMARY KEY,\n  author_id INTEGER NOT NULL,\n  title VARCHAR NOT NULL,\n  published BOOLEAN NOT NULL DEFAULT FALSE\n);\nCREATE INDEX posts_title_idx ON posts (title);",
        ),
        ("migrations/2024-01-02-120000_create_posts/down.sql", "DROP TABLE posts;"),
        ("migrations/.keep", ""),
    ];
    let (schema, order) = build(&files, Dialect::Postgres);
    assert_eq!(
        order,
        [
            "migrations/00000000000000_diesel_initial_setup/up.sql",
            "migrations/2024-01-02-120000_create_posts/up.sql",
            "migrations/2024-03-10-091500_add_posts_author_index/up.sql",
        ]
    );
    let posts = schema.table("posts").unwrap();
    assert_eq!(posts.origin.file, FileId(1));
    let facts = parse_query(
        "SELECT * FROM posts WHERE author_id = $1 AND title = $2",
        Dialect::Postgres,
    )
    .unwrap();
    let c = check_query(&schema, &facts);
    let by_col = |col: &str| c.uses.iter().find(|u| u.column == col).unwrap();
    assert!(
        by_col("author_id").verdict.covered(),
        "added by a later up.sql"
    );
    assert!(
        !by_col("title").verdict.covered(),
        "dropped by a later up.sql"
    );
}

#[test]
fn prisma_migrations_folder() {
    let files = [
        (
            "prisma/migrations/20240105093000_orders_email/migration.sql",
            "-- CreateIndex\nCREATE INDEX \"Order_customerEmail_idx\" ON \"Order\"(\"customerEmail\");",
        ),
        (
            "prisma/migrations/20231201000000_init/migration.sql",
            "-- CreateTable\nCREATE TABLE \"Order\" (\n    \"id\" SERIAL NOT NULL,\n    \"customerEmail\" TEXT NOT NULL,\n\n    CONSTRAINT \"Order_pkey\" PRIMARY KEY (\"id\")\n);",
        ),
        ("prisma/migrations/migration_lock.toml", "provider = \"postgresql\""),
        ("prisma/schema.prisma", ""),
    ];
    let (schema, order) = build(&files, Dialect::Postgres);
    assert_eq!(order.len(), 2);
    assert!(order[0].contains("20231201000000_init"));
    let t = schema.table("Order").unwrap();
    assert!(
        schema.table("order").is_none(),
        "Postgres keeps quoted case"
    );
    assert_eq!(t.indexes.len(), 2);
}

#[test]
fn mysql_numbered_migrations_with_rollbacks_beside_them() {
    let files = [
        ("db/migrations/001_users.up.sql", "CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL, org_id INT NOT NULL) ENGINE=InnoDB;"),
        ("db/migrations/001_users.down.sql", "DROP TABLE users;"),
        ("db/migrations/002_users_email.up.sql", "ALTER TABLE users ADD UNIQUE INDEX users_email_uq (email);"),
        ("db/migrations/002_users_email.down.sql", "ALTER TABLE users DROP INDEX users_email_uq;"),
        ("db/migrations/010_users_org.up.sql", "CREATE INDEX users_org_idx ON users (org_id);"),
        ("db/migrations/010_users_org.down.sql", "DROP INDEX users_org_idx ON users;"),
    ];
    let (schema, order) = build(&files, Dialect::Mysql);
    assert_eq!(
        order,
        [
            "db/migrations/001_users.up.sql",
            "db/migrations/002_users_email.up.sql",
            "db/migrations/010_users_org.up.sql",
        ]
    );
    let users = schema.table("USERS").unwrap();
    assert_eq!(users.indexes.len(), 3);
}
