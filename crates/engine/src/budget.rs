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
    /// Longest run of unnamed tokens under one node before matching is skipped (real code
    /// peaks at 66; error recovery over unclosed brackets makes runs of thousands).
    pub max_token_run: usize,
    /// Patterns start no deeper than this in the syntax tree. tree-sitter's matching costs
    /// grow with depth × matches (100,000 nested parentheses take minutes), so code nested
    /// deeper than any hand-written program is left out, with a notification.
    pub max_query_depth: u32,
}

impl Default for Budgets {
    fn default() -> Self {
        // Calibrated on 8,133 real files (docs/performance.md): parsing used at most 22 steps
        // per KiB and matching 16, so these leave a tenfold margin while capping a runaway
        // 1 MiB file at a few seconds per phase.
        Budgets {
            parse_steps_per_kib: 250,
            parse_steps_base: 5_000,
            query_steps_per_kib: 250,
            query_steps_base: 5_000,
            match_limit: 1024,
            max_token_run: 1_000,
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

/// A tree shape that tree-sitter's pattern matching handles in more than linear time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pathology {
    /// Nested deeper than the limit, first at this 1-based line: matching is bounded by
    /// starting no pattern below the limit.
    Deep { line: usize },
    /// A run of more unnamed tokens under one node than the limit, from this 1-based line
    /// (what 100,000 unclosed brackets become after error recovery): tree-sitter's cursor
    /// rescans later siblings at every step, so matching such a file takes minutes.
    TokenRun { line: usize },
}

/// Look for a [`Pathology`] without recursion, entering only subtrees big enough to hold
/// one: a subtree has at least as many nodes as it is deep or has children, and its node
/// count is stored, so ordinary files are decided after a handful of node visits.
pub(crate) fn pathology(root: Node<'_>, depth_limit: u32, run_limit: usize) -> Option<Pathology> {
    let depth_limit = depth_limit as usize;
    let worth_entering = |node: Node<'_>, depth: usize| {
        let count = node.descendant_count();
        count > run_limit || count + depth > depth_limit
    };
    if !worth_entering(root, 0) {
        return None;
    }
    let mut deep = None;
    let mut stack = vec![(root, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > depth_limit {
            deep.get_or_insert(Pathology::Deep {
                line: node.start_position().row + 1,
            });
            continue;
        }
        let mut cursor = node.walk();
        if !cursor.goto_first_child() {
            continue;
        }
        let mut run = 0usize;
        loop {
            let child = cursor.node();
            if child.is_named() {
                run = 0;
            } else {
                run += 1;
                if run > run_limit {
                    return Some(Pathology::TokenRun {
                        line: child.start_position().row + 1,
                    });
                }
            }
            if worth_entering(child, depth + 1) {
                stack.push((child, depth + 1));
            }
            if !cursor.goto_next_sibling() {
                break;
            }
        }
    }
    deep
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
        let deep_at = |source: &str, limit| match pathology(tree(source).root_node(), limit, 1000) {
            Some(Pathology::Deep { line }) => Some(line),
            _ => None,
        };
        let shallow = "x = 1\n".repeat(5000);
        assert_eq!(deep_at(&shallow, 50), None);
        let deep = format!("y = 2\nx = {}1{}\n", "(".repeat(300), ")".repeat(300));
        assert_eq!(deep_at(&deep, 50), Some(2));
        assert_eq!(deep_at(&deep, 5000), None);
        // A deep expression after many shallow statements is still found.
        let late = format!("{shallow}x = {}1{}\n", "[".repeat(300), "]".repeat(300));
        assert_eq!(deep_at(&late, 100), Some(5001));
    }

    #[test]
    fn a_long_run_of_unmatched_tokens_is_found() {
        let broken = format!("db.execute(q)\nx = {}\n", "(".repeat(5000));
        assert!(matches!(
            pathology(tree(&broken).root_node(), 2000, 1000),
            Some(Pathology::TokenRun { line: 2 })
        ));
        // A long literal list alternates elements and commas: no run.
        let list = format!("x = [{}]\n", "1, ".repeat(5000));
        assert_eq!(pathology(tree(&list).root_node(), 2000, 1000), None);
    }
}
