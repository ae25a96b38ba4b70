//! Recursion that `unbounded-loop` reports: a function that calls itself on every path (no base
//! case can end it), and recursion whose depth the client chooses.
//!
//! The packs mark calls that may reach the function around them by name (`@recurse`, with its
//! receiver when it goes through `self`/`this`/`Self`), which functions are methods, and the
//! parts of a function that may not run (`@branch`, loops, `try` blocks). A bare call reaches
//! the function only outside methods (inside one, a bare name is another function); a receiver
//! call only inside a plain method (a trait implementation's `self.len()` may reach an inherent
//! `len`). The core then asks two questions of each such call.
//!
//! - Does every run of the function reach it? It does when no branch, loop or `try` of the
//!   function holds it and no exit (`return`, `raise`, `throw`, `?`, `yield`, a process exit)
//!   comes before it: then nothing can stop the recursion but the stack.
//! - Does the client choose how deep it goes? A parameter that the function compares (its base
//!   case reads it) and passes on to itself (`depth - 1`) sets the depth; when a call from
//!   outside the function passes request data there, uncapped, every level is the client's.

use crate::dataflow::{summarize, Evaluator, Taint};
use crate::loops::mentions;
use crate::{FileFacts, Hit, LoopExit, MethodKind, Recursion, SinkKind, Step};
use shipshape_core::{collapse_whitespace, truncate_chars, Level};
use tree_sitter::Node;

/// Append the recursion findings of `rule_id` for one file.
pub(crate) fn check(facts: &FileFacts<'_>, rule_id: &'static str, hits: &mut Vec<Hit>) {
    let mut deep = Vec::new();
    for &recursion in &facts.recursions {
        let Some(reached) = own_function(facts, recursion) else {
            continue;
        };
        let endless = reached
            .direct
            .then(|| endless(facts, recursion, reached.scope, rule_id))
            .flatten();
        match endless {
            Some(hit) => hits.push(hit),
            None => deep.push((recursion, reached.scope)),
        }
    }
    if !deep.is_empty() {
        client_depth(facts, &deep, rule_id, hits);
    }
}

/// The function a recursive call reaches.
struct Reached {
    /// Its scope.
    scope: usize,
    /// Whether the call is in its own body rather than in a closure inside it (which may run
    /// any number of times, or never).
    direct: bool,
}

/// The function a recursive-looking call reaches: the named function around it (through any
/// unnamed closures), when the call names it the way it is in scope there.
fn own_function(facts: &FileFacts<'_>, recursion: Recursion<'_>) -> Option<Reached> {
    let innermost = facts.scope_at(recursion.call.start_byte());
    let scope = facts
        .enclosing_scopes(innermost)
        .into_iter()
        .find(|&s| s == 0 || facts.scopes[s].name.is_some())
        .filter(|&s| s > 0)?;
    let function = &facts.scopes[scope];
    let name = facts.text(recursion.name);
    if function.name.as_deref() != Some(name) {
        return None;
    }
    let reaches = match function.method {
        // A parameter, a local import or an inner function of the same name is what a bare
        // call reaches.
        None => {
            !recursion.through_receiver
                && !facts.binds_locally(scope, name)
                && (innermost == scope || !facts.binds_locally(innermost, name))
        }
        Some(MethodKind::Plain) => recursion.through_receiver,
        Some(MethodKind::Trait) => false,
    };
    reaches.then_some(Reached {
        scope,
        direct: innermost == scope,
    })
}

/// A finding when the call runs on every path through its function.
fn endless(
    facts: &FileFacts<'_>,
    recursion: Recursion<'_>,
    scope: usize,
    rule_id: &'static str,
) -> Option<Hit> {
    let call = recursion.call;
    if facts.is_conditional(call, scope) || exit_before(facts, call, scope) {
        return None;
    }
    let name = facts.text(recursion.name);
    let mut message = format!(
        "'{name}' calls itself on every path: nothing before this call (a return, a raise or \
         throw, a condition) can end the recursion, so it runs until the stack overflows"
    );
    // An awaiting task can be cancelled from outside: a hint, as for an awaiting loop.
    let cancellable = facts.cancel_points.iter().any(|point| {
        facts.scope_at(point.start_byte()) == scope && point.start_byte() < call.end_byte()
    });
    let mut level = None;
    if cancellable {
        message = format!(
            "'{name}' calls itself on every path after an await: nothing but cancelling its \
             task can end the recursion"
        );
        level = Some(Level::Note);
    }
    Some(call_hit(facts, call, rule_id, message, level))
}

/// Whether a statement that leaves the function can run before `call` (an early `return` is
/// the base case). Exits that hold the call (`return walk(n)`, `walk(n)?`) run after it.
fn exit_before(facts: &FileFacts<'_>, call: Node<'_>, scope: usize) -> bool {
    facts.loop_exits.iter().any(|exit| {
        let LoopExit::Function(node) = *exit else {
            return false;
        };
        let holds_call =
            node.start_byte() <= call.start_byte() && call.end_byte() <= node.end_byte();
        node.start_byte() < call.end_byte()
            && !holds_call
            && facts.scope_at(node.start_byte()) == scope
    })
}

/// Findings for recursive calls whose depth parameter a caller fills with request data.
fn client_depth<'t>(
    facts: &FileFacts<'t>,
    recursions: &[(Recursion<'t>, usize)],
    rule_id: &'static str,
    hits: &mut Vec<Hit>,
) {
    let summaries = summarize(facts, SinkKind::Bound);
    let mut evaluator = Evaluator::new(facts, SinkKind::Bound, &summaries);
    let mut outside_calls: Vec<_> = facts.calls().cloned().collect();
    outside_calls.sort_by_key(|c| c.node.start_byte());
    for &(recursion, scope) in recursions {
        let Some(inner) = facts.call(recursion.call) else {
            continue;
        };
        let function = &facts.scopes[scope];
        let name = facts.text(recursion.name);
        'params: for (index, (param, _)) in function.params.iter().enumerate() {
            let Some(&passed_on) = inner.args.get(index) else {
                continue;
            };
            // The base case reads it, and the call passes it (or what is made of it) on.
            let compared = facts.retry_facts.compares.iter().any(|&c| {
                facts.scope_at(c.start_byte()) == scope && mentions(facts.text(c), param, true)
            });
            if !compared || index >= 64 {
                continue;
            }
            let value = evaluator.eval(passed_on, scope);
            if let Some(request) = &value.request {
                // The function's own parameter holds the client's number.
                let hit = depth_hit(facts, recursion.call, name, param, request, None, rule_id);
                hits.push(hit);
                break 'params;
            }
            if value.params & (1 << index) == 0 {
                continue;
            }
            for outside in outside_calls.iter().filter(|c| {
                facts.text(c.name) == name
                    && !(function.start_byte <= c.node.start_byte()
                        && c.node.end_byte() <= function.end_byte)
            }) {
                let Some(&arg) = outside.args.get(index) else {
                    continue;
                };
                let caller = facts.scope_at(outside.node.start_byte());
                let value = evaluator.eval(arg, caller);
                if let Some(request) = &value.request {
                    let entry = Some(outside.node);
                    let hit =
                        depth_hit(facts, recursion.call, name, param, request, entry, rule_id);
                    hits.push(hit);
                    break 'params;
                }
            }
        }
    }
}

/// A finding on a recursive call whose depth `param` holds request data, entering through the
/// call `entry` (none when the function's own parameter is request data).
fn depth_hit(
    facts: &FileFacts<'_>,
    call: Node<'_>,
    name: &str,
    param: &str,
    request: &Taint<'_>,
    entry: Option<Node<'_>>,
    rule_id: &'static str,
) -> Hit {
    let source = truncate_chars(&collapse_whitespace(facts.text(request.leaf)), 40);
    let message = format!(
        "the client chooses how deep '{name}' recurses: request data '{source}' becomes its \
         '{param}' with no cap: clamp it to a maximum or reject larger values first"
    );
    let step = |node: Node<'_>, message: String| Step {
        start_byte: node.start_byte(),
        end_byte: node.end_byte(),
        message,
    };
    let mut flow = vec![step(
        request.leaf,
        format!("'{source}' is request data: the client decides what it holds"),
    )];
    for &node in &request.steps {
        let text = truncate_chars(&collapse_whitespace(facts.text(node)), 60);
        flow.push(step(node, format!("it is passed on here: {text}")));
    }
    if let Some(entry) = entry {
        flow.push(step(entry, format!("it becomes {name}()'s '{param}' here")));
    }
    flow.push(step(
        call,
        format!("{name}() calls itself with it, one level deeper each time"),
    ));
    let mut hit = call_hit(facts, call, rule_id, message, None);
    hit.related = vec![step(
        request.leaf,
        format!("'{source}' is request data: the client decides what it holds"),
    )];
    hit.flow = flow;
    hit
}

/// A finding of `rule_id` on a call.
fn call_hit(
    facts: &FileFacts<'_>,
    call: Node<'_>,
    rule_id: &'static str,
    message: String,
    level: Option<Level>,
) -> Hit {
    Hit {
        rule_id,
        start_byte: call.start_byte(),
        end_byte: call.end_byte(),
        code: facts.text(call).to_string(),
        message,
        flow: Vec::new(),
        related: Vec::new(),
        security_severity: None,
        level,
        fix: None,
    }
}
