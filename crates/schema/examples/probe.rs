use sqlparser::dialect::*;
use sqlparser::parser::Parser;
fn main() {
    let ds: Vec<(&str, Box<dyn Dialect>)> = vec![("pg", Box::new(PostgreSqlDialect {})), ("my", Box::new(MySqlDialect {})), ("lite", Box::new(SQLiteDialect {})), ("gen", Box::new(GenericDialect {}))];
    for (n, d) in &ds {
        for p in ["?", "$1", ":p1", "@p1", "?1"] {
            for sql in [format!("SELECT * FROM t WHERE a = {p} AND b IN ({p}, {p}) LIMIT {p}"), format!("SELECT * FROM t WHERE a LIKE {p} || '%' AND b BETWEEN {p} AND {p}"), format!("UPDATE t SET x = {p} WHERE id = {p}")] {
                let r = Parser::parse_sql(d.as_ref(), &sql);
                if let Err(e) = &r { println!("{n} {p}: ERR {e} in {sql}"); }
            }
        }
    }
    for sql in ["DROP INDEX CONCURRENTLY idx", "DROP INDEX IF EXISTS idx", "DROP INDEX CONCURRENTLY IF EXISTS idx CASCADE", "DROP TABLE IF EXISTS a, b CASCADE", "ALTER TABLE t ADD COLUMN email citext UNIQUE", "ALTER TABLE t ADD PRIMARY KEY (id)", "ALTER TABLE t ADD UNIQUE (a,b)", "ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES b(c)", "ALTER TABLE ONLY t ADD CONSTRAINT x UNIQUE USING INDEX y", "CREATE INDEX idx ON t ((lower(email)))", "CREATE INDEX idx ON t (lower((email)::text))", "CREATE INDEX idx ON t USING gin (tags)", "CREATE INDEX idx ON ONLY t (a)", "CREATE INDEX idx ON t (a) INCLUDE (b)", "CREATE INDEX idx ON t (a text_pattern_ops)"] {
        println!("{:?} {sql}", Parser::parse_sql(&PostgreSqlDialect {}, sql).map(|v| v[0].to_string()).map_err(|e| e.to_string()));
    }
}
