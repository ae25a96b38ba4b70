//! The SQL dialects shipshape tells apart, and the one place that decides how each of them
//! spells and compares names. Every other module asks this one, so a table written `Users` in a
//! migration and `users` in a query meet (or, on Postgres, correctly do not).

use std::fmt;
use std::str::FromStr;

/// A database family. It decides how identifiers are folded and compared, which parser rules
/// apply, whether the database indexes foreign keys by itself, and how a fix is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Dialect {
    /// PostgreSQL: unquoted names fold to lower case, quoted names are kept exactly.
    Postgres,
    /// MySQL and MariaDB: names compare case-insensitively; InnoDB indexes foreign keys.
    Mysql,
    /// SQLite: names compare case-insensitively.
    Sqlite,
    /// Unknown database: parsed leniently, names compare case-insensitively.
    #[default]
    Generic,
}

/// A dialect name that [`Dialect::from_name`] does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownDialect(pub String);

impl fmt::Display for UnknownDialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown SQL dialect '{}' (expected postgres, mysql, sqlite or generic)",
            self.0
        )
    }
}

impl std::error::Error for UnknownDialect {}

impl Dialect {
    /// All dialects, in a fixed order.
    pub const ALL: [Dialect; 4] = [
        Dialect::Postgres,
        Dialect::Mysql,
        Dialect::Sqlite,
        Dialect::Generic,
    ];

    /// Parses a dialect or driver name as configuration files and ORMs write it, ignoring case
    /// and surrounding blanks: `postgres`, `postgresql`, `pg`, `mysql`, `mariadb`, `sqlite`,
    /// `sqlite3`, `generic`.
    pub fn from_name(name: &str) -> Option<Dialect> {
        match name.trim().to_ascii_lowercase().as_str() {
            "postgres" | "postgresql" | "pg" => Some(Dialect::Postgres),
            "mysql" | "mariadb" => Some(Dialect::Mysql),
            "sqlite" | "sqlite3" => Some(Dialect::Sqlite),
            "generic" | "sql" => Some(Dialect::Generic),
            _ => None,
        }
    }

    /// The canonical lower-case name (`postgres`, `mysql`, `sqlite`, `generic`).
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Postgres => "postgres",
            Dialect::Mysql => "mysql",
            Dialect::Sqlite => "sqlite",
            Dialect::Generic => "generic",
        }
    }

    /// The name the database stores for an identifier written in SQL. Postgres folds an
    /// unquoted identifier to lower case and keeps a quoted one; the others keep the spelling
    /// (and compare case-insensitively, see [`Dialect::key`]).
    pub fn stored_name(self, written: &str, quoted: bool) -> String {
        match self {
            Dialect::Postgres if !quoted => written.to_lowercase(),
            _ => written.to_string(),
        }
    }

    /// The key two stored names are compared by: the name itself on Postgres (case matters
    /// there once a name is quoted), the lower-cased name elsewhere.
    pub fn key(self, stored: &str) -> String {
        match self {
            Dialect::Postgres => stored.to_string(),
            _ => stored.to_lowercase(),
        }
    }

    /// Whether two stored names denote the same object.
    pub fn same_name(self, a: &str, b: &str) -> bool {
        match self {
            Dialect::Postgres => a == b,
            _ => {
                a.eq_ignore_ascii_case(b) || (!a.is_ascii() && a.to_lowercase() == b.to_lowercase())
            }
        }
    }

    /// Whether the database creates an index for a foreign key by itself: `Some(true)` for
    /// MySQL (InnoDB), `Some(false)` for Postgres and SQLite, `None` when the database is not
    /// known.
    pub fn indexes_foreign_keys(self) -> Option<bool> {
        match self {
            Dialect::Mysql => Some(true),
            Dialect::Postgres | Dialect::Sqlite => Some(false),
            Dialect::Generic => None,
        }
    }

    /// The sqlparser dialect used to parse this dialect's text.
    pub(crate) fn parser(self) -> &'static dyn sqlparser::dialect::Dialect {
        static POSTGRES: sqlparser::dialect::PostgreSqlDialect =
            sqlparser::dialect::PostgreSqlDialect {};
        static MYSQL: sqlparser::dialect::MySqlDialect = sqlparser::dialect::MySqlDialect {};
        static SQLITE: sqlparser::dialect::SQLiteDialect = sqlparser::dialect::SQLiteDialect {};
        static GENERIC: sqlparser::dialect::GenericDialect = sqlparser::dialect::GenericDialect {};
        match self {
            Dialect::Postgres => &POSTGRES,
            Dialect::Mysql => &MYSQL,
            Dialect::Sqlite => &SQLITE,
            Dialect::Generic => &GENERIC,
        }
    }

    /// Quotes an identifier for a fix suggestion when it needs quoting, in the dialect's own
    /// quotes (backticks on MySQL, double quotes elsewhere).
    pub fn quote_if_needed(self, name: &str) -> String {
        let simple = name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
            && !is_reserved(name);
        let case_ok = match self {
            Dialect::Postgres => !name.chars().any(|c| c.is_ascii_uppercase()),
            _ => true,
        };
        if simple && case_ok {
            return name.to_string();
        }
        match self {
            Dialect::Mysql => format!("`{}`", name.replace('`', "``")),
            _ => format!("\"{}\"", name.replace('"', "\"\"")),
        }
    }
}

/// Words that name common columns and tables but are reserved in at least one dialect.
fn is_reserved(name: &str) -> bool {
    const RESERVED: &[&str] = &[
        "all",
        "and",
        "as",
        "asc",
        "by",
        "case",
        "check",
        "column",
        "constraint",
        "create",
        "default",
        "desc",
        "distinct",
        "end",
        "from",
        "group",
        "having",
        "in",
        "index",
        "key",
        "limit",
        "not",
        "null",
        "on",
        "or",
        "order",
        "primary",
        "references",
        "select",
        "table",
        "to",
        "union",
        "unique",
        "user",
        "using",
        "when",
        "where",
        "with",
    ];
    RESERVED.contains(&name.to_ascii_lowercase().as_str())
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Dialect {
    type Err = UnknownDialect;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Dialect::from_name(s).ok_or_else(|| UnknownDialect(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_ignoring_case_and_blanks() {
        assert_eq!(Dialect::from_name("PostgreSQL"), Some(Dialect::Postgres));
        assert_eq!(Dialect::from_name(" postgres "), Some(Dialect::Postgres));
        assert_eq!(Dialect::from_name("MariaDB"), Some(Dialect::Mysql));
        assert_eq!(Dialect::from_name("mysql"), Some(Dialect::Mysql));
        assert_eq!(Dialect::from_name("sqlite"), Some(Dialect::Sqlite));
        assert_eq!(Dialect::from_name("oracle"), None);
        assert_eq!("sqlite3".parse::<Dialect>(), Ok(Dialect::Sqlite));
        let err = "mssql".parse::<Dialect>().unwrap_err();
        assert!(err.to_string().contains("mssql"));
        for d in Dialect::ALL {
            assert_eq!(Dialect::from_name(d.name()), Some(d));
        }
    }

    #[test]
    fn postgres_folds_unquoted_and_keeps_quoted() {
        let pg = Dialect::Postgres;
        assert_eq!(pg.stored_name("Users", false), "users");
        assert_eq!(pg.stored_name("Users", true), "Users");
        assert!(!pg.same_name("Users", "users"));
        assert!(pg.same_name("users", "users"));
    }

    #[test]
    fn mysql_and_sqlite_compare_without_case() {
        for d in [Dialect::Mysql, Dialect::Sqlite, Dialect::Generic] {
            assert_eq!(d.stored_name("Users", false), "Users");
            assert_eq!(d.stored_name("Users", true), "Users");
            assert!(d.same_name("Users", "USERS"));
            assert_eq!(d.key("Users"), d.key("users"));
        }
    }

    #[test]
    fn quoting_for_fixes_follows_the_dialect() {
        assert_eq!(Dialect::Postgres.quote_if_needed("orders"), "orders");
        assert_eq!(Dialect::Postgres.quote_if_needed("User"), "\"User\"");
        assert_eq!(Dialect::Postgres.quote_if_needed("order"), "\"order\"");
        assert_eq!(Dialect::Mysql.quote_if_needed("Customer"), "Customer");
        assert_eq!(Dialect::Mysql.quote_if_needed("group"), "`group`");
        assert_eq!(Dialect::Sqlite.quote_if_needed("my col"), "\"my col\"");
    }

    #[test]
    fn only_mysql_indexes_foreign_keys() {
        assert_eq!(Dialect::Mysql.indexes_foreign_keys(), Some(true));
        assert_eq!(Dialect::Postgres.indexes_foreign_keys(), Some(false));
        assert_eq!(Dialect::Sqlite.indexes_foreign_keys(), Some(false));
        assert_eq!(Dialect::Generic.indexes_foreign_keys(), None);
    }
}
