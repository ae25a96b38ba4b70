//! The one door to sqlparser. Every text goes through the same guards: a token budget (a
//! long `a OR b OR …` chain is parsed without recursion but builds a tree as deep as it is
//! long, which later code and even dropping it walk recursively), sqlparser's own nesting
//! limit of 50, and a catch for a panic inside the parser, so no input can take the scan down.

use std::panic::{catch_unwind, AssertUnwindSafe};

use sqlparser::ast::Statement;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::{Token, TokenWithSpan, Tokenizer};

use crate::Dialect;

/// More tokens than this in one statement is refused: real statements have a few hundred;
/// generated ones with thousands of `OR`s would build trees too deep to walk safely.
pub(crate) const MAX_TOKENS: usize = 10_000;

/// sqlparser's default nesting limit, kept explicit.
const RECURSION_LIMIT: usize = 50;

/// Why a text could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ParseFailure {
    /// The tokenizer or parser refused it; sqlparser's message.
    Syntax(String),
    /// More than [`MAX_TOKENS`] tokens.
    TooLong(usize),
    /// Nested deeper than the parser allows.
    TooDeep,
    /// sqlparser panicked on it.
    ParserPanic,
}

impl std::fmt::Display for ParseFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParseFailure::Syntax(m) => f.write_str(m.trim_start_matches("sql parser error: ")),
            ParseFailure::TooLong(n) => {
                write!(f, "{n} tokens, more than the {MAX_TOKENS} shipshape parses")
            }
            ParseFailure::TooDeep => f.write_str("nested too deeply"),
            ParseFailure::ParserPanic => f.write_str("the SQL parser failed on it"),
        }
    }
}

/// Tokenizes `sql`, keeping locations.
pub(crate) fn tokenize(sql: &str, d: Dialect) -> Result<Vec<TokenWithSpan>, ParseFailure> {
    let result = catch_unwind(AssertUnwindSafe(|| {
        Tokenizer::new(d.parser(), sql).tokenize_with_location()
    }));
    match result {
        Ok(Ok(tokens)) => {
            let significant = tokens
                .iter()
                .filter(|t| !matches!(t.token, Token::Whitespace(_)))
                .count();
            if significant > MAX_TOKENS {
                Err(ParseFailure::TooLong(significant))
            } else {
                Ok(tokens)
            }
        }
        Ok(Err(e)) => Err(ParseFailure::Syntax(e.to_string())),
        Err(_) => Err(ParseFailure::ParserPanic),
    }
}

/// Parses tokens that [`tokenize`] accepted into statements.
pub(crate) fn parse_tokens(
    tokens: Vec<TokenWithSpan>,
    d: Dialect,
) -> Result<Vec<Statement>, ParseFailure> {
    let result = catch_unwind(AssertUnwindSafe(|| {
        Parser::new(d.parser())
            .with_recursion_limit(RECURSION_LIMIT)
            .with_tokens_with_locations(tokens)
            .parse_statements()
    }));
    match result {
        Ok(Ok(statements)) => Ok(statements),
        Ok(Err(sqlparser::parser::ParserError::RecursionLimitExceeded)) => {
            Err(ParseFailure::TooDeep)
        }
        Ok(Err(e)) => Err(ParseFailure::Syntax(e.to_string())),
        Err(_) => Err(ParseFailure::ParserPanic),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_or_chains_are_refused_before_parsing() {
        let mut q = String::from("SELECT * FROM t WHERE a = 0");
        for i in 0..5_000 {
            q.push_str(&format!(" OR a = {i}"));
        }
        assert!(matches!(
            tokenize(&q, Dialect::Postgres),
            Err(ParseFailure::TooLong(_))
        ));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let q = format!("SELECT {}1{}", "(".repeat(500), ")".repeat(500));
        let tokens = tokenize(&q, Dialect::Postgres).unwrap();
        assert_eq!(
            parse_tokens(tokens, Dialect::Postgres),
            Err(ParseFailure::TooDeep)
        );
    }
}
