//! The capture names that form the contract between query packs and the core.
//! `queries/README.md` documents each; names starting with `_` are private to a pattern (used
//! by its predicates) and are allowed anywhere.

/// A capture the core understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Capture {
    /// A function, method, lambda or closure: a scope for variables, parameters and returns.
    Function,
    /// The name of the enclosing `@function`, if it has one.
    FunctionName,
    /// A parameter name of the innermost `@function` around it.
    Param,
    /// A statement block: a definition inside it reaches only uses inside it for certain.
    Block,
    /// An assignment that replaces the value of `@assign.target`.
    Assign,
    /// An assignment that adds to the value of `@assign.target` (`+=`, `.append`, `push_str`).
    AssignAppend,
    /// The variable an `@assign` / `@assign.append` writes.
    AssignTarget,
    /// The value an `@assign` / `@assign.append` writes.
    AssignValue,
    /// A value returned by the innermost `@function` around it.
    ReturnValue,
    /// A call, so that calls of functions defined in the same file can be followed.
    Call,
    /// The called name of a `@call`.
    CallName,
    /// A positional argument of a `@call`.
    CallArg,
    /// A variable checked to be one of a constant collection's members (`if x in ALLOWED`).
    GuardSubject,
    /// The collection of a `@guard.subject` check.
    GuardAllowlist,
    /// Where the check holds: the branch taken when the subject is a member.
    GuardRegion,
    /// A statement whose failing branch exits (`if x not in ALLOWED: raise`): the check holds
    /// from its end to the end of the enclosing block.
    GuardAfter,
    /// A call that executes something (required beside every `@sink.*` argument).
    SinkCall,
    /// The called name, for messages and for where the finding starts.
    SinkName,
    /// The argument of a `@sink.call` that is SQL text.
    SinkSql,
    /// The argument of a `@sink.call` that is a shell command line.
    SinkShell,
    /// The argument of a `@sink.call` that is NoSQL query code (a `$where` JavaScript string).
    SinkNosql,
    /// The argument of a `@sink.call` that is a file system path.
    SinkPath,
    /// The argument of a `@sink.call` that is a redirect target.
    SinkRedirect,
    /// The argument of a `@sink.call` that is evaluated as program code.
    SinkCode,
    /// The argument of a `@sink.call` that is the URL of an outbound request.
    SinkUrl,
    /// The argument of a `@sink.call` that is HTML sent to a browser.
    SinkHtml,
    /// The argument of a `@sink.call` that is compiled as a regular expression.
    SinkRegex,
    /// The argument of a `@sink.call` that is a loop bound or an allocation size.
    SinkBound,
    /// An expression whose value is request data (`request.args`, `req.query`).
    SourceRequest,
    /// A parameter name (or a name a parameter's pattern binds) that holds request data.
    SourceParam,
    /// A parameter that holds a number from the request (`n: int` in a FastAPI route,
    /// `<int:n>` in a Flask route): validated as a number, still the client's number for loop
    /// bounds and sizes.
    SourceNumber,
    /// The route pattern declaring a `@source.param` (`"/items/<int:id>"`): a parameter it
    /// declares with a number or UUID converter is not request text.
    SourceRoute,
    /// A loop statement (`while`, `for`, `do`, `loop`).
    Loop,
    /// A loop whose condition never ends it (`while True`, `for (;;)`, `loop {}`).
    LoopForever,
    /// The label of the `@loop` in the same match (`outer` in `outer: for`).
    LoopLabel,
    /// The condition of the `@loop` in the same match, when it may be judged (`while running`).
    LoopCondition,
    /// The part of a `@loop` that a `break` does not leave it from (Python's `for … else:`).
    LoopElse,
    /// A variable a statement changes in place (`stack.pop()`, `&mut done`).
    Mutate,
    /// A block whose exceptions a handler catches: a loop inside it may end by an exception any
    /// call raises.
    Try,
    /// A point where the running task may be cancelled from outside (an `await` in Python's
    /// asyncio or in Rust).
    Cancel,
    /// A call that talks to the network, a database or a subprocess: it can fail transiently.
    Io,
    /// A wait before trying again (`time.sleep`, `setTimeout`, `tokio::time::sleep`).
    Sleep,
    /// A reading of the clock (`time.monotonic()`, `Date.now()`, `Instant::now()`).
    Clock,
    /// An error handler (`except:`, `catch`, an `Err(_) =>` arm): where a failure goes.
    Catch,
    /// A comparison (for attempt caps and deadlines).
    Compare,
    /// A test that a page is empty or a next link missing (`not items`, `next is None`,
    /// `!data.length`, `.is_empty()`, `has_more`).
    Stop,
    /// A `break` statement.
    Break,
    /// The label a `@break` names.
    BreakLabel,
    /// A statement that catches an unlabeled `break` without being a loop (`switch`).
    Breakable,
    /// A statement that leaves the function (`return`, `raise`, `throw`, `sys.exit()`, `?`,
    /// `panic!`) or hands control to the caller (`yield`).
    Exit,
    /// A call that may call the function around it by its own name (`walk(…)`, `self.walk(…)`).
    Recurse,
    /// The called name of a `@recurse`.
    RecurseName,
    /// The receiver a `@recurse` goes through (`self`, `this`, `Self`); without one the call
    /// is a bare name.
    RecurseReceiver,
    /// A function that is a method: its name is not in scope as a bare name inside it, and a
    /// call through its receiver reaches it.
    Method,
    /// A method of a trait or interface implementation: a call through the receiver of its
    /// own name may reach another method of that name (Rust prefers an inherent method).
    MethodTrait,
    /// A name bound in the function around it other than by assignment or definition (a local
    /// import): a bare call of that name reaches what it binds.
    Binding,
    /// A part of a function that may not run: an `if` branch, a conditional expression's arm,
    /// a short-circuit operand, a `match` arm, an exception handler, a comprehension.
    Branch,
    /// An ORM call that runs or shapes a query (`filter`, `get`, `order_by`, `findMany`,
    /// `where`): where a missing-index finding is reported.
    DbCall,
    /// The model class or ORM accessor a `@db.call` queries (`User` in `User.objects.filter`).
    DbModel,
    /// The called method's name of a `@db.call` (`filter` in `users::table.filter(…)`): its
    /// finding starts there, so a chained call is reported on its own line.
    DbName,
    /// A table name a `@db.call` queries (`'users'` in `knex('users')`).
    DbTable,
    /// The query a `@db.call` is chained on (`Order.objects.filter(…)` in `….order_by(…)`).
    DbReceiver,
    /// A column or field name a `@db.call` filters, sorts, joins or groups on.
    DbColumn,
    /// An operator applied to a `@db.column` (`contains`, `startsWith`, `Like`, `Op.gt`).
    DbOperator,
    /// The method name of a `@db.call` (`filter`, `exclude`, `order_by`, `orderBy`): says what
    /// the call does with its columns, unless the pattern sets `db`.
    DbVerb,
    /// SQL text that a call runs, besides the `@sink.sql` arguments (a safe `sqlx::query!`).
    DbSql,
    /// A driver or import that says which database the code talks to (`psycopg`, `mysql2`).
    DbDialect,
    /// A model or table declaration in code (a Django or SQLAlchemy class, `sequelize.define`).
    SchemaModel,
    /// The name of a `@schema.model`.
    SchemaModelName,
    /// A table name a model declares (`db_table`, `__tablename__`, `@Entity("orders")`).
    SchemaTable,
    /// A field (column) declaration inside a `@schema.model`.
    SchemaField,
    /// The name of a `@schema.field`.
    SchemaFieldName,
    /// The name of an option set on a `@schema.field` or `@schema.index` (`db_index`,
    /// `unique`, `primary_key`, `primaryKey`): says what it declares, unless the pattern sets
    /// `schema`.
    SchemaOption,
    /// The column name a `@schema.field` declares when it differs from its name.
    SchemaColumn,
    /// The model a foreign-key `@schema.field` references.
    SchemaReferences,
    /// A statement inside a `@schema.model` that says its table is not this repository's to
    /// manage (Django `managed = False`): a view, a legacy or another service's table.
    SchemaExternal,
    /// An index or unique constraint over one or more columns (`models.Index(fields=[…])`,
    /// `Index('ix', …)`, `op.create_index(…)`, `indexes: [{ fields: […] }]`).
    SchemaIndex,
    /// One column of a `@schema.index`, in order.
    SchemaIndexColumn,
    /// The table a `@schema.index` names, when it is not inside a model.
    SchemaIndexTable,
    /// The model a `@schema.index` names, when it is not inside a model.
    SchemaIndexModel,
    /// The name of a `@schema.index` (`"ix_orders_status"`), so that a later drop finds it.
    SchemaIndexName,
    /// Code whose schema declarations are not the repository's schema: a migration's
    /// rollback (Alembic's `downgrade()`), a description of the database's own catalog
    /// (`Table("objects", m, …, schema="sys")`).
    SchemaIgnore,
    /// The id of the migration a file is (Alembic's `revision = "…"`), for migration order.
    SchemaMigration,
    /// The id of a migration that this file's migration runs after (Alembic's
    /// `down_revision`), one per parent.
    SchemaMigrationAfter,
    /// A read of a whole request body that no schema describes.
    InputBody,
    /// A node that validates request data: in it, and in the function holding it, body reads
    /// count as validated.
    InputValidated,
    /// An expression that builds a value from parts (concatenation, interpolation, formatting).
    ExprBuild,
    /// One part of the `@expr.build` captured in the same match.
    ExprPart,
    /// A literal whose value is fixed in the source.
    ExprLiteral,
    /// An expression that is dynamic by itself (e.g. a format string with inline `{name}`).
    ExprDynamic,
    /// A wrapper that passes its `@expr.inner` through unchanged (parentheses, `&`, `.as_str()`).
    ExprWrapper,
    /// The wrapped expression of an `@expr.wrapper`.
    ExprInner,
    /// A conversion whose result cannot carry injected text (`int(x)`, `Number(x)`, `len(x)`).
    SanitizerConvert,
    /// SQL quoting or escaping (`quote_name(x)`, `connection.escapeId(x)`).
    SanitizerSql,
    /// Shell quoting (`shlex.quote(x)`).
    SanitizerShell,
    /// Reducing a path to a file name (`os.path.basename(x)`, `secure_filename(x)`).
    SanitizerPath,
    /// HTML escaping (`html.escape(x)`).
    SanitizerHtml,
    /// Regex escaping (`re.escape(x)`).
    SanitizerRegex,
    /// A URL whose scheme and host are fixed (`new URL(path, API_BASE)`).
    SanitizerUrl,
    /// Schema validation or parsing into a typed value (`Model(**data)`, `schema.parse(x)`).
    SanitizerValidate,
    /// A number clamped to a limit (`min(n, MAX)`).
    SanitizerClamp,
    /// The size of a value (`len(x)`, `x.length`, `v.len()`).
    SanitizerSize,
    /// The imported name of an aliased import (`text` in `from sqlalchemy import text as sql`).
    ImportName,
    /// The alias it is known by in the file (`sql`).
    ImportAlias,
}

/// Every capture name the core understands, with its meaning (shown in load errors).
pub const CAPTURES: &[(&str, Capture, &str)] = &[
    (
        "assign",
        Capture::Assign,
        "an assignment replacing a variable's value",
    ),
    (
        "assign.append",
        Capture::AssignAppend,
        "an assignment adding to a variable's value",
    ),
    (
        "assign.target",
        Capture::AssignTarget,
        "the variable an assignment writes",
    ),
    (
        "assign.value",
        Capture::AssignValue,
        "the value an assignment writes",
    ),
    (
        "binding",
        Capture::Binding,
        "a name bound in a function other than by assignment (a local import)",
    ),
    ("block", Capture::Block, "a statement block"),
    (
        "db.call",
        Capture::DbCall,
        "an ORM call that runs or shapes a query (where missing-index reports)",
    ),
    (
        "db.column",
        Capture::DbColumn,
        "a column or field a @db.call filters, sorts, joins or groups on",
    ),
    (
        "db.dialect",
        Capture::DbDialect,
        "a driver or import naming the database (with #set! dialect)",
    ),
    (
        "db.model",
        Capture::DbModel,
        "the model class or ORM accessor a @db.call queries",
    ),
    (
        "db.name",
        Capture::DbName,
        "the called name of a @db.call (where its finding starts)",
    ),
    (
        "db.operator",
        Capture::DbOperator,
        "an operator applied to a @db.column (contains, startsWith, Like)",
    ),
    (
        "db.verb",
        Capture::DbVerb,
        "the method name of a @db.call (filter, exclude, order_by)",
    ),
    (
        "db.receiver",
        Capture::DbReceiver,
        "the query a @db.call is chained on",
    ),
    (
        "db.sql",
        Capture::DbSql,
        "SQL text that a call runs (besides @sink.sql arguments)",
    ),
    (
        "db.table",
        Capture::DbTable,
        "a table name a @db.call queries",
    ),
    (
        "schema.column",
        Capture::SchemaColumn,
        "the column name a @schema.field declares",
    ),
    (
        "schema.external",
        Capture::SchemaExternal,
        "a statement saying the model's table is not managed here (managed = False)",
    ),
    (
        "schema.field",
        Capture::SchemaField,
        "a field (column) declaration in a @schema.model",
    ),
    (
        "schema.field.name",
        Capture::SchemaFieldName,
        "the name of a @schema.field",
    ),
    (
        "schema.option",
        Capture::SchemaOption,
        "an option set on a @schema.field or @schema.index (db_index, unique, primary_key)",
    ),
    (
        "schema.ignore",
        Capture::SchemaIgnore,
        "code whose schema declarations do not count (a downgrade(), system catalog tables)",
    ),
    (
        "schema.index",
        Capture::SchemaIndex,
        "an index or unique constraint declaration",
    ),
    (
        "schema.index.column",
        Capture::SchemaIndexColumn,
        "one column of a @schema.index, in order",
    ),
    (
        "schema.index.model",
        Capture::SchemaIndexModel,
        "the model a @schema.index names",
    ),
    (
        "schema.index.name",
        Capture::SchemaIndexName,
        "the name of a @schema.index (for a later drop)",
    ),
    (
        "schema.index.table",
        Capture::SchemaIndexTable,
        "the table a @schema.index names",
    ),
    (
        "schema.migration",
        Capture::SchemaMigration,
        "the id of the migration a file is (Alembic revision)",
    ),
    (
        "schema.migration.after",
        Capture::SchemaMigrationAfter,
        "the id of a migration this one runs after (Alembic down_revision)",
    ),
    (
        "schema.model",
        Capture::SchemaModel,
        "a model or table declaration in code",
    ),
    (
        "schema.model.name",
        Capture::SchemaModelName,
        "the name of a @schema.model",
    ),
    (
        "schema.references",
        Capture::SchemaReferences,
        "the model a foreign-key @schema.field references",
    ),
    (
        "schema.table",
        Capture::SchemaTable,
        "the table name a @schema.model declares",
    ),
    (
        "branch",
        Capture::Branch,
        "a part of a function that may not run (a branch, an arm, a short-circuit operand)",
    ),
    ("break", Capture::Break, "a break statement"),
    (
        "break.label",
        Capture::BreakLabel,
        "the label a @break names",
    ),
    (
        "breakable",
        Capture::Breakable,
        "a statement that catches an unlabeled break (switch)",
    ),
    ("call", Capture::Call, "a call"),
    (
        "call.arg",
        Capture::CallArg,
        "a positional argument of the @call",
    ),
    (
        "call.name",
        Capture::CallName,
        "the called name of the @call",
    ),
    (
        "expr.build",
        Capture::ExprBuild,
        "an expression built from parts",
    ),
    (
        "expr.dynamic",
        Capture::ExprDynamic,
        "an expression dynamic by itself",
    ),
    (
        "expr.inner",
        Capture::ExprInner,
        "the expression inside an @expr.wrapper",
    ),
    (
        "cancel",
        Capture::Cancel,
        "a point where the task may be cancelled from outside (await)",
    ),
    ("catch", Capture::Catch, "an error handler"),
    ("clock", Capture::Clock, "a reading of the clock"),
    ("compare", Capture::Compare, "a comparison"),
    (
        "exit",
        Capture::Exit,
        "a statement leaving the function or yielding",
    ),
    ("expr.literal", Capture::ExprLiteral, "a constant literal"),
    (
        "input.body",
        Capture::InputBody,
        "a read of a whole request body with no schema",
    ),
    (
        "input.validated",
        Capture::InputValidated,
        "a node validating request data (for @input.body)",
    ),
    (
        "expr.part",
        Capture::ExprPart,
        "one part of the @expr.build in the same match",
    ),
    (
        "expr.wrapper",
        Capture::ExprWrapper,
        "a wrapper passing @expr.inner through",
    ),
    (
        "method",
        Capture::Method,
        "a function that is a method (its name is reached through its receiver)",
    ),
    (
        "method.trait",
        Capture::MethodTrait,
        "a method implementing a trait or interface",
    ),
    (
        "recurse",
        Capture::Recurse,
        "a call that may call the function around it by its own name",
    ),
    (
        "recurse.name",
        Capture::RecurseName,
        "the called name of the @recurse",
    ),
    (
        "recurse.receiver",
        Capture::RecurseReceiver,
        "the receiver (self, this, Self) a @recurse goes through",
    ),
    (
        "function",
        Capture::Function,
        "a function, method, lambda or closure",
    ),
    (
        "function.name",
        Capture::FunctionName,
        "the name of the @function",
    ),
    (
        "guard.after",
        Capture::GuardAfter,
        "a check whose failing branch exits; it holds after it",
    ),
    (
        "guard.allowlist",
        Capture::GuardAllowlist,
        "the collection a @guard.subject is checked against",
    ),
    (
        "guard.region",
        Capture::GuardRegion,
        "where a @guard.subject check holds",
    ),
    (
        "guard.subject",
        Capture::GuardSubject,
        "a variable checked to be in a constant collection",
    ),
    (
        "import.alias",
        Capture::ImportAlias,
        "the alias an imported name is known by",
    ),
    (
        "import.name",
        Capture::ImportName,
        "the imported name behind an @import.alias",
    ),
    ("loop", Capture::Loop, "a loop statement"),
    (
        "loop.condition",
        Capture::LoopCondition,
        "the condition of the @loop, when it may be judged",
    ),
    (
        "loop.forever",
        Capture::LoopForever,
        "a loop whose condition never ends it",
    ),
    ("io", Capture::Io, "a network, database or subprocess call"),
    (
        "loop.else",
        Capture::LoopElse,
        "the part of a @loop a break does not leave it from",
    ),
    ("loop.label", Capture::LoopLabel, "the label of the @loop"),
    (
        "mutate",
        Capture::Mutate,
        "a variable a statement changes in place",
    ),
    (
        "param",
        Capture::Param,
        "a parameter name of the enclosing @function",
    ),
    (
        "return.value",
        Capture::ReturnValue,
        "a value returned by the enclosing @function",
    ),
    (
        "sanitizer.clamp",
        Capture::SanitizerClamp,
        "a number clamped to a limit",
    ),
    (
        "sanitizer.convert",
        Capture::SanitizerConvert,
        "a conversion to a number or other text-free value",
    ),
    (
        "sanitizer.html",
        Capture::SanitizerHtml,
        "HTML escaping of a value",
    ),
    (
        "sanitizer.path",
        Capture::SanitizerPath,
        "reducing a path to a file name",
    ),
    (
        "sanitizer.regex",
        Capture::SanitizerRegex,
        "regex escaping of a value",
    ),
    (
        "sanitizer.size",
        Capture::SanitizerSize,
        "the size of a value (len, length)",
    ),
    (
        "sanitizer.shell",
        Capture::SanitizerShell,
        "shell quoting of a value",
    ),
    (
        "sanitizer.sql",
        Capture::SanitizerSql,
        "SQL quoting or escaping of a value",
    ),
    (
        "sanitizer.url",
        Capture::SanitizerUrl,
        "a URL whose scheme and host are fixed",
    ),
    (
        "sanitizer.validate",
        Capture::SanitizerValidate,
        "schema validation or parsing into a typed value",
    ),
    (
        "sink.bound",
        Capture::SinkBound,
        "the loop bound or allocation size argument of the @sink.call",
    ),
    (
        "sink.call",
        Capture::SinkCall,
        "a call that executes something",
    ),
    (
        "sink.code",
        Capture::SinkCode,
        "the argument of the @sink.call evaluated as code",
    ),
    (
        "sink.html",
        Capture::SinkHtml,
        "the HTML argument of the @sink.call",
    ),
    (
        "sink.name",
        Capture::SinkName,
        "the called name of the @sink.call",
    ),
    (
        "sink.nosql",
        Capture::SinkNosql,
        "the NoSQL query code argument of the @sink.call",
    ),
    (
        "sink.path",
        Capture::SinkPath,
        "the file path argument of the @sink.call",
    ),
    (
        "sink.redirect",
        Capture::SinkRedirect,
        "the redirect target argument of the @sink.call",
    ),
    (
        "sink.regex",
        Capture::SinkRegex,
        "the argument of the @sink.call compiled as a regex",
    ),
    (
        "sink.shell",
        Capture::SinkShell,
        "the shell command argument of the @sink.call",
    ),
    (
        "sink.sql",
        Capture::SinkSql,
        "the SQL text argument of the @sink.call",
    ),
    (
        "sink.url",
        Capture::SinkUrl,
        "the URL argument of the @sink.call (outbound request)",
    ),
    (
        "try",
        Capture::Try,
        "a block whose exceptions a handler catches",
    ),
    ("sleep", Capture::Sleep, "a wait before trying again"),
    (
        "stop",
        Capture::Stop,
        "a test that a page is empty or a next link missing",
    ),
    (
        "source.number",
        Capture::SourceNumber,
        "a parameter holding a number from the request (for loop bounds and sizes)",
    ),
    (
        "source.param",
        Capture::SourceParam,
        "a parameter name holding request data",
    ),
    (
        "source.route",
        Capture::SourceRoute,
        "the route pattern declaring a @source.param (for converters)",
    ),
    (
        "source.request",
        Capture::SourceRequest,
        "an expression whose value is request data",
    ),
];

/// Keys allowed in `(#set! key "value")`: `label` names what a pattern matched for messages
/// (e.g. `"f-string"`, `"template literal"`); `shape` on a sink pattern (`"sql"`,
/// `"sql-statement"` or `"sql-condition"`) asks the core to report only text whose constant
/// fragments look like that, for generic method names such as `execute`, `query` or `where`;
/// `build` `"choice"` on an `@expr.build` pattern says its value is one of its parts (a lookup,
/// a conditional, a container), not text assembled from them; `placeholder` on an
/// `@expr.dynamic` pattern is a regex whose first group names a variable the text embeds
/// (`{name}` in a Rust format string), so the core can follow those variables; `shape` may also
/// be `"html"` (the text holds an HTML tag); `guard` `"prefix"` on a guard pattern says the check
/// is a constant prefix (`startsWith(ROOT)`), which clears paths, redirects and outbound URLs
/// only; `words` on a pattern that can lead to a finding but names nothing with `#eq?` /
/// `#any-of?` lists (space-separated) the words one of which a file must contain for it to
/// match, so the prefilter can still skip files (`"def"` for a recursion pattern); `db` on a
/// `@db.call` pattern says what the call does with its columns (`"filter"`, `"exclude"`,
/// `"order"`, `"group"`, `"join"`) and `lookup` `"django"` reads Django's `field__lookup` names;
/// `schema` on a `@schema.field` or `@schema.index` pattern says what it declares (`"index"`,
/// `"unique"`, `"primary"`, `"foreign-key"`, `"no-index"`, `"column"`); `naming` on a
/// `@schema.model` pattern names the ORM's table-naming convention; `dialect` on a
/// `@db.dialect` pattern names the database (`"postgres"`, `"mysql"`, `"sqlite"`).
pub const PROPERTY_KEYS: &[&str] = &[
    "label",
    "shape",
    "build",
    "placeholder",
    "guard",
    "words",
    "db",
    "schema",
    "naming",
    "dialect",
    "lookup",
];

impl Capture {
    /// The sink argument captures.
    pub fn is_sink_argument(self) -> bool {
        matches!(
            self,
            Capture::SinkSql
                | Capture::SinkShell
                | Capture::SinkNosql
                | Capture::SinkPath
                | Capture::SinkRedirect
                | Capture::SinkCode
                | Capture::SinkUrl
                | Capture::SinkHtml
                | Capture::SinkRegex
                | Capture::SinkBound
        )
    }
}

impl Capture {
    /// The capture for a name, if the core understands it.
    pub fn from_name(name: &str) -> Option<Capture> {
        CAPTURES
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|&(_, c, _)| c)
    }
}
