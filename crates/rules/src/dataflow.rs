//! Following values through one file: is the text that reaches a sink built from something
//! that is not constant?
//!
//! The view is a def-use skeleton from the query pass (see [`FileFacts`]), not a control-flow
//! graph. A use sees the assignments before it in its own scope, newest first, until one that
//! certainly happened (its block holds the use and it replaces rather than appends); branches
//! therefore merge. Enclosing scopes contribute all their assignments (a closure may run after
//! any of them). Calls of functions defined in the same file use summaries: what a function
//! returns in terms of its parameters, and which parameters it passes unbuilt into a sink;
//! summaries are recomputed a few rounds so helpers calling helpers converge.

use crate::facts::{FileFacts, GuardKind, Shape, SinkKind};
use std::collections::{HashMap, HashSet};
use tree_sitter::Node;

/// How many variable or call hops a value is followed through.
const MAX_HOPS: u32 = 32;
/// Rounds of summary computation (helpers calling helpers calling helpers).
const SUMMARY_ROUNDS: usize = 3;
/// Constant text kept per value for the shape check.
const MAX_TEXT: usize = 4096;
/// The label of text built by appending to a variable.
const APPENDED: &str = "text appended to a variable";
/// Parameters tracked per function (a bit each).
const MAX_PARAMS: usize = 64;
/// Characters of a value's leading constant text kept (enough for a URL's origin).
const MAX_LEAD: usize = 256;

/// The text a format build certainly starts with: its format string (the first part, when
/// constant) up to the first placeholder filled by a part that is not constant. Placeholders
/// are `{}`, `{:?}`, `{0}` (Rust, `str.format`) and `%s`, `%d` (printf style), filled in
/// order; a named one (`{id}`) ends it.
fn format_lead(parts: &[Value<'_>]) -> String {
    let Some((template, args)) = parts.split_first() else {
        return String::new();
    };
    // A template with inline `{name}`s is not constant, but its lead is certain text.
    let Some(text) = template.lead.as_deref() else {
        return String::new();
    };
    let mut lead = String::new();
    let mut next_arg = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let placeholder = match (c, chars.peek()) {
            ('{', Some('{')) | ('}', Some('}')) | ('%', Some('%')) => {
                chars.next();
                lead.push(c);
                continue;
            }
            ('{', _) => {
                let spec: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let position = spec.split(':').next().unwrap_or("");
                if position.is_empty() {
                    next_arg += 1;
                    next_arg - 1
                } else if let Ok(index) = position.parse::<usize>() {
                    index
                } else {
                    return lead; // a named placeholder: not one of the parts
                }
            }
            ('%', Some(&kind)) if "sdifr".contains(kind) => {
                chars.next();
                next_arg += 1;
                next_arg - 1
            }
            _ => {
                lead.push(c);
                continue;
            }
        };
        match args.get(placeholder) {
            Some(arg) if arg.is_constant() && arg.lead.is_some() => {
                lead.push_str(arg.lead.as_deref().unwrap_or(""));
            }
            Some(arg) => {
                lead.push_str(arg.lead.as_deref().unwrap_or(""));
                return lead;
            }
            None => return lead,
        }
        if lead.len() > MAX_LEAD {
            return lead;
        }
    }
    lead
}

/// The longest common prefix of two strings, on a character boundary.
fn common_prefix<'a>(a: &'a str, b: &str) -> &'a str {
    let end = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    &a[..end]
}

/// Where a non-constant value came from and how it travelled.
#[derive(Debug, Clone)]
pub struct Taint<'t> {
    /// The first part that is not constant (a name, a call, a parameter).
    pub leaf: Node<'t>,
    /// The kind of build it was put into (`f-string`, `template literal`), if known.
    pub label: Option<String>,
    /// Assignments and helper calls it went through, from the leaf towards the sink.
    pub steps: Vec<Node<'t>>,
}

/// What is known of an expression's value.
#[derive(Debug, Clone, Default)]
pub struct Value<'t> {
    /// Non-constant through something other than the current function's parameters.
    pub taint: Option<Taint<'t>>,
    /// The first use of a parameter it depends on (for messages when `taint` is empty).
    pub param_taint: Option<Taint<'t>>,
    /// Parameters of the evaluated function it depends on (bit i = parameter i).
    pub params: u64,
    /// Request data it carries: the source it was read from and how it travelled.
    pub request: Option<Taint<'t>>,
    /// Whether a build with a non-constant part is on its way (`"…" + x`, `f"{x}"`).
    pub built: bool,
    /// Its constant text fragments, for shape checks.
    pub text: String,
    /// Source text the value certainly starts with (`"https://api.example.com/" + path`
    /// starts with the quoted origin), `None` while nothing is known either way.
    pub lead: Option<String>,
    /// The whole text, when the value is one constant string (a literal, a variable or
    /// constant holding one, literals joined together): the SQL a query runs.
    pub exact: Exact,
}

/// What is known of a value's whole text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Exact {
    /// Nothing yet (a merge takes the other side's).
    #[default]
    Unknown,
    /// Exactly this text, unquoted.
    Text(String),
    /// Not one known text.
    Varies,
}

impl Exact {
    fn merge(&mut self, other: Exact) {
        *self = match (std::mem::take(self), other) {
            (Exact::Unknown, other) | (other, Exact::Unknown) => other,
            (Exact::Text(a), Exact::Text(b)) if a == b => Exact::Text(a),
            _ => Exact::Varies,
        };
    }
}

impl<'t> Value<'t> {
    fn constant() -> Self {
        Value::default()
    }

    /// A constant whose text is not known (a sanitized or allow-listed value).
    fn opaque_constant() -> Self {
        Value {
            exact: Exact::Varies,
            ..Value::default()
        }
    }

    fn literal(text: &str) -> Self {
        let mut value = Value::constant();
        value.push_text(text);
        value.lead = Some(text.chars().take(MAX_LEAD).collect());
        value.exact = crate::literal::unquote(text).map_or(Exact::Varies, Exact::Text);
        value
    }

    /// The whole text, when it is one known constant string.
    pub fn exact_text(&self) -> Option<&str> {
        match &self.exact {
            Exact::Text(text) => Some(text),
            _ => None,
        }
    }

    fn tainted(leaf: Node<'t>) -> Self {
        Value {
            taint: Some(Taint {
                leaf,
                label: None,
                steps: Vec::new(),
            }),
            lead: Some(String::new()),
            exact: Exact::Varies,
            ..Value::default()
        }
    }

    fn request(source: Node<'t>) -> Self {
        let taint = Taint {
            leaf: source,
            label: None,
            steps: Vec::new(),
        };
        Value {
            taint: Some(taint.clone()),
            request: Some(taint),
            lead: Some(String::new()),
            exact: Exact::Varies,
            ..Value::default()
        }
    }

    fn param(index: usize, leaf: Node<'t>) -> Self {
        if index >= MAX_PARAMS {
            return Value::tainted(leaf);
        }
        Value {
            param_taint: Some(Taint {
                leaf,
                label: None,
                steps: Vec::new(),
            }),
            params: 1 << index,
            lead: Some(String::new()),
            exact: Exact::Varies,
            ..Value::default()
        }
    }

    /// Constant: built only from literals, constants and sanitized parts.
    pub fn is_constant(&self) -> bool {
        self.taint.is_none() && self.params == 0
    }

    /// The taint to explain: the intrinsic one, else the parameter one.
    pub fn explanation(&self) -> Option<&Taint<'t>> {
        self.taint.as_ref().or(self.param_taint.as_ref())
    }

    fn push_text(&mut self, text: &str) {
        let room = MAX_TEXT.saturating_sub(self.text.len());
        if room > 0 {
            let cut = text
                .char_indices()
                .map(|(i, c)| i + c.len_utf8())
                .take_while(|&end| end <= room)
                .last()
                .unwrap_or(0);
            self.text.push_str(&text[..cut]);
            self.text.push(' ');
        }
    }

    fn merge(&mut self, other: Value<'t>) {
        if self.taint.is_none() {
            self.taint = other.taint;
        }
        if self.param_taint.is_none() {
            self.param_taint = other.param_taint;
        }
        if self.request.is_none() {
            self.request = other.request;
        }
        self.params |= other.params;
        self.built |= other.built;
        self.push_text(&other.text);
        // One of several possible values: only what they all start with is certain.
        self.lead = match (self.lead.take(), other.lead) {
            (None, lead) | (lead, None) => lead,
            (Some(a), Some(b)) => Some(common_prefix(&a, &b).to_string()),
        };
        self.exact.merge(other.exact);
    }

    fn with_step(mut self, step: Node<'t>) -> Self {
        for taint in [&mut self.taint, &mut self.param_taint, &mut self.request]
            .into_iter()
            .flatten()
        {
            taint.steps.push(step);
        }
        self
    }

    fn with_label(mut self, label: Option<&String>) -> Self {
        for taint in [&mut self.taint, &mut self.param_taint, &mut self.request]
            .into_iter()
            .flatten()
        {
            if taint.label.is_none() {
                taint.label = label.cloned();
            }
        }
        self
    }

    /// Whether the constant text looks like `shape` (always true without a shape).
    pub fn has_shape(&self, shape: Option<Shape>) -> bool {
        match shape {
            None => true,
            Some(Shape::Sql) => crate::shape::mentions_sql(&self.text),
            Some(Shape::SqlStatement) => crate::shape::reads_as_sql_statement(&self.text),
            Some(Shape::SqlCondition) => crate::shape::reads_as_sql_condition(&self.text),
            Some(Shape::Html) => crate::shape::holds_html(&self.text),
            Some(Shape::Text) => self.built || crate::shape::holds_html(&self.text),
        }
    }
}

/// A parameter a function passes, unbuilt, into a sink.
#[derive(Debug, Clone)]
pub struct SinkParam<'t> {
    /// Which parameter.
    pub param: usize,
    /// The sink call it reaches (possibly through further helpers).
    pub sink_call: Node<'t>,
    /// The sink's called name.
    pub sink_name: Option<Node<'t>>,
    /// The sink's shape requirement.
    pub shape: Option<Shape>,
}

/// What a same-file function does with its parameters.
#[derive(Debug, Clone, Default)]
pub struct Summary<'t> {
    /// Its return value, in terms of its parameters.
    pub returns: Value<'t>,
    /// Parameters it passes into sinks.
    pub sink_params: Vec<SinkParam<'t>>,
}

/// Summaries by function name (functions sharing a name are merged).
pub type Summaries<'t> = HashMap<String, Summary<'t>>;

/// Evaluates expressions for one sink kind (sanitizers depend on it).
#[derive(Debug)]
pub struct Evaluator<'f, 't> {
    facts: &'f FileFacts<'t>,
    kind: SinkKind,
    summaries: &'f Summaries<'t>,
    memo: HashMap<(usize, usize), Value<'t>>,
    in_progress: HashSet<(usize, usize)>,
}

impl<'f, 't> Evaluator<'f, 't> {
    /// An evaluator using `summaries` for same-file calls.
    pub fn new(facts: &'f FileFacts<'t>, kind: SinkKind, summaries: &'f Summaries<'t>) -> Self {
        Evaluator {
            facts,
            kind,
            summaries,
            memo: HashMap::new(),
            in_progress: HashSet::new(),
        }
    }

    /// The value of `node`, evaluated in `scope`.
    pub fn eval(&mut self, node: Node<'t>, scope: usize) -> Value<'t> {
        self.eval_hops(node, scope, 0)
    }

    fn eval_hops(&mut self, node: Node<'t>, scope: usize, hops: u32) -> Value<'t> {
        // Builds nest as deep as the code does (a 2,000-term concatenation is a 2,000-deep
        // tree): grow the stack instead of overflowing it.
        stacker::maybe_grow(64 * 1024, 2 * 1024 * 1024, || {
            self.eval_inner(node, scope, hops)
        })
    }

    fn eval_inner(&mut self, node: Node<'t>, scope: usize, hops: u32) -> Value<'t> {
        let facts = self.facts;
        let node = facts.unwrap(node);
        if facts.is_dynamic(node) {
            // A format string naming variables inline (`"{table}"`): as constant as they are,
            // when the pack says how to find them. Its own text counts for shape checks.
            let mut value = match facts.embedded_names(node) {
                Some(names) if !names.is_empty() => {
                    let text = facts.text(node);
                    let mut value = Value::constant();
                    // It starts with its text up to the first placeholder whose variable is
                    // not constant (with the constant ones filled in).
                    let mut lead = String::new();
                    let mut lead_open = true;
                    let mut cursor = 0;
                    for (name, start, end) in names {
                        let embedded = self.resolve_name(name, node, scope, hops);
                        if lead_open {
                            lead.push_str(text.get(cursor..start).unwrap_or(""));
                            lead.push_str(embedded.lead.as_deref().unwrap_or(""));
                            lead_open = embedded.is_constant() && embedded.lead.is_some();
                            cursor = end;
                        }
                        value.merge(embedded);
                    }
                    if lead_open {
                        lead.push_str(text.get(cursor..).unwrap_or(""));
                    }
                    value.lead = Some(lead.chars().take(MAX_LEAD).collect());
                    value.built = !value.is_constant();
                    value
                }
                _ => Value::tainted(node),
            };
            value.push_text(facts.text(node));
            return value;
        }
        if facts.is_request_source(node) {
            return Value::request(node);
        }
        match facts.sanitizer(node) {
            Some(sanitizer) if sanitizer.clears(self.kind) => return Value::opaque_constant(),
            // Validated: no longer request data, but its text is still not fixed.
            Some(sanitizer) if sanitizer.validates() => return Value::tainted(node),
            _ => {}
        }
        if let Some(build) = facts.build(node) {
            let mut value = Value::constant();
            let mut cursor = build.node.start_byte();
            let mut fragments = Vec::with_capacity(build.parts.len() + 1);
            for part in &build.parts {
                fragments.push(facts.source.get(cursor..part.start_byte()).unwrap_or(""));
                cursor = cursor.max(part.end_byte());
            }
            fragments.push(
                facts
                    .source
                    .get(cursor..build.node.end_byte())
                    .unwrap_or(""),
            );
            for fragment in &fragments {
                value.push_text(fragment);
            }
            // Text assembled in order starts with its fragments and parts up to the first
            // part that is not constant; a choice starts with what all its parts start with
            // (which merging computes); an access says nothing about its start.
            let mut lead = String::new();
            // Only text builds keep a lead of their own; a choice's comes from merging.
            let mut lead_open = !build.format && !build.choice;
            let mut part_values = Vec::new();
            let mut joined = Some(String::new());
            for (index, &part) in build.parts.iter().enumerate() {
                let part_value = self.eval_hops(part, scope, hops);
                joined = joined.and_then(|mut text| {
                    let separator =
                        fragments[index].trim_matches(|c: char| c.is_whitespace() || c == '+');
                    let part_text = part_value.exact_text()?;
                    separator.is_empty().then(|| {
                        text.push_str(part_text);
                        text
                    })
                });
                if build.format {
                    part_values.push(part_value.clone());
                }
                if lead_open {
                    lead.push_str(fragments[index]);
                    lead.push_str(part_value.lead.as_deref().unwrap_or(""));
                    lead_open = part_value.is_constant()
                        && part_value.lead.is_some()
                        && lead.len() < 4 * MAX_LEAD;
                }
                if !part_value.is_constant() && !build.choice {
                    value.built = true;
                }
                value.merge(part_value.with_label(build.label.as_ref()));
            }
            if lead_open {
                lead.push_str(fragments.last().copied().unwrap_or(""));
            }
            if build.format {
                lead = format_lead(&part_values);
            }
            // Literals joined with nothing but `+` or space between them are one text
            // (`"SELECT …" "WHERE …"`, `"SELECT …" + "WHERE …"`); a choice keeps what its parts
            // agree on (the merge above); anything else is no one text.
            let last_fragment_empty = fragments.last().is_some_and(|f| {
                f.trim_matches(|c: char| c.is_whitespace() || c == '+')
                    .is_empty()
            });
            if !build.choice {
                value.exact = match joined {
                    Some(text) if !build.access && !build.format && last_fragment_empty => {
                        Exact::Text(text)
                    }
                    _ => Exact::Varies,
                };
            }
            if !build.choice {
                value.lead = Some(lead.chars().take(MAX_LEAD).collect());
            }
            // `request.args["q"]`, `req.query.name`: an access right on the source names the
            // request data better than the source itself.
            if let Some(request) = value.request.as_mut() {
                let direct = build.choice
                    && request.steps.is_empty()
                    && build
                        .parts
                        .first()
                        .is_some_and(|p| p.start_byte() == node.start_byte() && request.leaf == *p);
                if direct {
                    request.leaf = node;
                }
            }
            if build.access {
                value.lead = Some(String::new());
                // A field or a method's result is not the text of its parts: building a
                // query object (`t.update().values(n=t.c.n + 1)`) is not building SQL text.
                value.built = false;
                // `user.name`, `path.join(root, name)`: the expression names the value best.
                for taint in [&mut value.taint, &mut value.param_taint]
                    .into_iter()
                    .flatten()
                {
                    taint.leaf = node;
                    taint.steps.clear();
                }
            }
            return value;
        }
        if facts.is_literal(node) {
            return Value::literal(facts.text(node));
        }
        // Every grammar shipshape reads names a plain variable reference `identifier`.
        if node.kind() == "identifier" {
            return self.resolve(node, scope, hops);
        }
        if let Some(call) = facts.call(node) {
            let name = facts.text(call.name);
            if let Some(summary) = self.summaries.get(name) {
                if hops < MAX_HOPS {
                    return self.apply(summary, call.args.clone(), node, scope, hops);
                }
            }
        }
        Value::tainted(node)
    }

    /// The value a call of a summarised function returns.
    fn apply(
        &mut self,
        summary: &Summary<'t>,
        args: Vec<Node<'t>>,
        call: Node<'t>,
        scope: usize,
        hops: u32,
    ) -> Value<'t> {
        let returns = &summary.returns;
        let mut value = Value {
            taint: returns.taint.clone(),
            request: returns.request.clone(),
            param_taint: None,
            params: 0,
            built: returns.built,
            text: returns.text.clone(),
            lead: Some(String::new()),
            // A helper returning one constant text returns it whatever its arguments.
            exact: if returns.params == 0 {
                returns.exact.clone()
            } else {
                Exact::Varies
            },
        };
        for (index, &arg) in args.iter().enumerate().take(MAX_PARAMS) {
            if returns.params & (1 << index) != 0 {
                // The helper's build (`"… " + col`) is how the argument got into the text.
                let label = returns.param_taint.as_ref().and_then(|t| t.label.as_ref());
                let arg_value = self.eval_hops(arg, scope, hops + 1).with_label(label);
                value.merge(arg_value);
            }
        }
        value.with_step(call)
    }

    /// The value of a variable at a use.
    fn resolve(&mut self, ident: Node<'t>, scope: usize, hops: u32) -> Value<'t> {
        let name = self.facts.text(ident);
        self.resolve_name(name, ident, scope, hops)
    }

    /// The value of the variable `name` where `ident` (the use, or the text embedding it) is.
    fn resolve_name(&mut self, name: &str, ident: Node<'t>, scope: usize, hops: u32) -> Value<'t> {
        let facts = self.facts;
        if hops >= MAX_HOPS {
            return Value::tainted(ident);
        }
        let at = ident.start_byte();
        if self.allow_listed(name, at, scope, hops) {
            return Value::opaque_constant();
        }
        let mut value = Value::constant();
        let mut found = false;
        for (depth, outer) in facts.enclosing_scopes(scope).into_iter().enumerate() {
            let defs = facts.defs(outer, name);
            let params = &facts.scopes[outer].params;
            if depth == 0 {
                for def in defs.iter().rev().filter(|d| d.node.end_byte() <= at) {
                    found = true;
                    let mut def_value = self.eval_def(def.node, def.value, outer, hops);
                    if def.append && !def_value.is_constant() {
                        // `q += x`, `q.push_str(x)`: appending is building.
                        def_value.built = true;
                        def_value = def_value.with_label(Some(&APPENDED.to_string()));
                    }
                    value.merge(def_value);
                    let certain = !def.append && def.block.0 <= at && at < def.block.1;
                    if certain {
                        return value;
                    }
                }
                if self.is_request_param(outer, name) {
                    value.merge(Value::request(ident));
                    return value;
                }
                if let Some(index) = params.iter().position(|(p, _)| p == name) {
                    value.merge(Value::param(index, ident));
                    return value;
                }
            } else {
                if !defs.is_empty() {
                    for def in defs {
                        let def_value = self.eval_def(def.node, def.value, outer, hops);
                        value.merge(def_value);
                    }
                    return value;
                }
                if self.is_request_param(outer, name) {
                    value.merge(Value::request(ident));
                    return value;
                }
                if params.iter().any(|(p, _)| p == name) {
                    value.merge(Value::tainted(ident));
                    return value;
                }
            }
        }
        if found {
            value
        } else {
            Value::tainted(ident)
        }
    }

    fn eval_def(&mut self, def: Node<'t>, value: Node<'t>, scope: usize, hops: u32) -> Value<'t> {
        let key = (def.id(), value.id());
        if let Some(known) = self.memo.get(&key) {
            return known.clone();
        }
        if !self.in_progress.insert(key) {
            return Value::constant(); // a cycle adds nothing new
        }
        let result = self.eval_hops(value, scope, hops + 1).with_step(def);
        self.in_progress.remove(&key);
        self.memo.insert(key, result.clone());
        result
    }

    /// Whether `name` is a parameter of `scope` that holds request data for this sink kind (a
    /// request number counts only as a loop bound or size).
    fn is_request_param(&self, scope: usize, name: &str) -> bool {
        let scope = &self.facts.scopes[scope];
        scope.holds_request(name) || (self.kind == SinkKind::Bound && scope.holds_number(name))
    }

    /// Whether `name` is known, at `at`, to be a member of a constant collection.
    fn allow_listed(&mut self, name: &str, at: usize, scope: usize, hops: u32) -> bool {
        let facts = self.facts;
        let guards: Vec<_> = facts
            .guards()
            .iter()
            .filter(|g| g.region.0 <= at && at < g.region.1 && facts.text(g.subject) == name)
            .filter(|g| g.kind.clears(self.kind))
            .filter(|g| facts.scope_at(g.subject.start_byte()) == scope)
            .copied()
            .collect();
        guards.into_iter().any(|guard| match guard.allowlist {
            Some(allowlist) => {
                let allowed = self.eval_hops(allowlist, scope, hops + 1);
                // A bare "/" prefix also admits "//evil.example", which browsers read as a host.
                let bare_slash = guard.kind == GuardKind::Prefix
                    && allowed.text.trim().trim_matches(|c| "\"'`".contains(c)) == "/";
                allowed.is_constant() && !bare_slash
            }
            None => true,
        })
    }
}

/// Summaries of the functions `facts` defines and calls, for one sink kind.
pub fn summarize<'t>(facts: &FileFacts<'t>, kind: SinkKind) -> Summaries<'t> {
    let called: HashSet<&str> = facts.calls().map(|c| facts.text(c.name)).collect();
    let functions: Vec<usize> = (1..facts.scopes.len())
        .filter(|&i| {
            facts.scopes[i]
                .name
                .as_deref()
                .is_some_and(|n| called.contains(n))
        })
        .collect();
    let mut summaries = Summaries::new();
    if functions.is_empty() {
        return summaries;
    }
    for _ in 0..SUMMARY_ROUNDS {
        let mut next = Summaries::new();
        {
            let mut evaluator = Evaluator::new(facts, kind, &summaries);
            for &scope in &functions {
                let summary = summarize_scope(&mut evaluator, facts, kind, scope);
                let name = facts.scopes[scope].name.clone().unwrap_or_default();
                let entry: &mut Summary<'t> = next.entry(name).or_default();
                entry.returns.merge(summary.returns);
                entry.sink_params.extend(summary.sink_params);
            }
        }
        let stable = next.len() == summaries.len()
            && next.iter().all(|(name, s)| {
                summaries.get(name).is_some_and(|old| {
                    old.returns.params == s.returns.params
                        && old.returns.built == s.returns.built
                        && old.returns.taint.is_some() == s.returns.taint.is_some()
                        && old.returns.request.is_some() == s.returns.request.is_some()
                        && old.sink_params.len() == s.sink_params.len()
                })
            });
        summaries = next;
        if stable {
            break;
        }
    }
    summaries
}

fn summarize_scope<'t>(
    evaluator: &mut Evaluator<'_, 't>,
    facts: &FileFacts<'t>,
    kind: SinkKind,
    scope: usize,
) -> Summary<'t> {
    let mut summary = Summary::default();
    for &ret in &facts.scopes[scope].returns {
        let value = evaluator.eval(ret, scope);
        summary.returns.merge(value);
    }
    let (start, end) = (facts.scopes[scope].start_byte, facts.scopes[scope].end_byte);
    let inside = |node: Node<'_>| {
        start <= node.start_byte()
            && node.end_byte() <= end
            && facts.scope_at(node.start_byte()) == scope
    };
    for sink in facts
        .sinks
        .iter()
        .filter(|s| s.kind == kind && inside(s.call))
    {
        let value = evaluator.eval(sink.argument, scope);
        // A built injection text is reported inside the helper; request data is judged
        // where it enters, built or not.
        if !value.built || !kind.is_injection() {
            for param in bits(value.params) {
                summary.sink_params.push(SinkParam {
                    param,
                    sink_call: sink.call,
                    sink_name: sink.name,
                    shape: sink.shape,
                });
            }
        }
    }
    // Passing a parameter on to another helper that sinks it.
    let calls: Vec<_> = facts.calls().filter(|c| inside(c.node)).cloned().collect();
    for call in calls {
        let Some(callee) = evaluator.summaries.get(facts.text(call.name)) else {
            continue;
        };
        let forwarded: Vec<SinkParam<'t>> = callee.sink_params.clone();
        for sink_param in forwarded {
            let Some(&arg) = call.args.get(sink_param.param) else {
                continue;
            };
            let value = evaluator.eval(arg, scope);
            if !value.built || !kind.is_injection() {
                for param in bits(value.params) {
                    summary.sink_params.push(SinkParam {
                        param,
                        ..sink_param.clone()
                    });
                }
            }
        }
    }
    summary
}

fn bits(mask: u64) -> impl Iterator<Item = usize> {
    (0..MAX_PARAMS).filter(move |i| mask & (1 << i) != 0)
}
