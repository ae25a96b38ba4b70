//! Which `.sql` files of a repository describe its schema, and in what order they run. The
//! schema is what the migrations leave behind, so order matters: an index added in a later
//! migration exists, one dropped later does not, and a rollback script never ran.
//!
//! # Rules
//!
//! A path (relative, `/`-separated) is **left out** when
//! - it is a rollback: the file is `down.sql`, or its name ends in `.down.sql`, `_down.sql`,
//!   `-down.sql`, `.undo.sql`, `.rollback.sql`, `_rollback.sql`, or is a Flyway undo script
//!   (`U3__x.sql`), or a folder on its path is `down`, `rollback` or `rollbacks`;
//! - a folder on its path is a test or seed folder (`test`, `tests`, `spec`, `fixtures`,
//!   `testdata`, `__tests__`, `seeds`, `seed`), or the file is `seed.sql`/`seeds.sql`;
//! - none of the rules below takes it.
//!
//! A path is a **migration** when a folder on its path is `migrations`, `migration`,
//! `migrate` (Rails' `db/migrate`) or `changesets`, which covers Prisma
//! (`prisma/migrations/<timestamp>_name/migration.sql`), Diesel
//! (`migrations/<date>_name/up.sql`), Flyway's `db/migration`, golang-migrate, dbmate,
//! sqlx and Supabase layouts; or when its name is a Flyway versioned (`V1__x.sql`,
//! `V1_2__y.sql`, `V1.2__y.sql`) or repeatable (`R__views.sql`) script; or when its name
//! starts with a number followed by `_`, `-` or `.` (`0001_init.sql`, `20240101-x.sql`).
//!
//! A path is a **schema dump** when its name is `schema.sql`, `structure.sql`, `init.sql`,
//! `*.schema.sql` or `*_schema.sql`, or a folder on its path is `schema` or
//! `docker-entrypoint-initdb.d`.
//!
//! **Order**: ordinary migrations first, by path in natural order (runs of digits compare as
//! numbers, so `2_x` < `10_x`, and Prisma and Diesel timestamps sort by time); then Flyway
//! versioned scripts by version, numerically part by part (`V1` < `V1_1` < `V1_2` < `V1_10` <
//! `V2`); then Flyway repeatable scripts by name; then schema dumps by path. A dump written
//! after migrations is the newer picture of the same tables, and a later `CREATE TABLE`
//! replaces an earlier one (see [`crate::Schema::apply`]).

use std::cmp::Ordering;

/// What a schema-related `.sql` file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SqlFileRole {
    /// A migration that runs in order with the others.
    Migration,
    /// A Flyway versioned script, ordered by its version.
    FlywayVersioned,
    /// A Flyway repeatable script, run after all versioned ones.
    FlywayRepeatable,
    /// A full schema file or dump (`schema.sql`, `structure.sql`).
    SchemaDump,
}

/// What role a `.sql` path plays in the schema, or `None` when it plays none (a rollback, a
/// seed, a test fixture, a query file, or not a `.sql` file).
pub fn classify_sql_path(path: &str) -> Option<SqlFileRole> {
    let path = path.trim_start_matches("./");
    let (dirs, file) = match path.rsplit_once('/') {
        Some((dirs, file)) => (dirs, file),
        None => ("", path),
    };
    let lower = file.to_ascii_lowercase();
    let stem = lower.strip_suffix(".sql")?;
    let dir_names: Vec<String> = dirs
        .split('/')
        .filter(|d| !d.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let in_dir = |names: &[&str]| dir_names.iter().any(|d| names.contains(&d.as_str()));

    let rollback = stem == "down"
        || [".down", "_down", "-down", ".undo", ".rollback", "_rollback"]
            .iter()
            .any(|s| stem.ends_with(s))
        || flyway_version(file, 'U').is_some()
        || in_dir(&["down", "rollback", "rollbacks"]);
    if rollback {
        return None;
    }
    if in_dir(&[
        "test",
        "tests",
        "spec",
        "fixtures",
        "testdata",
        "__tests__",
        "seeds",
        "seed",
    ]) || stem == "seed"
        || stem == "seeds"
    {
        return None;
    }
    if flyway_version(file, 'V').is_some() {
        return Some(SqlFileRole::FlywayVersioned);
    }
    if file.starts_with("R__") {
        return Some(SqlFileRole::FlywayRepeatable);
    }
    if in_dir(&["migrations", "migration", "migrate", "changesets"]) {
        return Some(SqlFileRole::Migration);
    }
    let numbered = stem.bytes().take_while(u8::is_ascii_digit).count();
    if numbered > 0 && matches!(stem.as_bytes().get(numbered), Some(b'_' | b'-' | b'.')) {
        return Some(SqlFileRole::Migration);
    }
    if matches!(stem, "schema" | "structure" | "init")
        || stem.ends_with(".schema")
        || stem.ends_with("_schema")
        || in_dir(&["schema", "docker-entrypoint-initdb.d"])
    {
        return Some(SqlFileRole::SchemaDump);
    }
    None
}

/// The repository's schema files among `paths`, in the order they are applied (see the
/// module rules). Paths that play no role are left out.
///
/// ```
/// use shipshape_schema::order_migrations;
/// let paths = [
///     "migrations/2024-02-01-000000_add_index/up.sql",
///     "migrations/2024-02-01-000000_add_index/down.sql",
///     "migrations/2024-01-10-120000_create_orders/up.sql",
///     "queries/report.sql",
/// ];
/// assert_eq!(
///     order_migrations(paths),
///     [
///         "migrations/2024-01-10-120000_create_orders/up.sql",
///         "migrations/2024-02-01-000000_add_index/up.sql",
///     ]
/// );
/// ```
pub fn order_migrations<'a, I>(paths: I) -> Vec<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut files: Vec<(SqlFileRole, &'a str)> = paths
        .into_iter()
        .filter_map(|p| classify_sql_path(p).map(|role| (role, p)))
        .collect();
    files.sort_by(|(ra, a), (rb, b)| {
        ra.cmp(rb).then_with(|| match ra {
            SqlFileRole::FlywayVersioned => {
                let va = flyway_version(file_name(a), 'V').unwrap_or_default();
                let vb = flyway_version(file_name(b), 'V').unwrap_or_default();
                va.cmp(&vb).then_with(|| natural_cmp(a, b))
            }
            SqlFileRole::FlywayRepeatable => {
                natural_cmp(file_name(a), file_name(b)).then_with(|| natural_cmp(a, b))
            }
            _ => natural_cmp(a, b),
        })
    });
    files.dedup_by(|a, b| a.1 == b.1);
    files.into_iter().map(|(_, p)| p).collect()
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// The version parts of a Flyway script named `<prefix><version>__<description>.sql`, where
/// the version is numbers separated by `_` or `.`.
fn flyway_version(file: &str, prefix: char) -> Option<Vec<u64>> {
    let rest = file.strip_prefix(prefix)?;
    let (version, description) = rest.split_once("__")?;
    if version.is_empty() || description.is_empty() {
        return None;
    }
    version
        .split(['_', '.'])
        .map(|part| {
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                None
            } else {
                // Versions beyond u64 are absurd; saturate rather than fail.
                Some(part.parse::<u64>().unwrap_or(u64::MAX))
            }
        })
        .collect()
}

/// Compares two strings so that runs of ASCII digits compare by value (`a2` < `a10`); equal
/// values with more leading zeros sort after; everything else compares byte by byte.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i].is_ascii_digit() && b[j].is_ascii_digit() {
            let si = i;
            while i < a.len() && a[i].is_ascii_digit() {
                i += 1;
            }
            let sj = j;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            let na = trim_zeros(&a[si..i]);
            let nb = trim_zeros(&b[sj..j]);
            let by_value = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb));
            let by_width = (i - si).cmp(&(j - sj));
            match by_value.then(by_width) {
                Ordering::Equal => continue,
                other => return other,
            }
        }
        match a[i].cmp(&b[j]) {
            Ordering::Equal => {
                i += 1;
                j += 1;
            }
            other => return other,
        }
    }
    (a.len() - i).cmp(&(b.len() - j))
}

fn trim_zeros(digits: &[u8]) -> &[u8] {
    let first = digits
        .iter()
        .position(|&d| d != b'0')
        .unwrap_or(digits.len());
    &digits[first..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_compares_numbers_by_value() {
        assert_eq!(natural_cmp("2_x.sql", "10_x.sql"), Ordering::Less);
        assert_eq!(natural_cmp("a10", "a9"), Ordering::Greater);
        assert_eq!(natural_cmp("0002_b", "0010_a"), Ordering::Less);
        assert_eq!(natural_cmp("abc", "abc"), Ordering::Equal);
        assert_eq!(natural_cmp("1", "01"), Ordering::Less);
        assert_eq!(natural_cmp("ab", "abc"), Ordering::Less);
        assert_eq!(
            natural_cmp("99999999999999999999999_a", "100000000000000000000000_a"),
            Ordering::Less
        );
    }

    #[test]
    fn flyway_versions_are_numeric_parts() {
        assert_eq!(flyway_version("V1__init.sql", 'V'), Some(vec![1]));
        assert_eq!(flyway_version("V1_2__add.sql", 'V'), Some(vec![1, 2]));
        assert_eq!(flyway_version("V1.10__add.sql", 'V'), Some(vec![1, 10]));
        assert_eq!(flyway_version("V__x.sql", 'V'), None);
        assert_eq!(flyway_version("Vacuum__x.sql", 'V'), None);
        assert_eq!(flyway_version("views.sql", 'V'), None);
    }

    #[test]
    fn rollbacks_seeds_and_tests_are_left_out() {
        for p in [
            "migrations/2024-01-01-000000_x/down.sql",
            "db/migrations/0003_add.down.sql",
            "db/migrations/0003_add_down.sql",
            "db/migrations/0003_add.rollback.sql",
            "db/migration/U3__undo.sql",
            "migrations/down/0001.sql",
            "db/seeds/0001_users.sql",
            "tests/fixtures/schema.sql",
            "db/seed.sql",
            "queries/report.sql",
            "migrations/0001_init.txt",
        ] {
            assert_eq!(classify_sql_path(p), None, "{p}");
        }
    }

    #[test]
    fn layouts_are_recognised() {
        use SqlFileRole::*;
        for (p, role) in [
            (
                "prisma/migrations/20240101120000_init/migration.sql",
                Migration,
            ),
            (
                "migrations/2024-01-01-000000_create_users/up.sql",
                Migration,
            ),
            ("db/migrate/20240101_create.sql", Migration),
            (
                "src/main/resources/db/migration/V1__init.sql",
                FlywayVersioned,
            ),
            ("sql/R__views.sql", FlywayRepeatable),
            ("sql/0001_init.sql", Migration),
            ("supabase/migrations/20240101000000_x.sql", Migration),
            ("db/structure.sql", SchemaDump),
            ("schema.sql", SchemaDump),
            ("docker/docker-entrypoint-initdb.d/10-tables.sql", Migration),
            ("docker/docker-entrypoint-initdb.d/tables.sql", SchemaDump),
            ("db/app_schema.sql", SchemaDump),
        ] {
            assert_eq!(classify_sql_path(p), Some(role), "{p}");
        }
    }

    #[test]
    fn flyway_scripts_sort_by_version_then_repeatables() {
        let paths = [
            "db/migration/V1_10__j.sql",
            "db/migration/R__views.sql",
            "db/migration/V2__b.sql",
            "db/migration/V1_2__c.sql",
            "db/migration/V1__a.sql",
            "db/migration/V10__z.sql",
        ];
        assert_eq!(
            order_migrations(paths),
            [
                "db/migration/V1__a.sql",
                "db/migration/V1_2__c.sql",
                "db/migration/V1_10__j.sql",
                "db/migration/V2__b.sql",
                "db/migration/V10__z.sql",
                "db/migration/R__views.sql",
            ]
        );
    }

    #[test]
    fn numbered_migrations_before_dumps_in_natural_order() {
        let paths = [
            "db/schema.sql",
            "migrations/10_add_index.sql",
            "migrations/2_orders.sql",
            "migrations/1_init.sql",
            "migrations/1_init.sql",
        ];
        assert_eq!(
            order_migrations(paths),
            [
                "migrations/1_init.sql",
                "migrations/2_orders.sql",
                "migrations/10_add_index.sql",
                "db/schema.sql",
            ]
        );
    }
}
