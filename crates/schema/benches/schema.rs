//! How fast raw SQL from code is read (every execute call of a big repository goes through
//! `parse_query`), and how fast a migration folder becomes a schema.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use shipshape_schema::{check_query, parse_ddl, parse_query, Dialect, FileId, Schema};
use std::hint::black_box;

/// Queries as they appear in application code, with each driver's placeholders.
const QUERIES: &[&str] = &[
    "SELECT * FROM users WHERE id = %s",
    "SELECT id, email FROM users WHERE email = %(email)s AND deleted_at IS NULL",
    "SELECT o.id, o.total_cents FROM orders o WHERE o.customer_id = $1 ORDER BY o.created_at DESC LIMIT 20",
    "UPDATE orders SET status = $1, updated_at = now() WHERE id = $2",
    "DELETE FROM sessions WHERE expires_at < $1",
    "INSERT INTO audit_log (actor, action, at) VALUES ($1, $2, now())",
    "SELECT c.name, COUNT(*) FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.placed_at >= $1 GROUP BY c.name",
    "SELECT * FROM products WHERE lower(name) LIKE lower($1) || '%' ORDER BY name LIMIT 50",
    "SELECT * FROM events WHERE tenant_id = :tenant AND (kind = :kind OR kind = 'all') AND at BETWEEN :a AND :b",
    "WITH recent AS (SELECT customer_id FROM orders WHERE placed_at > now() - interval '7 days') SELECT * FROM customers WHERE id IN (SELECT customer_id FROM recent)",
    "SELECT * FROM tickets t WHERE EXISTS (SELECT 1 FROM assignments a WHERE a.ticket_id = t.id AND a.user_id = ?) AND t.status IN ('open', 'pending')",
    "SELECT id FROM jobs WHERE queue = ? AND run_at <= ? AND locked_at IS NULL ORDER BY priority DESC, run_at LIMIT 1 FOR UPDATE SKIP LOCKED",
];

const MIGRATION: &str = "CREATE TABLE customers (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE, name text, region text);
CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), status text NOT NULL, total_cents int, placed_at timestamptz NOT NULL);
CREATE INDEX idx_orders_customer ON orders (customer_id, placed_at DESC);
CREATE INDEX idx_orders_status ON orders (status) WHERE status <> 'done';
ALTER TABLE orders ADD COLUMN note text;
";

fn queries(c: &mut Criterion) {
    let batch: Vec<&str> = QUERIES.iter().copied().cycle().take(10_000).collect();
    let mut g = c.benchmark_group("parse_query");
    g.throughput(Throughput::Elements(batch.len() as u64));
    g.bench_function("10k typical queries (postgres)", |b| {
        b.iter(|| {
            for q in &batch {
                let _ = black_box(parse_query(black_box(q), Dialect::Postgres));
            }
        })
    });
    let mut schema = Schema::new(Dialect::Postgres);
    schema.apply(FileId(0), &parse_ddl(MIGRATION, Dialect::Postgres).events);
    let facts: Vec<_> = batch
        .iter()
        .filter_map(|q| parse_query(q, Dialect::Postgres).ok())
        .collect();
    g.bench_function("10k coverage checks", |b| {
        b.iter(|| {
            for f in &facts {
                black_box(check_query(&schema, f));
            }
        })
    });
    g.finish();
}

fn migrations(c: &mut Criterion) {
    let file = MIGRATION.repeat(200);
    let mut g = c.benchmark_group("parse_ddl");
    g.throughput(Throughput::Bytes(file.len() as u64));
    g.bench_function("1000-statement migration file", |b| {
        b.iter(|| black_box(parse_ddl(black_box(&file), Dialect::Postgres)))
    });
    g.finish();
}

criterion_group!(benches, queries, migrations);
criterion_main!(benches);
