//! A cheap text test that tells when the query pass cannot find a sink in a file, so it can be
//! skipped: every sink pattern names its sinks with `#eq?` / `#any-of?` on `@sink.name`, and a
//! file that contains none of those names as a word has no sink (and so, for every rule today,
//! no finding). The words are read from the packs themselves, so a user's pack extends them;
//! a sink pattern whose names cannot be read this way turns the prefilter off for its language.

use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::OnceLock;

/// Words of which a file must contain at least one for the query pass to be worth running.
#[derive(Debug, Clone)]
pub struct SinkWords {
    words: Vec<String>,
    matcher: AhoCorasick,
}

impl SinkWords {
    /// A prefilter from the source texts of the patterns that capture a sink argument; `None`
    /// when some pattern does not name its sinks literally.
    pub(crate) fn from_sink_patterns<'a>(
        patterns: impl IntoIterator<Item = &'a str>,
    ) -> Option<SinkWords> {
        let mut words = Vec::new();
        for pattern in patterns {
            let names = literal_sink_names(pattern);
            if names.is_empty() {
                return None;
            }
            words.extend(names);
        }
        words.sort();
        words.dedup();
        let matcher = AhoCorasick::new(&words).ok()?;
        Some(SinkWords { words, matcher })
    }

    /// The words, sorted.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// Whether `text` contains one of the words, not as part of a longer identifier.
    pub fn might_match(&self, text: &str) -> bool {
        self.matcher
            .find_overlapping_iter(text)
            .any(|m| is_whole_word(text, m.start(), m.end()))
    }
}

/// Whether `word` occurs in `text` as a whole identifier, not inside a longer one.
pub fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word)
        .any(|(at, _)| is_whole_word(text, at, at + word.len()))
}

/// Whether `text[start..end]` is not part of a longer identifier.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let before = start.checked_sub(1).map(|i| bytes[i]);
    let after = bytes.get(end).copied();
    !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
}

/// Every string compared with `#eq?` / `#any-of?` in `source` (names that patterns depend on;
/// an import alias of one of them changes what the patterns match).
pub(crate) fn predicate_words(source: &str) -> std::collections::HashSet<String> {
    compared_strings(source)
        .into_iter()
        .map(|(_, word)| word)
        .collect()
}

/// The words a pattern declares with `(#set! words "…")`, else the strings of
/// `(#eq? @sink.name "…")` and `(#any-of? @sink.name "…" …)` in it; for a pattern that does not
/// name its sink (a view's `return`, a whole-body read), the strings its other predicates
/// compare with, one of which any match must contain.
fn literal_sink_names(pattern: &str) -> Vec<String> {
    static WORDS: OnceLock<Regex> = OnceLock::new();
    let declared = WORDS
        .get_or_init(|| Regex::new(r#"\(#set!\s+words\s+"([^"]*)"\s*\)"#).expect("a valid regex"));
    if let Some(words) = declared.captures(pattern) {
        return words[1].split_whitespace().map(str::to_string).collect();
    }
    let compared = compared_strings(pattern);
    let names: Vec<String> = compared
        .iter()
        .filter(|(capture, _)| capture == "sink.name")
        .map(|(_, word)| word.clone())
        .collect();
    if !names.is_empty() {
        return names;
    }
    compared.into_iter().map(|(_, word)| word).collect()
}

/// `(capture, string)` for every string an `#eq?` / `#any-of?` predicate compares a capture
/// with, without the quotes some grammars keep in a key's text (`'$where'`).
fn compared_strings(source: &str) -> Vec<(String, String)> {
    static PREDICATE: OnceLock<Regex> = OnceLock::new();
    static STRING: OnceLock<Regex> = OnceLock::new();
    let predicate = PREDICATE.get_or_init(|| {
        Regex::new(r#"\(#(?:eq|any-of)\?\s+@([\w.]+)((?:\s+"(?:[^"\\]|\\.)*")+)\s*\)"#)
            .expect("a valid regex")
    });
    let string =
        STRING.get_or_init(|| Regex::new(r#""((?:[^"\\]|\\.)*)""#).expect("a valid regex"));
    let mut found = Vec::new();
    for predicate in predicate.captures_iter(source) {
        for literal in string.captures_iter(&predicate[2]) {
            let word = literal[1].replace("\\\"", "\"").replace("\\\\", "\\");
            let word = word.trim_matches(|c| c == '"' || c == '\'').to_string();
            if !word.is_empty() {
                found.push((predicate[1].to_string(), word));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_come_from_sink_name_predicates() {
        let words = SinkWords::from_sink_patterns([
            r#"(call (#any-of? @sink.name "execute" "executemany")) @sink.call"#,
            r#"(pair (#any-of? @sink.name "'$where'" "\"$where\"")) @sink.call"#,
        ])
        .expect("literal names");
        assert_eq!(words.words(), ["$where", "execute", "executemany"]);
        assert!(words.might_match("cur.execute(q)"));
        assert!(words.might_match("{'$where': js}"));
        assert!(!words.might_match("def executor(): pass  # re_execute"));
        assert!(
            SinkWords::from_sink_patterns([r#"(call (#match? @sink.name "^x")) @sink.call"#])
                .is_none()
        );
        let declared = SinkWords::from_sink_patterns([
            r#"((call function: (identifier) @recurse.name) @recurse (#set! words "def fn"))"#,
        ])
        .expect("declared words");
        assert_eq!(declared.words(), ["def", "fn"]);
        assert!(declared.might_match("def walk(node):"));
        assert!(!declared.might_match("default = 1"));
    }
}
