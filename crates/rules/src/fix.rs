//! Mechanical fixes for `sql-injection`: a Python f-string or a JavaScript template literal
//! written straight into a call that runs SQL, whose interpolations are all values (a quoted
//! string, or after `=`, `<`, `LIKE`, inside `IN (…)` / `VALUES (…)`, `LIMIT`), becomes SQL
//! with the driver's placeholders and the values passed as parameters:
//!
//! `cur.execute(f"SELECT * FROM users WHERE id = {user_id}")` →
//! `cur.execute("SELECT * FROM users WHERE id = %s", (user_id,))`
//!
//! Only when the file's driver says which placeholders it takes (psycopg and the MySQL
//! drivers `%s`, sqlite3 `?` in Python; `$1` for node-postgres, `?` for mysql2 and the SQLite
//! drivers in JavaScript) and the call has no other argument. An interpolated identifier (a
//! table or a column name) cannot be a parameter: no fix then.

use crate::FileFacts;
use tree_sitter::Node;

/// A text edit: replace the bytes `start..end` with `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// First byte replaced.
    pub start_byte: usize,
    /// End of the replaced bytes (exclusive).
    pub end_byte: usize,
    /// What goes there.
    pub text: String,
}

/// A fix: what it does, and the edits that do it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HitFix {
    /// One sentence (SARIF `fixes[].description`).
    pub description: String,
    /// The edits, in source order, not overlapping.
    pub edits: Vec<Edit>,
}

/// Placeholder styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placeholders {
    /// `%s` (psycopg, PyMySQL, mysqlclient): a literal `%` doubles.
    Format,
    /// `?` (sqlite3, mysql2, better-sqlite3).
    Question,
    /// `$1`, `$2`, … (node-postgres).
    Numbered,
}

/// The fix for SQL text `argument` of `call`, when it is mechanical.
pub(crate) fn parameterize(
    facts: &FileFacts<'_>,
    call: Node<'_>,
    argument: Node<'_>,
) -> Option<HitFix> {
    let facts_call = facts.call(call)?;
    if facts_call.args.len() != 1 {
        return None; // parameters are already passed, or something else is
    }
    let build = facts.build(argument)?;
    if build.node.id() != facts.unwrap(argument).id() || build.parts.is_empty() {
        return None;
    }
    let literal = facts.text(build.node);
    let python = literal.starts_with(['f', 'F']);
    let javascript = literal.starts_with('`');
    let dialect = |name: &str| facts.db.dialects.iter().any(|d| d == name);
    let style = match (python, javascript) {
        (true, _) if dialect("postgres") || dialect("mysql") => Placeholders::Format,
        (true, _) if dialect("sqlite") => Placeholders::Question,
        (_, true) if dialect("postgres") => Placeholders::Numbered,
        (_, true) if dialect("mysql") || dialect("sqlite") => Placeholders::Question,
        _ => return None,
    };
    let (open, close) = if python { ("{", "}") } else { ("${", "}") };
    // The literal's delimiters: `f"` … `"`, `f"""` … `"""`, `` ` `` … `` ` ``.
    let body_start = literal.find(['"', '\'', '`']).map(|q| {
        let quote = &literal[q..=q];
        if literal[q..].starts_with(&quote.repeat(3)) {
            q + 3
        } else {
            q + 1
        }
    })?;
    let quote = &literal[literal.find(['"', '\'', '`'])?..body_start];
    let body_end = literal.len().checked_sub(quote.len())?;
    let base = build.node.start_byte();
    let mut sql = String::new();
    let mut values = Vec::new();
    let mut cursor = body_start;
    for part in &build.parts {
        let (start, end) = (part.start_byte() - base, part.end_byte() - base);
        let before = literal.get(cursor..start)?.strip_suffix(open)?;
        let after = literal.get(end..body_end)?;
        if !after.starts_with(close) {
            return None; // a conversion or a format spec: `{x!r}`, `{x:>10}`
        }
        let mut fragment = unescape(before, python);
        // `'{name}'`: the quotes go with the value.
        let quoted = fragment.ends_with('\'') && after[close.len()..].starts_with('\'');
        if quoted {
            fragment.pop();
        }
        if !quoted && !value_position(&format!("{sql}{fragment}")) {
            return None;
        }
        sql.push_str(&escape(&fragment, style));
        values.push(facts.text(*part).trim().to_string());
        sql.push_str(&match style {
            Placeholders::Format => "%s".to_string(),
            Placeholders::Question => "?".to_string(),
            Placeholders::Numbered => format!("${}", values.len()),
        });
        cursor = end + close.len() + usize::from(quoted);
    }
    sql.push_str(&escape(
        &unescape(literal.get(cursor..body_end)?, python),
        style,
    ));
    if values.iter().any(|v| v.contains('\n')) {
        return None;
    }
    let parameters = if python {
        match values.as_slice() {
            [one] => format!("({one},)"),
            many => format!("({})", many.join(", ")),
        }
    } else {
        format!("[{}]", values.join(", "))
    };
    let new_literal = if python {
        format!("{quote}{sql}{quote}")
    } else {
        format!("`{}`", sql.replace('`', "\\`"))
    };
    Some(HitFix {
        description: format!(
            "pass {} as {}",
            values.join(", "),
            if values.len() == 1 {
                "a bound parameter"
            } else {
                "bound parameters"
            }
        ),
        edits: vec![Edit {
            start_byte: argument.start_byte(),
            end_byte: argument.end_byte(),
            text: format!("{new_literal}, {parameters}"),
        }],
    })
}

/// Whether what precedes an interpolation makes it a value: a comparison, `LIKE`, `LIMIT` /
/// `OFFSET`, or an item of `IN (…)` / `VALUES (…)`.
fn value_position(before: &str) -> bool {
    let upper = before.trim_end().to_ascii_uppercase();
    let words_end = |word: &str| {
        upper.ends_with(word)
            && !upper[..upper.len() - word.len()]
                .ends_with(|c: char| c.is_alphanumeric() || c == '_')
    };
    if ["=", "<", ">", "<>", "!="]
        .iter()
        .any(|op| upper.ends_with(op))
    {
        return true;
    }
    if ["LIKE", "ILIKE", "LIMIT", "OFFSET"]
        .iter()
        .any(|w| words_end(w))
    {
        return true;
    }
    if upper.ends_with('(') || upper.ends_with(',') {
        // Inside IN (…) or VALUES (…): the last keyword says so.
        let last_open = upper.rfind('(').unwrap_or(0);
        let head = upper[..last_open].trim_end();
        return head.ends_with(" IN") || head.ends_with("VALUES");
    }
    false
}

/// The text a literal fragment holds: `{{` / `}}` of an f-string, `\`` of a template.
fn unescape(fragment: &str, python: bool) -> String {
    if python {
        fragment.replace("{{", "{").replace("}}", "}")
    } else {
        fragment.replace("\\`", "`").replace("\\$", "$")
    }
}

/// SQL text for a driver: `%s`-style drivers read a lone `%` as a placeholder.
fn escape(sql: &str, style: Placeholders) -> String {
    match style {
        Placeholders::Format => sql.replace('%', "%%"),
        _ => sql.to_string(),
    }
}
