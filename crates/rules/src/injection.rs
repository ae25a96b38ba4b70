//! What the injection rules share: a sink of one kind whose text is built from a part that is
//! not constant, found directly or at the call of a same-file helper that passes its parameter
//! into the sink. One finding per sink call (or helper call), with the flow that built it.

use crate::dataflow::{summarize, Evaluator, Taint, Value};
use crate::{FileFacts, Hit, SinkKind, Step};
use shipshape_core::{collapse_whitespace, truncate_chars};
use tree_sitter::Node;

/// The parts of an injection rule that differ between SQL, shell and NoSQL.
pub(crate) struct Injection {
    pub(crate) rule_id: &'static str,
    pub(crate) kind: SinkKind,
    /// What the text is, for flow messages (`SQL`, `command line`).
    pub(crate) what: &'static str,
    /// What to do instead, appended to the message.
    pub(crate) advice: &'static str,
}

impl Injection {
    pub(crate) fn check(&self, facts: &FileFacts<'_>, hits: &mut Vec<Hit>) {
        if !facts.sinks.iter().any(|s| s.kind == self.kind) {
            return;
        }
        let summaries = summarize(facts, self.kind);
        let mut evaluator = Evaluator::new(facts, self.kind, &summaries);

        for sink in facts.sinks.iter().filter(|s| s.kind == self.kind) {
            let scope = facts.scope_at(sink.argument.start_byte());
            let value = evaluator.eval(sink.argument, scope);
            if value.built && !value.is_constant() && value.has_shape(sink.shape) {
                let callee = callee_name(facts, sink.call, sink.name);
                hits.push(self.hit(facts, sink.call, sink.name, &value, &callee, None));
            }
        }

        // Helpers that pass a parameter, unbuilt, into a sink: judge what their callers pass.
        let mut calls: Vec<_> = facts.calls().cloned().collect();
        calls.sort_by_key(|c| c.node.start_byte());
        for call in calls {
            let Some(summary) = summaries.get(facts.text(call.name)) else {
                continue;
            };
            let scope = facts.scope_at(call.node.start_byte());
            for sink_param in &summary.sink_params {
                let Some(&arg) = call.args.get(sink_param.param) else {
                    continue;
                };
                let value = evaluator.eval(arg, scope);
                if value.built && !value.is_constant() && value.has_shape(sink_param.shape) {
                    let helper = facts.text(call.name).to_string();
                    let sink = callee_name(facts, sink_param.sink_call, sink_param.sink_name);
                    let via = Some((sink_param.sink_call, sink));
                    hits.push(self.hit(facts, call.node, Some(call.name), &value, &helper, via));
                    break; // one finding per call
                }
            }
        }
    }

    fn hit(
        &self,
        facts: &FileFacts<'_>,
        call: Node<'_>,
        name: Option<Node<'_>>,
        value: &Value<'_>,
        callee: &str,
        via: Option<(Node<'_>, String)>,
    ) -> Hit {
        let taint = value.explanation();
        let how = taint
            .and_then(|t| t.label.clone())
            .unwrap_or_else(|| "dynamic string".to_string());
        let part = taint.map_or_else(String::new, |t| {
            truncate_chars(&collapse_whitespace(facts.text(t.leaf)), 40)
        });
        let reaches = match &via {
            Some((_, sink)) => format!("{callee}(), which passes it to {sink}"),
            None => callee.to_string(),
        };
        let start = name.unwrap_or(call).start_byte();
        Hit {
            rule_id: self.rule_id,
            start_byte: start,
            end_byte: call.end_byte(),
            code: facts.text(call).to_string(),
            message: format!("{how} with '{part}' reaches {reaches}: {}", self.advice),
            flow: self.flow(
                facts,
                taint,
                value.taint.is_none(),
                call,
                start,
                &reaches,
                via.as_ref(),
            ),
            related: taint
                .map(|t| {
                    vec![Step {
                        start_byte: t.leaf.start_byte(),
                        end_byte: t.leaf.end_byte(),
                        message: leaf_message(&part, value.taint.is_none()),
                    }]
                })
                .unwrap_or_default(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn flow(
        &self,
        facts: &FileFacts<'_>,
        taint: Option<&Taint<'_>>,
        from_parameter: bool,
        call: Node<'_>,
        start: usize,
        reaches: &str,
        via: Option<&(Node<'_>, String)>,
    ) -> Vec<Step> {
        let Some(taint) = taint else {
            return Vec::new();
        };
        let mut steps = vec![Step {
            start_byte: taint.leaf.start_byte(),
            end_byte: taint.leaf.end_byte(),
            message: leaf_message(
                &truncate_chars(&collapse_whitespace(facts.text(taint.leaf)), 40),
                from_parameter,
            ),
        }];
        for &step in &taint.steps {
            steps.push(Step {
                start_byte: step.start_byte(),
                end_byte: step.end_byte(),
                message: format!(
                    "the {} is built here: {}",
                    self.what,
                    truncate_chars(&collapse_whitespace(facts.text(step)), 60)
                ),
            });
        }
        steps.push(Step {
            start_byte: start,
            end_byte: call.end_byte(),
            message: format!("it reaches {reaches}"),
        });
        if let Some((sink_call, sink)) = via {
            steps.push(Step {
                start_byte: sink_call.start_byte(),
                end_byte: sink_call.end_byte(),
                message: format!("where {sink} executes it"),
            });
        }
        steps
    }
}

/// What the flow and the related location say about the non-constant piece.
fn leaf_message(part: &str, from_parameter: bool) -> String {
    if from_parameter {
        format!("'{part}' is a parameter: its callers decide what it holds")
    } else {
        format!("'{part}' is not a constant")
    }
}

/// How messages name a call: `cursor.execute` as written, or `….whereRaw` at the end of a
/// long builder chain.
pub(crate) fn callee_name(facts: &FileFacts<'_>, call: Node<'_>, name: Option<Node<'_>>) -> String {
    let function = call
        .child_by_field_name("function")
        .map(|n| collapse_whitespace(facts.text(n)))
        // TypeScript's grammar parses `await db.query<T>(…)` as `(await db.query)<T>(…)`.
        .map(|text| match text.strip_prefix("await ") {
            Some(rest) => rest.to_string(),
            None => text,
        });
    match (function, name) {
        (Some(text), _) if !text.contains('(') && text.chars().count() <= 60 => text,
        (Some(_), Some(name)) => format!("….{}", facts.text(name)),
        (Some(text), None) => truncate_chars(&text, 60),
        (None, Some(name)) => facts.text(name).to_string(),
        (None, None) => "a call".to_string(),
    }
}
