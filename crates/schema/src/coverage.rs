//! Does an index serve this use of a column? This module answers per use, with the index
//! that does (or a reason a person can act on when none does) and a fix in the schema's own
//! dialect. It also lists foreign keys no index starts with, for databases that do not index
//! them by themselves.
//!
//! The rules follow how B-tree indexes are used: an index serves a column when the column is
//! its leftmost key, or when every key before it is fixed by an equality in the same AND
//! group; a range or a sort may follow such equalities; a column that only appears later in
//! an index is not served; a wrapped column (`lower(email)`) needs an expression index on the
//! same expression; a leading-wildcard `LIKE` or an `ILIKE` needs a trigram index.

use crate::model::{Index, IndexDef, IndexKey, IndexKind, Origin, Schema, Table};
use crate::query::{ColumnUse, QueryFacts, UseKind};
use crate::Dialect;

/// How an index serves a use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    /// The index name, or its keys when it has no known name.
    pub index: String,
    /// Primary key, unique or plain.
    pub kind: IndexKind,
    /// A partial index: it serves the query only when the query's condition implies the
    /// index's `WHERE`.
    pub partial: bool,
}

/// The verdict on one use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The index that serves the use; `None` when none does.
    pub served: Option<Served>,
    /// Why, in words that complete `filter on orders.customer_email: …`.
    pub reason: String,
}

impl Verdict {
    /// Whether an index serves the use.
    pub fn covered(&self) -> bool {
        self.served.is_some()
    }
}

/// The verdict on one use of a query, with what a finding needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UseCoverage {
    /// Index into [`QueryFacts::uses`].
    pub use_index: usize,
    /// The table, resolved.
    pub table: String,
    /// The column.
    pub column: String,
    /// The use.
    pub kind: UseKind,
    /// The verdict.
    pub verdict: Verdict,
    /// A statement that would add a serving index, in the schema's dialect, when one would
    /// help.
    pub fix: Option<String>,
    /// Where the table was defined.
    pub table_origin: Origin,
}

impl UseCoverage {
    /// `filter on orders.customer_email: no index starts with customer_email`.
    pub fn message(&self) -> String {
        format!(
            "{} on {}.{}: {}",
            self.kind.verb(),
            self.table,
            self.column,
            self.verdict.reason
        )
    }
}

/// Why a use got no verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// The table is not in the schema (never guess).
    UnknownTable(String),
    /// The table is known and lists its columns, but not this one (an alias, a typo, a column
    /// added outside the migrations).
    UnknownColumn(String, String),
    /// An unqualified column that several tables of the query have, or none.
    Ambiguous(String),
}

/// Whether an AND group of a query has a use an index serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupCoverage {
    /// Index into [`QueryFacts::filter_groups`].
    pub group: usize,
    /// The table the group's predicates on which were judged.
    pub table: String,
    /// A served use of the group on that table (index into [`QueryFacts::uses`]); `None` when
    /// the database must scan the table for this group.
    pub served_by: Option<usize>,
}

/// The coverage of one query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QueryCoverage {
    /// Verdicts for the uses that could be judged.
    pub uses: Vec<UseCoverage>,
    /// Uses that could not be judged, and why.
    pub skipped: Vec<(usize, SkipReason)>,
    /// Per AND group and table: whether any of its predicates is served.
    pub groups: Vec<GroupCoverage>,
}

/// The table a use belongs to: its own, or the only candidate table that has the column.
pub fn resolve_table<'s>(schema: &'s Schema, u: &ColumnUse) -> Result<&'s Table, SkipReason> {
    let d = schema.dialect();
    if let Some(t) = &u.table {
        return schema
            .table(t)
            .ok_or_else(|| SkipReason::UnknownTable(t.clone()));
    }
    let known: Vec<&Table> = u
        .candidates
        .iter()
        .filter_map(|t| schema.table(t))
        .collect();
    let with_column: Vec<&Table> = known
        .iter()
        .copied()
        .filter(|t| t.has_column(d, &u.column))
        .collect();
    match with_column.as_slice() {
        [one] => Ok(one),
        _ if known.len() < u.candidates.len() && with_column.is_empty() => {
            Err(SkipReason::UnknownTable(u.candidates.join(", ")))
        }
        _ => Err(SkipReason::Ambiguous(u.column.clone())),
    }
}

/// Judges every use of a query against the schema.
///
/// ```
/// use shipshape_schema::{check_query, parse_ddl, parse_query, Dialect, FileId, Schema};
/// let d = Dialect::Postgres;
/// let mut schema = Schema::new(d);
/// schema.apply(FileId(0), &parse_ddl("CREATE TABLE orders (id bigserial PRIMARY KEY, customer_email text);", d).events);
/// let facts = parse_query("SELECT * FROM orders WHERE customer_email = $1", d).unwrap();
/// let cov = check_query(&schema, &facts);
/// assert_eq!(cov.uses[0].message(), "filter on orders.customer_email: no index starts with customer_email");
/// assert_eq!(
///     cov.uses[0].fix.as_deref(),
///     Some("CREATE INDEX CONCURRENTLY idx_orders_customer_email ON orders (customer_email);")
/// );
/// ```
pub fn check_query(schema: &Schema, facts: &QueryFacts) -> QueryCoverage {
    let d = schema.dialect();
    let mut out = QueryCoverage::default();
    let mut resolved: Vec<Option<&Table>> = Vec::with_capacity(facts.uses.len());
    for (i, u) in facts.uses.iter().enumerate() {
        let t = match resolve_table(schema, u) {
            Ok(t) if !t.columns.is_empty() && !t.has_column(d, &u.column) => {
                out.skipped.push((
                    i,
                    SkipReason::UnknownColumn(t.name.clone(), u.column.clone()),
                ));
                None
            }
            Ok(t) => Some(t),
            Err(why) => {
                out.skipped.push((i, why));
                None
            }
        };
        resolved.push(t);
    }
    for (i, u) in facts.uses.iter().enumerate() {
        let Some(table) = resolved[i] else {
            continue;
        };
        let same_table = |j: usize| resolved[j].is_some_and(|t| std::ptr::eq(t, table));
        let (verdict, prefix) = if is_sort(&u.kind) {
            let fixed = sort_prefix(facts, i, &same_table, d);
            (judge(d, table, u, &fixed), fixed)
        } else {
            // The worst verdict over the AND groups holding the use.
            let mut worst: Option<(Verdict, Vec<String>)> = None;
            let groups: Vec<&crate::query::FilterGroup> = facts
                .filter_groups
                .iter()
                .filter(|g| g.uses.contains(&i))
                .collect();
            if groups.is_empty() {
                worst = Some((judge(d, table, u, &[]), Vec::new()));
            }
            for g in groups {
                let fixed: Vec<String> = g
                    .uses
                    .iter()
                    .filter(|&&j| j != i && same_table(j) && fixes_value(&facts.uses[j].kind))
                    .map(|&j| facts.uses[j].column.clone())
                    .collect();
                let v = judge(d, table, u, &fixed);
                let replace = match &worst {
                    None => true,
                    Some((w, _)) => w.covered() && !v.covered(),
                };
                if replace {
                    worst = Some((v, fixed));
                }
            }
            worst.unwrap_or_else(|| (judge(d, table, u, &[]), Vec::new()))
        };
        let fix = if verdict.covered() {
            None
        } else {
            fix_for(d, table, u, &prefix)
        };
        out.uses.push(UseCoverage {
            use_index: i,
            table: table.name.clone(),
            column: u.column.clone(),
            kind: u.kind.clone(),
            verdict,
            fix,
            table_origin: table.origin,
        });
    }
    for (gi, g) in facts.filter_groups.iter().enumerate() {
        let mut tables: Vec<&str> = Vec::new();
        for &j in &g.uses {
            if let Some(t) = resolved[j] {
                if !tables.contains(&t.name.as_str()) {
                    tables.push(&t.name);
                }
            }
        }
        for t in tables {
            let served_by = g.uses.iter().copied().find(|&j| {
                resolved[j].is_some_and(|r| r.name == t)
                    && facts.uses[j].kind != UseKind::Join
                    && out
                        .uses
                        .iter()
                        .any(|c| c.use_index == j && c.verdict.covered())
            });
            // A group whose only predicates on the table are join columns is served by the
            // join's own index, judged on the join uses. A filter on the table that no index
            // serves is not rescued by a join key: the table (or the other side) is scanned.
            let filters_table = g.uses.iter().any(|&j| {
                resolved[j].is_some_and(|r| r.name == t) && facts.uses[j].kind != UseKind::Join
            });
            let served_by = served_by.or_else(|| {
                if filters_table {
                    return None;
                }
                g.uses.iter().copied().find(|&j| {
                    resolved[j].is_some_and(|r| r.name == t)
                        && out
                            .uses
                            .iter()
                            .any(|c| c.use_index == j && c.verdict.covered())
                })
            });
            out.groups.push(GroupCoverage {
                group: gi,
                table: t.to_string(),
                served_by,
            });
        }
    }
    out
}

fn is_sort(k: &UseKind) -> bool {
    matches!(k, UseKind::OrderBy { .. } | UseKind::GroupBy)
}

/// Uses that pin a column to one value (or, for `IN`, a few): keys before the judged column
/// may be fixed by them.
fn fixes_value(k: &UseKind) -> bool {
    matches!(
        k,
        UseKind::Eq | UseKind::In | UseKind::IsNull | UseKind::Join
    )
}

/// For a sort: the columns equal in every AND group of its block (an `IN` does not keep the
/// order), plus the sort keys before it.
fn sort_prefix(
    facts: &QueryFacts,
    i: usize,
    same_table: &dyn Fn(usize) -> bool,
    d: Dialect,
) -> Vec<String> {
    let u = &facts.uses[i];
    let mut fixed: Option<Vec<String>> = None;
    for g in facts.filter_groups.iter().filter(|g| g.block == u.block) {
        let eq: Vec<String> = g
            .uses
            .iter()
            .filter(|&&j| {
                same_table(j)
                    && matches!(
                        facts.uses[j].kind,
                        UseKind::Eq | UseKind::IsNull | UseKind::Join
                    )
            })
            .map(|&j| facts.uses[j].column.clone())
            .collect();
        fixed = Some(match fixed {
            None => eq,
            Some(prev) => prev
                .into_iter()
                .filter(|c| eq.iter().any(|e| d.same_name(e, c)))
                .collect(),
        });
    }
    let mut fixed = fixed.unwrap_or_default();
    for (j, other) in facts.uses.iter().enumerate().take(i) {
        if other.block == u.block && other.kind == u.kind && same_table(j) {
            fixed.push(other.column.clone());
        }
    }
    fixed
}

/// What a use asks of an index key.
enum Target<'a> {
    Column(&'a str),
    Expression(&'a str),
}

/// Judges one use against a table's indexes, given the columns fixed by equalities in its
/// AND group. This is the core of [`check_query`], usable on its own for uses that ORM
/// extractors build.
pub fn judge(d: Dialect, table: &Table, u: &ColumnUse, fixed: &[String]) -> Verdict {
    let indexes = access_paths(d, table);
    let col = u.column.as_str();
    let target = match (&u.kind, &u.expression) {
        (UseKind::Function(_), Some(e)) => Target::Expression(e),
        (UseKind::OrderBy { .. } | UseKind::GroupBy, Some(e)) => Target::Expression(e),
        _ => Target::Column(col),
    };

    // Leading-wildcard LIKE and ILIKE: only a trigram (or similar) index helps.
    let needs_trigram = matches!(u.kind, UseKind::LikeInfix | UseKind::LikeSuffix)
        || matches!(&u.kind, UseKind::Function(f) if f == "ilike");
    if needs_trigram {
        if let Some(i) = indexes.iter().find(|i| is_trigram_on(i, d, col)) {
            return served(i, "a trigram index covers it".to_string());
        }
        let why = match &u.kind {
            UseKind::Function(_) => format!(
                "ILIKE compares without case: a B-tree index on {col} cannot serve it (a trigram index could)"
            ),
            _ => format!(
                "LIKE with a leading wildcard: no B-tree index on {col} can serve it (a trigram index could)"
            ),
        };
        return Verdict {
            served: None,
            reason: why,
        };
    }

    let mut best: Option<(&PathIndex, String)> = None;
    for i in &indexes {
        if !i.btree_like() {
            continue;
        }
        let Some(pos) = i.keys.iter().position(|k| key_matches(d, k, &target)) else {
            continue;
        };
        if i.hash
            && (pos != 0
                || i.keys.len() != 1
                || !matches!(u.kind, UseKind::Eq | UseKind::In | UseKind::Join))
        {
            continue;
        }
        // A partial index holds only the rows its WHERE selects: it serves a query whose
        // group pins every column that WHERE names (`status = 'open' AND placed_at > ?` for
        // `… (placed_at) WHERE status = 'open'`), not one that leaves them free.
        if i.partial && !predicate_pinned(d, table, i.predicate.as_deref(), col, fixed) {
            continue;
        }
        let before_fixed = i.keys[..pos].iter().all(|k| {
            k.column_name()
                .is_some_and(|c| fixed.iter().any(|f| d.same_name(f, c)))
        });
        if !before_fixed {
            continue;
        }
        let how = if pos == 0 {
            match i.kind {
                IndexKind::PrimaryKey if i.keys.len() == 1 => format!("{col} is the primary key"),
                _ => format!(
                    "{} {} starts with {}",
                    i.describe(),
                    i.keys_display(),
                    target_text(&target)
                ),
            }
        } else {
            let eq: Vec<&str> = i.keys[..pos]
                .iter()
                .filter_map(IndexKey::column_name)
                .collect();
            format!(
                "{} {} serves it after the equality on {}",
                i.describe(),
                i.keys_display(),
                eq.join(", ")
            )
        };
        let better = match &best {
            None => true,
            Some((b, _)) => rank(i) < rank(b),
        };
        if better {
            best = Some((i, how));
        }
    }
    if let Some((i, how)) = best {
        let mut reason = how;
        if i.partial {
            reason.push_str(&format!(
                " (partial: only rows WHERE {})",
                i.predicate.as_deref().unwrap_or("…")
            ));
        }
        if matches!(u.kind, UseKind::LikePrefix | UseKind::LikeUnknown) {
            if d == Dialect::Postgres && !i.pattern_ops {
                reason.push_str(" (for LIKE, Postgres needs text_pattern_ops or the C collation)");
            }
            if u.kind == UseKind::LikeUnknown {
                reason.push_str(" (if the pattern has no leading wildcard)");
            }
        }
        return served(i, reason);
    }
    not_served(d, &indexes, u, &target, fixed)
}

/// Whether every column of `table` that a partial index's predicate names is the judged
/// column or fixed by the query's group.
fn predicate_pinned(
    d: Dialect,
    table: &Table,
    predicate: Option<&str>,
    column: &str,
    fixed: &[String],
) -> bool {
    let Some(predicate) = predicate else {
        return true;
    };
    predicate
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty() && table.has_column(d, word))
        .all(|word| d.same_name(word, column) || fixed.iter().any(|f| d.same_name(f, word)))
}

fn served(i: &PathIndex, reason: String) -> Verdict {
    Verdict {
        served: Some(Served {
            index: i.label.clone(),
            kind: i.kind,
            partial: i.partial,
        }),
        reason,
    }
}

fn rank(i: &PathIndex) -> (bool, u8, bool) {
    let kind = match i.kind {
        IndexKind::PrimaryKey => 0,
        IndexKind::Unique => 1,
        IndexKind::Index => 2,
    };
    (i.partial, kind, i.implicit)
}

fn not_served(
    d: Dialect,
    indexes: &[PathIndex],
    u: &ColumnUse,
    target: &Target<'_>,
    fixed: &[String],
) -> Verdict {
    let col = u.column.as_str();
    if let (UseKind::Function(f), Some(expr)) = (&u.kind, &u.expression) {
        let plain = indexes.iter().find(|i| {
            i.keys
                .first()
                .is_some_and(|k| key_matches(d, k, &Target::Column(col)))
        });
        let reason = match plain {
            Some(i) => format!(
                "{expr} wraps the column: {} {} cannot serve it; an index on the expression {expr} would",
                i.describe(),
                i.keys_display()
            ),
            None => format!(
                "{expr} wraps the column in {f}(): no index on the expression {expr}"
            ),
        };
        return Verdict {
            served: None,
            reason,
        };
    }
    // A composite index that has the column after keys the query does not fix.
    let later = indexes.iter().find_map(|i| {
        let pos = i.keys.iter().position(|k| key_matches(d, k, target))?;
        (pos > 0).then_some((i, pos))
    });
    let name = target_text(target);
    let reason = match later {
        Some((i, pos)) => {
            let missing: Vec<&str> = i.keys[..pos]
                .iter()
                .filter(|k| {
                    !k.column_name()
                        .is_some_and(|c| fixed.iter().any(|f| d.same_name(f, c)))
                })
                .map(|k| k.column_name().unwrap_or("an expression"))
                .collect();
            format!(
                "no index starts with {name} ({} {} has it in position {}, after {} which the query does not fix)",
                i.describe(),
                i.keys_display(),
                pos + 1,
                missing.join(", ")
            )
        }
        None => format!("no index starts with {name}"),
    };
    Verdict {
        served: None,
        reason,
    }
}

fn target_text<'a>(t: &Target<'a>) -> &'a str {
    match t {
        Target::Column(c) => c,
        Target::Expression(e) => e,
    }
}

fn key_matches(d: Dialect, k: &IndexKey, t: &Target<'_>) -> bool {
    match (k, t) {
        (IndexKey::Column { name, .. }, Target::Column(c)) => d.same_name(name, c),
        (IndexKey::Expression(e), Target::Expression(x)) => e == x,
        // `(email)` written as an expression key is the column.
        (IndexKey::Expression(e), Target::Column(c)) => d.same_name(e, c),
        (IndexKey::Column { name, .. }, Target::Expression(x)) => d.same_name(name, x),
    }
}

/// An index as coverage sees it: declared, or the one InnoDB makes for a foreign key.
struct PathIndex {
    label: String,
    kind: IndexKind,
    keys: Vec<IndexKey>,
    partial: bool,
    predicate: Option<String>,
    method: Option<String>,
    hash: bool,
    pattern_ops: bool,
    implicit: bool,
}

impl PathIndex {
    fn from_index(i: &Index) -> Self {
        let def: &IndexDef = &i.def;
        let label = def.name.clone().unwrap_or_else(|| def.keys_display());
        PathIndex {
            label,
            kind: def.kind,
            keys: def.keys.clone(),
            partial: def.predicate.is_some(),
            predicate: def.predicate.clone(),
            method: def.method.clone(),
            hash: def.method.as_deref() == Some("hash"),
            pattern_ops: def.keys.iter().any(|k| {
                matches!(k, IndexKey::Column { opclass: Some(o), .. } if o.contains("pattern_ops"))
            }),
            implicit: false,
        }
    }

    fn btree_like(&self) -> bool {
        match self.method.as_deref() {
            None | Some("btree") | Some("hash") => true,
            Some(_) => false,
        }
    }

    fn describe(&self) -> String {
        let what = match (self.kind, self.implicit) {
            (_, true) => "the foreign-key index",
            (IndexKind::PrimaryKey, _) => "primary key",
            (IndexKind::Unique, _) => "unique index",
            (IndexKind::Index, _) => "index",
        };
        // An unnamed index is labelled by its keys, which messages show anyway.
        if self.implicit || self.label == self.keys_display() {
            what.to_string()
        } else {
            format!("{what} {}", self.label)
        }
    }

    fn keys_display(&self) -> String {
        let keys: Vec<String> = self.keys.iter().map(IndexKey::display).collect();
        format!("({})", keys.join(", "))
    }
}

fn is_trigram_on(i: &PathIndex, d: Dialect, col: &str) -> bool {
    matches!(i.method.as_deref(), Some("gin" | "gist"))
        && i.keys.iter().any(|k| {
            matches!(k, IndexKey::Column { name, opclass: Some(o), .. }
                if d.same_name(name, col) && o.contains("trgm"))
        })
}

/// The table's indexes, plus on MySQL the index InnoDB creates for each enforced foreign key
/// that no index starts with.
fn access_paths(d: Dialect, t: &Table) -> Vec<PathIndex> {
    let mut paths: Vec<PathIndex> = t.indexes.iter().map(PathIndex::from_index).collect();
    if d.indexes_foreign_keys() == Some(true) {
        for fk in t.foreign_keys.iter().filter(|f| f.def.enforced) {
            if !leading_columns_indexed(d, t, &fk.def.columns) {
                paths.push(PathIndex {
                    label: fk
                        .def
                        .name
                        .clone()
                        .unwrap_or_else(|| fk.def.columns.join("_")),
                    kind: IndexKind::Index,
                    keys: fk.def.columns.iter().map(IndexKey::column).collect(),
                    partial: false,
                    predicate: None,
                    method: None,
                    hash: false,
                    pattern_ops: false,
                    implicit: true,
                });
            }
        }
    }
    paths
}

/// Whether a full (non-partial) B-tree index starts with exactly these columns, in any order.
fn leading_columns_indexed(d: Dialect, t: &Table, columns: &[String]) -> bool {
    t.indexes.iter().any(|i| {
        i.def.predicate.is_none()
            && matches!(i.def.method.as_deref(), None | Some("btree"))
            && i.def.keys.len() >= columns.len()
            && columns.iter().all(|c| {
                i.def.keys[..columns.len()]
                    .iter()
                    .any(|k| k.column_name().is_some_and(|n| d.same_name(n, c)))
            })
    })
}

/// The fix for an unserved use: an index on the fixed columns then the column for a range or
/// sort, on the column alone for an equality, on the expression for a wrapped column, a
/// trigram index on Postgres for a leading-wildcard search.
fn fix_for(d: Dialect, table: &Table, u: &ColumnUse, prefix: &[String]) -> Option<String> {
    match &u.kind {
        UseKind::LikeInfix | UseKind::LikeSuffix => trigram_fix(d, &table.name, &u.column),
        UseKind::Function(f) if f == "ilike" => trigram_fix(d, &table.name, &u.column),
        UseKind::Function(_) => {
            let e = u.expression.as_deref()?;
            Some(suggest_index(
                d,
                &table.name,
                &[IndexKey::Expression(e.to_string())],
            ))
        }
        UseKind::Range | UseKind::OrderBy { .. } | UseKind::GroupBy => {
            let mut keys: Vec<IndexKey> = Vec::new();
            for c in prefix {
                if !keys
                    .iter()
                    .any(|k| k.column_name().is_some_and(|n| d.same_name(n, c)))
                    && !d.same_name(c, &u.column)
                {
                    keys.push(IndexKey::column(c));
                }
            }
            match &u.expression {
                Some(e) => keys.push(IndexKey::Expression(e.clone())),
                None => keys.push(IndexKey::column(&u.column)),
            }
            Some(suggest_index(d, &table.name, &keys))
        }
        _ => Some(suggest_index(
            d,
            &table.name,
            &[IndexKey::column(&u.column)],
        )),
    }
}

fn trigram_fix(d: Dialect, table: &str, column: &str) -> Option<String> {
    (d == Dialect::Postgres).then(|| {
        let name = index_name(d, table, &[column.to_string(), "trgm".to_string()]);
        format!(
            "CREATE INDEX CONCURRENTLY {} ON {} USING gin ({} gin_trgm_ops);",
            d.quote_if_needed(&name),
            d.quote_if_needed(table),
            d.quote_if_needed(column)
        )
    })
}

/// A `CREATE INDEX` statement for `keys` on `table` in the dialect: `CONCURRENTLY` on
/// Postgres (no write lock on a live table), plain elsewhere; MySQL wraps an expression key in
/// the double parentheses it requires.
pub fn suggest_index(d: Dialect, table: &str, keys: &[IndexKey]) -> String {
    let words: Vec<String> = keys
        .iter()
        .map(|k| match k {
            IndexKey::Column { name, .. } => name.clone(),
            IndexKey::Expression(e) => e
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("_"),
        })
        .collect();
    let name = index_name(d, table, &words);
    let keys: Vec<String> = keys
        .iter()
        .map(|k| match k {
            IndexKey::Column {
                name, descending, ..
            } => {
                let q = d.quote_if_needed(name);
                if *descending {
                    format!("{q} DESC")
                } else {
                    q
                }
            }
            IndexKey::Expression(e) if d == Dialect::Mysql => format!("({e})"),
            IndexKey::Expression(e) if e.starts_with('(') || e.ends_with(')') => e.clone(),
            IndexKey::Expression(e) => format!("({e})"),
        })
        .collect();
    let concurrently = if d == Dialect::Postgres {
        "CONCURRENTLY "
    } else {
        ""
    };
    format!(
        "CREATE INDEX {concurrently}{} ON {} ({});",
        d.quote_if_needed(&name),
        d.quote_if_needed(table),
        keys.join(", ")
    )
}

/// `idx_<table>_<words>`, cut to the database's identifier limit.
fn index_name(d: Dialect, table: &str, words: &[String]) -> String {
    let mut name = format!("idx_{table}_{}", words.join("_")).to_lowercase();
    let max = if d == Dialect::Postgres { 63 } else { 64 };
    if name.len() > max {
        let mut cut = max;
        while !name.is_char_boundary(cut) {
            cut -= 1;
        }
        name.truncate(cut);
    }
    name
}

/// A foreign key no index starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnindexedForeignKey {
    /// The referencing table.
    pub table: String,
    /// The foreign-key columns.
    pub columns: Vec<String>,
    /// The referenced table.
    pub references_table: String,
    /// Where the foreign key was declared.
    pub origin: Origin,
    /// The index that would serve it, in the schema's dialect.
    pub fix: String,
}

/// Foreign keys whose columns no full B-tree index starts with (in any order), on databases
/// that do not index foreign keys by themselves: Postgres and SQLite, and MySQL for relations
/// the database does not hold (Prisma's `relationMode = "prisma"`). Nothing for the generic
/// dialect, where it cannot be known.
pub fn unindexed_foreign_keys(schema: &Schema) -> Vec<UnindexedForeignKey> {
    let d = schema.dialect();
    let Some(auto) = d.indexes_foreign_keys() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for t in schema.tables() {
        for fk in &t.foreign_keys {
            if fk.def.columns.is_empty() || (auto && fk.def.enforced) {
                continue;
            }
            if leading_columns_indexed(d, t, &fk.def.columns) {
                continue;
            }
            let keys: Vec<IndexKey> = fk.def.columns.iter().map(IndexKey::column).collect();
            out.push(UnindexedForeignKey {
                table: t.name.clone(),
                columns: fk.def.columns.clone(),
                references_table: fk.def.references_table.clone(),
                origin: fk.origin,
                fix: suggest_index(d, &t.name, &keys),
            });
        }
    }
    out
}
