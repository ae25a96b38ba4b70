//! Schema + query → whether an index serves each use, and why.

use shipshape_schema::{
    check_query, parse_ddl, parse_query, unindexed_foreign_keys, Dialect, FileId, QueryCoverage,
    Schema, UseKind,
};

const SHOP_PG: &str = r#"
CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    email text NOT NULL UNIQUE,
    region text,
    name text
);
CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    customer_email text NOT NULL,
    status text NOT NULL,
    total_cents integer NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    note text
);
CREATE INDEX idx_orders_customer_created ON orders (customer_id, created_at);
CREATE INDEX idx_orders_status_total ON orders (status, total_cents);
CREATE INDEX idx_orders_open ON orders (created_at) WHERE deleted_at IS NULL;
CREATE INDEX idx_customers_lower_name ON customers (lower(name));
CREATE INDEX idx_orders_note_trgm ON orders USING gin (note gin_trgm_ops);
CREATE TABLE line_items (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (id),
    sku text NOT NULL
);
"#;

fn schema(sql: &str, d: Dialect) -> Schema {
    let out = parse_ddl(sql, d);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    let mut s = Schema::new(d);
    let notes = s.apply(FileId(3), &out.events);
    assert!(notes.is_empty(), "{notes:?}");
    s
}

fn check(s: &Schema, sql: &str) -> QueryCoverage {
    let facts = parse_query(sql, s.dialect()).unwrap_or_else(|e| panic!("{e}"));
    check_query(s, &facts)
}

/// `(message, covered)` for the use of `column` with `kind`.
fn verdict(c: &QueryCoverage, column: &str, kind: UseKind) -> (String, bool) {
    let u = c
        .uses
        .iter()
        .find(|u| u.column == column && u.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} use of {column} in {c:#?}"));
    (u.message(), u.verdict.covered())
}

#[test]
fn keys_unique_and_leftmost_columns_are_covered() {
    let s = schema(SHOP_PG, Dialect::Postgres);
    let c = check(&s, "SELECT * FROM orders WHERE id = $1");
    assert_eq!(
        verdict(&c, "id", UseKind::Eq),
        (
            "filter on orders.id: id is the primary key".to_string(),
            true
        )
    );
    let c = check(&s, "SELECT * FROM customers WHERE email = $1");
    let (msg, ok) = verdict(&c, "email", UseKind::Eq);
    assert!(ok);
    assert_eq!(
        msg,
        "filter on customers.email: unique index customers_email_key (email) starts with email"
    );
    let c = check(&s, "SELECT * FROM orders WHERE customer_id = $1");
    let (msg, ok) = verdict(&c, "customer_id", UseKind::Eq);
    assert!(ok, "{msg}");
    assert!(msg
        .contains("idx_orders_customer_created (customer_id, created_at) starts with customer_id"));
}

#[test]
fn missing_index_names_the_column_and_fixes_in_the_dialect() {
    let s = schema(SHOP_PG, Dialect::Postgres);
    let c = check(&s, "SELECT * FROM orders WHERE customer_email = %s");
    let u = &c.uses[0];
    assert_eq!(
        u.message(),
        "filter on orders.customer_email: no index starts with customer_email"
    );
    assert_eq!(
        u.fix.as_deref(),
        Some("CREATE INDEX CONCURRENTLY idx_orders_customer_email ON orders (customer_email);")
    );
    assert_eq!(u.table_origin.line, 8);
    assert_eq!(u.table_origin.file, FileId(3));

    for (d, fix) in [
        (
            Dialect::Mysql,
            "CREATE INDEX idx_orders_customer_email ON orders (customer_email);",
        ),
        (
            Dialect::Sqlite,
            "CREATE INDEX idx_orders_customer_email ON orders (customer_email);",
        ),
    ] {
        let s = schema(
            "CREATE TABLE orders (id integer PRIMARY KEY, customer_email varchar(200));",
            d,
        );
        let c = check(&s, "SELECT * FROM orders WHERE customer_email = ?");
        assert!(!c.uses[0].verdict.covered());
        assert_eq!(c.uses[0].fix.as_deref(), Some(fix));
    }
}

#[test]
fn composite_prefix_rules() {
    let s = schema(SHOP_PG, Dialect::Postgres);
    // Equality on the first column and a range on the second.
    let c = check(
        &s,
        "SELECT * FROM orders WHERE customer_id = $1 AND created_at > $2",
    );
    let (msg, ok) = verdict(&c, "created_at", UseKind::Range);
    assert!(ok, "{msg}");
    // The partial index on created_at would also do, but the full composite is preferred.
    assert!(
        msg.contains("serves it after the equality on customer_id"),
        "{msg}"
    );

    // The second column alone is not served.
    let c = check(&s, "SELECT * FROM orders WHERE total_cents > 1000");
    let (msg, ok) = verdict(&c, "total_cents", UseKind::Range);
    assert!(!ok);
    assert_eq!(
        msg,
        "filter on orders.total_cents: no index starts with total_cents (index idx_orders_status_total (status, total_cents) has it in position 2, after status which the query does not fix)"
    );
    assert_eq!(
        c.uses[0].fix.as_deref(),
        Some("CREATE INDEX CONCURRENTLY idx_orders_total_cents ON orders (total_cents);")
    );

    // A sort after the equality is served; a LIMIT is noted on the use.
    let c = check(
        &s,
        "SELECT * FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 20",
    );
    let (msg, ok) = verdict(&c, "created_at", UseKind::OrderBy { limit: true });
    assert!(ok, "{msg}");

    // A sort on the second column with the first not fixed is not; the fix puts the fixed
    // column first.
    let c = check(
        &s,
        "SELECT * FROM orders WHERE status = $1 AND region_code = $2 ORDER BY customer_email LIMIT 5",
    );
    let sort = c
        .uses
        .iter()
        .find(|u| u.column == "customer_email")
        .unwrap();
    assert!(!sort.verdict.covered());
    assert_eq!(
        sort.fix.as_deref(),
        Some("CREATE INDEX CONCURRENTLY idx_orders_status_customer_email ON orders (status, customer_email);")
    );
    // region_code is not a column of orders: skipped, never guessed.
    assert_eq!(c.skipped.len(), 1);
}

#[test]
fn wrapped_columns_and_like() {
    let s = schema(SHOP_PG, Dialect::Postgres);
    let c = check(&s, "SELECT * FROM customers WHERE lower(email) = lower($1)");
    let (msg, ok) = verdict(&c, "email", UseKind::Function("lower".into()));
    assert!(!ok);
    assert_eq!(
        msg,
        "filter on customers.email: lower(email) wraps the column: unique index customers_email_key (email) cannot serve it; an index on the expression lower(email) would"
    );
    assert_eq!(
        c.uses[0].fix.as_deref(),
        Some("CREATE INDEX CONCURRENTLY idx_customers_lower_email ON customers (lower(email));")
    );

    // An expression index on the same expression serves it, however it is spelled.
    let c = check(&s, "SELECT * FROM customers c WHERE LOWER(c.name) = $1");
    let (msg, ok) = verdict(&c, "name", UseKind::Function("lower".into()));
    assert!(ok, "{msg}");

    let c = check(&s, "SELECT * FROM customers WHERE region LIKE '%land'");
    let (msg, ok) = verdict(&c, "region", UseKind::LikeSuffix);
    assert!(!ok);
    assert!(msg.contains("LIKE with a leading wildcard: no B-tree index on region can serve it"));
    assert_eq!(
        c.uses[0].fix.as_deref(),
        Some("CREATE INDEX CONCURRENTLY idx_customers_region_trgm ON customers USING gin (region gin_trgm_ops);")
    );
    let c = check(&s, "SELECT * FROM orders WHERE note ILIKE '%refund%'");
    assert!(c.uses[0].verdict.covered(), "{:?}", c.uses[0]);

    let c = check(&s, "SELECT * FROM customers WHERE email LIKE 'ann%'");
    let (msg, ok) = verdict(&c, "email", UseKind::LikePrefix);
    assert!(ok);
    assert!(msg.contains("text_pattern_ops"), "{msg}");
}

#[test]
fn partial_indexes_count_and_say_so() {
    let s = schema(SHOP_PG, Dialect::Postgres);
    let c = check(
        &s,
        "SELECT * FROM orders WHERE deleted_at IS NULL AND created_at > now() - interval '1 day'",
    );
    let (msg, ok) = verdict(&c, "created_at", UseKind::Range);
    assert!(ok);
    assert!(msg.contains("partial"), "{msg}");
    let u = c.uses.iter().find(|u| u.column == "created_at").unwrap();
    assert!(u.verdict.served.as_ref().unwrap().partial);
}

#[test]
fn joins_resolve_unqualified_columns_through_the_schema() {
    let s = schema(SHOP_PG, Dialect::Postgres);
    let c = check(
        &s,
        "SELECT * FROM orders o JOIN line_items li ON li.order_id = o.id WHERE sku = $1",
    );
    let (msg, ok) = verdict(&c, "order_id", UseKind::Join);
    assert!(!ok);
    assert_eq!(
        msg,
        "join on line_items.order_id: no index starts with order_id"
    );
    let (_, ok) = verdict(&c, "id", UseKind::Join);
    assert!(ok);
    // `sku` only exists in line_items.
    let (msg, _) = verdict(&c, "sku", UseKind::Eq);
    assert!(msg.starts_with("filter on line_items.sku"), "{msg}");
    // The group is served on orders (by the primary key, through the join) but not on line_items.
    let li = c.groups.iter().find(|g| g.table == "line_items").unwrap();
    assert_eq!(li.served_by, None);
}

#[test]
fn unknown_tables_are_skipped_never_guessed() {
    let s = schema(SHOP_PG, Dialect::Postgres);
    let c = check(&s, "SELECT * FROM audit_log WHERE actor = $1");
    assert!(c.uses.is_empty());
    assert_eq!(c.skipped.len(), 1);
}

#[test]
fn indexes_follow_migration_order() {
    let d = Dialect::Postgres;
    let mut s = Schema::new(d);
    let files = [
        "CREATE TABLE events (id serial PRIMARY KEY, kind text, user_id int, at timestamptz);",
        "CREATE INDEX idx_events_kind ON events (kind);\nCREATE INDEX idx_events_user ON events (user_id);",
        "DROP INDEX idx_events_kind;",
    ];
    for (i, f) in files.iter().enumerate() {
        s.apply(FileId(i as u32), &parse_ddl(f, d).events);
    }
    let c = check(&s, "SELECT * FROM events WHERE user_id = $1 AND kind = $2");
    assert!(
        verdict(&c, "user_id", UseKind::Eq).1,
        "added in a later migration"
    );
    assert!(
        !verdict(&c, "kind", UseKind::Eq).1,
        "dropped in a later migration"
    );
    // The group is served through user_id.
    assert!(c.groups[0].served_by.is_some());
}

#[test]
fn unindexed_foreign_keys_by_dialect() {
    let pg = schema(SHOP_PG, Dialect::Postgres);
    let fks = unindexed_foreign_keys(&pg);
    // orders.customer_id leads idx_orders_customer_created; line_items.order_id has none.
    assert_eq!(fks.len(), 1, "{fks:?}");
    assert_eq!(fks[0].table, "line_items");
    assert_eq!(fks[0].columns, ["order_id"]);
    assert_eq!(fks[0].references_table, "orders");
    assert_eq!(
        fks[0].fix,
        "CREATE INDEX CONCURRENTLY idx_line_items_order_id ON line_items (order_id);"
    );

    let sql = "CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY, a_id int, FOREIGN KEY (a_id) REFERENCES a (id));";
    let my = schema(sql, Dialect::Mysql);
    assert!(unindexed_foreign_keys(&my).is_empty(), "InnoDB indexes it");
    // …and a query on it is served by that implicit index.
    let c = check(&my, "SELECT * FROM b WHERE a_id = ?");
    let (msg, ok) = verdict(&c, "a_id", UseKind::Eq);
    assert!(ok);
    assert!(msg.contains("the foreign-key index"), "{msg}");
    let lite = schema(sql, Dialect::Sqlite);
    assert_eq!(unindexed_foreign_keys(&lite).len(), 1);
    assert!(unindexed_foreign_keys(&schema(sql, Dialect::Generic)).is_empty());
}

#[test]
fn orm_declared_facts_are_judged_the_same_way() {
    use shipshape_schema::{ColumnUse, IndexDef, IndexKind, Origin, QueryFacts, StatementKind};
    let mut s = Schema::new(Dialect::Postgres);
    let o = Origin::new(FileId(9), 12);
    s.declare_model("Order", "shop_order", o);
    s.declare_column("shop_order", "customer_email", Some("customerEmail"), o);
    s.declare_column("shop_order", "status", None, o);
    s.declare_index(
        "shop_order",
        IndexDef::on_columns(Some("shop_order_status_idx"), IndexKind::Index, &["status"]),
        o,
    );
    let t = s.table_for_model("Order").unwrap();
    let col = t
        .column_for_field(Dialect::Postgres, "customerEmail")
        .unwrap()
        .to_string();
    // Order.objects.filter(customerEmail=…, status=…).order_by("status")
    let facts = QueryFacts::from_uses(
        StatementKind::Select,
        vec![
            ColumnUse::new(&t.name, col, UseKind::Eq),
            ColumnUse::new(&t.name, "status", UseKind::Eq),
            ColumnUse::new(&t.name, "status", UseKind::OrderBy { limit: false }),
        ],
    );
    assert_eq!(facts.filter_groups.len(), 1);
    assert_eq!(facts.filter_groups[0].uses, [0, 1]);
    let c = check_query(&s, &facts);
    assert_eq!(
        c.uses[0].message(),
        "filter on shop_order.customer_email: no index starts with customer_email"
    );
    assert_eq!(c.uses[0].table_origin, o);
    assert!(c.uses[1].verdict.covered());
    assert!(c.uses[2].verdict.covered());
    assert_eq!(c.groups[0].served_by, Some(1));
}
