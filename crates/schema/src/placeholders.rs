//! SQL in code carries its driver's placeholders (`?`, `$1`, `%s`, `%(name)s`, `:name`,
//! `@name`), and no one parser dialect takes them all. This module rewrites each to the one
//! form the target dialect parses (`$1`, `$2`… for Postgres, `?` elsewhere), leaving string
//! literals, quoted names and comments untouched.

use crate::Dialect;

/// Rewrites driver placeholders outside literals and comments to the dialect's own.
///
/// On Postgres a `?` is also a JSON operator; it is kept when the text uses `$n` or `%s`
/// placeholders (a `psycopg` or `node-postgres` query), and read as a placeholder otherwise
/// (a JDBC or ORM query).
pub(crate) fn normalize_placeholders(sql: &str, d: Dialect) -> String {
    let has_other = scan(sql, d, false, &mut String::new());
    let mut out = String::with_capacity(sql.len() + 8);
    let keep_question = d == Dialect::Postgres && has_other;
    scan(sql, d, !keep_question, &mut out);
    out
}

/// Copies `sql` into `out` with placeholders replaced. Returns whether `$n`, `%s`-style,
/// `:name` or `@name` placeholders were seen.
fn scan(sql: &str, d: Dialect, question_marks: bool, out: &mut String) -> bool {
    let b = sql.as_bytes();
    let mut i = 0;
    let mut n = 0usize;
    let mut seen_other = false;
    let mut copied = 0; // bytes of `sql` already in `out`
    let emit = |out: &mut String, copied: &mut usize, from: usize, to: usize, n: &mut usize| {
        out.push_str(&sql[*copied..from]);
        *n += 1;
        if d == Dialect::Postgres {
            out.push('$');
            out.push_str(&n.to_string());
        } else {
            out.push('?');
        }
        *copied = to;
    };
    while i < b.len() {
        let c = b[i];
        let prev = if i > 0 { b[i - 1] } else { b' ' };
        match c {
            b'\'' => i = skip_quoted(b, i, b'\'', d == Dialect::Mysql || e_string(b, i)),
            b'"' => i = skip_quoted(b, i, b'"', d == Dialect::Mysql),
            b'`' => i = skip_quoted(b, i, b'`', false),
            b'-' if b.get(i + 1) == Some(&b'-') => {
                i = b[i..]
                    .iter()
                    .position(|&x| x == b'\n')
                    .map_or(b.len(), |p| i + p);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = find(b, i + 2, b"*/").map_or(b.len(), |p| p + 2);
            }
            b'$' if d != Dialect::Mysql && !is_ident(prev) => {
                let digits = count(b, i + 1, |x| x.is_ascii_digit());
                if digits > 0 {
                    seen_other = true;
                    if d != Dialect::Postgres {
                        emit(out, &mut copied, i, i + 1 + digits, &mut n);
                    }
                    i += 1 + digits;
                } else if let Some(end) = dollar_quote_end(b, i) {
                    i = end;
                } else {
                    let name = count(b, i + 1, is_ident);
                    if name > 0 {
                        seen_other = true;
                        emit(out, &mut copied, i, i + 1 + name, &mut n);
                        i += 1 + name;
                    } else {
                        i += 1;
                    }
                }
            }
            b'%' => {
                if b.get(i + 1) == Some(&b'%') {
                    // `%%` is a literal percent in DB-API strings.
                    out.push_str(&sql[copied..i + 1]);
                    copied = i + 2;
                    i += 2;
                } else if b.get(i + 1) == Some(&b's') && !b.get(i + 2).is_some_and(|&x| is_ident(x))
                {
                    seen_other = true;
                    emit(out, &mut copied, i, i + 2, &mut n);
                    i += 2;
                } else if b.get(i + 1) == Some(&b'(') {
                    match b[i..].iter().position(|&x| x == b')') {
                        Some(p) if b.get(i + p + 1) == Some(&b's') => {
                            seen_other = true;
                            emit(out, &mut copied, i, i + p + 2, &mut n);
                            i += p + 2;
                        }
                        _ => i += 1,
                    }
                } else {
                    i += 1;
                }
            }
            b'?' => {
                let digits = count(b, i + 1, |x| x.is_ascii_digit());
                if question_marks {
                    emit(out, &mut copied, i, i + 1 + digits, &mut n);
                }
                i += 1 + digits;
            }
            b':' if b.get(i + 1) == Some(&b':') => i += 2,
            b':' if prev != b':' && !is_ident(prev) => {
                let name = count(b, i + 1, is_ident);
                // `:1` is a placeholder too, except in a slice `arr[:2]`.
                if name > 0 && (!b[i + 1].is_ascii_digit() || prev != b'[') {
                    seen_other = true;
                    emit(out, &mut copied, i, i + 1 + name, &mut n);
                    i += 1 + name;
                } else {
                    i += 1;
                }
            }
            b'@' if prev != b'@' && !is_ident(prev) && b.get(i + 1) != Some(&b'@') => {
                let name = count(b, i + 1, is_ident);
                if name > 0 && !b[i + 1].is_ascii_digit() {
                    seen_other = true;
                    emit(out, &mut copied, i, i + 1 + name, &mut n);
                    i += 1 + name;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    out.push_str(&sql[copied..]);
    seen_other
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

fn count(b: &[u8], from: usize, pred: impl Fn(u8) -> bool) -> usize {
    b.get(from..)
        .map_or(0, |rest| rest.iter().take_while(|&&x| pred(x)).count())
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// `E'…'`: a Postgres string where backslash escapes.
fn e_string(b: &[u8], quote: usize) -> bool {
    quote > 0 && matches!(b[quote - 1], b'E' | b'e') && (quote < 2 || !is_ident(b[quote - 2]))
}

/// The index after a quoted literal or name starting at `i`; a doubled quote stays inside.
fn skip_quoted(b: &[u8], i: usize, quote: u8, backslash: bool) -> usize {
    let mut j = i + 1;
    while j < b.len() {
        if backslash && b[j] == b'\\' {
            j += 2;
            continue;
        }
        if b[j] == quote {
            if b.get(j + 1) == Some(&quote) {
                j += 2;
                continue;
            }
            return j + 1;
        }
        j += 1;
    }
    b.len()
}

/// The index after a `$tag$ … $tag$` literal starting at `i`, if one starts there.
fn dollar_quote_end(b: &[u8], i: usize) -> Option<usize> {
    let tag_len = count(b, i + 1, |x| x.is_ascii_alphanumeric() || x == b'_');
    if b.get(i + 1 + tag_len) != Some(&b'$') {
        return None;
    }
    let tag = &b[i..i + tag_len + 2];
    let body = i + tag.len();
    Some(find(b, body, tag).map_or(b.len(), |p| p + tag.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pg(s: &str) -> String {
        normalize_placeholders(s, Dialect::Postgres)
    }
    fn my(s: &str) -> String {
        normalize_placeholders(s, Dialect::Mysql)
    }

    #[test]
    fn every_driver_style_becomes_the_dialects_own() {
        assert_eq!(pg("a = ? AND b = ?"), "a = $1 AND b = $2");
        assert_eq!(pg("a = %s AND b = %(name)s"), "a = $1 AND b = $2");
        assert_eq!(pg("a = :name AND b = @id"), "a = $1 AND b = $2");
        assert_eq!(pg("a = $1 AND b = $2"), "a = $1 AND b = $2");
        assert_eq!(
            my("a = %s AND b = :b AND d = ?"),
            "a = ? AND b = ? AND d = ?"
        );
        assert_eq!(
            normalize_placeholders("a = ?1 AND b = $x", Dialect::Sqlite),
            "a = ? AND b = ?"
        );
    }

    #[test]
    fn literals_comments_and_casts_are_untouched() {
        assert_eq!(
            pg("a = 'x = :y ? %s' AND b::text = ?"),
            "a = 'x = :y ? %s' AND b::text = $1"
        );
        assert_eq!(pg("a = $$ :x $$ -- :c\n"), "a = $$ :x $$ -- :c\n");
        assert_eq!(pg("/* @x */ \"col:x\" = :v"), "/* @x */ \"col:x\" = $1");
        assert_eq!(
            my("a = 'it\\'s :x' AND b = :y"),
            "a = 'it\\'s :x' AND b = ?"
        );
    }

    #[test]
    fn percent_escapes_and_jsonb_question_marks() {
        assert_eq!(
            pg("name LIKE 'ab%%' AND id = %s"),
            "name LIKE 'ab%%' AND id = $1"
        );
        assert_eq!(pg("x %% 2 = %s"), "x % 2 = $1");
        // psycopg text: `?` is the jsonb operator.
        assert_eq!(pg("tags ? 'a' AND id = %s"), "tags ? 'a' AND id = $1");
        // MySQL session variables and Postgres operators stay.
        assert_eq!(my("@@session.x = 1"), "@@session.x = 1");
        assert_eq!(pg("tags @> $1"), "tags @> $1");
    }

    #[test]
    fn odd_bytes_do_not_panic() {
        for s in [
            "%(", "'", "$", "$$", "?", ":", "@", "%", "\"", "/*", "--", "é:é", "$a$ x",
        ] {
            let _ = pg(s);
            let _ = my(s);
        }
    }
}
