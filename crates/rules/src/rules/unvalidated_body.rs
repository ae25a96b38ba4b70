//! `unvalidated-body`: a handler takes the whole request body with no schema at all.
//!
//! A production-readiness hint, not a flow: the packs mark reads of a whole body that no type
//! describes (`@input.body`: `req.body`, `request.get_json()`, axum `Json<serde_json::Value>`)
//! and what validates one (`@input.validated`, `@sanitizer.validate`). A function that reads a
//! body and holds no validation, and is not inside one (a route registered with a validating
//! middleware), is reported once, at its first body read that no conversion wraps.

use crate::{FileFacts, Hit, Rule};
use shipshape_core::{collapse_whitespace, truncate_chars, Family, Level, Precision, RuleMeta};
use std::collections::HashSet;

static META: RuleMeta = RuleMeta {
    id: "unvalidated-body",
    name: "UnvalidatedBody",
    short_description: "A handler takes the whole request body with no schema",
    full_description: "A request handler reads the whole body (req.body, request.get_json(), \
        Json<serde_json::Value>) and nothing in the handler or its route validates it against a \
        schema. Every field the code reads later may be missing, of another type, huge or \
        nested: the handler fails in odd places, stores garbage, or passes attacker-shaped \
        objects on. Describe the body with a schema (pydantic, marshmallow, zod, joi, \
        class-validator, a typed serde struct) and validate it where it enters.",
    family: Family::UnvalidatedInput,
    cwes: &[20],
    security: false,
    security_severity: None,
    default_level: Level::Note,
    precision: Precision::Medium,
    languages: &["Python", "JavaScript", "TypeScript", "Rust"],
    help_markdown: include_str!("../../../../docs/rules/unvalidated-body.md"),
};

/// See the module documentation.
#[derive(Debug)]
pub(crate) struct UnvalidatedBody;

impl Rule for UnvalidatedBody {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, facts: &FileFacts<'_>, hits: &mut Vec<Hit>) {
        let mut reported = HashSet::new();
        for &body in &facts.bodies {
            // `Number(req.body.count)` checks the one field it reads.
            if facts.is_converted(body) {
                continue;
            }
            let scope = facts.scope_at(body.start_byte());
            if !reported.insert(scope) {
                continue;
            }
            let function = &facts.scopes[scope];
            let validated = facts.validations.iter().any(|v| {
                let around = v.start_byte() <= body.start_byte() && body.end_byte() <= v.end_byte();
                let within = scope > 0
                    && function.start_byte <= v.start_byte()
                    && v.end_byte() <= function.end_byte;
                around || within
            });
            if validated {
                continue;
            }
            let read = truncate_chars(&collapse_whitespace(facts.text(body)), 40);
            let place = facts
                .enclosing_function(body.start_byte())
                .map_or_else(|| "this handler".to_string(), |f| format!("{f}()"));
            hits.push(Hit {
                rule_id: META.id,
                start_byte: body.start_byte(),
                end_byte: body.end_byte(),
                code: facts.text(body).to_string(),
                message: format!(
                    "{place} takes the whole request body ('{read}') and nothing validates it \
                     against a schema: describe it with one and validate it where it enters"
                ),
                flow: Vec::new(),
                related: Vec::new(),
                security_severity: None,
                level: None,
                fix: None,
            });
        }
    }
}
