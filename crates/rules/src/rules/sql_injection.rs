//! `sql-injection`: SQL text built from a non-constant part reaches a SQL execution call.
//!
//! This is the direct form: the query argument is itself, at the call, an f-string, a template
//! literal, a `format!`, a concatenation or a `%`/`.format()` formatting with a part that is not
//! a literal. Sinks and string-building forms come from the query packs (`@sink.sql`,
//! `@expr.*`); following values through variables is the dataflow layer's job.

use crate::{FileFacts, Hit, Rule, Sink, SinkKind};
use shipshape_core::{collapse_whitespace, truncate_chars, Family, Level, Precision, RuleMeta};

static META: RuleMeta = RuleMeta {
    id: "sql-injection",
    name: "SqlInjection",
    short_description: "SQL built from a non-constant string reaches a SQL execution call",
    full_description: "A SQL statement is assembled with string formatting, interpolation or \
        concatenation from a value that is not a constant, and then executed. If any part of \
        that value can be influenced by a user, they can change the statement: read or delete \
        other rows, bypass authentication, or run other statements. Pass values as bound \
        parameters instead.",
    family: Family::Injection,
    cwes: &[89],
    security: true,
    security_severity: Some("8.8"),
    default_level: Level::Error,
    precision: Precision::High,
    languages: &["Python", "JavaScript", "TypeScript", "Rust"],
    help_markdown: include_str!("../../../../docs/rules/sql-injection.md"),
};

/// See the module documentation.
#[derive(Debug)]
pub(crate) struct SqlInjection;

impl Rule for SqlInjection {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, facts: &FileFacts<'_>, hits: &mut Vec<Hit>) {
        for sink in facts.sinks.iter().filter(|s| s.kind == SinkKind::Sql) {
            let Some(build) = facts.build(sink.argument) else {
                continue; // a name or a call: only dataflow can tell what it holds
            };
            let Some(part) = facts.first_dynamic_part(build.node, SinkKind::Sql) else {
                continue; // built from literals only
            };
            let how = build.label.as_deref().unwrap_or("dynamic string");
            let callee = callee_name(facts, sink);
            let part_text = truncate_chars(&collapse_whitespace(facts.text(part)), 40);
            let start = sink.name.unwrap_or(sink.call).start_byte();
            hits.push(Hit {
                rule_id: META.id,
                start_byte: start,
                end_byte: sink.call.end_byte(),
                code: facts.text(sink.call).to_string(),
                message: format!(
                    "{how} with '{part_text}' reaches {callee}: pass the value as a bound parameter"
                ),
            });
        }
    }
}

/// How the message names the call: `cursor.execute` as written, or `….whereRaw` for a call at
/// the end of a long builder chain.
fn callee_name(facts: &FileFacts<'_>, sink: &Sink<'_>) -> String {
    let function = sink
        .call
        .child_by_field_name("function")
        .map(|n| collapse_whitespace(facts.text(n)))
        // TypeScript's grammar parses `await db.query<T>(…)` as `(await db.query)<T>(…)`.
        .map(|text| match text.strip_prefix("await ") {
            Some(rest) => rest.to_string(),
            None => text,
        });
    match (function, sink.name) {
        (Some(text), _) if !text.contains('(') && text.chars().count() <= 60 => text,
        (_, Some(name)) => format!("….{}", facts.text(name)),
        (Some(text), None) => truncate_chars(&text, 60),
        (None, None) => "a SQL call".to_string(),
    }
}
