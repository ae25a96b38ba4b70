//! Query packs written for the user from `[dataflow]` in `shipshape.toml`: a function named by
//! its path (`app.db.run_sql`) becomes patterns matching its calls in each language, bare
//! (`run_sql(q)`, after an import) or through what the path says it is reached by
//! (`db.run_sql(q)`, `app.db.run_sql(q)`). A last qualifier that starts with a capital is a
//! class (`Repository.run_sql`): its methods are called on instances of any name.

use crate::config::{Dataflow, Role};
use anyhow::Result;
use shipshape_query::PackFile;
use std::path::Path;

/// The packs for every language the shipped packs cover.
pub(crate) fn packs(dataflow: &Dataflow, origin: &Path) -> Result<Vec<PackFile>> {
    let mut out = Vec::new();
    for (folder, shapes) in LANGUAGES {
        let mut source = String::new();
        for (key, role, names) in dataflow.by_capture() {
            for name in names {
                let function = Function::parse(name.value());
                for shape in *shapes {
                    source.push_str(&pattern(shape, role, &function, key));
                }
            }
        }
        if !source.is_empty() {
            let origin = format!("{} [dataflow]", origin.display());
            out.push(PackFile::user(folder, origin, source)?);
        }
    }
    Ok(out)
}

/// How a language spells a bare call, a qualified call and its first argument.
struct CallShape {
    /// A bare call: `{name}` is the function's name capture.
    bare: &'static str,
    /// A call through a receiver: `{receiver}` and `{name}` captures.
    qualified: &'static str,
    /// The argument list with the first argument captured as `{arg}`.
    first_argument: &'static str,
}

const PYTHON: CallShape = CallShape {
    bare: "(call function: (identifier) {name} arguments: {args})",
    qualified: "(call function: (attribute object: (_) {receiver} attribute: (identifier) {name}) arguments: {args})",
    first_argument: "(argument_list . (_) {arg})",
};

const JAVASCRIPT: CallShape = CallShape {
    bare: "(call_expression function: (identifier) {name} arguments: {args})",
    qualified: "(call_expression function: (member_expression object: (_) {receiver} property: (property_identifier) {name}) arguments: {args})",
    first_argument: "(arguments . (_) {arg})",
};

const RUST_PATH: CallShape = CallShape {
    bare: "(call_expression function: (identifier) {name} arguments: {args})",
    qualified: "(call_expression function: (scoped_identifier path: (_) {receiver} name: (identifier) {name}) arguments: {args})",
    first_argument: "(arguments . (_) {arg})",
};

const RUST_METHOD: CallShape = CallShape {
    bare: "",
    qualified: "(call_expression function: (field_expression value: (_) {receiver} field: (field_identifier) {name}) arguments: {args})",
    first_argument: "(arguments . (_) {arg})",
};

/// The pack folders and the call shapes their grammar has.
const LANGUAGES: &[(&str, &[&CallShape])] = &[
    ("python", &[&PYTHON]),
    ("javascript", &[&JAVASCRIPT]),
    ("rust", &[&RUST_PATH, &RUST_METHOD]),
];

/// A function named by a path.
struct Function {
    name: String,
    /// What a receiver may be (`db`, `app.db`, `app::db`); empty for a class's method (any).
    receivers: Vec<String>,
    /// Whether the last qualifier is a class: any receiver goes.
    method: bool,
}

impl Function {
    fn parse(path: &str) -> Function {
        let parts: Vec<&str> = path
            .split(['.', '/', ':'])
            .filter(|p| !p.is_empty())
            .collect();
        let (name, qualifiers) = parts.split_last().unwrap_or((&"", &[]));
        let method = qualifiers
            .last()
            .is_some_and(|q| q.starts_with(char::is_uppercase));
        let receivers = (0..qualifiers.len())
            .flat_map(|start| {
                let tail = &qualifiers[start..];
                [tail.join("."), tail.join("::")]
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        Function {
            name: (*name).to_string(),
            receivers,
            method,
        }
    }
}

/// The patterns for one function in one call shape.
fn pattern(shape: &CallShape, role: Role, function: &Function, key: &str) -> String {
    let quoted = |words: &[String]| {
        words
            .iter()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (name_capture, args, call_capture): (&str, String, String) = match role {
        Role::Sink(kind) => (
            "@sink.name",
            shape
                .first_argument
                .replace("{arg}", &format!("@sink.{kind}")),
            "@sink.call".to_string(),
        ),
        Role::Value(capture) => ("@_name", "(_)".to_string(), format!("@{capture}")),
    };
    let mut out = format!("; {key}: {}\n", function.name);
    let name_check = format!("(#eq? {name_capture} \"{}\")", function.name);
    if !shape.bare.is_empty() {
        let call = shape
            .bare
            .replace("{name}", name_capture)
            .replace("{args}", &args);
        out.push_str(&format!("({call} {call_capture} {name_check})\n"));
    }
    let qualified = shape
        .qualified
        .replace("{receiver}", "@_receiver")
        .replace("{name}", name_capture)
        .replace("{args}", &args);
    if function.method {
        out.push_str(&format!("({qualified} {call_capture} {name_check})\n"));
    } else if !function.receivers.is_empty() {
        out.push_str(&format!(
            "({qualified} {call_capture} {name_check} (#any-of? @_receiver {}))\n",
            quoted(&function.receivers)
        ));
    }
    out
}
