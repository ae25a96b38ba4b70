//! What the query pass finds about the database in one file, still as tree nodes: ORM calls
//! and the columns they use, SQL text that runs, drivers, and model, field and index
//! declarations. Several patterns may add to one call, model, field or index (one match per
//! column, one per flag); records are merged by node. [`crate::db`] turns them into plain
//! records for the repository-level join.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use tree_sitter::Node;

/// What an ORM call does with the columns it names (`(#set! db "…")`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DbUse {
    /// Filters rows on them (the default): `filter`, `where`, `get`, `findBy`.
    #[default]
    Filter,
    /// Filters rows on their negation (`exclude`): no index helps.
    Exclude,
    /// Sorts by them.
    Order,
    /// Groups by them.
    Group,
    /// Joins on them.
    Join,
}

impl DbUse {
    /// What an ORM method does with its columns, by the words ORMs use: sorting (`order_by`,
    /// `orderBy`, `order`, `sort`), grouping, joining, negation (`exclude`, `whereNot`); any
    /// other method filters.
    pub fn from_verb(verb: &str) -> DbUse {
        let word: String = verb
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        match word.as_str() {
            "orderby" | "order" | "sort" | "sortby" | "thenby" | "addorderby" => DbUse::Order,
            "groupby" | "group" | "addgroupby" => DbUse::Group,
            "join" | "innerjoin" | "leftjoin" | "rightjoin" | "leftouterjoin" => DbUse::Join,
            "exclude" | "wherenot" | "ornot" | "not" | "wherenotin" => DbUse::Exclude,
            _ => DbUse::Filter,
        }
    }

    /// The use a `db` property names.
    pub fn from_property(value: Option<&str>) -> DbUse {
        match value {
            Some("exclude") => DbUse::Exclude,
            Some("order") => DbUse::Order,
            Some("group") => DbUse::Group,
            Some("join") => DbUse::Join,
            _ => DbUse::Filter,
        }
    }
}

/// How a column's text names a field (`(#set! lookup "…")`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lookup {
    /// The text is the field's name (quotes and a leading `-` for descending order aside).
    #[default]
    Plain,
    /// Django: `field`, `field__lookup`, `related__field__lookup`, `-field` to sort descending.
    Django,
}

/// One column an ORM call uses, with the operator applied to it if the pattern saw one.
#[derive(Debug, Clone, Copy)]
pub struct DbColumnCapture<'t> {
    /// The name (a keyword, a key, a string, an attribute).
    pub name: Node<'t>,
    /// The operator (`contains`, `Like`, `gt`), if any.
    pub operator: Option<Node<'t>>,
    /// What the call does with it.
    pub use_kind: DbUse,
    /// How its text names a field.
    pub lookup: Lookup,
    /// The model it is qualified with (`User` in `User.email`), if any.
    pub model: Option<Node<'t>>,
    /// For a column matched apart from its call: the call argument that holds it (the
    /// options object of `findAll({ where: { email } })`), if the pattern named one.
    pub argument: Option<Node<'t>>,
}

/// An ORM call, merged over the patterns that matched it.
#[derive(Debug, Clone)]
pub struct DbCallCapture<'t> {
    /// The call.
    pub call: Node<'t>,
    /// The called name, where its finding starts (else at the call).
    pub name: Option<Node<'t>>,
    /// The model class or accessor it queries.
    pub model: Option<Node<'t>>,
    /// The table name it queries.
    pub table: Option<Node<'t>>,
    /// The query it is chained on.
    pub receiver: Option<Node<'t>>,
    /// The columns it uses.
    pub columns: Vec<DbColumnCapture<'t>>,
}

/// Table-naming conventions of the ORMs (`(#set! naming "…")`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Naming {
    /// The model's name is the table's name.
    #[default]
    Exact,
    /// Django: `<app label>_<model name in lower case>`; foreign keys are `<field>_id` and
    /// indexed.
    Django,
    /// SQLAlchemy: `__tablename__` (the class name when it is missing).
    Sqlalchemy,
    /// Sequelize: the model name in the plural (`User` → `Users`).
    Sequelize,
    /// TypeORM: the class name in snake case (`UserProfile` → `user_profile`).
    Typeorm,
    /// Prisma: the model's name.
    Prisma,
    /// The model name in snake case.
    Snake,
}

impl Naming {
    /// The convention a `naming` property names.
    pub fn from_property(value: Option<&str>) -> Naming {
        match value {
            Some("django") => Naming::Django,
            Some("sqlalchemy") => Naming::Sqlalchemy,
            Some("sequelize") => Naming::Sequelize,
            Some("typeorm") => Naming::Typeorm,
            Some("prisma") => Naming::Prisma,
            Some("snake") => Naming::Snake,
            _ => Naming::Exact,
        }
    }
}

/// A model declaration, merged over patterns.
#[derive(Debug, Clone)]
pub struct ModelCapture<'t> {
    /// The declaration.
    pub node: Node<'t>,
    /// Its name.
    pub name: Option<Node<'t>>,
    /// The table name it declares.
    pub table: Option<Node<'t>>,
    /// Its ORM's naming convention.
    pub naming: Naming,
}

/// What a field or index declaration says (`(#set! schema "…")`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SchemaFlags {
    /// Indexed (`db_index=True`, `index=True`, `@Index()`).
    pub index: bool,
    /// Unique.
    pub unique: bool,
    /// The primary key.
    pub primary: bool,
    /// A foreign key.
    pub foreign_key: bool,
    /// Explicitly not indexed (`db_index=False` on a Django foreign key).
    pub no_index: bool,
    /// A drop of the index named by the declaration (`op.drop_index("ix", table_name="t")`).
    pub drop: bool,
}

impl SchemaFlags {
    /// Add what an option set to true says, by the words ORMs use in its name (`primary`,
    /// `unique`, `index`); other names say nothing.
    pub fn set_option(&mut self, name: &str) {
        let word: String = name
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        // `db_index`, `index`, `Index`, `index_together`; `unique`, `UniqueConstraint`,
        // `unique_together`; `primary_key`, `primaryKey`, `PrimaryColumn`; a drop
        // (`drop_index`, `drop_constraint`) names what it removes.
        if word.starts_with("drop") {
            self.drop = true;
        } else if word.contains("primary") {
            self.primary = true;
        } else if word.contains("unique") {
            self.unique = true;
        } else if word.contains("index") {
            self.index = true;
        }
    }

    /// Add what `other` says.
    pub fn merge(&mut self, other: SchemaFlags) {
        self.index |= other.index;
        self.unique |= other.unique;
        self.primary |= other.primary;
        self.foreign_key |= other.foreign_key;
        self.no_index |= other.no_index;
        self.drop |= other.drop;
    }

    /// Add what a `schema` property says.
    pub fn set(&mut self, value: Option<&str>) {
        match value {
            Some("index") => self.index = true,
            Some("unique") => self.unique = true,
            Some("primary") => self.primary = true,
            Some("foreign-key") => self.foreign_key = true,
            Some("no-index") => self.no_index = true,
            Some("drop") => self.drop = true,
            _ => {}
        }
    }
}

/// A field declaration, merged over patterns.
#[derive(Debug, Clone)]
pub struct FieldCapture<'t> {
    /// The declaration.
    pub node: Node<'t>,
    /// Its name.
    pub name: Option<Node<'t>>,
    /// The column name it declares, when different.
    pub column: Option<Node<'t>>,
    /// The model a foreign key references.
    pub references: Option<Node<'t>>,
    /// What it declares.
    pub flags: SchemaFlags,
}

/// An index declaration, merged over patterns (one match per column).
#[derive(Debug, Clone)]
pub struct IndexCapture<'t> {
    /// The declaration.
    pub node: Node<'t>,
    /// Its columns, in source order.
    pub columns: Vec<Node<'t>>,
    /// The table it names, when it is not inside a model.
    pub table: Option<Node<'t>>,
    /// The model it names, when it is not inside a model.
    pub model: Option<Node<'t>>,
    /// Its name, when the declaration gives one.
    pub name: Option<Node<'t>>,
    /// Unique, or primary; or a drop of the index of that name.
    pub flags: SchemaFlags,
}

/// Everything database-related one file's query pass found.
#[derive(Debug, Default)]
pub struct DbCaptures<'t> {
    /// ORM calls.
    pub calls: Vec<DbCallCapture<'t>>,
    /// SQL text that runs, besides the SQL sinks.
    pub sql: Vec<Node<'t>>,
    /// The call that runs a `sql` text, when the match named one (`@db.call` beside `@db.sql`,
    /// as for `sqlx::query!("…")`): the finding goes there. Keyed by the text node's id.
    pub sql_calls: HashMap<usize, Node<'t>>,
    /// Databases the file's drivers name (`"postgres"`, `"mysql"`, `"sqlite"`).
    pub dialects: Vec<String>,
    /// Model declarations.
    pub models: Vec<ModelCapture<'t>>,
    /// Table names declared apart from their model's match (`class Meta: db_table = …`).
    pub tables: Vec<Node<'t>>,
    /// Statements saying a model's table is not managed by the repository.
    pub externals: Vec<Node<'t>>,
    /// Columns matched apart from their call: each belongs to the innermost `@db.call` whose
    /// arguments hold it (attached in [`DbCaptures::finish`]).
    pub loose_columns: Vec<DbColumnCapture<'t>>,
    /// Options matched apart from their declaration (`unique=True`), with what each says:
    /// each belongs to the field or index whose declaring call takes it as an argument
    /// (attached in [`DbCaptures::finish`]).
    pub loose_options: Vec<(Node<'t>, SchemaFlags)>,
    /// Field declarations.
    pub fields: Vec<FieldCapture<'t>>,
    /// Index declarations.
    pub indexes: Vec<IndexCapture<'t>>,
    /// Code whose declarations do not count (`downgrade()`, system catalog tables).
    pub ignored: Vec<Node<'t>>,
    /// The id of the migration the file is (Alembic's `revision`).
    pub migration: Option<Node<'t>>,
    /// The ids of the migrations it runs after (Alembic's `down_revision`).
    pub migration_after: Vec<Node<'t>>,
    /// Where each call, model, field and index record is, by node id.
    positions: HashMap<(Record, usize), usize>,
}

/// The kinds of records merged by node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Record {
    Call,
    Model,
    Field,
    Index,
}

impl<'t> DbCaptures<'t> {
    /// Whether the pass found nothing database-related.
    pub fn is_empty(&self) -> bool {
        self.calls.is_empty()
            && self.sql.is_empty()
            && self.models.is_empty()
            && self.fields.is_empty()
            && self.indexes.is_empty()
            && self.migration.is_none()
    }

    /// The record of an ORM call, created on first sight.
    pub fn call(&mut self, node: Node<'t>) -> &mut DbCallCapture<'t> {
        let next = self.calls.len();
        let at = *self
            .positions
            .entry((Record::Call, node.id()))
            .or_insert(next);
        if at == next {
            self.calls.push(DbCallCapture {
                call: node,
                name: None,
                model: None,
                table: None,
                receiver: None,
                columns: Vec::new(),
            });
        }
        &mut self.calls[at]
    }

    /// The record of a model declaration, created on first sight.
    pub fn model(&mut self, node: Node<'t>) -> &mut ModelCapture<'t> {
        let next = self.models.len();
        let at = *self
            .positions
            .entry((Record::Model, node.id()))
            .or_insert(next);
        if at == next {
            self.models.push(ModelCapture {
                node,
                name: None,
                table: None,
                naming: Naming::Exact,
            });
        }
        &mut self.models[at]
    }

    /// The record of a field declaration, created on first sight.
    pub fn field(&mut self, node: Node<'t>) -> &mut FieldCapture<'t> {
        let next = self.fields.len();
        let at = *self
            .positions
            .entry((Record::Field, node.id()))
            .or_insert(next);
        if at == next {
            self.fields.push(FieldCapture {
                node,
                name: None,
                column: None,
                references: None,
                flags: SchemaFlags::default(),
            });
        }
        &mut self.fields[at]
    }

    /// The record of an index declaration, created on first sight.
    pub fn index(&mut self, node: Node<'t>) -> &mut IndexCapture<'t> {
        let next = self.indexes.len();
        let at = *self
            .positions
            .entry((Record::Index, node.id()))
            .or_insert(next);
        if at == next {
            self.indexes.push(IndexCapture {
                node,
                columns: Vec::new(),
                table: None,
                model: None,
                name: None,
                flags: SchemaFlags::default(),
            });
        }
        &mut self.indexes[at]
    }

    /// The call that runs the SQL text `text`, if a pattern named one.
    pub fn sql_call(&self, text: Node<'t>) -> Option<Node<'t>> {
        self.sql_calls.get(&text.id()).copied()
    }

    /// Where a finding on the `@db.call` `call` starts: its `@db.name`, else the call itself.
    pub fn call_start(&self, call: Node<'t>) -> usize {
        self.calls
            .iter()
            .find(|c| c.call.id() == call.id())
            .and_then(|c| c.name)
            .unwrap_or(call)
            .start_byte()
    }

    /// Give each loose option to the field or index declared by the call that takes it as a
    /// direct argument (`unique=True`, or the key of a `key: value` argument): a record whose
    /// node is that call or holds it directly (`email = Column(…, unique=True)`). An option
    /// of a call nested in the declaration (`validators=[Check(unique=True)]`) is not the
    /// declaration's.
    fn attach_options(&mut self) {
        let options = std::mem::take(&mut self.loose_options);
        if options.is_empty() {
            return;
        }
        // The declarations' arguments and what is directly inside each, by node id: found
        // from the declarations down, because tree-sitter finds a node's parent by descending
        // from the root (walking up from every option cost 3 % of a scan of sqlalchemy).
        let mut owners: HashMap<usize, (Record, usize)> = HashMap::new();
        let fields = self.fields.iter().map(|f| (Record::Field, f.node));
        let indexes = self.indexes.iter().map(|i| (Record::Index, i.node));
        let records = (fields.enumerate()).chain(indexes.enumerate());
        for (at, (record, node)) in records {
            for part in declaring_calls(node).flat_map(arguments_and_parts) {
                owners.entry(part.id()).or_insert((record, at));
            }
        }
        for (option, flags) in options {
            match owners.get(&option.id()) {
                Some(&(Record::Field, at)) => self.fields[at].flags.merge(flags),
                Some(&(Record::Index, at)) => self.indexes[at].flags.merge(flags),
                _ => {}
            }
        }
    }

    /// Put columns in source order and drop repeats; call once after the query pass.
    pub fn finish(&mut self) {
        self.positions.clear();
        if !self.loose_columns.is_empty() {
            // Each call's direct arguments and the parts directly inside them (the `where:`
            // pair of an options object), by node id (not each argument's parent: see
            // `attach_options`).
            let mut argument_of: HashMap<usize, usize> = HashMap::new();
            if self.loose_columns.iter().any(|c| c.argument.is_some()) {
                for (at, call) in self.calls.iter().enumerate() {
                    for part in arguments_and_parts(call.call) {
                        argument_of.entry(part.id()).or_insert(at);
                    }
                }
            }
            for column in std::mem::take(&mut self.loose_columns) {
                let owner = match column.argument {
                    // The call whose argument list holds the argument (or the argument the
                    // part is in): a `where` deeper in the options (another model's, in an
                    // include) belongs to no call.
                    Some(argument) => argument_of.get(&argument.id()).copied(),
                    // The innermost call whose arguments hold it: a column in the receiver
                    // chain (`.join(Order, Order.status == "paid").where(…)`) is another call's.
                    None => {
                        let (start, end) = (column.name.start_byte(), column.name.end_byte());
                        (0..self.calls.len())
                            .filter(|&i| {
                                let call = self.calls[i].call;
                                let arguments =
                                    call.child_by_field_name("arguments").unwrap_or(call);
                                arguments.start_byte() <= start && end <= arguments.end_byte()
                            })
                            .min_by_key(|&i| {
                                self.calls[i].call.end_byte() - self.calls[i].call.start_byte()
                            })
                    }
                };
                if let Some(owner) = owner {
                    let call = &mut self.calls[owner];
                    // `q.filter(User.email == e)`: the qualified column names the model of a
                    // query that starts there.
                    call.model = call.model.or(column.model);
                    call.columns.push(column);
                }
            }
        }
        self.attach_options();
        for call in &mut self.calls {
            call.columns.sort_by_key(|c| c.name.start_byte());
            call.columns.dedup_by_key(|c| c.name.id());
        }
        for index in &mut self.indexes {
            index.columns.sort_by_key(|c| c.start_byte());
            index.columns.dedup_by_key(|c| c.id());
        }
        self.calls.sort_by_key(|c| c.call.start_byte());
        self.models.sort_by_key(|m| m.node.start_byte());
        self.fields.sort_by_key(|f| f.node.start_byte());
        self.indexes.sort_by_key(|i| i.node.start_byte());
        self.sql.sort_by_key(|n| n.start_byte());
        self.sql.dedup_by_key(|n| n.id());
        self.dialects.sort();
        self.dialects.dedup();
        self.migration_after.sort_by_key(|n| n.start_byte());
        self.migration_after.dedup_by_key(|n| n.id());
    }
}

/// The calls a declaration's node stands for: the node itself, or the calls directly inside
/// it (`email = Column(…)`, `("email", models.CharField(…))`).
fn declaring_calls(node: Node<'_>) -> impl Iterator<Item = Node<'_>> {
    let mut cursor = node.walk();
    let inside: Vec<Node<'_>> = node
        .named_children(&mut cursor)
        .filter(|child| child.child_by_field_name("arguments").is_some())
        .collect();
    std::iter::once(node)
        .filter(|n| n.child_by_field_name("arguments").is_some())
        .chain(inside)
}

/// A call's arguments, each followed by the nodes directly inside it (the `where:` pair of an
/// options object, the name of `unique=True`).
fn arguments_and_parts(call: Node<'_>) -> Vec<Node<'_>> {
    let Some(arguments) = call.child_by_field_name("arguments") else {
        return Vec::new();
    };
    let mut nodes = Vec::new();
    let mut cursor = arguments.walk();
    for argument in arguments.named_children(&mut cursor) {
        nodes.push(argument);
        let mut inner = argument.walk();
        nodes.extend(argument.named_children(&mut inner));
    }
    nodes
}
