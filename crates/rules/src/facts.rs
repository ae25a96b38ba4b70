//! The facts one query pass collects from one file: sinks, how values are built, and the
//! def-use skeleton (scopes, parameters, assignments, returns, calls, allow-list guards) that
//! the dataflow in [`crate::dataflow`] follows. Everything is keyed by tree-sitter node ids or
//! byte ranges, so nothing here walks the tree.

use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use tree_sitter::Node;

/// What a sink executes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SinkKind {
    /// SQL text (`@sink.sql`).
    Sql,
    /// A shell command line (`@sink.shell`).
    Shell,
    /// NoSQL query code, e.g. a MongoDB `$where` JavaScript string (`@sink.nosql`).
    Nosql,
    /// A file system path opened, read, written or sent (`@sink.path`).
    Path,
    /// A URL the client is redirected to (`@sink.redirect`).
    Redirect,
    /// Program code evaluated by the language itself: `eval`, `exec`, `new Function` (`@sink.code`).
    Code,
    /// A URL the server sends an outbound request to (`@sink.url`).
    Url,
    /// HTML sent to a browser (`@sink.html`).
    Html,
    /// A regular expression compiled from text (`@sink.regex`).
    Regex,
    /// A loop bound or an allocation size (`range(n)`, `new Array(n)`, `Vec::with_capacity(n)`,
    /// `@sink.bound`): a number, so conversions do not clear it, clamps do.
    Bound,
}

impl SinkKind {
    /// Whether a sink of this kind is judged by how its text is built (SQL, shell, NoSQL:
    /// any non-constant part is a finding) rather than by whether request data reaches it.
    pub fn is_injection(self) -> bool {
        matches!(self, SinkKind::Sql | SinkKind::Shell | SinkKind::Nosql)
    }
}

/// What a sink's text must look like to count, for generic method names (`(#set! shape …)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// Mentions SQL keywords (`"sql"`).
    Sql,
    /// Reads as a whole SQL statement: `SELECT … FROM`, `INSERT INTO`, … (`"sql-statement"`).
    SqlStatement,
    /// Reads as a SQL condition: a comparison or a boolean keyword (`"sql-condition"`).
    SqlCondition,
    /// Holds an HTML tag (`"html"`).
    Html,
    /// Text: built by concatenation or interpolation, or holding an HTML tag (`"text"`), for
    /// senders that serve any string as HTML (Express `res.send`) but objects as JSON.
    Text,
}

/// An expression whose value is safe to put into some sinks' text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sanitizer {
    /// A conversion whose result cannot carry text (a number, a boolean, a length): safe
    /// everywhere.
    Convert,
    /// SQL quoting or escaping: safe in SQL text only.
    Sql,
    /// Shell quoting: safe in a shell command line only.
    Shell,
    /// A file name stripped of directories (`basename`, `secure_filename`): safe as a path.
    Path,
    /// HTML escaping: safe in HTML only.
    Html,
    /// Regex escaping: safe in a regular expression only.
    Regex,
    /// A URL whose scheme and host are fixed (`new URL(path, API_BASE)`): safe as a redirect
    /// target or an outbound URL only.
    Url,
    /// Schema validation or parsing into a typed value (pydantic, zod, serde into a struct):
    /// no longer unvalidated request data, though still not a constant.
    Validate,
    /// A number clamped to a limit (`min(n, MAX)`, `Math.min`, `.clamp`): safe as a bound.
    Clamp,
    /// The size of a value (`len(x)`, `x.length`, `v.len()`): a number bounded by what the
    /// client sent, safe everywhere, loop bounds included (a loop over it is linear in the
    /// request, not amplified by it).
    Size,
}

impl Sanitizer {
    /// Whether this sanitizer makes a value safe for a sink of `kind`: constant as far as that
    /// sink is concerned.
    pub fn clears(self, kind: SinkKind) -> bool {
        match self {
            // A number from the request is still the client's number.
            Sanitizer::Convert => kind != SinkKind::Bound,
            Sanitizer::Sql => kind == SinkKind::Sql,
            Sanitizer::Shell => kind == SinkKind::Shell,
            Sanitizer::Path => kind == SinkKind::Path,
            Sanitizer::Html => kind == SinkKind::Html,
            Sanitizer::Regex => kind == SinkKind::Regex,
            Sanitizer::Url => matches!(kind, SinkKind::Url | SinkKind::Redirect),
            Sanitizer::Validate => false,
            Sanitizer::Clamp => kind == SinkKind::Bound,
            Sanitizer::Size => true,
        }
    }

    /// Whether the value it yields is no longer request data (still not a constant).
    pub fn validates(self) -> bool {
        self == Sanitizer::Validate
    }
}

/// What an allow-list guard proves about its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum GuardKind {
    /// Membership in a constant collection: the subject is one of its constants.
    #[default]
    Member,
    /// A constant prefix (`startsWith(ROOT)`): the subject stays under a fixed root or
    /// origin, which is enough for paths, redirects and outbound URLs only.
    Prefix,
    /// An upper limit (`if n > MAX: raise`): enough for loop bounds and sizes only.
    Limit,
}

impl GuardKind {
    /// Whether the guard makes its subject safe for a sink of `kind`.
    pub fn clears(self, kind: SinkKind) -> bool {
        match self {
            GuardKind::Member => true,
            GuardKind::Prefix => {
                matches!(kind, SinkKind::Path | SinkKind::Redirect | SinkKind::Url)
            }
            GuardKind::Limit => kind == SinkKind::Bound,
        }
    }
}

/// A call that executes text, and the argument holding that text.
#[derive(Debug, Clone, Copy)]
pub struct Sink<'t> {
    /// What it executes.
    pub kind: SinkKind,
    /// The whole call.
    pub call: Node<'t>,
    /// The called name (`execute`, `query`), if the pattern captured it.
    pub name: Option<Node<'t>>,
    /// The argument holding the text.
    pub argument: Node<'t>,
    /// What the text must look like, if the sink's name is generic.
    pub shape: Option<Shape>,
}

/// An expression built from parts, e.g. an f-string and its interpolated expressions.
#[derive(Debug, Clone)]
pub struct Build<'t> {
    /// The expression.
    pub node: Node<'t>,
    /// Its parts, in source order.
    pub parts: Vec<Node<'t>>,
    /// What kind of build it is, for messages (`f-string`, `template literal`).
    pub label: Option<String>,
    /// Its value is one of its parts (a lookup, a conditional, a container), not text
    /// assembled from them.
    pub choice: bool,
    /// Its value is read or derived from its parts (a field, a method result, a joined
    /// path): constant when they are, request data when one is, and, when not constant,
    /// explained by the expression itself rather than its innermost part.
    pub access: bool,
    /// Its first part is a format string the other parts fill (`build "format"`).
    pub format: bool,
}

/// How a build's value relates to its parts (`(#set! build "…")`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BuildKind {
    /// Text assembled from the parts (the default).
    #[default]
    Text,
    /// One of the parts (`"choice"`).
    Choice,
    /// Read or derived from the parts (`"access"`).
    Access,
    /// Text from a format string, its first part, whose placeholders (`{}`, `{:?}`, `%s`) the
    /// other parts fill in order (`"format"`): `format!("{}/items/{}", API, id)`.
    Format,
}

/// A function, method, lambda or closure; index 0 of [`FileFacts::scopes`] is the module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope<'t> {
    /// First byte.
    pub start_byte: usize,
    /// End byte (exclusive).
    pub end_byte: usize,
    /// Its name, if it has one.
    pub name: Option<String>,
    /// Parameter names in order, with the nodes that declare them.
    pub params: Vec<(String, Node<'t>)>,
    /// Returned expressions.
    pub returns: Vec<Node<'t>>,
    /// Parameters (or names bound by a parameter's pattern) that hold request data.
    pub request_params: Vec<String>,
    /// Parameters that hold a number from the request (request data for bounds and sizes).
    pub number_params: Vec<String>,
    /// Whether it is a method, and of what kind.
    pub method: Option<MethodKind>,
}

/// What kind of method a function is (`@method`, `@method.trait`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodKind {
    /// A method of a class or an inherent `impl`: a call through its receiver of its own name
    /// reaches it.
    Plain,
    /// A method implementing a trait or interface: a receiver call of its name may reach
    /// another method of that name.
    Trait,
}

/// A call that may call the function around it by its own name.
#[derive(Debug, Clone, Copy)]
pub struct Recursion<'t> {
    /// The call.
    pub call: Node<'t>,
    /// The called name.
    pub name: Node<'t>,
    /// Whether it goes through the receiver (`self.walk()`, `this.walk()`, `Self::walk()`).
    pub through_receiver: bool,
}

impl Scope<'_> {
    /// Whether `name` is one of this function's request-data parameters.
    pub fn holds_request(&self, name: &str) -> bool {
        self.request_params.iter().any(|p| p == name)
    }

    /// Whether `name` is one of this function's request-number parameters.
    pub fn holds_number(&self, name: &str) -> bool {
        self.number_params.iter().any(|p| p == name)
    }
}

/// An assignment to a variable.
#[derive(Debug, Clone, Copy)]
pub struct Def<'t> {
    /// The assignment (statement or expression).
    pub node: Node<'t>,
    /// The assigned value.
    pub value: Node<'t>,
    /// True for `+=`, `.append(x)`, `push_str(x)`: the value is added, not replaced.
    pub append: bool,
    /// The innermost block holding the assignment: it reaches every later use inside it.
    pub block: (usize, usize),
}

/// A call with its name and positional arguments.
#[derive(Debug, Clone)]
pub struct Call<'t> {
    /// The whole call.
    pub node: Node<'t>,
    /// The called name.
    pub name: Node<'t>,
    /// Positional arguments in order.
    pub args: Vec<Node<'t>>,
}

/// `subject` was checked to be a member of the collection `allowlist`; the check holds in
/// `region`.
#[derive(Debug, Clone, Copy)]
pub struct Guard<'t> {
    /// The checked variable.
    pub subject: Node<'t>,
    /// The collection, if the check names one; without one, the pack vouches for the check
    /// itself (a validator call such as `url_has_allowed_host_and_scheme(url, …)`).
    pub allowlist: Option<Node<'t>>,
    /// Byte range where the subject is known to be a member.
    pub region: (usize, usize),
    /// The node the region comes from (a branch, or a statement that exits on failure).
    anchor: Node<'t>,
    /// Whether the region starts after `anchor` (its failing branch exits).
    after: bool,
    /// What the check proves.
    pub kind: GuardKind,
}

/// A loop statement.
#[derive(Debug, Clone)]
pub struct Loop<'t> {
    /// The whole loop.
    pub node: Node<'t>,
    /// Its label (`outer` in `outer: for …`, `'outer` in Rust), if it has one.
    pub label: Option<String>,
    /// Whether its condition can never end it (`while True`, `for (;;)`, `loop {}`).
    pub forever: bool,
    /// Its condition, when it is one to judge (`while running:`).
    pub condition: Option<Node<'t>>,
    /// Byte ranges inside it that a `break` does not leave it from (`for … else:`).
    pub not_leaving: Vec<(usize, usize)>,
}

/// A statement that leaves a loop.
#[derive(Debug, Clone, Copy)]
pub enum LoopExit<'t> {
    /// `break` (or `break label`): leaves the innermost loop or switch around it, or the loop
    /// with that label.
    Break {
        /// The statement.
        node: Node<'t>,
        /// Its label, if any.
        label: Option<Node<'t>>,
    },
    /// Leaves the whole function (`return`, `raise`, `throw`, `sys.exit()`, `?`, `panic!`), or
    /// hands control to the caller (`yield`).
    Function(Node<'t>),
}

impl<'t> LoopExit<'t> {
    /// The exit statement.
    pub fn node(&self) -> Node<'t> {
        match *self {
            LoopExit::Break { node, .. } | LoopExit::Function(node) => node,
        }
    }
}

/// What the retry rule looks at inside loops: each list holds nodes in no particular order.
#[derive(Debug, Default)]
pub struct RetryFacts<'t> {
    /// Network, database and subprocess calls.
    pub io: Vec<Node<'t>>,
    /// Waits before trying again.
    pub sleeps: Vec<Node<'t>>,
    /// Readings of the clock.
    pub clocks: Vec<Node<'t>>,
    /// Error handlers.
    pub catches: Vec<Node<'t>>,
    /// Comparisons.
    pub compares: Vec<Node<'t>>,
    /// Tests that a page is empty or a next link missing.
    pub stops: Vec<Node<'t>>,
}

/// Everything the query pass found in one file.
#[derive(Debug, Default)]
pub struct FileFacts<'t> {
    /// The decoded source text the tree was parsed from.
    pub source: &'t str,
    /// Execution sinks, in source order.
    pub sinks: Vec<Sink<'t>>,
    /// Scopes sorted by start (outer first); index 0 is the whole file.
    pub scopes: Vec<Scope<'t>>,
    builds: HashMap<usize, Build<'t>>,
    literals: HashSet<usize>,
    dynamics: HashMap<usize, Option<Arc<Regex>>>,
    wrappers: HashMap<usize, Node<'t>>,
    sanitizers: HashMap<usize, Sanitizer>,
    blocks: Vec<(usize, usize)>,
    pending_params: Vec<Node<'t>>,
    pending_returns: Vec<Node<'t>>,
    pending_defs: Vec<(String, Def<'t>)>,
    /// Assignments per (scope index, variable name), in source order.
    defs: HashMap<(usize, String), Vec<Def<'t>>>,
    calls: HashMap<usize, Call<'t>>,
    guards: Vec<Guard<'t>>,
    request_sources: HashSet<usize>,
    pending_request_params: Vec<Node<'t>>,
    pending_number_params: Vec<Node<'t>>,
    /// Reads of a whole request body with no schema (`req.body`, `Json<Value>`), in source order.
    pub bodies: Vec<Node<'t>>,
    /// Nodes inside which, and functions in which, request data counts as validated.
    pub validations: Vec<Node<'t>>,
    conversions: Vec<(usize, usize)>,
    /// Loops, sorted by start (outer first).
    pub loops: Vec<Loop<'t>>,
    /// Statements that catch an unlabeled `break` without being loops (`switch`), by range.
    pub breakables: Vec<(usize, usize)>,
    /// Statements that leave a loop, in source order.
    pub loop_exits: Vec<LoopExit<'t>>,
    /// Variables changed in place (`stack.pop()`), in no particular order.
    pub mutations: Vec<Node<'t>>,
    /// Blocks whose exceptions a handler catches, by range.
    pub tries: Vec<(usize, usize)>,
    /// Where the running task may be cancelled from outside (`await`).
    pub cancel_points: Vec<Node<'t>>,
    /// Calls, waits, clocks, handlers and comparisons, for retry loops.
    pub retry_facts: RetryFacts<'t>,
    /// Calls that may call the function around them by its own name, in source order.
    pub recursions: Vec<Recursion<'t>>,
    /// Parts of functions that may not run, by range.
    pub branches: Vec<(usize, usize)>,
    pending_methods: Vec<(usize, usize, MethodKind)>,
    bindings: Vec<Node<'t>>,
    /// ORM calls, SQL text, drivers and schema declarations, for the missing-index join.
    pub db: crate::db_captures::DbCaptures<'t>,
}

impl<'t> FileFacts<'t> {
    /// Empty facts over `source`.
    pub fn new(source: &'t str) -> Self {
        FileFacts {
            source,
            scopes: vec![Scope {
                start_byte: 0,
                end_byte: source.len(),
                name: None,
                params: Vec::new(),
                returns: Vec::new(),
                request_params: Vec::new(),
                number_params: Vec::new(),
                method: None,
            }],
            ..Default::default()
        }
    }

    /// Record a sink (a call matched by several patterns is kept once).
    pub fn add_sink(&mut self, sink: Sink<'t>) {
        let seen = self
            .sinks
            .iter()
            .any(|s| s.kind == sink.kind && s.argument.id() == sink.argument.id());
        if !seen {
            self.sinks.push(sink);
        }
    }

    /// Record one part of a build (patterns yield one match per interpolation).
    pub fn add_build_part(
        &mut self,
        node: Node<'t>,
        part: Option<Node<'t>>,
        label: Option<&str>,
        kind: BuildKind,
    ) {
        let build = self.builds.entry(node.id()).or_insert_with(|| Build {
            node,
            parts: Vec::new(),
            label: None,
            choice: matches!(kind, BuildKind::Choice | BuildKind::Access),
            access: kind == BuildKind::Access,
            format: kind == BuildKind::Format,
        });
        if let Some(part) = part {
            if !build.parts.iter().any(|p| p.id() == part.id()) {
                build.parts.push(part);
            }
        }
        if build.label.is_none() {
            build.label = label.map(str::to_string);
        }
    }

    /// Record a literal.
    pub fn add_literal(&mut self, node: Node<'t>) {
        self.literals.insert(node.id());
    }

    /// Record an expression that is dynamic by itself.
    ///
    /// `placeholders` finds the variables the text embeds (`{name}`), if the pack said how.
    pub fn add_dynamic(&mut self, node: Node<'t>, placeholders: Option<Arc<Regex>>) {
        let entry = self.dynamics.entry(node.id()).or_insert(None);
        if entry.is_none() {
            *entry = placeholders;
        }
    }

    /// Record a sanitizing expression.
    pub fn add_sanitizer(&mut self, node: Node<'t>, sanitizer: Sanitizer) {
        self.sanitizers.insert(node.id(), sanitizer);
        if sanitizer.validates() {
            self.validations.push(node);
        }
        if matches!(sanitizer, Sanitizer::Convert | Sanitizer::Size) {
            self.conversions.push((node.start_byte(), node.end_byte()));
        }
    }

    /// Whether a node sits inside a conversion (`Number(req.body.count)`): what it reads is
    /// checked as it is read.
    pub fn is_converted(&self, node: Node<'_>) -> bool {
        self.conversions
            .iter()
            .any(|&(start, end)| start <= node.start_byte() && node.end_byte() <= end)
    }

    /// Record an expression whose value is request data.
    pub fn add_request_source(&mut self, node: Node<'t>) {
        self.request_sources.insert(node.id());
    }

    /// Record a parameter name (or a name a parameter's pattern binds) holding request data.
    pub fn add_request_param(&mut self, node: Node<'t>) {
        self.pending_request_params.push(node);
    }

    /// Record a parameter holding a number from the request.
    pub fn add_number_param(&mut self, node: Node<'t>) {
        self.pending_number_params.push(node);
    }

    /// Record a loop (several patterns may add to the same one).
    pub fn add_loop(
        &mut self,
        node: Node<'t>,
        label: Option<Node<'t>>,
        forever: bool,
        condition: Option<Node<'t>>,
    ) {
        let label = label.map(|l| self.text(l).trim_start_matches('\'').to_string());
        match self.loops.iter_mut().find(|l| l.node.id() == node.id()) {
            Some(known) => {
                known.forever |= forever;
                known.label = known.label.take().or(label);
                known.condition = known.condition.or(condition);
            }
            None => self.loops.push(Loop {
                node,
                label,
                forever,
                condition,
                not_leaving: Vec::new(),
            }),
        }
    }

    /// Record a part of a loop that a `break` does not leave it from (`for … else:`).
    pub fn add_loop_else(&mut self, node: Node<'t>, part: Node<'t>) {
        if let Some(known) = self.loops.iter_mut().find(|l| l.node.id() == node.id()) {
            known.not_leaving.push((part.start_byte(), part.end_byte()));
        }
    }

    /// Record a variable changed in place.
    pub fn add_mutation(&mut self, node: Node<'t>) {
        self.mutations.push(node);
    }

    /// Record a point where the running task may be cancelled from outside.
    pub fn add_cancel_point(&mut self, node: Node<'t>) {
        self.cancel_points.push(node);
    }

    /// Record a block whose exceptions a handler catches.
    pub fn add_try(&mut self, node: Node<'t>) {
        self.tries.push((node.start_byte(), node.end_byte()));
    }

    /// Record a statement that catches an unlabeled `break` without being a loop.
    pub fn add_breakable(&mut self, node: Node<'t>) {
        self.breakables.push((node.start_byte(), node.end_byte()));
    }

    /// Record a statement that leaves a loop.
    pub fn add_loop_exit(&mut self, exit: LoopExit<'t>) {
        let node = exit.node();
        if !self.loop_exits.iter().any(|e| e.node().id() == node.id()) {
            self.loop_exits.push(exit);
        }
    }

    /// Record a read of a whole request body that no schema describes.
    pub fn add_body(&mut self, node: Node<'t>) {
        self.bodies.push(node);
    }

    /// Record a node that validates request data (a validator call, a route with a
    /// validating middleware).
    pub fn add_validation(&mut self, node: Node<'t>) {
        self.validations.push(node);
    }

    /// Record a transparent wrapper.
    pub fn add_wrapper(&mut self, wrapper: Node<'t>, inner: Node<'t>) {
        self.wrappers.insert(wrapper.id(), inner);
    }

    /// Record a function, method, lambda or closure.
    pub fn add_function(&mut self, node: Node<'t>, name: Option<&str>) {
        if let Some(existing) = self
            .scopes
            .iter_mut()
            .skip(1)
            .find(|s| s.start_byte == node.start_byte() && s.end_byte == node.end_byte())
        {
            if existing.name.is_none() {
                existing.name = name.map(str::to_string);
            }
            return;
        }
        self.scopes.push(Scope {
            start_byte: node.start_byte(),
            end_byte: node.end_byte(),
            name: name.map(str::to_string),
            params: Vec::new(),
            returns: Vec::new(),
            request_params: Vec::new(),
            number_params: Vec::new(),
            method: None,
        });
    }

    /// Record that a function is a method (attached to its scope in [`FileFacts::finish`]).
    pub fn add_method(&mut self, node: Node<'t>, kind: MethodKind) {
        self.pending_methods
            .push((node.start_byte(), node.end_byte(), kind));
    }

    /// Record a call that may call the function around it by its own name.
    pub fn add_recursion(&mut self, recursion: Recursion<'t>) {
        if !self
            .recursions
            .iter()
            .any(|r| r.call.id() == recursion.call.id())
        {
            self.recursions.push(recursion);
        }
    }

    /// Record a name bound other than by assignment (a local import).
    pub fn add_binding(&mut self, node: Node<'t>) {
        self.bindings.push(node);
    }

    /// Whether `name` is bound locally in `scope`, so that a bare call of it there reaches the
    /// local thing: a parameter, an assignment, a local import, a function defined inside it.
    pub fn binds_locally(&self, scope: usize, name: &str) -> bool {
        let function = &self.scopes[scope];
        function.params.iter().any(|(p, _)| p == name)
            || !self.defs(scope, name).is_empty()
            || self
                .bindings
                .iter()
                .any(|b| self.text(*b) == name && self.scope_at(b.start_byte()) == scope)
            || self.scopes.iter().enumerate().any(|(index, inner)| {
                index != scope
                    && inner.name.as_deref() == Some(name)
                    && self.enclosing_scopes(index).get(1) == Some(&scope)
            })
    }

    /// Record a part of a function that may not run.
    pub fn add_branch(&mut self, node: Node<'t>) {
        self.branches.push((node.start_byte(), node.end_byte()));
    }

    /// Whether `node` sits in a part of function `scope` that may not run every time the
    /// function does: a branch, a loop or a `try` block of that function.
    pub fn is_conditional(&self, node: Node<'_>, scope: usize) -> bool {
        let (lo, hi) = (self.scopes[scope].start_byte, self.scopes[scope].end_byte);
        let holds = |&(start, end): &(usize, usize)| {
            lo <= start && end <= hi && start <= node.start_byte() && node.end_byte() <= end
        };
        let in_scope = |&(start, _): &(usize, usize)| self.scope_at(start) == scope;
        self.branches
            .iter()
            .chain(self.tries.iter())
            .any(|range| holds(range) && in_scope(range))
            || self.loops.iter().any(|l| {
                let range = (l.node.start_byte(), l.node.end_byte());
                holds(&range) && in_scope(&range)
            })
    }

    /// Record a parameter of the innermost function around it.
    pub fn add_param(&mut self, node: Node<'t>) {
        self.pending_params.push(node);
    }

    /// Record a statement block.
    pub fn add_block(&mut self, node: Node<'t>) {
        self.blocks.push((node.start_byte(), node.end_byte()));
    }

    /// Record an assignment of `value` to the variable `target`.
    pub fn add_def(&mut self, node: Node<'t>, target: Node<'t>, value: Node<'t>, append: bool) {
        let name = self.text(target).to_string();
        self.pending_defs.push((
            name,
            Def {
                node,
                value,
                append,
                block: (0, 0),
            },
        ));
    }

    /// Record a returned value of the innermost function around it.
    pub fn add_return(&mut self, node: Node<'t>) {
        self.pending_returns.push(node);
    }

    /// Record a call, its name and (optionally) one positional argument.
    pub fn add_call(&mut self, node: Node<'t>, name: Node<'t>, arg: Option<Node<'t>>) {
        let call = self.calls.entry(node.id()).or_insert_with(|| Call {
            node,
            name,
            args: Vec::new(),
        });
        if let Some(arg) = arg {
            if !call.args.iter().any(|a| a.id() == arg.id()) {
                call.args.push(arg);
            }
        }
    }

    /// Record an allow-list check of `subject` against `allowlist`, holding inside `anchor`,
    /// or after it when `after` (its failing branch exits).
    pub fn add_guard(
        &mut self,
        subject: Node<'t>,
        allowlist: Option<Node<'t>>,
        anchor: Node<'t>,
        after: bool,
        kind: GuardKind,
    ) {
        self.guards.push(Guard {
            subject,
            allowlist,
            region: (anchor.start_byte(), anchor.end_byte()),
            anchor,
            after,
            kind,
        });
    }

    /// Put everything in source order and attach parameters, returns and assignments to their
    /// scopes; call once after the query pass.
    pub fn finish(&mut self) {
        self.sinks
            .sort_by_key(|s| (s.call.start_byte(), s.argument.start_byte(), s.kind));
        self.scopes[1..].sort_by_key(|s| (s.start_byte, std::cmp::Reverse(s.end_byte)));
        for build in self.builds.values_mut() {
            build.parts.sort_by_key(|p| p.start_byte());
        }
        for call in self.calls.values_mut() {
            call.args.sort_by_key(|a| a.start_byte());
        }
        self.blocks.sort_unstable();
        self.blocks.dedup();

        let mut params = std::mem::take(&mut self.pending_params);
        params.sort_by_key(|p| p.start_byte());
        for param in params {
            let scope = self.scope_at(param.start_byte());
            let name = self.text(param).to_string();
            if scope > 0 && !self.scopes[scope].params.iter().any(|(n, _)| *n == name) {
                self.scopes[scope].params.push((name, param));
            }
        }
        let request_params = std::mem::take(&mut self.pending_request_params);
        self.attach_names(request_params, |scope| &mut scope.request_params);
        let number_params = std::mem::take(&mut self.pending_number_params);
        self.attach_names(number_params, |scope| &mut scope.number_params);
        for (start, end, kind) in std::mem::take(&mut self.pending_methods) {
            if let Some(scope) = self
                .scopes
                .iter_mut()
                .skip(1)
                .find(|s| s.start_byte == start && s.end_byte == end)
            {
                // A trait's method stays one whichever pattern saw it first.
                if scope.method != Some(MethodKind::Trait) {
                    scope.method = Some(kind);
                }
            }
        }
        self.recursions.sort_by_key(|r| r.call.start_byte());
        self.db.finish();
        self.branches.sort_unstable();
        self.branches.dedup();
        self.loops
            .sort_by_key(|l| (l.node.start_byte(), std::cmp::Reverse(l.node.end_byte())));
        self.breakables.sort_unstable();
        self.breakables.dedup();
        self.loop_exits.sort_by_key(|e| e.node().start_byte());
        self.bodies.sort_by_key(|b| b.start_byte());
        self.bodies.dedup_by_key(|b| b.id());
        self.validations.sort_by_key(|v| v.start_byte());
        for node in std::mem::take(&mut self.pending_returns) {
            let scope = self.scope_at(node.start_byte());
            self.scopes[scope].returns.push(node);
        }
        let mut defs = std::mem::take(&mut self.pending_defs);
        defs.sort_by_key(|(_, d)| (d.node.start_byte(), d.node.end_byte()));
        for (name, mut def) in defs {
            let at = def.node.start_byte();
            let scope = self.scope_at(at);
            def.block = self.block_at(at, scope);
            let list = self.defs.entry((scope, name)).or_default();
            if !list
                .iter()
                .any(|d| d.node.id() == def.node.id() && d.value.id() == def.value.id())
            {
                list.push(def);
            }
        }
        let mut guards = std::mem::take(&mut self.guards);
        for guard in &mut guards {
            if guard.after {
                let at = guard.anchor.start_byte();
                let block = self.block_at(at, self.scope_at(at));
                guard.region = (guard.anchor.end_byte(), block.1);
            }
        }
        guards.sort_by_key(|g| g.subject.start_byte());
        self.guards = guards;
    }

    /// Add each node's name, once, to a list of the function around it (nodes outside any
    /// function are dropped).
    fn attach_names(
        &mut self,
        nodes: Vec<Node<'t>>,
        list: for<'s> fn(&'s mut Scope<'t>) -> &'s mut Vec<String>,
    ) {
        for node in nodes {
            let scope = self.scope_at(node.start_byte());
            let name = self.text(node).to_string();
            let names = list(&mut self.scopes[scope]);
            if scope > 0 && !names.contains(&name) {
                names.push(name);
            }
        }
    }

    /// The innermost scope holding a byte offset (0, the module, when none).
    pub fn scope_at(&self, byte: usize) -> usize {
        // Scopes are sorted by start, outer before inner: the last one that holds the byte is
        // the innermost.
        self.scopes
            .iter()
            .enumerate()
            .skip(1)
            .rfind(|(_, s)| s.start_byte <= byte && byte < s.end_byte)
            .map_or(0, |(i, _)| i)
    }

    /// The innermost block holding a byte offset, not wider than its scope.
    fn block_at(&self, byte: usize, scope: usize) -> (usize, usize) {
        let scope = &self.scopes[scope];
        self.blocks
            .iter()
            .filter(|&&(start, end)| start <= byte && byte < end)
            .filter(|&&(start, end)| start >= scope.start_byte && end <= scope.end_byte)
            .max_by_key(|&&(start, _)| start)
            .copied()
            .unwrap_or((scope.start_byte, scope.end_byte))
    }

    /// The scopes enclosing `scope`, innermost first, ending with the module.
    pub fn enclosing_scopes(&self, scope: usize) -> Vec<usize> {
        let inner = &self.scopes[scope];
        let mut chain: Vec<usize> = (0..self.scopes.len())
            .filter(|&i| {
                let s = &self.scopes[i];
                s.start_byte <= inner.start_byte && inner.end_byte <= s.end_byte
            })
            .collect();
        chain.sort_by_key(|&i| std::cmp::Reverse((self.scopes[i].start_byte, i)));
        chain
    }

    /// The assignments to `name` in `scope`, in source order.
    pub fn defs(&self, scope: usize, name: &str) -> &[Def<'t>] {
        self.defs
            .get(&(scope, name.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    /// Every variable assigned in `scope`, with each assignment.
    pub fn defined_names(&self, scope: usize) -> impl Iterator<Item = (&str, &Def<'t>)> {
        self.defs
            .iter()
            .filter(move |((s, _), _)| *s == scope)
            .flat_map(|((_, name), defs)| defs.iter().map(move |d| (name.as_str(), d)))
    }

    /// The call at a node, if the packs captured it.
    pub fn call(&self, node: Node<'t>) -> Option<&Call<'t>> {
        self.calls.get(&node.id())
    }

    /// Every captured call.
    pub fn calls(&self) -> impl Iterator<Item = &Call<'t>> {
        self.calls.values()
    }

    /// Allow-list checks, in source order.
    pub fn guards(&self) -> &[Guard<'t>] {
        &self.guards
    }

    /// The expression behind any transparent wrappers (`(x)`, `&x`, `x.as_str()`).
    pub fn unwrap(&self, mut node: Node<'t>) -> Node<'t> {
        // Each step moves strictly inward, so this ends; the bound is belt and braces.
        for _ in 0..10_000 {
            match self.wrappers.get(&node.id()) {
                Some(inner) => node = *inner,
                None => break,
            }
        }
        node
    }

    /// The build an expression is (after unwrapping), if it is one.
    pub fn build(&self, node: Node<'t>) -> Option<&Build<'t>> {
        self.builds.get(&self.unwrap(node).id())
    }

    /// Whether the node is a literal.
    pub fn is_literal(&self, node: Node<'t>) -> bool {
        self.literals.contains(&node.id())
    }

    /// Whether the node is dynamic by itself.
    pub fn is_dynamic(&self, node: Node<'t>) -> bool {
        self.dynamics.contains_key(&node.id())
    }

    /// The names a dynamic-by-itself text embeds (`{table}` → `table`), when its pattern says
    /// how to find them; `None` when it does not.
    ///
    /// Each comes with the byte range of its placeholder within the node's text, from its `{`.
    pub fn embedded_names(&self, node: Node<'t>) -> Option<Vec<(&'t str, usize, usize)>> {
        let regex = self.dynamics.get(&node.id())?.as_ref()?;
        let text = self.text(node);
        Some(
            regex
                .captures_iter(text)
                .filter_map(|c| {
                    let name = c.get(1)?;
                    let start = text[..name.start()].rfind('{').unwrap_or(name.start());
                    Some((name.as_str(), start, c.get(0)?.end()))
                })
                .collect(),
        )
    }

    /// Whether the node is request data by itself (`request.args`, `req.query`).
    pub fn is_request_source(&self, node: Node<'t>) -> bool {
        self.request_sources.contains(&node.id())
    }

    /// The sanitizer a node is, if any.
    pub fn sanitizer(&self, node: Node<'t>) -> Option<Sanitizer> {
        self.sanitizers.get(&node.id()).copied()
    }

    /// The innermost named function around a byte offset.
    pub fn enclosing_function(&self, byte: usize) -> Option<&str> {
        self.scopes
            .iter()
            .skip(1)
            .filter(|s| s.start_byte <= byte && byte < s.end_byte && s.name.is_some())
            .max_by_key(|s| s.start_byte)
            .and_then(|s| s.name.as_deref())
    }

    /// The source text of a node.
    pub fn text(&self, node: Node<'_>) -> &'t str {
        self.source.get(node.byte_range()).unwrap_or("")
    }
}
