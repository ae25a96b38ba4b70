//! The one query pass over a file: every match of the language's combined query is dispatched
//! on its capture kinds into [`FileFacts`].

use crate::Budgets;
use shipshape_query::{contains_word, Capture, CompiledQuery, DbProperties};
use shipshape_rules::db_captures::{DbColumnCapture, DbUse, Lookup, Naming, SchemaFlags};
use shipshape_rules::{
    BuildKind, FileFacts, GuardKind, LoopExit, MethodKind, Recursion, Sanitizer, Shape, Sink,
    SinkKind,
};
use std::collections::HashMap;
use streaming_iterator::StreamingIterator;
use tree_sitter::{Node, QueryCursor, QueryCursorOptions, QueryCursorState};

/// Collect the facts of one file; the flag says whether the work budget ran out.
///
/// Import aliases are found in the same pass and resolved from then on: after
/// `from sqlalchemy import text as sql`, a later `sql(...)` matches the pattern for `text(...)`.
/// Only aliases of names some pattern compares with count, so `import numpy as np` costs
/// nothing. An alias the text names before its import (a function above a module's imports
/// may use it) was missed by the matches before it, so then the pass runs once more with
/// every alias known from the start; imports come first in nearly every file, so nearly no
/// file pays for a second pass.
pub(crate) fn collect<'t>(
    compiled: &CompiledQuery,
    root: Node<'t>,
    text: &'t str,
    budgets: &Budgets,
) -> (FileFacts<'t>, bool) {
    let (facts, exceeded, learned) = pass(compiled, root, text, budgets, HashMap::new());
    let named_before = learned
        .iter()
        .any(|(alias, (_, at))| contains_word(&text[..*at], alias));
    if !named_before {
        return (facts, exceeded);
    }
    let aliases = learned
        .into_iter()
        .map(|(alias, (name, _))| (alias, name))
        .collect();
    let (facts, exceeded, _) = pass(compiled, root, text, budgets, aliases);
    (facts, exceeded)
}

/// Import aliases learned in a pass: alias → (the name it stands for, where its import starts).
type Learned<'t> = HashMap<&'t str, (&'t str, usize)>;

/// One query pass; predicates see the names in `aliases`, and those of the imports met on the
/// way, replaced.
fn pass<'t>(
    compiled: &CompiledQuery,
    root: Node<'t>,
    text: &'t str,
    budgets: &Budgets,
    aliases: HashMap<&'t str, &'t str>,
) -> (FileFacts<'t>, bool, Learned<'t>) {
    let mut facts = FileFacts::new(text);
    let mut learned = Learned::new();
    // Read by the predicates of each match, grown between matches.
    let aliases = std::cell::RefCell::new(aliases);
    let resolve = |node: Node<'_>| {
        let own = text.get(node.byte_range()).unwrap_or("");
        let aliases = aliases.borrow();
        let name = if aliases.is_empty() {
            own
        } else {
            aliases.get(own).copied().unwrap_or(own)
        };
        std::iter::once(name.as_bytes())
    };
    let mut cursor = QueryCursor::new();
    cursor.set_match_limit(budgets.match_limit);
    cursor.set_max_start_depth(Some(budgets.max_query_depth));
    let limit = budgets.query_steps(text.len());
    let mut steps = 0u64;
    let mut progress = |_: &QueryCursorState| {
        steps += 1;
        steps > limit
    };
    let options = QueryCursorOptions::new().progress_callback(&mut progress);
    let mut matches = cursor.matches_with_options(&compiled.query, root, resolve, options);
    while let Some(m) = matches.next() {
        let mut bound = Bound::default();
        for capture in m.captures {
            let Some(kind) = compiled.captures[capture.index as usize] else {
                continue;
            };
            let mut node = capture.node;
            if node.is_extra() {
                // A comment where an argument was expected (`execute(  # note` on the call's
                // line): a sink's argument is the next real one; anything else is not a value.
                let is_sink_argument = kind.is_sink_argument();
                match next_real_sibling(node) {
                    Some(next) if is_sink_argument => node = next,
                    _ => continue,
                }
            }
            match kind {
                Capture::Function => bound.function = Some(node),
                Capture::FunctionName => bound.function_name = Some(node),
                Capture::Param => facts.add_param(node),
                Capture::Block => facts.add_block(node),
                Capture::Assign => bound.assign = Some((node, false)),
                Capture::AssignAppend => bound.assign = Some((node, true)),
                Capture::AssignTarget => bound.assign_target = Some(node),
                Capture::AssignValue => bound.assign_value = Some(node),
                Capture::ReturnValue => facts.add_return(node),
                Capture::Call => bound.call = Some(node),
                Capture::CallName => bound.call_name = Some(node),
                Capture::CallArg => bound.call_arg = Some(node),
                Capture::GuardSubject => bound.guard_subject = Some(node),
                Capture::GuardAllowlist => bound.guard_allowlist = Some(node),
                Capture::GuardRegion => bound.guard_region = Some((node, false)),
                Capture::GuardAfter => bound.guard_region = Some((node, true)),
                Capture::ImportName => bound.import_name = Some(node),
                Capture::ImportAlias => bound.import_alias = Some(node),
                Capture::SinkCall => bound.sink_call = Some(node),
                Capture::SinkName => bound.sink_name = Some(node),
                Capture::SinkSql => bound.sink_argument = Some((SinkKind::Sql, node)),
                Capture::SinkShell => bound.sink_argument = Some((SinkKind::Shell, node)),
                Capture::SinkNosql => bound.sink_argument = Some((SinkKind::Nosql, node)),
                Capture::SinkPath => bound.sink_argument = Some((SinkKind::Path, node)),
                Capture::SinkRedirect => bound.sink_argument = Some((SinkKind::Redirect, node)),
                Capture::SinkCode => bound.sink_argument = Some((SinkKind::Code, node)),
                Capture::SinkUrl => bound.sink_argument = Some((SinkKind::Url, node)),
                Capture::SinkHtml => bound.sink_argument = Some((SinkKind::Html, node)),
                Capture::SinkRegex => bound.sink_argument = Some((SinkKind::Regex, node)),
                Capture::SinkBound => bound.sink_argument = Some((SinkKind::Bound, node)),
                Capture::SourceRequest => facts.add_request_source(node),
                Capture::SourceParam => bound.source_params.push(node),
                Capture::SourceRoute => bound.source_route = Some(node),
                Capture::SourceNumber => facts.add_number_param(node),
                Capture::InputBody => facts.add_body(node),
                Capture::Loop => bound.loop_node = Some(node),
                Capture::LoopForever => bound.loop_forever = Some(node),
                Capture::LoopLabel => bound.loop_label = Some(node),
                Capture::LoopCondition => bound.loop_condition = Some(node),
                Capture::LoopElse => bound.loop_else = Some(node),
                Capture::Mutate => facts.add_mutation(node),
                Capture::Try => facts.add_try(node),
                Capture::Cancel => facts.add_cancel_point(node),
                Capture::Io => facts.retry_facts.io.push(node),
                Capture::Sleep => facts.retry_facts.sleeps.push(node),
                Capture::Clock => facts.retry_facts.clocks.push(node),
                Capture::Catch => facts.retry_facts.catches.push(node),
                Capture::Compare => facts.retry_facts.compares.push(node),
                Capture::Stop => facts.retry_facts.stops.push(node),
                Capture::Break => bound.break_node = Some(node),
                Capture::BreakLabel => bound.break_label = Some(node),
                Capture::Breakable => facts.add_breakable(node),
                Capture::Exit => facts.add_loop_exit(LoopExit::Function(node)),
                Capture::InputValidated => facts.add_validation(node),
                Capture::Recurse => bound.recurse = Some(node),
                Capture::RecurseName => bound.recurse_name = Some(node),
                Capture::RecurseReceiver => bound.recurse_receiver = true,
                Capture::Method => facts.add_method(node, MethodKind::Plain),
                Capture::MethodTrait => facts.add_method(node, MethodKind::Trait),
                Capture::Branch => facts.add_branch(node),
                Capture::Binding => facts.add_binding(node),
                Capture::DbCall => bound.db.call = Some(node),
                Capture::DbModel => bound.db.model = Some(node),
                Capture::DbName => bound.db.name = Some(node),
                Capture::DbTable => bound.db.table = Some(node),
                Capture::DbReceiver => bound.db.receiver = Some(node),
                Capture::DbColumn => bound.db.column = Some(node),
                Capture::DbArgument => bound.db.argument = Some(node),
                Capture::DbOperator => bound.db.operator = Some(node),
                Capture::DbVerb => bound.db.verb = Some(node),
                Capture::SchemaOption => bound.db.option = Some(node),
                Capture::DbSql => bound.db.sql.push(node),
                Capture::DbDialect => bound.db.dialect = true,
                Capture::SchemaModel => bound.db.model_decl = Some(node),
                Capture::SchemaModelName => bound.db.model_name = Some(node),
                Capture::SchemaTable => bound.db.table_name = Some(node),
                Capture::SchemaField => bound.db.field = Some(node),
                Capture::SchemaFieldName => bound.db.field_name = Some(node),
                Capture::SchemaColumn => bound.db.field_column = Some(node),
                Capture::SchemaReferences => bound.db.references = Some(node),
                Capture::SchemaExternal => facts.db.externals.push(node),
                Capture::SchemaIndex => bound.db.index = Some(node),
                Capture::SchemaIndexColumn => bound.db.index_columns.push(node),
                Capture::SchemaIndexTable => bound.db.index_table = Some(node),
                Capture::SchemaIndexModel => bound.db.index_model = Some(node),
                Capture::SchemaIndexName => bound.db.index_name = Some(node),
                Capture::SchemaIgnore => facts.db.ignored.push(node),
                Capture::SchemaMigration => {
                    facts.db.migration = facts.db.migration.or(Some(node));
                }
                Capture::SchemaMigrationAfter => facts.db.migration_after.push(node),
                Capture::ExprBuild => bound.build = Some(node),
                Capture::ExprPart => bound.parts.push(node),
                Capture::ExprLiteral => facts.add_literal(node),
                Capture::ExprDynamic => {
                    facts.add_dynamic(node, compiled.placeholders[m.pattern_index].clone())
                }
                Capture::ExprWrapper => bound.wrapper = Some(node),
                Capture::ExprInner => bound.inner = Some(node),
                Capture::SanitizerConvert => facts.add_sanitizer(node, Sanitizer::Convert),
                Capture::SanitizerSql => facts.add_sanitizer(node, Sanitizer::Sql),
                Capture::SanitizerShell => facts.add_sanitizer(node, Sanitizer::Shell),
                Capture::SanitizerPath => facts.add_sanitizer(node, Sanitizer::Path),
                Capture::SanitizerHtml => facts.add_sanitizer(node, Sanitizer::Html),
                Capture::SanitizerRegex => facts.add_sanitizer(node, Sanitizer::Regex),
                Capture::SanitizerUrl => facts.add_sanitizer(node, Sanitizer::Url),
                Capture::SanitizerValidate => facts.add_sanitizer(node, Sanitizer::Validate),
                Capture::SanitizerClamp => facts.add_sanitizer(node, Sanitizer::Clamp),
                Capture::SanitizerSize => facts.add_sanitizer(node, Sanitizer::Size),
            }
        }
        if let (Some(name_node), Some(alias_node)) = (bound.import_name, bound.import_alias) {
            let (name, alias) = (facts.text(name_node), facts.text(alias_node));
            if name != alias && compiled.predicate_words.contains(name) {
                aliases.borrow_mut().entry(alias).or_insert(name);
                let at = name_node.start_byte().min(alias_node.start_byte());
                learned.entry(alias).or_insert((name, at));
            }
        }
        let label = compiled.labels[m.pattern_index].as_deref();
        let build = match compiled.builds[m.pattern_index].as_deref() {
            Some("choice") => BuildKind::Choice,
            Some("access") => BuildKind::Access,
            Some("format") => BuildKind::Format,
            _ => BuildKind::Text,
        };
        let shape = match compiled.shapes[m.pattern_index].as_deref() {
            Some("sql") => Some(Shape::Sql),
            Some("sql-statement") => Some(Shape::SqlStatement),
            Some("sql-condition") => Some(Shape::SqlCondition),
            Some("html") => Some(Shape::Html),
            Some("text") => Some(Shape::Text),
            _ => None,
        };
        let guard = match compiled.guard_kinds[m.pattern_index].as_deref() {
            Some("prefix") => GuardKind::Prefix,
            Some("limit") => GuardKind::Limit,
            _ => GuardKind::Member,
        };
        let db = std::mem::take(&mut bound.db);
        db.record(&mut facts, &compiled.db_properties[m.pattern_index]);
        bound.record(&mut facts, label, shape, build, guard);
    }
    let exceeded = steps > limit || cursor.did_exceed_match_limit();
    facts.finish();
    (facts, exceeded, learned)
}

/// Whether a route pattern declares `name` with a converter whose value cannot carry text:
/// `<int:id>`, `<float:price>`, `<uuid:key>` (Flask / Werkzeug and Django path syntax).
fn converts_to_number(route: &str, name: &str) -> bool {
    ["int", "float", "uuid"]
        .iter()
        .any(|converter| route.contains(&format!("<{converter}:{name}>")))
}

/// The next named sibling that is not a comment.
fn next_real_sibling(mut node: Node<'_>) -> Option<Node<'_>> {
    loop {
        node = node.next_named_sibling()?;
        if !node.is_extra() {
            return Some(node);
        }
    }
}

/// The captures of one match, grouped so that related ones are recorded together.
#[derive(Default)]
struct Bound<'t> {
    function: Option<Node<'t>>,
    function_name: Option<Node<'t>>,
    assign: Option<(Node<'t>, bool)>,
    assign_target: Option<Node<'t>>,
    assign_value: Option<Node<'t>>,
    call: Option<Node<'t>>,
    call_name: Option<Node<'t>>,
    call_arg: Option<Node<'t>>,
    guard_subject: Option<Node<'t>>,
    guard_allowlist: Option<Node<'t>>,
    guard_region: Option<(Node<'t>, bool)>,
    import_name: Option<Node<'t>>,
    import_alias: Option<Node<'t>>,
    sink_call: Option<Node<'t>>,
    sink_name: Option<Node<'t>>,
    sink_argument: Option<(SinkKind, Node<'t>)>,
    build: Option<Node<'t>>,
    parts: Vec<Node<'t>>,
    wrapper: Option<Node<'t>>,
    inner: Option<Node<'t>>,
    source_params: Vec<Node<'t>>,
    source_route: Option<Node<'t>>,
    loop_node: Option<Node<'t>>,
    loop_forever: Option<Node<'t>>,
    loop_label: Option<Node<'t>>,
    loop_condition: Option<Node<'t>>,
    loop_else: Option<Node<'t>>,
    break_node: Option<Node<'t>>,
    break_label: Option<Node<'t>>,
    recurse: Option<Node<'t>>,
    recurse_name: Option<Node<'t>>,
    recurse_receiver: bool,
    db: DbBound<'t>,
}

/// The database captures of one match.
#[derive(Default)]
struct DbBound<'t> {
    call: Option<Node<'t>>,
    name: Option<Node<'t>>,
    model: Option<Node<'t>>,
    table: Option<Node<'t>>,
    receiver: Option<Node<'t>>,
    column: Option<Node<'t>>,
    argument: Option<Node<'t>>,
    operator: Option<Node<'t>>,
    verb: Option<Node<'t>>,
    option: Option<Node<'t>>,
    sql: Vec<Node<'t>>,
    dialect: bool,
    model_decl: Option<Node<'t>>,
    model_name: Option<Node<'t>>,
    table_name: Option<Node<'t>>,
    field: Option<Node<'t>>,
    field_name: Option<Node<'t>>,
    field_column: Option<Node<'t>>,
    references: Option<Node<'t>>,
    index: Option<Node<'t>>,
    index_columns: Vec<Node<'t>>,
    index_table: Option<Node<'t>>,
    index_model: Option<Node<'t>>,
    index_name: Option<Node<'t>>,
}

impl<'t> DbBound<'t> {
    fn record(self, facts: &mut FileFacts<'t>, properties: &DbProperties) {
        let source = facts.source;
        let text_of = |node: Node<'_>| source.get(node.byte_range()).unwrap_or("").to_string();
        let db = &mut facts.db;
        for &text in &self.sql {
            db.sql.push(text);
            if let Some(call) = self.call {
                db.sql_calls.entry(text.id()).or_insert(call);
            }
        }
        if self.dialect {
            if let Some(dialect) = &properties.dialect {
                db.dialects.push(dialect.clone());
            }
        }
        let column = self.column.map(|name| {
            let use_kind = match (&properties.db, self.verb) {
                (None, Some(verb)) => DbUse::from_verb(&text_of(verb)),
                (db, _) => DbUse::from_property(db.as_deref()),
            };
            DbColumnCapture {
                name,
                operator: self.operator,
                use_kind,
                lookup: match properties.lookup.as_deref() {
                    Some("django") => Lookup::Django,
                    _ => Lookup::Plain,
                },
                model: self.model,
                argument: self.argument,
            }
        });
        if let Some(call) = self.call {
            let record = db.call(call);
            record.name = record.name.or(self.name);
            record.model = record.model.or(self.model);
            record.table = record.table.or(self.table);
            record.receiver = record.receiver.or(self.receiver);
            record.columns.extend(column);
        } else if let Some(column) = column {
            // A column pattern of its own (`where: { email }`, cheaper than one rooted at
            // the call): it belongs to the query call its `@db.argument` is an argument of,
            // else to the innermost query call whose arguments hold it.
            db.loose_columns.push(column);
        }
        match (self.model_decl, self.table_name) {
            (Some(node), table) => {
                let record = db.model(node);
                record.name = record.name.or(self.model_name);
                record.table = record.table.or(table);
                if properties.naming.is_some() {
                    record.naming = Naming::from_property(properties.naming.as_deref());
                }
            }
            (None, Some(table)) => db.tables.push(table),
            (None, None) => {}
        }
        // What the match declares: the pattern's `schema` property and its `@schema.option`.
        let mut flags = SchemaFlags::default();
        flags.set(properties.schema.as_deref());
        if let Some(option) = self.option {
            flags.set_option(&text_of(option));
        }
        if let Some(node) = self.field {
            let record = db.field(node);
            record.name = record.name.or(self.field_name);
            record.column = record.column.or(self.field_column);
            record.references = record.references.or(self.references);
            record.flags.merge(flags);
        }
        if let Some(node) = self.index {
            let record = db.index(node);
            record.columns.extend(self.index_columns);
            record.table = record.table.or(self.index_table);
            record.model = record.model.or(self.index_model);
            record.name = record.name.or(self.index_name);
            record.flags.merge(flags);
        }
        if let (Some(option), None, None) = (self.option, self.field, self.index) {
            // An option of its own (`unique=True`, cheaper than a pattern per declaration
            // form): it belongs to the declaration whose call takes it as an argument.
            db.loose_options.push((option, flags));
        }
    }
}

impl<'t> Bound<'t> {
    fn record(
        self,
        facts: &mut FileFacts<'t>,
        label: Option<&str>,
        shape: Option<Shape>,
        build_kind: BuildKind,
        guard: GuardKind,
    ) {
        if let Some(function) = self.function {
            let name = self.function_name.map(|n| facts.text(n));
            facts.add_function(function, name);
        }
        if let (Some(target), Some(value)) = (self.assign_target, self.assign_value) {
            let (node, append) = self.assign.unwrap_or((target, false));
            facts.add_def(node, target, value, append);
        }
        if let (Some(call), Some(name)) = (self.call, self.call_name) {
            facts.add_call(call, name, self.call_arg);
        }
        if let (Some(subject), Some((region, after))) = (self.guard_subject, self.guard_region) {
            facts.add_guard(subject, self.guard_allowlist, region, after, guard);
        }
        if let (Some(call), Some((kind, argument))) = (self.sink_call, self.sink_argument) {
            facts.add_sink(Sink {
                kind,
                call,
                name: self.sink_name,
                argument,
                shape,
            });
        }
        if let Some(build) = self.build {
            if self.parts.is_empty() {
                facts.add_build_part(build, None, label, build_kind);
            }
            for part in self.parts {
                facts.add_build_part(build, Some(part), label, build_kind);
            }
        }
        if let Some(node) = self.loop_node.or(self.loop_forever) {
            let forever = self.loop_forever.is_some();
            facts.add_loop(node, self.loop_label, forever, self.loop_condition);
            if let Some(other) = self.loop_else {
                facts.add_loop_else(node, other);
            }
        }
        if let (Some(call), Some(name)) = (self.recurse, self.recurse_name) {
            facts.add_recursion(Recursion {
                call,
                name,
                through_receiver: self.recurse_receiver,
            });
        }
        if let Some(node) = self.break_node {
            facts.add_loop_exit(LoopExit::Break {
                node,
                label: self.break_label,
            });
        }
        for param in self.source_params {
            let typed = self
                .source_route
                .is_some_and(|route| converts_to_number(facts.text(route), facts.text(param)));
            // `<int:n>`: a number, still the client's for loop bounds and sizes.
            if typed {
                facts.add_number_param(param);
            } else {
                facts.add_request_param(param);
            }
        }
        if let (Some(wrapper), Some(inner)) = (self.wrapper, self.inner) {
            facts.add_wrapper(wrapper, inner);
        }
    }
}
