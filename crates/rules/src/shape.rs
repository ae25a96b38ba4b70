//! What SQL text looks like, for sinks whose method names are generic (`execute`, `query`,
//! `text`, `run`): the constant fragments of the text must look like SQL, so a task runner's
//! `.execute(f"deploy {env}")` or a UI's `text(f"Hello {name}")` is not taken for a database
//! call. Packs choose the strictness with `(#set! shape "sql")` or `"sql-statement"`.

use regex::Regex;
use std::sync::OnceLock;

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("a valid regex"))
}

/// Whether constant text fragments mention SQL keywords.
pub(crate) fn mentions_sql(text: &str) -> bool {
    static SQL: OnceLock<Regex> = OnceLock::new();
    regex(
        &SQL,
        r"(?i)\b(select|insert|update|delete|from|where|into|values|join|order\s+by|group\s+by|limit|create|alter|drop|truncate|pragma|table|set|reindex|vacuum|analyze|grant|revoke|begin|commit|rollback|savepoint|attach|detach|merge|explain|copy|lock|listen|notify)\b",
    )
    .is_match(text)
}

/// Whether constant text fragments read as a SQL statement.
pub(crate) fn reads_as_sql_statement(text: &str) -> bool {
    static STATEMENT: OnceLock<Regex> = OnceLock::new();
    regex(
        &STATEMENT,
        r"(?is)\b(select\b.*\bfrom|insert\s+into|update\b.*\bset|delete\s+from|replace\s+into|create\s+(table|index|view)|alter\s+table|drop\s+(table|index|view)|truncate\s+table)\b",
    )
    .is_match(text)
}

/// Whether constant text fragments read as a SQL condition (`a = `, `LIKE`, `IN (`, `AND`).
pub(crate) fn reads_as_sql_condition(text: &str) -> bool {
    static CONDITION: OnceLock<Regex> = OnceLock::new();
    regex(
        &CONDITION,
        r"(?i)(=|<>|!=|<|>|\b(like|ilike|in|is|between|and|or|not|exists)\b)",
    )
    .is_match(text)
}

/// Whether constant text fragments hold an HTML tag (`<p>`, `</div>`, `<a href=`), for sinks
/// that send any text (`res.send`, a view's return value) but are XSS only for HTML.
pub(crate) fn holds_html(text: &str) -> bool {
    static HTML: OnceLock<Regex> = OnceLock::new();
    regex(&HTML, r"<(/?[a-zA-Z][a-zA-Z0-9-]*[\s>/]|!--|!DOCTYPE)").is_match(text)
}

/// Whether text that starts with `lead` (raw source: quotes, `f"`, `${`, `+` included) has a
/// destination fixed by that constant start: a URL with its scheme, host and the `/`, `?` or
/// `#` after the host, or (when `relative` is allowed, for redirects) a path on the same site
/// (`/account`, but not `//evil.example`, which browsers read as a host).
pub(crate) fn fixes_destination(lead: &str, relative: bool) -> bool {
    static SYNTAX: OnceLock<Regex> = OnceLock::new();
    static ORIGIN: OnceLock<Regex> = OnceLock::new();
    static RELATIVE: OnceLock<Regex> = OnceLock::new();
    // Strip string syntax: quotes with their prefixes, interpolation braces, concatenation.
    let syntax = regex(&SYNTAX, r#"(\b[fFrRbBuU]{1,2})?["'`]|\$?\{|\}|\+|\s"#);
    let text = syntax.replace_all(lead, "");
    regex(&ORIGIN, r"^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#@\\%]+[/?#]").is_match(&text)
        || (relative && regex(&RELATIVE, r"^/[^/\\]").is_match(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_constant_origin_fixes_the_destination() {
        assert!(fixes_destination(
            r#"f"{"https://img.example.com"}/{"#,
            false
        ));
        assert!(fixes_destination(
            r#""https://api.example.com/v1?q=" + "#,
            false
        ));
        assert!(!fixes_destination(r#""https://" + "#, false));
        assert!(!fixes_destination(r#"f"https://{"#, false));
        assert!(fixes_destination(r#"`/account/${"#, true));
        assert!(!fixes_destination(r#"`/account/${"#, false));
        assert!(!fixes_destination(r#""//" + "#, true));
        assert!(!fixes_destination("", true));
    }

    #[test]
    fn html_needs_a_tag() {
        assert!(holds_html("\"<p>Hello \" + \"</p>\""));
        assert!(!holds_html("\"a < b\""));
    }

    #[test]
    fn shapes() {
        assert!(mentions_sql("SELECT id "));
        assert!(!mentions_sql("deploy --env "));
        assert!(reads_as_sql_statement("SELECT * FROM users WHERE id = "));
        assert!(!reads_as_sql_statement("Please update your profile "));
        assert!(reads_as_sql_condition("user.name = '"));
        assert!(!reads_as_sql_condition("created_at "));
    }
}
