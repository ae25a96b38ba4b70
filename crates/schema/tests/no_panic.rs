//! No input, however broken, panics or overflows the stack: random bytes, SQL word soup and
//! damaged real files go through every entry point on a thread with a worker-sized stack.
#![allow(clippy::unwrap_used)]

use shipshape_schema::{
    check_query, normalize_expression, order_migrations, parse_ddl, parse_prisma, parse_query,
    Dialect, FileId, Schema,
};

/// xorshift64*: deterministic, so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "SELECT",
    "FROM",
    "WHERE",
    "AND",
    "OR",
    "NOT",
    "IN",
    "LIKE",
    "ILIKE",
    "BETWEEN",
    "IS",
    "NULL",
    "JOIN",
    "LEFT",
    "ON",
    "USING",
    "ORDER",
    "BY",
    "GROUP",
    "LIMIT",
    "WITH",
    "AS",
    "CREATE",
    "TABLE",
    "UNIQUE",
    "INDEX",
    "CONCURRENTLY",
    "IF",
    "EXISTS",
    "PRIMARY",
    "KEY",
    "FOREIGN",
    "REFERENCES",
    "ALTER",
    "ADD",
    "DROP",
    "COLUMN",
    "CONSTRAINT",
    "RENAME",
    "TO",
    "UPDATE",
    "SET",
    "DELETE",
    "INSERT",
    "INTO",
    "VALUES",
    "UNION",
    "EXISTS",
    "CASE",
    "WHEN",
    "THEN",
    "END",
    "BEGIN",
    "DELIMITER",
    "COPY",
    "stdin",
    "t",
    "u",
    "a",
    "b",
    "c.d",
    "\"Q\"",
    "`b`",
    "[x]",
    "(",
    ")",
    "((",
    "))",
    ",",
    ";",
    "=",
    "<",
    ">=",
    "<>",
    "||",
    "::",
    "->>",
    "?",
    "$1",
    "%s",
    "%(n)s",
    ":n",
    "@v",
    "'s'",
    "'%x'",
    "'x%'",
    "$$",
    "$t$",
    "--",
    "/*",
    "*/",
    "\n",
    "1",
    "lower(",
    "model",
    "{",
    "}",
    "@@index([",
    "@id",
    "@relation(fields: [",
    "datasource",
    "provider",
    "=",
    "\"mysql\"",
    "E'\\'",
    "\\.",
    "#",
];

fn soup(rng: &mut Rng) -> String {
    let n = rng.below(60);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(WORDS[rng.below(WORDS.len())]);
        s.push(if rng.below(4) == 0 { '\n' } else { ' ' });
    }
    s
}

fn bytes(rng: &mut Rng) -> String {
    let n = rng.below(200);
    let v: Vec<u8> = (0..n).map(|_| (rng.next() & 0xff) as u8).collect();
    String::from_utf8_lossy(&v).into_owned()
}

fn damage(rng: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(8) {
        if chars.is_empty() {
            break;
        }
        let i = rng.below(chars.len());
        match rng.below(3) {
            0 => {
                chars.remove(i);
            }
            1 => chars.insert(i, ['(', '\'', '"', ';', '$', '`', '\n', '{'][rng.below(8)]),
            _ => chars.truncate(i),
        }
    }
    chars.into_iter().collect()
}

fn everything(text: &str) {
    for d in Dialect::ALL {
        let out = parse_ddl(text, d);
        let mut s = Schema::new(d);
        s.apply(FileId(0), &out.events);
        if let Ok(f) = parse_query(text, d) {
            let _ = check_query(&s, &f);
        }
        let _ = normalize_expression(text, d);
    }
    let p = parse_prisma(text);
    let mut s = Schema::new(p.dialect.unwrap_or_default());
    p.declare_into(&mut s, FileId(1));
    let _ = order_migrations(text.split('\n'));
}

fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn random_bytes_and_word_soup() {
    on_small_stack(|| {
        // SHIPSHAPE_FUZZ_ITERS=200000 for a longer run by hand.
        let iters = std::env::var("SHIPSHAPE_FUZZ_ITERS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1500);
        let seed = std::env::var("SHIPSHAPE_FUZZ_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0x9E37_79B9_7F4A_7C15);
        let mut rng = Rng(seed);
        for _ in 0..iters {
            everything(&bytes(&mut rng));
            everything(&soup(&mut rng));
        }
    });
}

#[test]
fn damaged_real_files() {
    on_small_stack(|| {
        let files = [
            include_str!("fixtures/pg_structure.sql"),
            include_str!("fixtures/mysql_dump.sql"),
            include_str!("fixtures/sqlite_schema.sql"),
            include_str!("fixtures/prisma/schema.prisma"),
        ];
        let mut rng = Rng(42);
        for _ in 0..60 {
            for f in files {
                everything(&damage(&mut rng, f));
            }
        }
    });
}

#[test]
fn pathological_shapes() {
    on_small_stack(|| {
        let n = 5_000;
        let cases = [
            format!("SELECT * FROM t WHERE {}", vec!["a = 1"; n].join(" AND ")),
            format!("SELECT * FROM t WHERE {}", vec!["a = 1"; n].join(" OR ")),
            format!("SELECT {}", vec!["1"; n].join(" + ")),
            format!("SELECT * FROM t WHERE a IN ({})", vec!["?"; n].join(",")),
            format!("{}SELECT 1{}", "(".repeat(n), ")".repeat(n)),
            format!(
                "SELECT * FROM t WHERE {}a{}",
                "lower(".repeat(n),
                ")".repeat(n)
            ),
            format!("SELECT * FROM t WHERE {} a = 1", "NOT ".repeat(n)),
            format!("CREATE TABLE t ({})", vec!["c int"; n].join(", ")),
            "'".repeat(n),
            "/*".repeat(n),
            "$a$".repeat(n),
            "BEGIN ".repeat(n),
            format!("model M {{ a Int @x({}) }}", "[".repeat(n)),
        ];
        for c in &cases {
            everything(c);
        }
    });
}
