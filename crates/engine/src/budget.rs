//! Deterministic work budgets for parsing and matching. tree-sitter calls a progress callback
//! every 100 or so internal operations; counting those calls, instead of reading a clock, makes
//! a runaway file fail the same way on a loaded CI machine as on a laptop.

use tree_sitter::{Node, ParseOptions, ParseState, Parser, Tree};

/// Work budgets, in tree-sitter progress steps.
#[derive(Debug, Clone, Copy)]
pub struct Budgets {
    /// Parse steps allowed per KiB of source (plus `parse_steps_base`).
    pub parse_steps_per_kib: u64,
    /// Parse steps every file gets regardless of size.
    pub parse_steps_base: u64,
    /// Query steps allowed per KiB of source (plus `query_steps_base`).
    pub query_steps_per_kib: u64,
    /// Query steps every file gets regardless of size.
    pub query_steps_base: u64,
    /// tree-sitter's limit on in-progress matches.
    pub match_limit: u32,
    /// Patterns start no deeper than this in the syntax tree. tree-sitter's matching costs
    /// grow with depth × matches (100,000 nested parentheses take minutes), so code nested
    /// deeper than any hand-written program is left out, with a notification.
    pub max_query_depth: u32,
}

impl Default for Budgets {
    fn default() -> Self {
        // Calibrated on real code (docs/performance.md): ordinary files use well under a tenth
        // of these budgets; error recovery gone pathological uses far more.
        Budgets {
            parse_steps_per_kib: 2_000,
            parse_steps_base: 20_000,
            query_steps_per_kib: 2_000,
            query_steps_base: 20_000,
            match_limit: 1024,
            max_query_depth: 2_000,
        }
    }
}

impl Budgets {
    pub(crate) fn parse_steps(&self, bytes: usize) -> u64 {
        self.parse_steps_base + self.parse_steps_per_kib * (bytes as u64 / 1024)
    }

    pub(crate) fn query_steps(&self, bytes: usize) -> u64 {
        self.query_steps_base + self.query_steps_per_kib * (bytes as u64 / 1024)
    }
}

/// Parse `text`, or `None` when the budget ran out (the parser is reset for the next file).
pub(crate) fn parse(parser: &mut Parser, text: &str, budgets: &Budgets) -> Option<Tree> {
    let limit = budgets.parse_steps(text.len());
    let mut steps = 0u64;
    let mut progress = |_: &ParseState| {
        steps += 1;
        steps > limit
    };
    let bytes = text.as_bytes();
    let tree = parser.parse_with_options(
        &mut |offset, _| bytes.get(offset..).unwrap_or_default(),
        None,
        Some(ParseOptions::new().progress_callback(&mut progress)),
    );
    if tree.is_none() {
        parser.reset();
    }
    tree
}

/// Whether the tree is nested deeper than `limit`, and the 1-based line where it first is.
/// Walks iteratively, tracking depth itself (`TreeCursor::depth` costs time proportional to
/// the depth), and enters only subtrees with enough nodes to reach the limit: a subtree holds
/// at least as many nodes as it is deep, and its node count is stored, so ordinary files are
/// decided after looking at a handful of nodes.
pub(crate) fn deeper_than(root: Node<'_>, limit: u32) -> Option<usize> {
    let limit = limit as usize;
    if root.descendant_count() <= limit {
        return None;
    }
    let mut cursor = root.walk();
    let mut depth = 0usize;
    // Invariant: the cursor is on a node at `depth` whose subtree could reach past the limit.
    loop {
        if depth > limit {
            return Some(cursor.node().start_position().row + 1);
        }
        let mut entered = false;
        if cursor.goto_first_child() {
            depth += 1;
            loop {
                if cursor.node().descendant_count() + depth > limit {
                    entered = true;
                    break;
                }
                if !cursor.goto_next_sibling() {
                    break;
                }
            }
            if !entered {
                cursor.goto_parent();
                depth -= 1;
            }
        }
        if entered {
            continue;
        }
        // Nothing below here is deep enough: try the next candidate sibling of an ancestor.
        loop {
            if depth == 0 {
                return None;
            }
            let mut found = false;
            while cursor.goto_next_sibling() {
                if cursor.node().descendant_count() + depth > limit {
                    found = true;
                    break;
                }
            }
            if found {
                break;
            }
            cursor.goto_parent();
            depth -= 1;
        }
    }
}

/// The 1-based line of the first error or missing node, found without recursion.
pub(crate) fn first_error_line(root: Node<'_>) -> usize {
    let mut cursor = root.walk();
    loop {
        let node = cursor.node();
        if node.is_error() || node.is_missing() {
            return node.start_position().row + 1;
        }
        // Descend only into subtrees that contain an error; otherwise move on.
        if node.has_error() && cursor.goto_first_child() {
            continue;
        }
        loop {
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return root.start_position().row + 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(source: &str) -> tree_sitter::Tree {
        let mut parser = Parser::new();
        parser
            .set_language(&tree_sitter_python::LANGUAGE.into())
            .expect("python grammar");
        parser.parse(source, None).expect("parse")
    }

    #[test]
    fn depth_is_found_where_it_is_and_only_there() {
        let shallow = "x = 1\n".repeat(5000);
        assert_eq!(deeper_than(tree(&shallow).root_node(), 50), None);
        let deep = format!("y = 2\nx = {}1{}\n", "(".repeat(300), ")".repeat(300));
        assert_eq!(deeper_than(tree(&deep).root_node(), 50), Some(2));
        assert_eq!(deeper_than(tree(&deep).root_node(), 5000), None);
        // A deep expression after many shallow statements is still found.
        let late = format!("{shallow}x = {}1{}\n", "[".repeat(300), "]".repeat(300));
        assert_eq!(deeper_than(tree(&late).root_node(), 100), Some(5001));
    }
}
