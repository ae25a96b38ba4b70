//! What the loop rules share: where a `break` goes, and whether anything leaves a loop.

use crate::{FileFacts, Hit, Loop, LoopExit};
use shipshape_core::Level;
use tree_sitter::Node;

/// Whether something leaves a loop, and the breaks inside it that only leave something inner.
pub(crate) struct Escape<'t> {
    /// A break targeting it (or a loop around it), or an exit of its function, is inside it.
    pub(crate) leaves: bool,
    /// Breaks in the same function that leave only an inner loop or a switch, with what they
    /// leave.
    pub(crate) trapped: Vec<(Node<'t>, Option<Target>)>,
}

/// Whether `node` is inside `the_loop` and in the same function.
pub(crate) fn within(facts: &FileFacts<'_>, the_loop: &Loop<'_>, node: Node<'_>) -> bool {
    the_loop.node.start_byte() <= node.start_byte()
        && node.end_byte() <= the_loop.node.end_byte()
        && facts.scope_at(node.start_byte()) == facts.scope_at(the_loop.node.start_byte())
}

/// What leaves `the_loop`.
pub(crate) fn escape<'t>(facts: &FileFacts<'t>, the_loop: &Loop<'t>) -> Escape<'t> {
    let mut trapped = Vec::new();
    for exit in facts
        .loop_exits
        .iter()
        .filter(|e| within(facts, the_loop, e.node()))
    {
        match *exit {
            LoopExit::Function(_) => {
                return Escape {
                    leaves: true,
                    trapped,
                }
            }
            LoopExit::Break { node, label } => match break_target(facts, node, label) {
                // `break 'outer` leaves every loop up to the labeled one.
                Some(Target::Loop(target)) if encloses(&facts.loops[target], the_loop) => {
                    return Escape {
                        leaves: true,
                        trapped,
                    }
                }
                target => trapped.push((node, target)),
            },
        }
    }
    Escape {
        leaves: false,
        trapped,
    }
}

/// Whether `outer` is `inner` or holds it.
fn encloses(outer: &Loop<'_>, inner: &Loop<'_>) -> bool {
    outer.node.start_byte() <= inner.node.start_byte()
        && inner.node.end_byte() <= outer.node.end_byte()
}

/// What a `break` leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// The loop at this index of `facts.loops`.
    Loop(usize),
    /// A switch (or other breakable statement) starting at this byte.
    Breakable(usize),
}

/// The loop or switch a `break` leaves: the one its label names, else the innermost around it.
pub(crate) fn break_target(
    facts: &FileFacts<'_>,
    node: Node<'_>,
    label: Option<Node<'_>>,
) -> Option<Target> {
    let holds = |start: usize, end: usize| start <= node.start_byte() && node.end_byte() <= end;
    // A loop holds a break unless the break sits in a part it does not leave from (`else:`).
    let loop_holds = |l: &Loop<'_>| {
        holds(l.node.start_byte(), l.node.end_byte())
            && !l.not_leaving.iter().any(|&(start, end)| holds(start, end))
    };
    if let Some(label) = label {
        let name = facts.text(label).trim_start_matches('\'');
        return facts
            .loops
            .iter()
            .enumerate()
            .filter(|(_, l)| loop_holds(l))
            .filter(|(_, l)| l.label.as_deref() == Some(name))
            .max_by_key(|(_, l)| l.node.start_byte())
            .map(|(i, _)| Target::Loop(i));
    }
    let innermost_loop = facts
        .loops
        .iter()
        .enumerate()
        .filter(|(_, l)| loop_holds(l))
        .max_by_key(|(_, l)| l.node.start_byte())
        .map(|(i, l)| (l.node.start_byte(), Target::Loop(i)));
    let innermost_breakable = facts
        .breakables
        .iter()
        .filter(|&&(start, end)| holds(start, end))
        .max_by_key(|&&(start, _)| start)
        .map(|&(start, _)| (start, Target::Breakable(start)));
    [innermost_loop, innermost_breakable]
        .into_iter()
        .flatten()
        .max_by_key(|&(start, _)| start)
        .map(|(_, target)| target)
}

/// A finding of `rule_id` on a loop's first line (its header), covering the header only.
pub(crate) fn header_hit(
    facts: &FileFacts<'_>,
    the_loop: &Loop<'_>,
    rule_id: &'static str,
    message: String,
    level: Option<Level>,
) -> Hit {
    let start = the_loop.node.start_byte();
    let header_end = facts.source[start..the_loop.node.end_byte()]
        .find('\n')
        .map_or(the_loop.node.end_byte(), |n| start + n);
    let header = facts.source[start..header_end].trim_end().to_string();
    Hit {
        rule_id,
        start_byte: start,
        end_byte: start + header.len(),
        code: header,
        message,
        flow: Vec::new(),
        related: Vec::new(),
        security_severity: None,
        level,
        fix: None,
    }
}

/// Whether a comparison in the loop reads the clock or a counter the loop changes.
pub(crate) fn is_capped(facts: &FileFacts<'_>, the_loop: &Loop<'_>) -> bool {
    let retry = &facts.retry_facts;
    let scope = facts.scope_at(the_loop.node.start_byte());
    let (start, end) = (the_loop.node.start_byte(), the_loop.node.end_byte());
    let counters: Vec<&str> = facts
        .mutations
        .iter()
        .filter(|m| start <= m.start_byte() && m.end_byte() <= end)
        .map(|m| facts.text(*m))
        .chain(
            facts
                .defined_names(scope)
                .filter(|(_, def)| def.append && start <= def.node.start_byte())
                .filter(|(_, def)| def.node.end_byte() <= end)
                .map(|(name, _)| name),
        )
        .collect();
    retry
        .compares
        .iter()
        .filter(|&&c| within(facts, the_loop, c))
        .any(|&compare| {
            let reads_clock = retry.clocks.iter().any(|clock| {
                compare.start_byte() <= clock.start_byte() && clock.end_byte() <= compare.end_byte()
            });
            let text = facts.text(compare);
            reads_clock || counters.iter().any(|name| mentions(text, name, false))
        })
}

/// Whether `text` mentions `name` as a whole word; with `as_value`, not right after a `.`
/// (a method or a field of that name, `.status()`).
pub(crate) fn mentions(text: &str, name: &str, as_value: bool) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    !name.is_empty()
        && text.match_indices(name).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            !before.is_some_and(|c| is_word(c) || (as_value && c == '.'))
                && !after.is_some_and(is_word)
        })
}

/// Whether `the_loop` is one that the retry and pagination rules look at: an endless loop that
/// something leaves, or a `while x` loop (an endless one nothing leaves is `unbounded-loop`'s).
pub(crate) fn ends_only_by_leaving(facts: &FileFacts<'_>, the_loop: &Loop<'_>) -> bool {
    if the_loop.forever {
        escape(facts, the_loop).leaves
    } else {
        the_loop.condition.is_some()
    }
}
