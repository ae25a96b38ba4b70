//! A real-looking `schema.prisma` read into schema facts.

use shipshape_schema::{
    check_query, parse_prisma, parse_query, unindexed_foreign_keys, Dialect, FileId, IndexKey,
    IndexKind, Schema, UseKind,
};

/// An index as `(name, kind, keys, method)`.
type IndexRow<'a> = (Option<&'a str>, IndexKind, Vec<String>, Option<&'a str>);

const SCHEMA: &str = include_str!("fixtures/prisma/schema.prisma");

#[test]
fn models_tables_fields_and_dialect() {
    let p = parse_prisma(SCHEMA);
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    assert_eq!(p.provider.as_deref(), Some("postgresql"));
    assert_eq!(p.dialect, Some(Dialect::Postgres));
    assert!(!p.relation_mode_prisma);
    let names: Vec<(&str, &str)> = p
        .models
        .iter()
        .map(|m| (m.name.as_str(), m.table.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("User", "users"),
            ("Profile", "Profile"),
            ("Order", "orders"),
            ("OrderLine", "order_lines")
        ]
    );
    let user = &p.models[0];
    assert_eq!(user.line, 20);
    let created = user.fields.iter().find(|f| f.name == "createdAt").unwrap();
    assert_eq!(created.column, "created_at");
    assert_eq!(created.line, 25);
    let name = user.fields.iter().find(|f| f.name == "name").unwrap();
    assert!(name.optional);
    assert_eq!(name.type_name, "String");
    let orders = user.fields.iter().find(|f| f.name == "orders").unwrap();
    assert!(orders.relation && orders.list);
}

#[test]
fn keys_indexes_and_relations() {
    let p = parse_prisma(SCHEMA);
    let order = p.models.iter().find(|m| m.name == "Order").unwrap();
    let idx: Vec<IndexRow> = order
        .indexes
        .iter()
        .map(|(i, _)| {
            (
                i.name.as_deref(),
                i.kind,
                i.keys.iter().map(IndexKey::display).collect(),
                i.method.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        idx,
        [
            (
                Some("orders_pkey"),
                IndexKind::PrimaryKey,
                vec!["id".to_string()],
                None
            ),
            (
                Some("orders_status_placed_idx"),
                IndexKind::Index,
                vec!["status".to_string(), "placed_at DESC".to_string()],
                None
            ),
            (
                Some("orders_total_cents_idx"),
                IndexKind::Index,
                vec!["total_cents".to_string()],
                Some("hash")
            ),
        ]
    );
    let (fk, line) = &order.foreign_keys[0];
    assert_eq!(fk.columns, ["customer_id"]);
    assert_eq!(fk.references_table, "users");
    assert_eq!(fk.references_columns, ["id"]);
    assert_eq!(fk.name.as_deref(), Some("orders_customer_id_fkey"));
    assert!(fk.enforced);
    assert_eq!(*line, 45);

    let lines = p.models.iter().find(|m| m.name == "OrderLine").unwrap();
    let pk = lines
        .indexes
        .iter()
        .find(|(i, _)| i.kind == IndexKind::PrimaryKey)
        .unwrap();
    assert_eq!(
        pk.0.keys,
        [IndexKey::column("order_id"), IndexKey::column("sku")]
    );
    assert_eq!(
        lines.foreign_keys[0].0.name.as_deref(),
        Some("fk_line_order")
    );
    assert_eq!(lines.foreign_keys[0].0.references_table, "orders");
}

#[test]
fn declared_schema_answers_field_names_and_coverage() {
    let p = parse_prisma(SCHEMA);
    let mut s = Schema::new(p.dialect.unwrap());
    p.declare_into(&mut s, FileId(4));
    // prisma.order.findMany({ where: { customerEmail } })
    let t = s
        .table_for_model("order")
        .expect("client spelling finds the model");
    assert_eq!(t.name, "orders");
    assert_eq!(
        t.column_for_field(s.dialect(), "customerEmail"),
        Some("customer_email")
    );
    assert_eq!(t.origin.line, 38);
    let facts = parse_query(
        "SELECT * FROM orders WHERE customer_email = $1 AND status = $2 ORDER BY placed_at DESC LIMIT 10",
        Dialect::Postgres,
    )
    .unwrap();
    let c = check_query(&s, &facts);
    let email = c
        .uses
        .iter()
        .find(|u| u.column == "customer_email")
        .unwrap();
    assert!(!email.verdict.covered());
    let placed = c
        .uses
        .iter()
        .find(|u| matches!(u.kind, UseKind::OrderBy { .. }))
        .unwrap();
    assert!(placed.verdict.covered(), "{}", placed.message());
    // Prisma creates no index for Order.customerId, Profile.userId is the key, and
    // OrderLine.orderId leads its primary key.
    let fks = unindexed_foreign_keys(&s);
    let cols: Vec<(&str, Vec<String>)> = fks
        .iter()
        .map(|f| (f.table.as_str(), f.columns.clone()))
        .collect();
    assert_eq!(cols, [("orders", vec!["customer_id".to_string()])]);
    assert_eq!(fks[0].origin.line, 45);
}

#[test]
fn mysql_relation_mode_prisma_has_no_database_foreign_keys() {
    let text = r#"
datasource db {
  provider     = "mysql"
  url          = env("DATABASE_URL")
  relationMode = "prisma"
}
model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id])
}
model User {
  id    Int    @id
  posts Post[]
}
"#;
    let p = parse_prisma(text);
    assert_eq!(p.dialect, Some(Dialect::Mysql));
    assert!(p.relation_mode_prisma);
    let mut s = Schema::new(Dialect::Mysql);
    p.declare_into(&mut s, FileId(0));
    let fks = unindexed_foreign_keys(&s);
    assert_eq!(fks.len(), 1);
    assert_eq!(
        fks[0].fix,
        "CREATE INDEX idx_post_authorid ON Post (authorId);"
    );

    // Without relationMode, InnoDB indexes the foreign key.
    let p = parse_prisma(&text.replace("relationMode = \"prisma\"", ""));
    let mut s = Schema::new(Dialect::Mysql);
    p.declare_into(&mut s, FileId(0));
    assert!(unindexed_foreign_keys(&s).is_empty());
}

#[test]
fn broken_schemas_give_diagnostics_not_panics() {
    for text in [
        "model",
        "model X",
        "model X {",
        "model X { id Int @id(",
        "model X { id Int @default(\"unterminated) }",
        "}}}} model Y { a Int @@@ }",
        "model Z { a Int @relation(fields: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[a]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]) }",
        "model É { ü Int }",
    ] {
        let _ = parse_prisma(text);
    }
    let p = parse_prisma("model A {\n  id Int @id\n  ??? nonsense\n  name String @unique\n}\n");
    assert_eq!(p.diagnostics.len(), 1);
    assert_eq!(p.diagnostics[0].line, 3);
    assert_eq!(
        p.models[0].fields.len(),
        2,
        "the line after the bad one is read"
    );
}
