//! The facts one query pass collects from one file, and the questions rules ask of them.
//! Everything here is keyed by tree-sitter node ids and never walks the tree recursively, so a
//! deeply nested file cannot overflow the stack.

use std::collections::{HashMap, HashSet};
use tree_sitter::Node;

/// What a sink executes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SinkKind {
    /// SQL text (`@sink.sql`).
    Sql,
}

/// An expression whose value is safe to put into some sinks' text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sanitizer {
    /// A conversion whose result cannot carry text (a number, a boolean, a length): safe
    /// everywhere.
    Convert,
    /// SQL quoting or escaping: safe in SQL text only.
    Sql,
}

impl Sanitizer {
    /// Whether this sanitizer makes a value safe for a sink of `kind`.
    pub fn clears(self, kind: SinkKind) -> bool {
        match self {
            Sanitizer::Convert => true,
            Sanitizer::Sql => kind == SinkKind::Sql,
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
}

/// A named function's extent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionScope {
    /// First byte.
    pub start_byte: usize,
    /// End byte (exclusive).
    pub end_byte: usize,
    /// Its name.
    pub name: String,
}

/// Everything the query pass found in one file.
#[derive(Debug, Default)]
pub struct FileFacts<'t> {
    /// The decoded source text the tree was parsed from.
    pub source: &'t str,
    /// Execution sinks, in source order.
    pub sinks: Vec<Sink<'t>>,
    /// Named functions, in source order.
    pub functions: Vec<FunctionScope>,
    builds: HashMap<usize, Build<'t>>,
    literals: HashSet<usize>,
    dynamics: HashSet<usize>,
    wrappers: HashMap<usize, Node<'t>>,
    sanitizers: HashMap<usize, Sanitizer>,
}

impl<'t> FileFacts<'t> {
    /// Empty facts over `source`.
    pub fn new(source: &'t str) -> Self {
        FileFacts {
            source,
            ..Default::default()
        }
    }

    /// Record a sink (a call matched by several patterns is kept once).
    pub fn add_sink(&mut self, sink: Sink<'t>) {
        let seen = self
            .sinks
            .iter()
            .any(|s| s.kind == sink.kind && s.call.id() == sink.call.id());
        if !seen {
            self.sinks.push(sink);
        }
    }

    /// Record one part of a build (patterns yield one match per interpolation).
    pub fn add_build_part(&mut self, node: Node<'t>, part: Option<Node<'t>>, label: Option<&str>) {
        let build = self.builds.entry(node.id()).or_insert_with(|| Build {
            node,
            parts: Vec::new(),
            label: None,
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
    pub fn add_dynamic(&mut self, node: Node<'t>) {
        self.dynamics.insert(node.id());
    }

    /// Record a sanitizing expression.
    pub fn add_sanitizer(&mut self, node: Node<'t>, sanitizer: Sanitizer) {
        self.sanitizers.insert(node.id(), sanitizer);
    }

    /// Record a transparent wrapper.
    pub fn add_wrapper(&mut self, wrapper: Node<'t>, inner: Node<'t>) {
        self.wrappers.insert(wrapper.id(), inner);
    }

    /// Record a named function.
    pub fn add_function(&mut self, node: Node<'t>, name: &str) {
        self.functions.push(FunctionScope {
            start_byte: node.start_byte(),
            end_byte: node.end_byte(),
            name: name.to_string(),
        });
    }

    /// Put sinks and functions in source order; call once after the query pass.
    pub fn finish(&mut self) {
        self.sinks
            .sort_by_key(|s| (s.call.start_byte(), s.call.end_byte(), s.kind));
        self.functions
            .sort_by(|a, b| (a.start_byte, b.end_byte).cmp(&(b.start_byte, a.end_byte)));
        for build in self.builds.values_mut() {
            build.parts.sort_by_key(|p| p.start_byte());
        }
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

    /// The first part of `node`, in source order, whose value is not fixed in the source: a
    /// name, a call, anything that is neither a literal, nor sanitized for a sink of `kind`,
    /// nor built only from such parts. `None` when the whole expression is safe.
    pub fn first_dynamic_part(&self, node: Node<'t>, kind: SinkKind) -> Option<Node<'t>> {
        let mut stack = vec![node];
        while let Some(next) = stack.pop() {
            let next = self.unwrap(next);
            let id = next.id();
            if self.dynamics.contains(&id) {
                return Some(next);
            }
            if self
                .sanitizers
                .get(&id)
                .is_some_and(|sanitizer| sanitizer.clears(kind))
            {
                continue;
            }
            if let Some(build) = self.builds.get(&id) {
                stack.extend(build.parts.iter().rev().copied());
            } else if !self.literals.contains(&id) {
                return Some(next);
            }
        }
        None
    }

    /// The innermost named function around a byte offset.
    pub fn enclosing_function(&self, byte: usize) -> Option<&str> {
        self.functions
            .iter()
            .filter(|f| f.start_byte <= byte && byte < f.end_byte)
            .max_by_key(|f| f.start_byte)
            .map(|f| f.name.as_str())
    }

    /// The source text of a node.
    pub fn text(&self, node: Node<'_>) -> &'t str {
        self.source.get(node.byte_range()).unwrap_or("")
    }
}
