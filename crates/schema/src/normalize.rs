//! One spelling for an expression, so that an expression index written
//! `lower((email)::text)` by pg_dump and a query's `LOWER(users.email)` compare equal. Casts,
//! redundant parentheses, table qualifiers, case and spacing are dropped; what remains is the
//! function and operator structure over column names.

use sqlparser::ast::{
    Expr, FunctionArg, FunctionArgExpr, FunctionArguments, Ident, ObjectName, ObjectNamePart,
};

use crate::Dialect;

/// Beyond this depth an expression is written as `…`: deep enough for any index key.
const MAX_DEPTH: usize = 32;

/// Normalises the text of an SQL expression (an index key or a wrapped column in a query) in
/// `dialect`. Returns `None` when the text does not parse as one expression.
///
/// ```
/// use shipshape_schema::{normalize_expression, Dialect};
/// let a = normalize_expression("lower((email)::text)", Dialect::Postgres);
/// let b = normalize_expression("LOWER( users.email )", Dialect::Postgres);
/// assert_eq!(a.as_deref(), Some("lower(email)"));
/// assert_eq!(a, b);
/// ```
pub fn normalize_expression(text: &str, dialect: Dialect) -> Option<String> {
    let mut parser = sqlparser::parser::Parser::new(dialect.parser())
        .try_with_sql(text)
        .ok()?;
    let expr = parser.parse_expr().ok()?;
    if parser.peek_token().token != sqlparser::tokenizer::Token::EOF {
        return None;
    }
    Some(expr_text(&expr, dialect))
}

/// The normalised text of a parsed expression.
pub(crate) fn expr_text(expr: &Expr, d: Dialect) -> String {
    let mut out = String::new();
    write_expr(expr, d, 0, &mut out);
    out
}

pub(crate) fn ident_name(ident: &Ident, d: Dialect) -> String {
    d.stored_name(&ident.value, ident.quote_style.is_some())
}

/// The last identifier of a possibly qualified name, as stored.
pub(crate) fn object_last(name: &ObjectName, d: Dialect) -> Option<String> {
    match name.0.last()? {
        ObjectNamePart::Identifier(ident) => Some(ident_name(ident, d)),
        ObjectNamePart::Function(_) => None,
    }
}

fn write_expr(expr: &Expr, d: Dialect, depth: usize, out: &mut String) {
    if depth > MAX_DEPTH {
        out.push('…');
        return;
    }
    match expr {
        Expr::Identifier(ident) => out.push_str(&d.key(&ident_name(ident, d))),
        Expr::CompoundIdentifier(parts) => {
            if let Some(last) = parts.last() {
                out.push_str(&d.key(&ident_name(last, d)));
            }
        }
        Expr::Nested(inner) => write_expr(inner, d, depth + 1, out),
        Expr::Cast { expr, .. } => write_expr(expr, d, depth + 1, out),
        Expr::Collate { expr, .. } => write_expr(expr, d, depth + 1, out),
        Expr::Function(f) => {
            let name = f
                .name
                .0
                .last()
                .map(|p| match p {
                    ObjectNamePart::Identifier(i) => i.value.to_lowercase(),
                    ObjectNamePart::Function(f) => f.name.value.to_lowercase(),
                })
                .unwrap_or_default();
            out.push_str(&name);
            out.push('(');
            if let FunctionArguments::List(list) = &f.args {
                for (i, arg) in list.args.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    let arg = match arg {
                        FunctionArg::Named { arg, .. }
                        | FunctionArg::ExprNamed { arg, .. }
                        | FunctionArg::Unnamed(arg) => arg,
                    };
                    match arg {
                        FunctionArgExpr::Expr(e) => write_expr(e, d, depth + 1, out),
                        _ => out.push('*'),
                    }
                }
            }
            out.push(')');
        }
        Expr::BinaryOp { left, op, right } => {
            out.push('(');
            write_expr(left, d, depth + 1, out);
            out.push_str(&op.to_string().to_lowercase());
            write_expr(right, d, depth + 1, out);
            out.push(')');
        }
        Expr::UnaryOp { op, expr } => {
            out.push_str(&op.to_string().to_lowercase());
            write_expr(expr, d, depth + 1, out);
        }
        Expr::Value(v) => out.push_str(&v.value.to_string()),
        other => {
            // Rare in index keys: fall back to the printed form without blanks, lower-cased
            // outside quotes is not attempted; the printed form is stable per sqlparser release.
            let text = other.to_string();
            out.extend(text.chars().filter(|c| !c.is_whitespace()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casts_parentheses_qualifiers_and_case_are_dropped() {
        let pg = Dialect::Postgres;
        assert_eq!(
            normalize_expression("lower((email)::text)", pg).as_deref(),
            Some("lower(email)")
        );
        assert_eq!(
            normalize_expression("LOWER(u.Email)", pg).as_deref(),
            Some("lower(email)")
        );
        assert_eq!(
            normalize_expression("(data ->> 'kind')", pg),
            normalize_expression("data->>'kind'", pg)
        );
        assert_eq!(
            normalize_expression("date_trunc('day', created_at)", pg).as_deref(),
            Some("date_trunc('day',created_at)")
        );
    }

    #[test]
    fn quoted_names_keep_their_case_on_postgres_only() {
        assert_eq!(
            normalize_expression("lower(\"Email\")", Dialect::Postgres).as_deref(),
            Some("lower(Email)")
        );
        assert_eq!(
            normalize_expression("lower(`Email`)", Dialect::Mysql).as_deref(),
            Some("lower(email)")
        );
    }

    #[test]
    fn not_an_expression_is_none() {
        assert_eq!(normalize_expression("lower(", Dialect::Postgres), None);
        assert_eq!(normalize_expression("a b c", Dialect::Postgres), None);
    }
}
