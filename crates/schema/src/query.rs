//! One raw SQL string found in code → the tables it reads and how it uses their columns:
//! filtered by equality, `IN`, a range, `LIKE`, `IS NULL`, through a function, joined on,
//! sorted by or grouped by. Predicates ANDed together in one `WHERE` are kept together (a
//! composite index serves them jointly); an `OR` splits them into separate groups.

use std::collections::HashMap;

use sqlparser::ast::{
    BinaryOperator, Expr, FromTable, FunctionArg, FunctionArgExpr, FunctionArguments, GroupByExpr,
    InTarget, JoinConstraint, JoinOperator, ObjectName, OrderByExpr, OrderByKind, Query, Select,
    SelectItem, SetExpr, Statement, TableFactor, TableObject, TableWithJoins, UnaryOperator,
    UpdateTableFromKind, Value,
};

use crate::normalize::{expr_text, ident_name, object_last};
use crate::parse::{parse_tokens, tokenize};
use crate::placeholders::normalize_placeholders;
use crate::Dialect;

/// How deep expression walks go; the parser's own limit keeps real trees far shallower.
const MAX_EXPR_DEPTH: usize = 64;
/// `(a OR b) AND (c OR d) AND …` multiplies out; past this many groups each predicate is kept
/// on its own instead.
const MAX_GROUPS: usize = 64;

/// What kind of statement the string is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementKind {
    /// `SELECT` (also `WITH … SELECT`, `UNION`).
    Select,
    /// `UPDATE`.
    Update,
    /// `DELETE`.
    Delete,
    /// `INSERT` (its `SELECT` source, if any, is read like a query).
    Insert,
    /// Anything else (DDL, `SET`, …): no facts.
    Other,
}

/// How a query uses a column.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UseKind {
    /// `col = value`.
    Eq,
    /// `col IN (…)`, `col IN (SELECT …)`, `col = ANY(…)`.
    In,
    /// `<`, `<=`, `>`, `>=`, `BETWEEN`.
    Range,
    /// `LIKE 'abc%'`: a B-tree index can serve it.
    LikePrefix,
    /// `LIKE '%abc%'`: no B-tree index can.
    LikeInfix,
    /// `LIKE '%abc'`: no B-tree index can.
    LikeSuffix,
    /// `LIKE ?`: the pattern is known only at run time.
    LikeUnknown,
    /// `col IS NULL`.
    IsNull,
    /// The column is wrapped in a function, cast or expression (`lower(email) = ?`,
    /// `created_at::date = ?`, `ILIKE`): the function's lower-cased name, `cast`, `ilike`, or
    /// the operator. [`ColumnUse::expression`] holds the normalised expression.
    Function(String),
    /// A column of a join condition (`JOIN … ON a.x = b.y`, `USING (x)`, or the same in
    /// `WHERE`).
    Join,
    /// `ORDER BY col`.
    OrderBy {
        /// Whether the query has a `LIMIT`/`FETCH` (a sort an index can stop early).
        limit: bool,
    },
    /// `GROUP BY col`.
    GroupBy,
}

impl UseKind {
    /// A short word for messages: `filter`, `join`, `sort`, `group`.
    pub fn verb(&self) -> &'static str {
        match self {
            UseKind::Join => "join",
            UseKind::OrderBy { .. } => "sort",
            UseKind::GroupBy => "group",
            _ => "filter",
        }
    }
}

/// A table the query reads or writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableUse {
    /// Stored table name, schema dropped.
    pub name: String,
    /// The alias it has in the query.
    pub alias: Option<String>,
}

/// One use of one column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnUse {
    /// The table, resolved through aliases; `None` when an unqualified column could belong to
    /// several tables (see [`ColumnUse::candidates`]).
    pub table: Option<String>,
    /// When `table` is `None`: the tables of that `SELECT` it could belong to. The schema
    /// decides ([`crate::resolve_table`]).
    pub candidates: Vec<String>,
    /// Stored column name.
    pub column: String,
    /// How it is used.
    pub kind: UseKind,
    /// For a wrapped column or a sort by an expression: the normalised expression
    /// (`lower(email)`), comparable with an expression index key.
    pub expression: Option<String>,
    /// Which `SELECT`, `UPDATE` or `DELETE` block of the statement it belongs to (sorts use the
    /// equality filters of the same block).
    pub block: usize,
}

impl ColumnUse {
    /// A use of `table.column`, for callers that build facts from ORM calls.
    pub fn new(table: impl Into<String>, column: impl Into<String>, kind: UseKind) -> Self {
        ColumnUse {
            table: Some(table.into()),
            candidates: Vec::new(),
            column: column.into(),
            kind,
            expression: None,
            block: 0,
        }
    }
}

/// A set of predicates ANDed together in one block: the uses (indexes into
/// [`QueryFacts::uses`]) an index may serve jointly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterGroup {
    /// The block the predicates belong to.
    pub block: usize,
    /// Indexes into [`QueryFacts::uses`].
    pub uses: Vec<usize>,
}

/// What one SQL string does with tables and columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryFacts {
    /// The statement's kind.
    pub kind: StatementKind,
    /// Base tables read or written (common table expressions and derived tables left out).
    pub tables: Vec<TableUse>,
    /// Every column use, in the order met.
    pub uses: Vec<ColumnUse>,
    /// Predicates ANDed together, one group per `OR` branch, per block.
    pub filter_groups: Vec<FilterGroup>,
}

impl QueryFacts {
    /// Facts of one ORM call: `uses` in one block, the filters among them ANDed in one group
    /// (as the keyword arguments of `filter(a=…, b=…)` or a `where: { a, b }` object are).
    pub fn from_uses(kind: StatementKind, uses: Vec<ColumnUse>) -> Self {
        let filters: Vec<usize> = uses
            .iter()
            .enumerate()
            .filter(|(_, u)| !matches!(u.kind, UseKind::OrderBy { .. } | UseKind::GroupBy))
            .map(|(i, _)| i)
            .collect();
        let mut tables: Vec<TableUse> = Vec::new();
        for u in &uses {
            if let Some(t) = &u.table {
                if !tables.iter().any(|x| &x.name == t) {
                    tables.push(TableUse {
                        name: t.clone(),
                        alias: None,
                    });
                }
            }
        }
        QueryFacts {
            kind,
            tables,
            filter_groups: if filters.is_empty() {
                Vec::new()
            } else {
                vec![FilterGroup {
                    block: 0,
                    uses: filters,
                }]
            },
            uses,
        }
    }
}

/// Why a SQL string gave no facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// The parser's complaint or the guard that refused the text.
    pub message: String,
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SQL not understood: {}", self.message)
    }
}

impl std::error::Error for QueryError {}

/// Parses one SQL string from code in `dialect` and returns its column uses. Placeholders
/// of any common driver are accepted; several statements are read one after another.
///
/// ```
/// use shipshape_schema::{parse_query, Dialect, UseKind};
/// let facts = parse_query(
///     "SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id \
///      WHERE o.status = %s AND lower(c.email) = %s ORDER BY o.created_at DESC LIMIT 20",
///     Dialect::Postgres,
/// )
/// .unwrap();
/// let status = facts.uses.iter().find(|u| u.column == "status").unwrap();
/// assert_eq!(status.table.as_deref(), Some("orders"));
/// assert_eq!(status.kind, UseKind::Eq);
/// let email = facts.uses.iter().find(|u| u.column == "email").unwrap();
/// assert_eq!(email.kind, UseKind::Function("lower".into()));
/// assert!(facts.uses.iter().any(|u| u.column == "created_at" && u.kind == UseKind::OrderBy { limit: true }));
/// ```
pub fn parse_query(sql: &str, dialect: Dialect) -> Result<QueryFacts, QueryError> {
    let text = normalize_placeholders(sql, dialect);
    let err = |e: crate::parse::ParseFailure| QueryError {
        message: e.to_string(),
    };
    let tokens = tokenize(&text, dialect).map_err(err)?;
    let statements = parse_tokens(tokens, dialect).map_err(err)?;
    let mut w = Walker::new(dialect);
    for statement in &statements {
        w.statement(statement);
    }
    Ok(w.facts)
}

/// A table source of one block: what a qualifier resolves to.
#[derive(Debug, Clone)]
struct Source {
    /// The alias, or the table name when there is no alias (compared by dialect key).
    key: String,
    /// The base table; `None` for a derived table, a CTE or a table function.
    table: Option<String>,
}

#[derive(Debug, Default)]
struct Block {
    sources: Vec<Source>,
    parent: Option<usize>,
    /// Select-list aliases (`SUM(x) AS total`): `ORDER BY total` is not a column.
    aliases: Vec<String>,
}

/// A column reference found in an expression.
#[derive(Debug, Clone)]
struct ColRef {
    table: Option<String>,
    candidates: Vec<String>,
    column: String,
    /// Resolved to a derived table or CTE: not a base column, never reported.
    derived: bool,
}

struct Walker {
    d: Dialect,
    facts: QueryFacts,
    blocks: Vec<Block>,
    ctes: Vec<String>,
    atom_uses: HashMap<usize, Vec<usize>>,
}

impl Walker {
    fn new(d: Dialect) -> Self {
        Walker {
            d,
            facts: QueryFacts {
                kind: StatementKind::Other,
                tables: Vec::new(),
                uses: Vec::new(),
                filter_groups: Vec::new(),
            },
            blocks: Vec::new(),
            ctes: Vec::new(),
            atom_uses: HashMap::new(),
        }
    }

    fn set_kind(&mut self, kind: StatementKind) {
        if self.facts.kind == StatementKind::Other {
            self.facts.kind = kind;
        }
    }

    fn statement(&mut self, s: &Statement) {
        match s {
            Statement::Query(q) => {
                self.set_kind(StatementKind::Select);
                self.query(q, None);
            }
            Statement::Update(u) => {
                self.set_kind(StatementKind::Update);
                let b = self.new_block(None);
                self.table_with_joins(&u.table, b);
                if let Some(UpdateTableFromKind::BeforeSet(f) | UpdateTableFromKind::AfterSet(f)) =
                    &u.from
                {
                    for t in f {
                        self.table_with_joins(t, b);
                    }
                }
                for a in &u.assignments {
                    self.subqueries(&a.value, b, 0);
                }
                self.filters(u.selection.iter().collect(), b);
                let limit = u.limit.is_some();
                self.order_by(&u.order_by, b, limit);
            }
            Statement::Delete(del) => {
                self.set_kind(StatementKind::Delete);
                let b = self.new_block(None);
                let (FromTable::WithFromKeyword(from) | FromTable::WithoutKeyword(from)) =
                    &del.from;
                for t in from {
                    self.table_with_joins(t, b);
                }
                for t in del.using.iter().flatten() {
                    self.table_with_joins(t, b);
                }
                self.filters(del.selection.iter().collect(), b);
                let limit = del.limit.is_some();
                self.order_by(&del.order_by, b, limit);
            }
            Statement::Insert(ins) => {
                self.set_kind(StatementKind::Insert);
                if let TableObject::TableName(name) = &ins.table {
                    if let Some(t) = object_last(name, self.d) {
                        self.add_table(t, None);
                    }
                }
                if let Some(source) = &ins.source {
                    self.query(source, None);
                }
            }
            _ => {}
        }
    }

    fn new_block(&mut self, parent: Option<usize>) -> usize {
        self.blocks.push(Block {
            parent,
            ..Block::default()
        });
        self.blocks.len() - 1
    }

    fn add_table(&mut self, name: String, alias: Option<String>) {
        let d = self.d;
        if !self
            .facts
            .tables
            .iter()
            .any(|t| d.same_name(&t.name, &name) && t.alias == alias)
        {
            self.facts.tables.push(TableUse { name, alias });
        }
    }

    /// A query: its CTEs, its body, and its `ORDER BY`/`LIMIT` when the body is one `SELECT`.
    fn query(&mut self, q: &Query, parent: Option<usize>) {
        let ctes_before = self.ctes.len();
        if let Some(with) = &q.with {
            for cte in &with.cte_tables {
                // A recursive CTE may name itself: register it first.
                self.ctes.push(ident_name(&cte.alias.name, self.d));
                self.query(&cte.query, parent);
            }
        }
        let block = self.set_expr(&q.body, parent);
        if let (Some(b), Some(order_by)) = (block, &q.order_by) {
            if let OrderByKind::Expressions(exprs) = &order_by.kind {
                let limit = q.limit_clause.is_some() || q.fetch.is_some();
                self.order_by(exprs, b, limit);
            }
        }
        self.ctes.truncate(ctes_before);
    }

    /// Returns the block when the body is a single `SELECT`.
    fn set_expr(&mut self, body: &SetExpr, parent: Option<usize>) -> Option<usize> {
        match body {
            SetExpr::Select(s) => Some(self.select(s, parent)),
            SetExpr::Query(q) => {
                self.query(q, parent);
                None
            }
            SetExpr::SetOperation { left, right, .. } => {
                self.set_expr(left, parent);
                self.set_expr(right, parent);
                None
            }
            SetExpr::Insert(s) | SetExpr::Update(s) | SetExpr::Delete(s) => {
                self.statement(s);
                None
            }
            _ => None,
        }
    }

    fn select(&mut self, s: &Select, parent: Option<usize>) -> usize {
        let b = self.new_block(parent);
        let mut conditions: Vec<&Expr> = Vec::new();
        for twj in &s.from {
            self.table_factor(&twj.relation, b);
            for join in &twj.joins {
                self.table_factor(&join.relation, b);
                if let Some(c) = join_constraint(&join.join_operator) {
                    match c {
                        JoinConstraint::On(e) => conditions.push(e),
                        JoinConstraint::Using(cols) => self.using_columns(cols, b),
                        _ => {}
                    }
                }
            }
        }
        for item in &s.projection {
            match item {
                SelectItem::ExprWithAlias { expr, alias } => {
                    let alias = ident_name(alias, self.d);
                    self.blocks[b].aliases.push(alias);
                    self.subqueries(expr, b, 0);
                }
                SelectItem::UnnamedExpr(expr) => self.subqueries(expr, b, 0),
                _ => {}
            }
        }
        if let Some(w) = &s.selection {
            conditions.insert(0, w);
        }
        self.filters(conditions, b);
        if let GroupByExpr::Expressions(exprs, _) = &s.group_by {
            for e in exprs {
                self.sort_like(e, b, UseKind::GroupBy);
            }
        }
        if let Some(h) = &s.having {
            self.subqueries(h, b, 0);
        }
        b
    }

    fn table_with_joins(&mut self, twj: &TableWithJoins, b: usize) {
        self.table_factor(&twj.relation, b);
        let mut conditions = Vec::new();
        for join in &twj.joins {
            self.table_factor(&join.relation, b);
            if let Some(JoinConstraint::On(e)) = join_constraint(&join.join_operator) {
                conditions.push(e);
            }
        }
        if !conditions.is_empty() {
            self.filters(conditions, b);
        }
    }

    fn table_factor(&mut self, f: &TableFactor, b: usize) {
        let d = self.d;
        match f {
            TableFactor::Table { name, alias, .. } => {
                let Some(table) = object_last(name, d) else {
                    return;
                };
                let alias = alias.as_ref().map(|a| ident_name(&a.name, d));
                let is_cte = name.0.len() == 1 && self.ctes.iter().any(|c| d.same_name(c, &table));
                let key = alias.clone().unwrap_or_else(|| table.clone());
                if is_cte {
                    self.blocks[b].sources.push(Source { key, table: None });
                } else {
                    self.add_table(table.clone(), alias);
                    self.blocks[b].sources.push(Source {
                        key,
                        table: Some(table),
                    });
                }
            }
            TableFactor::Derived {
                subquery, alias, ..
            } => {
                let parent = self.blocks[b].parent;
                self.query(subquery, parent);
                if let Some(a) = alias {
                    let key = ident_name(&a.name, d);
                    self.blocks[b].sources.push(Source { key, table: None });
                }
            }
            TableFactor::NestedJoin {
                table_with_joins, ..
            } => {
                self.table_factor(&table_with_joins.relation, b);
                let mut conditions = Vec::new();
                for join in &table_with_joins.joins {
                    self.table_factor(&join.relation, b);
                    if let Some(JoinConstraint::On(e)) = join_constraint(&join.join_operator) {
                        conditions.push(e);
                    }
                }
                self.filters(conditions, b);
            }
            other => {
                // Table functions, UNNEST, …: a source that is no base table.
                let alias = match other {
                    TableFactor::Function { alias, .. }
                    | TableFactor::TableFunction { alias, .. }
                    | TableFactor::UNNEST { alias, .. } => alias.as_ref(),
                    _ => None,
                };
                if let Some(a) = alias {
                    let key = ident_name(&a.name, d);
                    self.blocks[b].sources.push(Source { key, table: None });
                }
            }
        }
    }

    /// `JOIN t USING (x)`: `x` of the joined table and of the one before it.
    fn using_columns(&mut self, cols: &[ObjectName], b: usize) {
        let sources = &self.blocks[b].sources;
        let n = sources.len();
        let sides: Vec<Option<String>> = sources[n.saturating_sub(2)..]
            .iter()
            .map(|s| s.table.clone())
            .collect();
        for col in cols {
            let Some(column) = object_last(col, self.d) else {
                continue;
            };
            for table in sides.iter().flatten() {
                self.push_use(ColumnUse {
                    table: Some(table.clone()),
                    candidates: Vec::new(),
                    column: column.clone(),
                    kind: UseKind::Join,
                    expression: None,
                    block: b,
                });
            }
        }
    }

    fn push_use(&mut self, u: ColumnUse) -> usize {
        self.facts.uses.push(u);
        self.facts.uses.len() - 1
    }

    /// The predicates of a block (`WHERE` and `ON`), ANDed, split into OR groups.
    fn filters(&mut self, conditions: Vec<&Expr>, b: usize) {
        if conditions.is_empty() {
            return;
        }
        let mut groups: Vec<Vec<&Expr>> = vec![Vec::new()];
        let mut overflow = false;
        for c in conditions {
            let g = dnf(c, 0, &mut overflow);
            groups = cross(groups, g, &mut overflow);
        }
        if overflow {
            // Too many combinations to keep: every predicate on its own.
            let mut atoms = Vec::new();
            for g in &groups {
                for a in g {
                    if !atoms.iter().any(|x: &&Expr| std::ptr::eq(*x, *a)) {
                        atoms.push(*a);
                    }
                }
            }
            groups = atoms.into_iter().map(|a| vec![a]).collect();
        }
        for g in groups {
            let mut uses = Vec::new();
            for atom in g {
                let key = atom as *const Expr as usize;
                let ids = match self.atom_uses.get(&key) {
                    Some(ids) => ids.clone(),
                    None => {
                        let ids = self.atom(atom, b);
                        self.atom_uses.insert(key, ids.clone());
                        ids
                    }
                };
                uses.extend(ids);
            }
            if !uses.is_empty() {
                self.facts
                    .filter_groups
                    .push(FilterGroup { block: b, uses });
            }
        }
    }

    /// One predicate → its column uses.
    fn atom(&mut self, e: &Expr, b: usize) -> Vec<usize> {
        let mut ids = Vec::new();
        match e {
            Expr::BinaryOp { left, op, right } => {
                self.subqueries(left, b, 0);
                self.subqueries(right, b, 0);
                let kind = match op {
                    BinaryOperator::Eq | BinaryOperator::Spaceship => Some(UseKind::Eq),
                    BinaryOperator::Lt
                    | BinaryOperator::LtEq
                    | BinaryOperator::Gt
                    | BinaryOperator::GtEq => Some(UseKind::Range),
                    _ => None,
                };
                let Some(kind) = kind else {
                    return ids;
                };
                let l = self.operand(left, b);
                let r = self.operand(right, b);
                match (l, r) {
                    // Two columns of one table compared: no join, no index use.
                    (Operand::Column(a), Operand::Column(c))
                        if kind == UseKind::Eq && !(a.table.is_some() && a.table == c.table) =>
                    {
                        ids.extend(self.col_use(a, UseKind::Join, None, b));
                        ids.extend(self.col_use(c, UseKind::Join, None, b));
                    }
                    (Operand::Column(a), Operand::Value) | (Operand::Value, Operand::Column(a)) => {
                        ids.extend(self.col_use(a, kind, None, b));
                    }
                    (Operand::Wrapped(a, name, text), Operand::Value)
                    | (Operand::Value, Operand::Wrapped(a, name, text)) => {
                        ids.extend(self.col_use(a, UseKind::Function(name), Some(text), b));
                    }
                    _ => {}
                }
            }
            Expr::In {
                expr,
                target,
                negated,
                ..
            } => {
                match target {
                    InTarget::Subquery(q) => self.query(q, Some(b)),
                    InTarget::List(items) => {
                        for i in items {
                            self.subqueries(i, b, 0);
                        }
                    }
                    _ => {}
                }
                if !negated {
                    ids.extend(self.simple_use(expr, UseKind::In, b));
                }
            }
            Expr::AnyOp {
                left,
                compare_op: BinaryOperator::Eq,
                right,
                ..
            } => {
                self.subqueries(right, b, 0);
                ids.extend(self.simple_use(left, UseKind::In, b));
            }
            Expr::Between {
                expr,
                negated,
                low,
                high,
            } => {
                self.subqueries(low, b, 0);
                self.subqueries(high, b, 0);
                if !negated {
                    ids.extend(self.simple_use(expr, UseKind::Range, b));
                }
            }
            Expr::Like {
                negated: false,
                expr,
                pattern,
                ..
            } => {
                let kind = like_kind(pattern);
                ids.extend(self.simple_use(expr, kind, b));
            }
            Expr::ILike {
                negated: false,
                expr,
                ..
            } => {
                if let Operand::Column(c) | Operand::Wrapped(c, _, _) = self.operand(expr, b) {
                    ids.extend(self.col_use(c, UseKind::Function("ilike".into()), None, b));
                }
            }
            Expr::IsNull(inner) => ids.extend(self.simple_use(inner, UseKind::IsNull, b)),
            Expr::Nested(inner) => return self.atom(inner, b),
            other => self.subqueries(other, b, 0),
        }
        ids
    }

    /// A use of a column or a wrapped column: `kind` for a column, `Function` for a wrapped one.
    fn simple_use(&mut self, e: &Expr, kind: UseKind, b: usize) -> Vec<usize> {
        match self.operand(e, b) {
            Operand::Column(c) => self.col_use(c, kind, None, b),
            Operand::Wrapped(c, name, text) => {
                self.col_use(c, UseKind::Function(name), Some(text), b)
            }
            _ => Vec::new(),
        }
    }

    fn col_use(
        &mut self,
        c: ColRef,
        kind: UseKind,
        expression: Option<String>,
        b: usize,
    ) -> Vec<usize> {
        if c.derived {
            return Vec::new();
        }
        vec![self.push_use(ColumnUse {
            table: c.table,
            candidates: c.candidates,
            column: c.column,
            kind,
            expression,
            block: b,
        })]
    }

    fn order_by(&mut self, exprs: &[OrderByExpr], b: usize, limit: bool) {
        for o in exprs {
            self.sort_like(&o.expr, b, UseKind::OrderBy { limit });
        }
    }

    /// `ORDER BY` / `GROUP BY` items: columns and expressions over one column; positions and
    /// select-list aliases are not columns.
    fn sort_like(&mut self, e: &Expr, b: usize, kind: UseKind) {
        if let Expr::Identifier(id) = e {
            let name = ident_name(id, self.d);
            if self.blocks[b]
                .aliases
                .iter()
                .any(|a| self.d.same_name(a, &name))
            {
                return;
            }
        }
        match self.operand(e, b) {
            Operand::Column(c) => {
                self.col_use(c, kind, None, b);
            }
            Operand::Wrapped(c, _, text) => {
                self.col_use(c, kind, Some(text), b);
            }
            _ => {}
        }
    }

    /// What one side of a comparison is.
    fn operand(&self, e: &Expr, b: usize) -> Operand {
        match e {
            Expr::Identifier(_) | Expr::CompoundIdentifier(_) => match self.column_ref(e, b) {
                Some(c) => Operand::Column(c),
                None => Operand::Other,
            },
            Expr::Nested(inner) => self.operand(inner, b),
            // A scalar subquery yields one value for the comparison.
            Expr::Subquery(_) => Operand::Value,
            _ => {
                let mut refs = Vec::new();
                let mut opaque = false;
                collect_refs(e, 0, &mut refs, &mut opaque);
                if opaque {
                    return Operand::Other;
                }
                match refs.as_slice() {
                    [] => Operand::Value,
                    [one] => match self.column_ref(one, b) {
                        Some(c) => Operand::Wrapped(c, wrapper_name(e), expr_text(e, self.d)),
                        None => Operand::Other,
                    },
                    _ => Operand::Other,
                }
            }
        }
    }

    /// Resolves a column reference through the block's sources and its parents.
    fn column_ref(&self, e: &Expr, b: usize) -> Option<ColRef> {
        let d = self.d;
        let (qualifier, column) = match e {
            Expr::Identifier(id) => (None, ident_name(id, d)),
            Expr::CompoundIdentifier(parts) if parts.len() >= 2 => (
                Some(ident_name(&parts[parts.len() - 2], d)),
                ident_name(&parts[parts.len() - 1], d),
            ),
            _ => return None,
        };
        let mut block = Some(b);
        match qualifier {
            Some(q) => {
                while let Some(i) = block {
                    if let Some(s) = self.blocks[i]
                        .sources
                        .iter()
                        .find(|s| d.same_name(&s.key, &q))
                    {
                        return Some(ColRef {
                            table: s.table.clone(),
                            candidates: Vec::new(),
                            column,
                            derived: s.table.is_none(),
                        });
                    }
                    block = self.blocks[i].parent;
                }
                // Qualified by a table the query does not list (`UPDATE t … WHERE t.x`, or
                // a name outside the text): take the qualifier as the table.
                Some(ColRef {
                    table: Some(q),
                    candidates: Vec::new(),
                    column,
                    derived: false,
                })
            }
            None => {
                while let Some(i) = block {
                    let sources = &self.blocks[i].sources;
                    match sources.len() {
                        0 => block = self.blocks[i].parent,
                        1 => {
                            return Some(ColRef {
                                table: sources[0].table.clone(),
                                candidates: Vec::new(),
                                column,
                                derived: sources[0].table.is_none(),
                            })
                        }
                        _ => {
                            let candidates: Vec<String> =
                                sources.iter().filter_map(|s| s.table.clone()).collect();
                            return Some(ColRef {
                                table: None,
                                derived: candidates.is_empty(),
                                candidates,
                                column,
                            });
                        }
                    }
                }
                None
            }
        }
    }

    /// Walks an expression only to find subqueries, which are read as queries of their own.
    fn subqueries(&mut self, e: &Expr, b: usize, depth: usize) {
        if depth > MAX_EXPR_DEPTH {
            return;
        }
        let each = |w: &mut Self, x: &Expr| w.subqueries(x, b, depth + 1);
        match e {
            Expr::Subquery(q) | Expr::Exists { subquery: q, .. } => self.query(q, Some(b)),
            Expr::In { expr, target, .. } => {
                each(self, expr);
                match target {
                    InTarget::Subquery(q) => self.query(q, Some(b)),
                    InTarget::List(items) => items.iter().for_each(|i| each(self, i)),
                    _ => {}
                }
            }
            Expr::BinaryOp { left, right, .. } => {
                each(self, left);
                each(self, right);
            }
            Expr::AnyOp { left, right, .. } | Expr::AllOp { left, right, .. } => {
                each(self, left);
                each(self, right);
            }
            Expr::UnaryOp { expr, .. }
            | Expr::Nested(expr)
            | Expr::Cast { expr, .. }
            | Expr::IsNull(expr)
            | Expr::IsNotNull(expr) => each(self, expr),
            Expr::Between {
                expr, low, high, ..
            } => {
                each(self, expr);
                each(self, low);
                each(self, high);
            }
            Expr::Case {
                operand,
                conditions,
                else_result,
                ..
            } => {
                if let Some(o) = operand {
                    each(self, o);
                }
                for c in conditions {
                    each(self, &c.condition);
                    each(self, &c.result);
                }
                if let Some(e) = else_result {
                    each(self, e);
                }
            }
            Expr::Function(f) => {
                if let FunctionArguments::Subquery(q) = &f.args {
                    self.query(q, Some(b));
                }
                if let FunctionArguments::List(list) = &f.args {
                    for a in &list.args {
                        if let Some(x) = arg_expr(a) {
                            each(self, x);
                        }
                    }
                }
            }
            Expr::Tuple(items) => items.iter().for_each(|i| each(self, i)),
            _ => {}
        }
    }
}

enum Operand {
    Column(ColRef),
    /// One column inside a function, cast or expression: the column, the wrapper's name, the
    /// normalised expression.
    Wrapped(ColRef, String, String),
    /// No column at all: a literal, placeholder or expression of them.
    Value,
    /// Several columns, a subquery, or too deep to tell.
    Other,
}

fn join_constraint(op: &JoinOperator) -> Option<&JoinConstraint> {
    match op {
        JoinOperator::Join(c)
        | JoinOperator::Inner(c)
        | JoinOperator::Left(c)
        | JoinOperator::LeftOuter(c)
        | JoinOperator::Right(c)
        | JoinOperator::RightOuter(c)
        | JoinOperator::FullOuter(c)
        | JoinOperator::Semi(c)
        | JoinOperator::LeftSemi(c)
        | JoinOperator::RightSemi(c)
        | JoinOperator::Anti(c)
        | JoinOperator::LeftAnti(c)
        | JoinOperator::RightAnti(c)
        | JoinOperator::StraightJoin(c) => Some(c),
        JoinOperator::AsOf { constraint, .. } => Some(constraint),
        _ => None,
    }
}

fn arg_expr(a: &FunctionArg) -> Option<&Expr> {
    match a {
        FunctionArg::Named { arg, .. }
        | FunctionArg::ExprNamed { arg, .. }
        | FunctionArg::Unnamed(arg) => match arg {
            FunctionArgExpr::Expr(e) => Some(e),
            _ => None,
        },
    }
}

/// Disjunctive normal form of a condition: a list of AND-groups of atoms. Chains of the same
/// operator are flattened without recursion, so a long `a AND b AND …` costs no stack.
fn dnf<'a>(e: &'a Expr, depth: usize, overflow: &mut bool) -> Vec<Vec<&'a Expr>> {
    if depth > MAX_EXPR_DEPTH {
        return vec![vec![e]];
    }
    match e {
        Expr::Nested(inner) => dnf(inner, depth + 1, overflow),
        Expr::BinaryOp {
            op: op @ (BinaryOperator::And | BinaryOperator::Or),
            ..
        } => {
            let operands = flatten(e, op);
            if *op == BinaryOperator::Or {
                let mut groups = Vec::new();
                for o in operands {
                    groups.extend(dnf(o, depth + 1, overflow));
                    if groups.len() > MAX_GROUPS {
                        *overflow = true;
                    }
                }
                groups
            } else {
                let mut groups = vec![Vec::new()];
                for o in operands {
                    let g = dnf(o, depth + 1, overflow);
                    groups = cross(groups, g, overflow);
                }
                groups
            }
        }
        _ => vec![vec![e]],
    }
}

/// The operands of a chain of one operator, left to right.
fn flatten<'a>(e: &'a Expr, op: &BinaryOperator) -> Vec<&'a Expr> {
    let mut out = Vec::new();
    let mut stack = vec![e];
    while let Some(x) = stack.pop() {
        match x {
            Expr::BinaryOp { left, op: o, right } if o == op => {
                stack.push(right);
                stack.push(left);
            }
            other => out.push(other),
        }
    }
    out
}

fn cross<'a>(
    a: Vec<Vec<&'a Expr>>,
    b: Vec<Vec<&'a Expr>>,
    overflow: &mut bool,
) -> Vec<Vec<&'a Expr>> {
    if a.len() * b.len() > MAX_GROUPS {
        *overflow = true;
        // Keep one combined group so the atoms are not lost; `filters` splits them.
        let mut all: Vec<&Expr> = a.into_iter().flatten().collect();
        all.extend(b.into_iter().flatten());
        return vec![all];
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in &a {
        for y in &b {
            let mut g = x.clone();
            g.extend(y.iter().copied());
            out.push(g);
        }
    }
    out
}

/// Column references inside an expression; `opaque` when it holds a subquery or is too deep.
fn collect_refs<'a>(e: &'a Expr, depth: usize, refs: &mut Vec<&'a Expr>, opaque: &mut bool) {
    if depth > MAX_EXPR_DEPTH || refs.len() > 1 {
        *opaque |= depth > MAX_EXPR_DEPTH;
        return;
    }
    let mut rec = |x: &'a Expr, refs: &mut Vec<&'a Expr>| collect_refs(x, depth + 1, refs, opaque);
    match e {
        Expr::Identifier(_) | Expr::CompoundIdentifier(_) => refs.push(e),
        Expr::Value(_) | Expr::TypedString(_) | Expr::Interval(_) => {}
        Expr::Nested(x)
        | Expr::Cast { expr: x, .. }
        | Expr::Collate { expr: x, .. }
        | Expr::UnaryOp { expr: x, .. } => rec(x, refs),
        Expr::BinaryOp { left, right, .. } => {
            rec(left, refs);
            rec(right, refs);
        }
        Expr::Function(f) => match &f.args {
            FunctionArguments::List(list) => {
                for a in &list.args {
                    if let Some(x) = arg_expr(a) {
                        rec(x, refs);
                    }
                }
            }
            FunctionArguments::None => {}
            FunctionArguments::Subquery(_) => *opaque = true,
        },
        Expr::Extract { expr, .. }
        | Expr::Ceil { expr, .. }
        | Expr::Floor { expr, .. }
        | Expr::AtTimeZone {
            timestamp: expr, ..
        }
        | Expr::Substring { expr, .. }
        | Expr::Trim { expr, .. } => rec(expr, refs),
        Expr::Tuple(items) | Expr::Array(sqlparser::ast::Array { elem: items, .. }) => {
            for x in items {
                rec(x, refs);
            }
        }
        _ => *opaque = true,
    }
}

fn wrapper_name(e: &Expr) -> String {
    match e {
        Expr::Function(f) => f
            .name
            .0
            .last()
            .map(|p| p.to_string().to_lowercase())
            .unwrap_or_default(),
        Expr::Cast { .. } => "cast".to_string(),
        Expr::Collate { .. } => "collate".to_string(),
        Expr::Extract { .. } => "extract".to_string(),
        Expr::BinaryOp { op, .. } => op.to_string().to_lowercase(),
        Expr::UnaryOp { op, .. } => match op {
            UnaryOperator::Minus => "-".to_string(),
            other => other.to_string().to_lowercase(),
        },
        Expr::Nested(inner) => wrapper_name(inner),
        _ => "expression".to_string(),
    }
}

/// Classifies a `LIKE` pattern: a literal, or a concatenation whose first and last parts
/// show the wildcards (`'%' || ? || '%'`).
fn like_kind(pattern: &Expr) -> UseKind {
    let parts = concat_parts(pattern);
    let literal = |e: &Expr| match e {
        Expr::Value(v) => match &v.value {
            Value::SingleQuotedString(s)
            | Value::DoubleQuotedString(s)
            | Value::EscapedStringLiteral(s)
            | Value::NationalStringLiteral(s) => Some(s.clone()),
            _ => None,
        },
        _ => None,
    };
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return UseKind::LikeUnknown;
    };
    let trailing = literal(last).is_some_and(|s| s.ends_with('%'));
    match literal(first) {
        Some(s) if parts.len() == 1 => {
            if !s.starts_with(['%', '_']) {
                UseKind::LikePrefix
            } else if s.len() > 1 && s.ends_with('%') {
                UseKind::LikeInfix
            } else {
                UseKind::LikeSuffix
            }
        }
        Some(s) if s.starts_with(['%', '_']) => {
            if trailing {
                UseKind::LikeInfix
            } else {
                UseKind::LikeSuffix
            }
        }
        Some(_) => UseKind::LikePrefix,
        // `? || '%'`: a prefix search, assuming the value has no leading wildcard.
        None if parts.len() > 1 && trailing => UseKind::LikePrefix,
        None => UseKind::LikeUnknown,
    }
}

fn concat_parts(e: &Expr) -> Vec<&Expr> {
    match e {
        Expr::Nested(inner) => concat_parts(inner),
        Expr::BinaryOp {
            op: BinaryOperator::StringConcat,
            ..
        } => flatten(e, &BinaryOperator::StringConcat),
        Expr::Function(f) if f.name.to_string().eq_ignore_ascii_case("concat") => match &f.args {
            FunctionArguments::List(list) => list.args.iter().filter_map(arg_expr).collect(),
            _ => vec![e],
        },
        other => vec![other],
    }
}
