//! Real-looking schema files for each dialect, read and applied to a schema.

use shipshape_schema::{
    parse_ddl, Change, Dialect, FileId, IndexKey, IndexKind, Origin, Schema, Table,
};

fn load(text: &str, d: Dialect) -> (Schema, Vec<shipshape_schema::Diagnostic>) {
    let out = parse_ddl(text, d);
    let mut schema = Schema::new(d);
    let notes = schema.apply(FileId(7), &out.events);
    assert!(notes.is_empty(), "{notes:?}");
    (schema, out.diagnostics)
}

fn index_names(t: &Table) -> Vec<&str> {
    t.indexes
        .iter()
        .filter_map(|i| i.def.name.as_deref())
        .collect()
}

fn keys(t: &Table, name: &str) -> Vec<String> {
    let i = t
        .indexes
        .iter()
        .find(|i| i.def.name.as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no index {name} in {:?}", index_names(t)));
    i.def.keys.iter().map(IndexKey::display).collect()
}

#[test]
fn postgres_dump_with_functions_copy_and_only() {
    let (schema, diags) = load(include_str!("fixtures/pg_structure.sql"), Dialect::Postgres);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(schema.len(), 2);
    let customers = schema.table("customers").unwrap();
    assert_eq!(customers.origin, Origin::new(FileId(7), 24));
    assert!(customers.has_column(Dialect::Postgres, "displayName"));
    assert!(!customers.has_column(Dialect::Postgres, "displayname"));
    assert_eq!(keys(customers, "customers_pkey"), ["id"]);
    assert_eq!(
        keys(customers, "index_customers_on_lower_email"),
        ["lower(email)"]
    );

    let orders = schema.table("public.orders").unwrap();
    assert_eq!(
        orders.primary_key().unwrap().def.keys,
        [IndexKey::column("id")]
    );
    assert_eq!(
        keys(orders, "index_orders_on_customer_id_and_created_at"),
        ["customer_id", "created_at DESC"]
    );
    let partial = orders
        .indexes
        .iter()
        .find(|i| i.def.name.as_deref() == Some("index_orders_on_status"))
        .unwrap();
    assert_eq!(
        partial.def.predicate.as_deref(),
        Some("(deleted_at IS NULL)")
    );
    let gin = orders
        .indexes
        .iter()
        .find(|i| i.def.method.as_deref() == Some("gin"))
        .unwrap();
    assert!(
        matches!(&gin.def.keys[0], IndexKey::Column { opclass: Some(o), .. } if o == "gin_trgm_ops")
    );
    assert_eq!(orders.foreign_keys.len(), 1);
    let fk = &orders.foreign_keys[0].def;
    assert_eq!(fk.columns, ["customer_id"]);
    assert_eq!(fk.references_table, "customers");
    assert_eq!(orders.foreign_keys[0].origin.line, 72);
}

#[test]
fn mysql_dump_with_backticks_delimiters_and_inline_keys() {
    let (schema, diags) = load(include_str!("fixtures/mysql_dump.sql"), Dialect::Mysql);
    assert!(diags.is_empty(), "{diags:?}");
    let customers = schema.table("CUSTOMERS").unwrap();
    assert!(customers.has_column(Dialect::Mysql, "email"));
    assert_eq!(keys(customers, "uk_customers_email"), ["Email"]);
    assert_eq!(
        customers.primary_key().unwrap().def.name.as_deref(),
        Some("PRIMARY")
    );

    let orders = schema.table("orders").unwrap();
    // The composite key was dropped later, the prefix key `note(32)` was named `note` and
    // dropped by that name, the ALTER added idx_orders_created.
    let mut names = index_names(orders);
    names.sort();
    assert_eq!(names, ["PRIMARY", "ft_note", "idx_orders_created"]);
    assert_eq!(
        orders
            .indexes
            .iter()
            .find(|i| i.def.name.as_deref() == Some("ft_note"))
            .unwrap()
            .def
            .method
            .as_deref(),
        Some("fulltext")
    );
    assert_eq!(
        orders.foreign_keys[0].def.name.as_deref(),
        Some("fk_orders_customer")
    );
}

#[test]
fn sqlite_schema_with_quoted_names_triggers_and_partial_index() {
    let (schema, diags) = load(include_str!("fixtures/sqlite_schema.sql"), Dialect::Sqlite);
    assert!(diags.is_empty(), "{diags:?}");
    let users = schema
        .table("users")
        .expect("\"Users\" compares case-insensitively");
    assert_eq!(users.name, "Users");
    assert!(users.has_column(Dialect::Sqlite, "last login"));
    let uniques: Vec<_> = users
        .indexes
        .iter()
        .filter(|i| i.def.kind == IndexKind::Unique)
        .collect();
    assert_eq!(uniques.len(), 1);
    assert_eq!(keys(users, "users_email_nocase"), ["email"]);
    let partial = users
        .indexes
        .iter()
        .find(|i| i.def.name.as_deref() == Some("users_org"))
        .unwrap();
    assert!(partial.def.predicate.is_some());
    assert_eq!(users.foreign_keys[0].def.references_table, "orgs");
    let orgs = schema.table("orgs").unwrap();
    assert_eq!(orgs.indexes.len(), 2, "primary key and UNIQUE (slug)");
}

#[test]
fn a_rejected_statement_costs_only_itself() {
    let sql = "CREATE TABLE a (id int PRIMARY KEY);\n\
               CREATE TABLE b (LIKE a INCLUDING ALL);\n\
               CREATE TABLE c (id int, a_id int REFERENCES a (id));\n\
               CREATE INDEX c_a ON c (a_id);";
    let out = parse_ddl(sql, Dialect::Postgres);
    assert_eq!(out.diagnostics.len(), 1, "{:?}", out.diagnostics);
    assert_eq!(out.diagnostics[0].line, 2);
    assert!(out.diagnostics[0]
        .message
        .starts_with("CREATE TABLE statement not understood"));
    let lines: Vec<u32> = out.events.iter().map(|e| e.line).collect();
    assert_eq!(lines, [1, 3, 4]);
}

#[test]
fn garbage_between_statements_is_reported_not_fatal() {
    let sql = "CREATE TABLE a (id int);\nCREATE INDEX ON ;\nALTER TABLE a ADD COLUMN b int UNIQUE;";
    let out = parse_ddl(sql, Dialect::Postgres);
    assert_eq!(out.diagnostics.len(), 1);
    assert_eq!(out.diagnostics[0].line, 2);
    assert_eq!(out.events.len(), 3, "{:?}", out.events);
    assert!(
        matches!(&out.events[2].change, Change::AddIndex { index, .. }
        if index.kind == IndexKind::Unique && index.name.as_deref() == Some("a_b_key"))
    );
}

#[test]
fn deep_nesting_in_a_check_constraint_is_a_diagnostic() {
    let deep = format!(
        "CREATE TABLE t (x int CHECK ({}x > 0{}));\nCREATE INDEX t_x ON t (x);",
        "(".repeat(200),
        ")".repeat(200)
    );
    let out = parse_ddl(&deep, Dialect::Postgres);
    assert_eq!(out.diagnostics.len(), 1);
    assert!(out.diagnostics[0].message.contains("nested too deeply"));
    assert_eq!(out.events.len(), 1);
}

#[test]
fn postgres_index_forms() {
    let sql = r#"
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Idx_Email" ON public."Users" USING btree (lower(email), (data->>'kind'), created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX ON ONLY orders (customer_id);
DROP INDEX CONCURRENTLY IF EXISTS public.old_idx;
ALTER INDEX orders_customer_id_idx RENAME TO idx_orders_customer;
"#;
    let out = parse_ddl(sql, Dialect::Postgres);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    let Change::AddIndex {
        table,
        index,
        if_not_exists,
    } = &out.events[0].change
    else {
        panic!("{:?}", out.events[0]);
    };
    assert_eq!(table, "Users");
    assert!(if_not_exists);
    assert_eq!(index.name.as_deref(), Some("Idx_Email"));
    assert_eq!(index.kind, IndexKind::Unique);
    let k: Vec<String> = index.keys.iter().map(IndexKey::display).collect();
    assert_eq!(k, ["lower(email)", "(data->>'kind')", "created_at DESC"]);
    assert_eq!(index.predicate.as_deref(), Some("deleted_at IS NULL"));
    assert!(
        matches!(&out.events[1].change, Change::AddIndex { index, .. }
        if index.name.as_deref() == Some("orders_customer_id_idx"))
    );
    assert_eq!(
        out.events[2].change,
        Change::DropIndex {
            table: None,
            name: "old_idx".into(),
            if_exists: true
        }
    );
    assert_eq!(
        out.events[3].change,
        Change::RenameIndex {
            table: None,
            from: "orders_customer_id_idx".into(),
            to: "idx_orders_customer".into()
        }
    );
}

#[test]
fn migrations_applied_in_order_add_drop_and_rename() {
    let d = Dialect::Postgres;
    let steps = [
        "CREATE TABLE orders (id serial PRIMARY KEY, customer_email text, status text, placed_at timestamptz);",
        "CREATE INDEX idx_orders_email ON orders (customer_email);\nCREATE INDEX idx_orders_status ON orders (status, placed_at);",
        "DROP INDEX idx_orders_email;",
        "ALTER TABLE orders RENAME COLUMN status TO state;\nALTER TABLE orders RENAME TO purchases;",
        "ALTER TABLE purchases ADD CONSTRAINT purchases_email_key UNIQUE (customer_email);",
        "ALTER TABLE purchases DROP COLUMN placed_at;",
    ];
    let mut schema = Schema::new(d);
    for (i, sql) in steps.iter().enumerate() {
        let out = parse_ddl(sql, d);
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        let notes = schema.apply(FileId(i as u32), &out.events);
        assert!(notes.is_empty(), "step {i}: {notes:?}");
    }
    assert!(schema.table("orders").is_none());
    let t = schema.table("purchases").unwrap();
    assert_eq!(t.origin.file, FileId(0));
    let mut names = index_names(t);
    names.sort();
    // Dropping placed_at dropped the composite index that used it (Postgres).
    assert_eq!(names, ["orders_pkey", "purchases_email_key"]);
    let unique = t
        .indexes
        .iter()
        .find(|i| i.def.kind == IndexKind::Unique)
        .unwrap();
    assert_eq!(unique.origin, Origin::new(FileId(4), 1));
    assert!(t.has_column(d, "state"));
    assert!(!t.has_column(d, "status"));
}

#[test]
fn mysql_drop_column_shrinks_a_composite_index() {
    let d = Dialect::Mysql;
    let sql = "CREATE TABLE t (a int, b int, KEY ab (a, b));\nALTER TABLE t DROP COLUMN b;";
    let (schema, _) = load(sql, d);
    assert_eq!(keys(schema.table("t").unwrap(), "ab"), ["a"]);
}

#[test]
fn unknown_targets_become_apply_notes() {
    let d = Dialect::Postgres;
    let out = parse_ddl("CREATE INDEX i ON nowhere (x);\nDROP INDEX ghost;", d);
    let mut schema = Schema::new(d);
    let notes = schema.apply(FileId(1), &out.events);
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0].origin.line, 1);
    assert!(notes[0].message.contains("nowhere"));
    assert!(notes[1].message.contains("ghost"));
    assert!(schema.is_empty());
}

#[test]
fn create_table_if_not_exists_keeps_the_first_definition() {
    let sql = "CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nCREATE TABLE IF NOT EXISTS t (a int, b int);";
    let (schema, _) = load(sql, Dialect::Sqlite);
    let t = schema.table("t").unwrap();
    assert_eq!(t.columns.len(), 1);
    assert_eq!(t.indexes.len(), 1);
}

#[test]
fn mysql_forms_sqlparser_lacks_rename_index_and_partitions() {
    let sql = "CREATE TABLE `events` (`id` bigint NOT NULL, `at` datetime NOT NULL, `kind` varchar(20), PRIMARY KEY (`id`, `at`), KEY `k` (`kind`)) ENGINE=InnoDB PARTITION BY RANGE (YEAR(`at`)) (PARTITION p0 VALUES LESS THAN (2025));\n\
               ALTER TABLE `events` RENAME INDEX `k` TO `idx_events_kind`;\n\
               ALTER TABLE events MODIFY COLUMN kind varchar(20) NOT NULL UNIQUE;";
    let (schema, diags) = load(sql, Dialect::Mysql);
    assert!(diags.is_empty(), "{diags:?}");
    let t = schema.table("events").unwrap();
    let mut names = index_names(t);
    names.sort();
    assert_eq!(names, ["PRIMARY", "idx_events_kind", "kind"]);
}

#[test]
fn renamed_constraints_keep_their_foreign_keys() {
    let sql = "CREATE TABLE a (id int PRIMARY KEY);\n\
               CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));\n\
               ALTER TABLE b RENAME CONSTRAINT b_a_id_fkey TO b_a_fk;\n\
               ALTER TABLE b DROP CONSTRAINT b_a_fk;";
    let (schema, _) = load(sql, Dialect::Postgres);
    assert!(schema.table("b").unwrap().foreign_keys.is_empty());
}
