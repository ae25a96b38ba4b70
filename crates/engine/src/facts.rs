//! The one query pass over a file: every match of the language's combined query is dispatched
//! on its capture kinds into [`FileFacts`].

use crate::Budgets;
use shipshape_query::{Capture, CompiledQuery};
use shipshape_rules::{FileFacts, Sanitizer, Sink, SinkKind};
use streaming_iterator::StreamingIterator;
use tree_sitter::{Node, QueryCursor, QueryCursorOptions, QueryCursorState};

/// Collect the facts of one file; the flag says whether the work budget ran out.
pub(crate) fn collect<'t>(
    compiled: &CompiledQuery,
    root: Node<'t>,
    text: &'t str,
    budgets: &Budgets,
) -> (FileFacts<'t>, bool) {
    let mut facts = FileFacts::new(text);
    let mut cursor = QueryCursor::new();
    cursor.set_match_limit(budgets.match_limit);
    cursor.set_max_start_depth(Some(budgets.max_query_depth));
    let limit = budgets.query_steps(text.len());
    let mut steps = 0u64;
    let mut progress = |_: &QueryCursorState| {
        steps += 1;
        steps > limit
    };
    let options = QueryCursorOptions::new().progress_callback(&mut progress);
    let mut matches = cursor.matches_with_options(&compiled.query, root, text.as_bytes(), options);
    while let Some(m) = matches.next() {
        let mut bound = Bound::default();
        for capture in m.captures {
            let Some(kind) = compiled.captures[capture.index as usize] else {
                continue;
            };
            let node = capture.node;
            if node.is_extra() {
                continue; // a comment inside `( … )` is not the wrapped value
            }
            match kind {
                Capture::Function => bound.function = Some(node),
                Capture::FunctionName => bound.function_name = Some(node),
                Capture::SinkCall => bound.sink_call = Some(node),
                Capture::SinkName => bound.sink_name = Some(node),
                Capture::SinkSql => bound.sink_argument = Some((SinkKind::Sql, node)),
                Capture::ExprBuild => bound.build = Some(node),
                Capture::ExprPart => bound.parts.push(node),
                Capture::ExprLiteral => facts.add_literal(node),
                Capture::ExprDynamic => facts.add_dynamic(node),
                Capture::ExprWrapper => bound.wrapper = Some(node),
                Capture::ExprInner => bound.inner = Some(node),
                Capture::SanitizerConvert => facts.add_sanitizer(node, Sanitizer::Convert),
                Capture::SanitizerSql => facts.add_sanitizer(node, Sanitizer::Sql),
            }
        }
        let label = compiled.labels[m.pattern_index].as_deref();
        bound.record(&mut facts, label);
    }
    let exceeded = steps > limit || cursor.did_exceed_match_limit();
    facts.finish();
    (facts, exceeded)
}

/// The captures of one match, grouped so that related ones are recorded together.
#[derive(Default)]
struct Bound<'t> {
    function: Option<Node<'t>>,
    function_name: Option<Node<'t>>,
    sink_call: Option<Node<'t>>,
    sink_name: Option<Node<'t>>,
    sink_argument: Option<(SinkKind, Node<'t>)>,
    build: Option<Node<'t>>,
    parts: Vec<Node<'t>>,
    wrapper: Option<Node<'t>>,
    inner: Option<Node<'t>>,
}

impl<'t> Bound<'t> {
    fn record(self, facts: &mut FileFacts<'t>, label: Option<&str>) {
        if let (Some(function), Some(name)) = (self.function, self.function_name) {
            let name = facts.text(name);
            facts.add_function(function, name);
        }
        if let (Some(call), Some((kind, argument))) = (self.sink_call, self.sink_argument) {
            facts.add_sink(Sink {
                kind,
                call,
                name: self.sink_name,
                argument,
            });
        }
        if let Some(build) = self.build {
            if self.parts.is_empty() {
                facts.add_build_part(build, None, label);
            }
            for part in self.parts {
                facts.add_build_part(build, Some(part), label);
            }
        }
        if let (Some(wrapper), Some(inner)) = (self.wrapper, self.inner) {
            facts.add_wrapper(wrapper, inner);
        }
    }
}
