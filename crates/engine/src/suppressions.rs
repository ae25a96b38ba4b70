//! Inline suppressions: `shipshape: ignore[rule-id, …] reason` in a comment, at the end of the
//! finding's line or alone on the line before the statement. A suppression on its own line
//! covers the whole next statement however a formatter wraps it; one at the end of a line
//! covers that line and the statement that ends there. The reason is required; rule ids (or
//! family tags) must exist. The scanner applies the directives to every finding of the file,
//! the repository-level ones included.

use serde::{Deserialize, Serialize};
use shipshape_core::{Notification, NotificationKind};
use tree_sitter::Node;

/// The marker a suppression comment starts with.
const MARKER: &str = "shipshape: ignore[";

/// One suppression comment that takes effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directive {
    /// The comment's line.
    pub line: usize,
    /// The rule ids or family tags it names.
    pub rules: Vec<String>,
    /// Why.
    pub reason: String,
    /// First and last line of what it covers.
    pub covers: (usize, usize),
}

impl Directive {
    /// Whether it covers a finding of `rule` (of `family`) starting on `line`.
    pub fn covers(&self, rule: &str, family: &str, line: usize) -> bool {
        self.covers.0 <= line
            && line <= self.covers.1
            && self.rules.iter().any(|r| r == rule || r == family)
    }
}

/// The directives of a file, and notifications for the ones that do not take effect.
///
/// `known` says whether a name is a rule id or a family tag; `comments` are the markers a line
/// comment may start with; `root` is the parse tree when there is one (statement extents).
pub(crate) fn find(
    path: &str,
    text: &str,
    comments: &[&str],
    root: Option<Node<'_>>,
    known: &dyn Fn(&str) -> bool,
) -> (Vec<Directive>, Vec<Notification>) {
    let mut directives = Vec::new();
    let mut notes = Vec::new();
    if !text.contains(MARKER) {
        return (directives, notes);
    }
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    for (at, _) in text.match_indices(MARKER) {
        let line = line_starts.partition_point(|&start| start <= at);
        let line_start = line_starts[line - 1];
        let before = &text[line_start..at];
        let Some(comment_at) = comment_start(before, comments) else {
            continue; // the words inside a string, not a comment
        };
        let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        let rest = &text[at + MARKER.len()..line_end];
        let Some(close) = rest.find(']') else {
            continue;
        };
        let rules: Vec<String> = rest[..close]
            .split(',')
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty())
            .collect();
        let reason = rest[close + 1..]
            .trim()
            .trim_end_matches("*/")
            .trim()
            .trim_start_matches([':', '-', '—'])
            .trim()
            .to_string();
        let note = |message: String| {
            Notification::for_file(path, NotificationKind::BadSuppression, message).at_line(line)
        };
        if let Some(unknown) = rules.iter().find(|r| !known(r)) {
            notes.push(note(format!(
                "suppression names unknown rule '{unknown}' (run `shipshape rules` for the ids); it does not apply"
            )));
            continue;
        }
        if rules.is_empty() || reason.is_empty() {
            notes.push(note(
                "suppression without a reason (or without a rule): write `shipshape: ignore[rule-id] why it is safe`; it does not apply"
                    .to_string(),
            ));
            continue;
        }
        let own_line = before[..comment_at].trim().is_empty();
        let covers = if own_line {
            next_statement(text, &line_starts, line, comments, root)
        } else {
            statement_ending_on(text, line_start + comment_at, line, root)
        };
        directives.push(Directive {
            line,
            rules,
            reason,
            covers,
        });
    }
    (directives, notes)
}

/// Where on the line (before the marker) a comment opens, if one does.
fn comment_start(before: &str, comments: &[&str]) -> Option<usize> {
    comments
        .iter()
        .chain(&["/*"])
        .filter_map(|marker| before.find(marker))
        .min()
}

/// The lines of the statement after an own-line comment: the outermost node starting at the
/// next line that holds code.
fn next_statement(
    text: &str,
    line_starts: &[usize],
    line: usize,
    comments: &[&str],
    root: Option<Node<'_>>,
) -> (usize, usize) {
    for (index, &start) in line_starts.iter().enumerate().skip(line) {
        let end = line_starts.get(index + 1).map_or(text.len(), |&e| e);
        let content = &text[start..end];
        let trimmed = content.trim_start();
        if trimmed.is_empty() || comments.iter().any(|c| trimmed.starts_with(c)) {
            continue;
        }
        let code_line = index + 1;
        let Some(root) = root else {
            return (code_line, code_line);
        };
        let at = start + (content.len() - trimmed.len());
        let node = outermost_starting_at(root, at);
        return (code_line, code_line.max(node.end_position().row + 1));
    }
    (line, line)
}

/// The lines covered by a comment at the end of `line`: that line, and the statement ending
/// there when it began earlier (a call a formatter wrapped).
fn statement_ending_on(
    text: &str,
    comment_at: usize,
    line: usize,
    root: Option<Node<'_>>,
) -> (usize, usize) {
    let Some(root) = root else {
        return (line, line);
    };
    let mut first = line;
    // The statement whose last line this is: the comment's previous sibling, or the largest
    // node holding the comment's line that ends on it.
    let comment = root.descendant_for_byte_range(comment_at, comment_at.min(text.len()));
    let mut node = comment;
    while let Some(current) = node {
        let ends_here = current.end_position().row + 1 == line
            || current
                .prev_named_sibling()
                .is_some_and(|s| s.end_position().row + 1 == line);
        if let Some(sibling) = current
            .prev_named_sibling()
            .filter(|s| s.end_position().row + 1 == line)
        {
            first = first.min(sibling.start_position().row + 1);
        }
        if !ends_here || current.parent().is_none() {
            break;
        }
        node = current.parent();
    }
    (first, line)
}

/// The statement that starts at byte `at`: the outermost node starting there, short of one
/// that also holds a later statement (a block whose first statement this is) or the root.
fn outermost_starting_at(root: Node<'_>, at: usize) -> Node<'_> {
    let mut node = root.descendant_for_byte_range(at, at).unwrap_or(root);
    while let Some(parent) = node.parent() {
        if parent.start_byte() != at || parent.parent().is_none() {
            break;
        }
        let row = node.start_position().row;
        let mut children = parent.walk();
        let holds_later_code = parent
            .named_children(&mut children)
            .any(|c| c.id() != node.id() && !c.is_extra() && c.start_position().row > row);
        if holds_later_code {
            break;
        }
        node = parent;
    }
    node
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(source: &str) -> tree_sitter::Tree {
        let mut parser = tree_sitter::Parser::new();
        parser
            .set_language(&tree_sitter_python::LANGUAGE.into())
            .unwrap();
        parser.parse(source, None).unwrap()
    }

    #[test]
    fn an_own_line_suppression_covers_the_whole_wrapped_statement() {
        let source = "def f(cur, x):\n    # shipshape: ignore[sql-injection] x is an enum value\n    cur.execute(\n        \"SELECT %s\"\n        % x\n    )\n    cur.execute(\"x\" + x)\n";
        let tree = parse(source);
        let (found, notes) = find("a.py", source, &["#"], Some(tree.root_node()), &|_| true);
        assert!(notes.is_empty());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].covers, (3, 6));
        assert_eq!(found[0].reason, "x is an enum value");
        assert!(found[0].covers("sql-injection", "injection", 3));
        assert!(!found[0].covers("sql-injection", "injection", 7));
    }

    #[test]
    fn a_trailing_suppression_covers_its_line_and_the_statement_ending_there() {
        let source = "cur.execute(\n    q\n)  # shipshape: ignore[injection] reviewed\nother(q)\n";
        let tree = parse(source);
        let (found, _) = find("a.py", source, &["#"], Some(tree.root_node()), &|_| true);
        assert_eq!(found[0].covers, (1, 3));
    }

    #[test]
    fn no_reason_or_an_unknown_rule_is_reported_and_does_not_apply() {
        let source = "x = 1  # shipshape: ignore[sql-injection]\ny = 2  # shipshape: ignore[nope] because\nz = \"shipshape: ignore[xss] in a string\"\n";
        let (found, notes) = find("a.py", source, &["#"], None, &|r| r != "nope");
        assert!(found.is_empty());
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].line, Some(1));
        assert!(notes[1].message.contains("'nope'"));
    }
}
