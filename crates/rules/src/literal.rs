//! The text of a string literal as the program sees it: quotes, prefixes and common escapes
//! removed, for the languages shipshape reads (Python `'…'`, `"…"`, `'''…'''`, `"""…"""` with
//! `r`/`b`/`u`/`f` prefixes; JavaScript and TypeScript `'…'`, `"…"`, `` `…` ``; Rust `"…"`,
//! `r"…"`, `r#"…"#`, `b"…"`). The missing-index rule parses SQL from it.

/// The value of a string literal's source text, or `None` when it is not a string literal.
pub(crate) fn unquote(literal: &str) -> Option<String> {
    let text = literal.trim();
    let prefix_len = text
        .bytes()
        .take_while(|b| matches!(b, b'r' | b'R' | b'b' | b'B' | b'u' | b'U' | b'f' | b'F'))
        .count();
    if prefix_len > 2 {
        return None;
    }
    let (prefix, rest) = text.split_at(prefix_len);
    let raw = prefix.contains(['r', 'R']);
    // Rust raw strings: r#"…"#, r##"…"##.
    if raw && rest.starts_with('#') {
        let hashes = rest.bytes().take_while(|&b| b == b'#').count();
        let body = rest.get(hashes..)?;
        let closing = format!("\"{}", "#".repeat(hashes));
        let inner = body.strip_prefix('"')?.strip_suffix(closing.as_str())?;
        return Some(inner.to_string());
    }
    for quote in ["\"\"\"", "'''", "\"", "'", "`"] {
        if rest.len() >= 2 * quote.len() && rest.starts_with(quote) && rest.ends_with(quote) {
            let inner = &rest[quote.len()..rest.len() - quote.len()];
            return Some(if raw {
                inner.to_string()
            } else {
                unescape(inner)
            });
        }
    }
    None
}

/// Common backslash escapes; others are kept as written (a `\d` in a regex stays `\d`).
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('\n') => {} // a line continuation
            Some(other @ ('\\' | '\'' | '"' | '`')) => out.push(other),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::unquote;

    #[test]
    fn literals_of_each_language_lose_their_quotes() {
        assert_eq!(unquote("'a'").as_deref(), Some("a"));
        assert_eq!(unquote("\"it\\'s\"").as_deref(), Some("it's"));
        assert_eq!(
            unquote("\"\"\"\n  SELECT 1\n\"\"\"").as_deref(),
            Some("\n  SELECT 1\n")
        );
        assert_eq!(unquote("r'\\d+'").as_deref(), Some("\\d+"));
        assert_eq!(unquote("b\"x\\n\"").as_deref(), Some("x\n"));
        assert_eq!(unquote("`SELECT 1`").as_deref(), Some("SELECT 1"));
        assert_eq!(
            unquote("r#\"SELECT \"x\" FROM t\"#").as_deref(),
            Some("SELECT \"x\" FROM t")
        );
        assert_eq!(unquote("42"), None);
        assert_eq!(unquote("name"), None);
        assert_eq!(unquote("\""), None);
    }
}
