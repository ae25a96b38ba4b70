//! `unbounded-loop`: a loop that nothing can end.
//!
//! The packs mark loops (`@loop`, with `@loop.forever` when the condition never ends it, a
//! `@loop.label`, and a `@loop.condition` worth judging), `break`s (with their label), the
//! statements that catch an unlabeled `break` without being loops (`@breakable`: a `switch`), and
//! the statements that leave the function or yield (`@exit`). A `break` leaves the innermost
//! loop or switch around it, or the loop its label names; an exit inside a nested function does
//! not leave the loop. A forever loop that nothing leaves is an error; a loop whose condition is a
//! variable that nothing in the file can change is a note.
//!
//! The rule also reports recursion that nothing ends: a function that calls itself on every
//! path, and recursion whose depth comes from request data (see [`crate::recursion`]).

use crate::loops::{escape, header_hit, within, Escape, Target};
use crate::{FileFacts, Hit, Loop, Rule};
use shipshape_core::{Family, Level, Precision, RuleMeta};
use tree_sitter::Node;

static META: RuleMeta = RuleMeta {
    id: "unbounded-loop",
    name: "UnboundedLoop",
    short_description: "A loop or a recursion that nothing can end",
    full_description: "A loop whose condition never ends it (while True, for (;;), loop {}) has \
        no break, return, raise, throw or exit that reaches outside it, or a loop's condition is \
        a variable that nothing in the loop or the file changes; or a function calls itself on \
        every path (no base case), or as deep as a number from the request says. In production \
        such a loop pins a CPU, blocks a worker forever, or keeps a process from shutting down, \
        and such recursion overflows the stack. Give it an exit: a break on the condition that \
        ends the work, a shutdown flag, a closed channel, a cancelled token, a base case, a \
        depth cap.",
    family: Family::UnboundedLoop,
    cwes: &[835, 674],
    security: false,
    security_severity: None,
    default_level: Level::Error,
    precision: Precision::High,
    languages: &["Python", "JavaScript", "TypeScript", "Rust"],
    help_markdown: include_str!("../../../../docs/rules/unbounded-loop.md"),
};

/// See the module documentation.
#[derive(Debug)]
pub(crate) struct UnboundedLoop;

impl Rule for UnboundedLoop {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, facts: &FileFacts<'_>, hits: &mut Vec<Hit>) {
        for the_loop in &facts.loops {
            let scope = facts.scope_at(the_loop.node.start_byte());
            let Escape { leaves, trapped } = escape(facts, the_loop);
            // Inside `try: … except …:` in the same function, any call may end the loop by
            // raising (a stream's EndOfStream, a socket's disconnect).
            let caught = facts.tries.iter().any(|&(start, end)| {
                start <= the_loop.node.start_byte()
                    && the_loop.node.end_byte() <= end
                    && facts.scope_at(start) == scope
            });
            if leaves || caught {
                continue;
            }
            if the_loop.forever {
                let cancellable = facts
                    .cancel_points
                    .iter()
                    .any(|&point| within(facts, the_loop, point));
                hits.push(forever_hit(facts, the_loop, &trapped, cancellable));
            } else if let Some(hit) = stuck_condition_hit(facts, the_loop, scope) {
                hits.push(hit);
            }
        }
        crate::recursion::check(facts, META.id, hits);
    }
}

fn line_of(facts: &FileFacts<'_>, byte: usize) -> usize {
    facts.source[..byte.min(facts.source.len())]
        .matches('\n')
        .count()
        + 1
}

fn forever_hit(
    facts: &FileFacts<'_>,
    the_loop: &Loop<'_>,
    trapped: &[(Node<'_>, Option<Target>)],
    cancellable: bool,
) -> Hit {
    let mut message =
        "this loop never ends: no break, return, raise or throw reaches outside it".to_string();
    if let Some(&(node, target)) = trapped.first() {
        let line = line_of(facts, node.start_byte());
        let what = match target {
            Some(Target::Loop(i)) => format!(
                "only the inner loop on line {}",
                line_of(facts, facts.loops[i].node.start_byte())
            ),
            Some(Target::Breakable(start)) => {
                format!("only the switch on line {}", line_of(facts, start))
            }
            None => "nothing this file shows".to_string(),
        };
        message.push_str(&format!("; the break on line {line} exits {what}"));
    }
    // An async task awaiting in the loop can be cancelled there from outside (a background
    // job its owner aborts): a hint, not an error.
    if cancellable {
        message.push_str("; only cancelling its task at an await can stop it");
        return header_hit(facts, the_loop, META.id, message, Some(Level::Note));
    }
    header_hit(facts, the_loop, META.id, message, None)
}

/// A `while running:` whose variable nothing can change: not the loop, not a closure inside
/// the function, and for a module-level variable not any function of the file (`global`).
fn stuck_condition_hit(facts: &FileFacts<'_>, the_loop: &Loop<'_>, scope: usize) -> Option<Hit> {
    let condition = the_loop.condition?;
    if condition.kind() != "identifier" {
        return None;
    }
    let name = facts.text(condition);
    let (start, end) = (the_loop.node.start_byte(), the_loop.node.end_byte());
    let declared_here = facts
        .defs(scope, name)
        .iter()
        .any(|d| d.node.end_byte() <= start)
        || facts.scopes[scope].params.iter().any(|(p, _)| p == name);
    // A module-level flag read in a function (`let running = true` at the top of the file).
    let home = if declared_here {
        scope
    } else if scope != 0 && !facts.defs(0, name).is_empty() {
        0
    } else {
        return None;
    };
    let changed_inside = [home, scope].iter().any(|&s| {
        facts
            .defs(s, name)
            .iter()
            .any(|d| start <= d.node.start_byte() && d.node.end_byte() <= end)
    }) || facts
        .mutations
        .iter()
        .any(|m| start <= m.start_byte() && m.end_byte() <= end && facts.text(*m) == name);
    // A closure inside the function may assign it; a module-level variable, any function
    // (`global`, or a JavaScript or Rust assignment). Another function's local of the same
    // name is another variable.
    let outer = &facts.scopes[home];
    let changed_elsewhere = (0..facts.scopes.len()).any(|other| {
        let inner = &facts.scopes[other];
        let nested = outer.start_byte <= inner.start_byte && inner.end_byte <= outer.end_byte;
        other != home && (home == 0 || nested) && !facts.defs(other, name).is_empty()
    });
    if changed_inside || changed_elsewhere {
        return None;
    }
    let message = format!(
        "the condition '{name}' never changes: nothing in this loop (or a closure in this \
         function) assigns it, and no break, return, raise or throw leaves the loop"
    );
    Some(header_hit(
        facts,
        the_loop,
        META.id,
        message,
        Some(Level::Note),
    ))
}
