//! What every sink rule shares. An injection sink (SQL, shell, NoSQL) is reported when its text
//! is built from a part that is not constant, or when request data reaches it as it is; any
//! other sink (a path, a redirect, eval, an outbound URL, HTML, a regex) when request data
//! reaches it unvalidated. Found directly or at the call of a same-file helper that passes its
//! parameter into the sink. One finding per sink call (or helper call), with the flow that
//! built it, starting at the request source when there is one.

use crate::dataflow::{summarize, Evaluator, Taint, Value};
use crate::shape::fixes_destination;
use crate::{FileFacts, Hit, Rule, Shape, SinkKind, Step};
use shipshape_core::RuleMeta;
use shipshape_core::{collapse_whitespace, truncate_chars};
use tree_sitter::Node;

/// A rule judging one sink kind; each rule file declares one with its metadata.
#[derive(Debug)]
pub(crate) struct SinkRule {
    pub(crate) meta: &'static RuleMeta,
    pub(crate) kind: SinkKind,
    /// What the text is, for flow messages (`SQL`, `command line`, `file path`).
    pub(crate) what: &'static str,
    /// What to do instead, appended to the message.
    pub(crate) advice: &'static str,
    /// The `security-severity` of a finding fed by request data, when that is worse than the
    /// rule's own (injection rules).
    pub(crate) request_severity: Option<&'static str>,
}

impl Rule for SinkRule {
    fn meta(&self) -> &'static RuleMeta {
        self.meta
    }

    fn check(&self, facts: &FileFacts<'_>, hits: &mut Vec<Hit>) {
        self.check_sinks(facts, hits);
    }
}

impl SinkRule {
    /// Whether a value reaching a sink with `shape` is a finding.
    fn reportable(&self, value: &Value<'_>, shape: Option<Shape>) -> bool {
        if self.kind.is_injection() {
            let built = value.built && !value.is_constant() && value.has_shape(shape);
            // Request data that *is* the whole text: only where the sink's name says it
            // executes text, since nothing is left to check the shape against.
            let raw_request = value.request.is_some() && shape.is_none();
            built || raw_request
        } else {
            // A constant start that fixes the host (or, for a redirect, keeps it on the site)
            // leaves the client only the path or query: not a forged destination.
            let fixed = match self.kind {
                SinkKind::Url => fixes_destination(value.lead.as_deref().unwrap_or(""), false),
                SinkKind::Redirect => fixes_destination(value.lead.as_deref().unwrap_or(""), true),
                _ => false,
            };
            value.request.is_some() && value.has_shape(shape) && !fixed
        }
    }

    fn check_sinks(&self, facts: &FileFacts<'_>, hits: &mut Vec<Hit>) {
        if !facts.sinks.iter().any(|s| s.kind == self.kind) {
            return;
        }
        let summaries = summarize(facts, self.kind);
        let mut evaluator = Evaluator::new(facts, self.kind, &summaries);

        for sink in facts.sinks.iter().filter(|s| s.kind == self.kind) {
            let scope = facts.scope_at(sink.argument.start_byte());
            let value = evaluator.eval(sink.argument, scope);
            if self.reportable(&value, sink.shape) {
                let callee = callee_name(facts, sink.call, sink.name);
                let mut hit = self.hit(facts, sink.call, sink.name, &value, &callee, None);
                if self.kind == SinkKind::Sql {
                    hit.fix = crate::fix::parameterize(facts, sink.call, sink.argument);
                }
                hits.push(hit);
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
                if self.reportable(&value, sink_param.shape) {
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
        // The request source explains best where there is one: it is first in the flow.
        let origin = match &value.request {
            Some(_) => Origin::Request,
            None if value.taint.is_none() => Origin::Parameter,
            None => Origin::NotConstant,
        };
        let taint = value.request.as_ref().or(value.explanation());
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
        let message = match origin {
            Origin::Request if self.kind.is_injection() && value.built => format!(
                "{how} with request data '{part}' reaches {reaches}: {}",
                self.advice
            ),
            // Unbuilt request data at an injection sink is the whole text it runs.
            Origin::Request if self.kind.is_injection() => format!(
                "request data '{part}' is the whole {} that {reaches} runs: {}",
                self.what, self.advice
            ),
            Origin::Request => format!(
                "request data '{part}' reaches {reaches} as {}: {}",
                self.what, self.advice
            ),
            _ => format!("{how} with '{part}' reaches {reaches}: {}", self.advice),
        };
        let start = name.unwrap_or(call).start_byte();
        Hit {
            rule_id: self.meta.id,
            start_byte: start,
            end_byte: call.end_byte(),
            code: facts.text(call).to_string(),
            message,
            flow: self.flow(facts, taint, origin, call, start, &reaches, via.as_ref()),
            related: taint
                .map(|t| {
                    vec![Step {
                        start_byte: t.leaf.start_byte(),
                        end_byte: t.leaf.end_byte(),
                        message: leaf_message(&part, origin),
                    }]
                })
                .unwrap_or_default(),
            security_severity: match origin {
                Origin::Request => self.request_severity,
                _ => None,
            },
            level: None,
            fix: None,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn flow(
        &self,
        facts: &FileFacts<'_>,
        taint: Option<&Taint<'_>>,
        origin: Origin,
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
                origin,
            ),
        }];
        let doing = if self.kind.is_injection() {
            format!("the {} is built here", self.what)
        } else {
            "it is passed on here".to_string()
        };
        for &step in &taint.steps {
            steps.push(Step {
                start_byte: step.start_byte(),
                end_byte: step.end_byte(),
                message: format!(
                    "{doing}: {}",
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

/// Where the value a finding explains comes from.
#[derive(Clone, Copy)]
enum Origin {
    /// Request data, read here.
    Request,
    /// A parameter of the function: its callers decide.
    Parameter,
    /// Something else that is not a constant.
    NotConstant,
}

/// What the flow and the related location say about the piece the finding explains.
fn leaf_message(part: &str, origin: Origin) -> String {
    match origin {
        Origin::Request => format!("'{part}' is request data: the client decides what it holds"),
        Origin::Parameter => format!("'{part}' is a parameter: its callers decide what it holds"),
        Origin::NotConstant => format!("'{part}' is not a constant"),
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
