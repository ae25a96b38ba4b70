//! Raw SQL as it appears in application code, read into column uses.

use shipshape_schema::{parse_query, Dialect, QueryFacts, StatementKind, UseKind};

fn q(sql: &str, d: Dialect) -> QueryFacts {
    parse_query(sql, d).unwrap_or_else(|e| panic!("{e}: {sql}"))
}

/// `(table, column, kind)` of every use, in order.
fn uses(f: &QueryFacts) -> Vec<(String, String, UseKind)> {
    f.uses
        .iter()
        .map(|u| {
            (
                u.table
                    .clone()
                    .unwrap_or_else(|| format!("?{:?}", u.candidates)),
                u.column.clone(),
                u.kind.clone(),
            )
        })
        .collect()
}

fn u(t: &str, c: &str, k: UseKind) -> (String, String, UseKind) {
    (t.to_string(), c.to_string(), k)
}

/// The groups as lists of `table.column`.
fn groups(f: &QueryFacts) -> Vec<Vec<String>> {
    f.filter_groups
        .iter()
        .map(|g| {
            g.uses
                .iter()
                .map(|&i| {
                    let u = &f.uses[i];
                    format!("{}.{}", u.table.as_deref().unwrap_or("?"), u.column)
                })
                .collect()
        })
        .collect()
}

#[test]
fn psycopg_select_with_alias_and_order_limit() {
    let f = q(
        "SELECT o.id, o.total FROM orders AS o WHERE o.customer_email = %s AND o.created_at >= %(since)s ORDER BY o.created_at DESC LIMIT 50",
        Dialect::Postgres,
    );
    assert_eq!(f.kind, StatementKind::Select);
    assert_eq!(f.tables.len(), 1);
    assert_eq!(f.tables[0].alias.as_deref(), Some("o"));
    assert_eq!(
        uses(&f),
        [
            u("orders", "customer_email", UseKind::Eq),
            u("orders", "created_at", UseKind::Range),
            u("orders", "created_at", UseKind::OrderBy { limit: true }),
        ]
    );
    assert_eq!(groups(&f), [["orders.customer_email", "orders.created_at"]]);
}

#[test]
fn jdbc_joins_resolve_aliases_and_mark_both_sides() {
    let f = q(
        "SELECT c.name, COUNT(*) FROM customers c \
         INNER JOIN orders o ON o.customer_id = c.id AND o.status = ? \
         LEFT JOIN refunds r USING (order_id) \
         WHERE c.region IN (?, ?, ?) GROUP BY c.name",
        Dialect::Mysql,
    );
    let got = uses(&f);
    assert!(
        got.contains(&u("orders", "customer_id", UseKind::Join)),
        "{got:?}"
    );
    assert!(got.contains(&u("customers", "id", UseKind::Join)));
    assert!(got.contains(&u("orders", "status", UseKind::Eq)));
    assert!(got.contains(&u("refunds", "order_id", UseKind::Join)));
    assert!(got.contains(&u("orders", "order_id", UseKind::Join)));
    assert!(got.contains(&u("customers", "region", UseKind::In)));
    assert!(got.contains(&u("customers", "name", UseKind::GroupBy)));
    // WHERE and ON are ANDed: one group.
    assert_eq!(f.filter_groups.len(), 1);
    assert_eq!(f.filter_groups[0].uses.len(), 4);
}

#[test]
fn or_splits_groups_and_and_distributes() {
    let f = q(
        "SELECT * FROM users WHERE tenant_id = $1 AND (email = $2 OR username = $2)",
        Dialect::Postgres,
    );
    assert_eq!(
        groups(&f),
        [
            ["users.tenant_id", "users.email"],
            ["users.tenant_id", "users.username"],
        ]
    );
    // The shared predicate is one use in both groups.
    assert_eq!(f.uses.len(), 3);
}

#[test]
fn like_patterns_functions_nulls_and_ranges() {
    let f = q(
        "SELECT id FROM users WHERE name LIKE 'Jo%' AND bio LIKE '%rust%' AND domain LIKE '%.org' \
         AND nick LIKE :nick AND handle LIKE :h || '%' AND lower(email) = :email \
         AND created_at::date = :day AND deleted_at IS NULL AND age BETWEEN 18 AND 65 \
         AND title ILIKE :t AND score > 10",
        Dialect::Postgres,
    );
    let got = uses(&f);
    let expect = [
        u("users", "name", UseKind::LikePrefix),
        u("users", "bio", UseKind::LikeInfix),
        u("users", "domain", UseKind::LikeSuffix),
        u("users", "nick", UseKind::LikeUnknown),
        u("users", "handle", UseKind::LikePrefix),
        u("users", "email", UseKind::Function("lower".into())),
        u("users", "created_at", UseKind::Function("cast".into())),
        u("users", "deleted_at", UseKind::IsNull),
        u("users", "age", UseKind::Range),
        u("users", "title", UseKind::Function("ilike".into())),
        u("users", "score", UseKind::Range),
    ];
    assert_eq!(got, expect);
    let email = f.uses.iter().find(|u| u.column == "email").unwrap();
    assert_eq!(email.expression.as_deref(), Some("lower(email)"));
}

#[test]
fn value_on_the_left_and_negations() {
    let f = q(
        "SELECT * FROM t WHERE ? = a AND 5 < b AND c <> 1 AND d NOT IN (1, 2) AND e IS NOT NULL AND NOT f = 1 AND g NOT LIKE 'x%'",
        Dialect::Sqlite,
    );
    assert_eq!(
        uses(&f),
        [u("t", "a", UseKind::Eq), u("t", "b", UseKind::Range)]
    );
}

#[test]
fn ctes_subqueries_and_derived_tables() {
    let f = q(
        "WITH recent AS (SELECT customer_id FROM orders WHERE placed_at > now() - interval '7 days') \
         SELECT c.* FROM customers c \
         WHERE c.id IN (SELECT customer_id FROM recent) \
           AND EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = c.id AND t.open) \
           AND c.plan = (SELECT plan FROM plans p WHERE p.code = 'pro')",
        Dialect::Postgres,
    );
    let got = uses(&f);
    assert!(
        got.contains(&u("orders", "placed_at", UseKind::Range)),
        "{got:?}"
    );
    assert!(got.contains(&u("customers", "id", UseKind::In)));
    assert!(got.contains(&u("tickets", "customer_id", UseKind::Join)));
    assert!(got.contains(&u("customers", "id", UseKind::Join)));
    assert!(got.contains(&u("plans", "code", UseKind::Eq)));
    // `plan = (subquery)` compares with a value.
    assert!(got.contains(&u("customers", "plan", UseKind::Eq)));
    // Nothing is reported on the CTE `recent`, which is no table.
    assert!(!got.iter().any(|(t, _, _)| t == "recent"));
    let names: Vec<&str> = f.tables.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["orders", "customers", "tickets", "plans"]);

    let d = q(
        "SELECT x.total FROM (SELECT customer_id, SUM(total) AS total FROM orders GROUP BY customer_id) x WHERE x.total > 100 ORDER BY total",
        Dialect::Postgres,
    );
    assert_eq!(uses(&d), [u("orders", "customer_id", UseKind::GroupBy)]);
}

#[test]
fn ambiguous_columns_list_candidate_tables() {
    let f = q(
        "SELECT * FROM orders o, customers c WHERE o.customer_id = c.id AND email = ?",
        Dialect::Mysql,
    );
    let email = f.uses.iter().find(|u| u.column == "email").unwrap();
    assert_eq!(email.table, None);
    assert_eq!(email.candidates, ["orders", "customers"]);
}

#[test]
fn update_and_delete_with_limits() {
    let f = q(
        "UPDATE `orders` SET status = 'shipped', shipped_at = NOW() WHERE id = ? AND status = 'paid'",
        Dialect::Mysql,
    );
    assert_eq!(f.kind, StatementKind::Update);
    assert_eq!(
        uses(&f),
        [
            u("orders", "id", UseKind::Eq),
            u("orders", "status", UseKind::Eq)
        ]
    );

    let f = q(
        "DELETE FROM sessions WHERE expires_at < ? ORDER BY expires_at LIMIT 1000",
        Dialect::Mysql,
    );
    assert_eq!(f.kind, StatementKind::Delete);
    assert_eq!(
        uses(&f),
        [
            u("sessions", "expires_at", UseKind::Range),
            u("sessions", "expires_at", UseKind::OrderBy { limit: true }),
        ]
    );
    let f = q(
        "DELETE FROM line_items li USING orders o WHERE li.order_id = o.id AND o.customer_id = $1",
        Dialect::Postgres,
    );
    assert!(uses(&f).contains(&u("orders", "customer_id", UseKind::Eq)));
    assert!(uses(&f).contains(&u("line_items", "order_id", UseKind::Join)));
}

#[test]
fn inserts_need_nothing_but_their_select_is_read() {
    let f = q("INSERT INTO audit (a, b) VALUES (?, ?)", Dialect::Sqlite);
    assert_eq!(f.kind, StatementKind::Insert);
    assert!(f.uses.is_empty());
    let f = q(
        "INSERT INTO archive SELECT * FROM orders WHERE placed_at < $1",
        Dialect::Postgres,
    );
    assert_eq!(uses(&f), [u("orders", "placed_at", UseKind::Range)]);
}

#[test]
fn quoted_and_qualified_names_follow_the_dialect() {
    let f = q(
        "SELECT * FROM public.\"Users\" u WHERE u.\"Email\" = $1 AND u.Name = $2",
        Dialect::Postgres,
    );
    assert_eq!(
        uses(&f),
        [
            u("Users", "Email", UseKind::Eq),
            u("Users", "name", UseKind::Eq)
        ]
    );
}

#[test]
fn order_by_expression_alias_and_position() {
    let f = q(
        "SELECT id, lower(name) AS lname FROM users ORDER BY lname, 1, lower(email) LIMIT 10",
        Dialect::Postgres,
    );
    assert_eq!(
        uses(&f),
        [u("users", "email", UseKind::OrderBy { limit: true })]
    );
    assert_eq!(f.uses[0].expression.as_deref(), Some("lower(email)"));
    let g = q(
        "SELECT status FROM orders ORDER BY created_at",
        Dialect::Postgres,
    );
    assert_eq!(
        uses(&g),
        [u("orders", "created_at", UseKind::OrderBy { limit: false })]
    );
}

#[test]
fn any_array_and_union() {
    let f = q(
        "SELECT id FROM a WHERE x = ANY($1) UNION SELECT id FROM b WHERE y = $2",
        Dialect::Postgres,
    );
    assert_eq!(
        uses(&f),
        [u("a", "x", UseKind::In), u("b", "y", UseKind::Eq)]
    );
    assert_eq!(f.filter_groups.len(), 2);
    assert_ne!(f.filter_groups[0].block, f.filter_groups[1].block);
}

#[test]
fn unparseable_or_hostile_text_is_an_error() {
    for sql in [
        "SELEC * FRM",
        "SELECT * FROM t WHERE",
        "",
        "SELECT ((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))",
    ] {
        if let Ok(f) = parse_query(sql, Dialect::Postgres) {
            assert!(f.uses.is_empty(), "{sql}");
            assert_eq!(f.kind, StatementKind::Other, "{sql}");
        }
    }
    let deep = format!(
        "SELECT * FROM t WHERE {}a = 1{}",
        "(".repeat(300),
        ")".repeat(300)
    );
    let err = parse_query(&deep, Dialect::Postgres).unwrap_err();
    assert!(err.to_string().contains("nested too deeply"), "{err}");
    let mut long = String::from("SELECT * FROM t WHERE a = 0");
    for i in 0..4000 {
        long.push_str(&format!(" OR a = {i}"));
    }
    assert!(parse_query(&long, Dialect::Postgres).is_err());
}

#[test]
fn a_thousand_ors_still_fall_back_to_single_predicates() {
    let mut sql = String::from("SELECT * FROM t WHERE (a = 1 OR b = 2)");
    for i in 0..10 {
        sql.push_str(&format!(" AND (c{i} = 1 OR d{i} = 2)"));
    }
    let f = q(&sql, Dialect::Postgres);
    // 2^11 combinations are too many: each predicate becomes its own group.
    assert_eq!(f.filter_groups.len(), 22);
    assert!(f.filter_groups.iter().all(|g| g.uses.len() == 1));
}
