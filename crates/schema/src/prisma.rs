//! `schema.prisma` to schema facts. There is no tree-sitter grammar for the Prisma schema
//! language, and Prisma's own Rust parser is not published for reuse, so this is a small
//! parser of the parts that decide indexes: models and their fields, `@id`, `@unique`,
//! `@map`, `@relation(fields:, references:)`, `@@id`, `@@unique`, `@@index` (with `map:`,
//! `name:`, `type:` and per-field `sort:`), `@@fulltext`, `@@map`, and the `datasource`'s
//! `provider` and `relationMode`. Anything else is skipped; nothing panics.

use crate::ddl::Diagnostic;
use crate::model::{FileId, ForeignKeyDef, IndexDef, IndexKey, IndexKind, Origin, Schema};
use crate::Dialect;

/// A parsed `schema.prisma`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PrismaSchema {
    /// The datasource's `provider` (`postgresql`, `mysql`, `sqlite`, …).
    pub provider: Option<String>,
    /// The dialect of that provider, when it is one shipshape knows.
    pub dialect: Option<Dialect>,
    /// `relationMode = "prisma"`: relations live in the client, the database holds no
    /// foreign keys (so MySQL creates no index for them).
    pub relation_mode_prisma: bool,
    /// Models in file order.
    pub models: Vec<PrismaModel>,
    /// Lines that could not be read.
    pub diagnostics: Vec<Diagnostic>,
}

/// A model: one table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrismaModel {
    /// The model name (`User`).
    pub name: String,
    /// The table: `@@map` or the model name.
    pub table: String,
    /// 1-based line of `model`.
    pub line: u32,
    /// Fields in order, relation fields included.
    pub fields: Vec<PrismaField>,
    /// Primary key, unique constraints and indexes, on column names, with their lines.
    pub indexes: Vec<(IndexDef, u32)>,
    /// Foreign keys from `@relation(fields: …)`, on column names, with their lines.
    pub foreign_keys: Vec<(ForeignKeyDef, u32)>,
}

/// A field of a model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrismaField {
    /// The field name (`customerEmail`).
    pub name: String,
    /// The column: `@map` or the field name.
    pub column: String,
    /// The type name (`String`, `DateTime`, `User`).
    pub type_name: String,
    /// `Type?`.
    pub optional: bool,
    /// `Type[]`.
    pub list: bool,
    /// The type is another model: no column of its own.
    pub relation: bool,
    /// 1-based line.
    pub line: u32,
}

impl PrismaSchema {
    /// Declares the models' tables, columns (reachable by field name), keys, indexes and
    /// foreign keys in `schema`, with origins in `file`.
    pub fn declare_into(&self, schema: &mut Schema, file: FileId) {
        for m in &self.models {
            schema.declare_model(&m.name, &m.table, Origin::new(file, m.line));
            for f in m.fields.iter().filter(|f| !f.relation) {
                schema.declare_column(
                    &m.table,
                    &f.column,
                    Some(&f.name),
                    Origin::new(file, f.line),
                );
            }
            for (index, line) in &m.indexes {
                schema.declare_index(&m.table, index.clone(), Origin::new(file, *line));
            }
            for (fk, line) in &m.foreign_keys {
                schema.declare_foreign_key(&m.table, fk.clone(), Origin::new(file, *line));
            }
        }
    }
}

/// Parses the text of a `schema.prisma`.
///
/// ```
/// use shipshape_schema::{parse_prisma, Dialect};
/// let p = parse_prisma(r#"
/// datasource db { provider = "postgresql"  url = env("DATABASE_URL") }
/// model Order {
///   id            Int    @id @default(autoincrement())
///   customerEmail String @map("customer_email")
///   @@index([customerEmail])
///   @@map("orders")
/// }
/// "#);
/// assert_eq!(p.dialect, Some(Dialect::Postgres));
/// assert_eq!(p.models[0].table, "orders");
/// assert_eq!(p.models[0].fields[1].column, "customer_email");
/// assert_eq!(p.models[0].indexes.len(), 2);
/// ```
pub fn parse_prisma(text: &str) -> PrismaSchema {
    let tokens = tokenize(text);
    let mut p = Parser {
        tokens,
        pos: 0,
        out: PrismaSchema::default(),
    };
    let raw = p.blocks();
    let mut out = p.out;
    resolve(&mut out, raw);
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Num(String),
    Punct(&'static str),
    Newline,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    line: u32,
}

fn tokenize(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1u32;
    while i < b.len() {
        let c = b[i];
        match c {
            b'\n' => {
                out.push(Token {
                    tok: Tok::Newline,
                    line,
                });
                line += 1;
                i += 1;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' => {
                let mut s = String::new();
                i += 1;
                let start = i;
                let mut seg = start;
                while i < b.len() && b[i] != b'"' && b[i] != b'\n' {
                    if b[i] == b'\\' && i + 1 < b.len() && b[i + 1] != b'\n' {
                        s.push_str(&text[seg..i]);
                        i += 1;
                        seg = i;
                    }
                    i += 1;
                }
                s.push_str(&text[seg..i.min(b.len())]);
                if i < b.len() && b[i] == b'"' {
                    i += 1;
                }
                out.push(Token {
                    tok: Tok::Str(s),
                    line,
                });
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                out.push(Token {
                    tok: Tok::Ident(text[start..i].to_string()),
                    line,
                });
            }
            c if c.is_ascii_digit()
                || (c == b'-' && b.get(i + 1).is_some_and(u8::is_ascii_digit)) =>
            {
                let start = i;
                i += 1;
                while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
                    i += 1;
                }
                out.push(Token {
                    tok: Tok::Num(text[start..i].to_string()),
                    line,
                });
            }
            _ => {
                let punct: Option<&'static str> = if b[i..].starts_with(b"@@") {
                    Some("@@")
                } else {
                    match c {
                        b'@' => Some("@"),
                        b'(' => Some("("),
                        b')' => Some(")"),
                        b'[' => Some("["),
                        b']' => Some("]"),
                        b'{' => Some("{"),
                        b'}' => Some("}"),
                        b',' => Some(","),
                        b':' => Some(":"),
                        b'=' => Some("="),
                        b'?' => Some("?"),
                        b'.' => Some("."),
                        _ => None,
                    }
                };
                match punct {
                    Some(p) => {
                        out.push(Token {
                            tok: Tok::Punct(p),
                            line,
                        });
                        i += p.len();
                    }
                    None => {
                        // Any other byte (a UTF-8 sequence, `!`) is skipped whole.
                        i += 1;
                        while i < b.len() && !text.is_char_boundary(i) {
                            i += 1;
                        }
                    }
                }
            }
        }
    }
    out
}

/// An attribute argument value.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Str(String),
    Num,
    /// A name, possibly dotted (`Desc`, `db.VarChar`), possibly called: `a(sort: Desc)`.
    Name(String, Vec<Arg>),
    List(Vec<Value>),
}

#[derive(Debug, Clone, PartialEq)]
struct Arg {
    name: Option<String>,
    value: Value,
}

#[derive(Debug, Clone)]
struct Attribute {
    name: String,
    args: Vec<Arg>,
    line: u32,
}

#[derive(Debug, Clone)]
struct RawField {
    name: String,
    type_name: String,
    optional: bool,
    list: bool,
    attrs: Vec<Attribute>,
    line: u32,
}

#[derive(Debug, Clone)]
struct RawModel {
    name: String,
    line: u32,
    fields: Vec<RawField>,
    block_attrs: Vec<Attribute>,
}

/// Argument nesting beyond this is not a schema anyone writes; it is skipped.
const MAX_DEPTH: usize = 16;

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    out: PrismaSchema,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.pos).map(|t| &t.tok)
    }

    fn line(&self) -> u32 {
        self.tokens
            .get(self.pos)
            .or_else(|| self.tokens.last())
            .map_or(1, |t| t.line)
    }

    fn bump(&mut self) -> Option<Tok> {
        let t = self.tokens.get(self.pos).map(|t| t.tok.clone());
        self.pos += 1;
        t
    }

    fn eat(&mut self, p: &str) -> bool {
        if matches!(self.peek(), Some(Tok::Punct(q)) if *q == p) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn skip_newlines(&mut self) {
        while matches!(self.peek(), Some(Tok::Newline)) {
            self.pos += 1;
        }
    }

    fn skip_line(&mut self) {
        while let Some(t) = self.peek() {
            if *t == Tok::Newline {
                break;
            }
            self.pos += 1;
        }
    }

    /// Skips a `{ … }` block whose `{` is next, braces balanced.
    fn skip_block(&mut self) {
        let mut depth = 0usize;
        while let Some(t) = self.bump() {
            match t {
                Tok::Punct("{") => depth += 1,
                Tok::Punct("}") => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    fn blocks(&mut self) -> Vec<RawModel> {
        let mut models = Vec::new();
        loop {
            self.skip_newlines();
            let line = self.line();
            let Some(tok) = self.bump() else {
                break;
            };
            let Tok::Ident(keyword) = tok else {
                self.diag(line, "expected a block (model, enum, datasource, …)");
                self.skip_line();
                continue;
            };
            let name = match self.peek() {
                Some(Tok::Ident(n)) => {
                    let n = n.clone();
                    self.pos += 1;
                    n
                }
                _ => {
                    self.diag(line, &format!("`{keyword}` without a name"));
                    self.skip_line();
                    continue;
                }
            };
            self.skip_newlines();
            if !matches!(self.peek(), Some(Tok::Punct("{"))) {
                self.diag(line, &format!("`{keyword} {name}` without a body"));
                self.skip_line();
                continue;
            }
            match keyword.as_str() {
                "model" => {
                    self.pos += 1;
                    models.push(self.model(name, line));
                }
                "datasource" => {
                    self.pos += 1;
                    self.datasource();
                }
                _ => self.skip_block(),
            }
        }
        models
    }

    fn diag(&mut self, line: u32, message: &str) {
        self.out.diagnostics.push(Diagnostic {
            line,
            message: message.to_string(),
        });
    }

    fn datasource(&mut self) {
        loop {
            self.skip_newlines();
            match self.bump() {
                None | Some(Tok::Punct("}")) => return,
                Some(Tok::Ident(key)) => {
                    if !self.eat("=") {
                        self.skip_line();
                        continue;
                    }
                    let value = self.value(0);
                    let text = match value {
                        Some(Value::Str(s)) => s,
                        _ => String::new(),
                    };
                    match key.as_str() {
                        "provider" => {
                            self.out.dialect = match text.as_str() {
                                "postgresql" | "postgres" => Some(Dialect::Postgres),
                                other => Dialect::from_name(other),
                            };
                            self.out.provider = Some(text);
                        }
                        "relationMode" | "referentialIntegrity" => {
                            self.out.relation_mode_prisma = text == "prisma";
                        }
                        _ => {}
                    }
                }
                Some(_) => self.skip_line(),
            }
        }
    }

    fn model(&mut self, name: String, line: u32) -> RawModel {
        let mut model = RawModel {
            name,
            line,
            fields: Vec::new(),
            block_attrs: Vec::new(),
        };
        loop {
            self.skip_newlines();
            let line = self.line();
            match self.peek().cloned() {
                None => {
                    self.diag(model.line, &format!("model {} is not closed", model.name));
                    return model;
                }
                Some(Tok::Punct("}")) => {
                    self.pos += 1;
                    return model;
                }
                Some(Tok::Punct("@@")) => {
                    self.pos += 1;
                    match self.attribute(line) {
                        Some(a) => model.block_attrs.push(a),
                        None => self.skip_line(),
                    }
                }
                Some(Tok::Ident(field)) => {
                    self.pos += 1;
                    match self.field(field, line) {
                        Some(f) => model.fields.push(f),
                        None => {
                            self.diag(line, "field not understood");
                            self.skip_line();
                        }
                    }
                }
                Some(_) => {
                    self.diag(line, "line not understood");
                    self.skip_line();
                    if self.peek().is_none() {
                        return model;
                    }
                }
            }
        }
    }

    fn field(&mut self, name: String, line: u32) -> Option<RawField> {
        let Some(Tok::Ident(mut type_name)) = self.bump() else {
            return None;
        };
        // `Unsupported("tsvector")`
        if self.eat("(") {
            while let Some(t) = self.bump() {
                if t == Tok::Punct(")") || t == Tok::Newline {
                    break;
                }
            }
        }
        while self.eat(".") {
            if let Some(Tok::Ident(part)) = self.bump() {
                type_name = format!("{type_name}.{part}");
            }
        }
        let mut list = false;
        let mut optional = false;
        if self.eat("[") {
            list = self.eat("]");
        }
        if self.eat("?") {
            optional = true;
        }
        let mut attrs = Vec::new();
        loop {
            match self.peek() {
                Some(Tok::Punct("@")) => {
                    self.pos += 1;
                    let l = self.line();
                    match self.attribute(l) {
                        Some(a) => attrs.push(a),
                        None => return None,
                    }
                }
                None | Some(Tok::Newline) | Some(Tok::Punct("}")) => break,
                Some(_) => return None,
            }
        }
        Some(RawField {
            name,
            type_name,
            optional,
            list,
            attrs,
            line,
        })
    }

    /// `name` or `name.sub` then optional `( args )`.
    fn attribute(&mut self, line: u32) -> Option<Attribute> {
        let Some(Tok::Ident(mut name)) = self.bump() else {
            return None;
        };
        while self.eat(".") {
            if let Some(Tok::Ident(part)) = self.bump() {
                name = format!("{name}.{part}");
            }
        }
        let args = if self.eat("(") {
            self.args(0)?
        } else {
            Vec::new()
        };
        Some(Attribute { name, args, line })
    }

    /// Arguments up to and including `)`; newlines inside are blanks.
    fn args(&mut self, depth: usize) -> Option<Vec<Arg>> {
        let mut args = Vec::new();
        loop {
            self.skip_newlines();
            if self.eat(")") {
                return Some(args);
            }
            // `name: value` or `value`
            let named = match (self.peek(), self.tokens.get(self.pos + 1).map(|t| &t.tok)) {
                (Some(Tok::Ident(n)), Some(Tok::Punct(":"))) => Some(n.clone()),
                _ => None,
            };
            if named.is_some() {
                self.pos += 2;
            }
            let value = self.value(depth + 1)?;
            args.push(Arg { name: named, value });
            self.skip_newlines();
            if !self.eat(",") {
                self.skip_newlines();
                return self.eat(")").then_some(args);
            }
        }
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_newlines();
        match self.bump()? {
            Tok::Str(s) => Some(Value::Str(s)),
            Tok::Num(_) => Some(Value::Num),
            Tok::Ident(mut n) => {
                while self.eat(".") {
                    if let Some(Tok::Ident(part)) = self.bump() {
                        n = format!("{n}.{part}");
                    }
                }
                let args = if self.eat("(") {
                    self.args(depth + 1)?
                } else {
                    Vec::new()
                };
                Some(Value::Name(n, args))
            }
            Tok::Punct("[") => {
                let mut items = Vec::new();
                loop {
                    self.skip_newlines();
                    if self.eat("]") {
                        return Some(Value::List(items));
                    }
                    items.push(self.value(depth + 1)?);
                    self.skip_newlines();
                    if !self.eat(",") {
                        self.skip_newlines();
                        return self.eat("]").then_some(Value::List(items));
                    }
                }
            }
            _ => None,
        }
    }
}

fn arg<'a>(args: &'a [Arg], name: &str, position: usize) -> Option<&'a Value> {
    args.iter()
        .find(|a| a.name.as_deref() == Some(name))
        .or_else(|| args.iter().filter(|a| a.name.is_none()).nth(position))
        .map(|a| &a.value)
}

fn named_str(args: &[Arg], name: &str) -> Option<String> {
    match args.iter().find(|a| a.name.as_deref() == Some(name))?.value {
        Value::Str(ref s) => Some(s.clone()),
        _ => None,
    }
}

fn first_str(args: &[Arg]) -> Option<String> {
    match arg(args, "name", 0)? {
        Value::Str(s) => Some(s.clone()),
        _ => None,
    }
}

/// `[a, b(sort: Desc)]` → field names with descending flags.
fn field_list(v: Option<&Value>) -> Vec<(String, bool)> {
    let Some(Value::List(items)) = v else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|i| match i {
            Value::Name(n, args) => {
                let desc =
                    matches!(named_value(args, "sort"), Some(Value::Name(s, _)) if s == "Desc");
                Some((n.clone(), desc))
            }
            _ => None,
        })
        .collect()
}

fn named_value<'a>(args: &'a [Arg], name: &str) -> Option<&'a Value> {
    args.iter()
        .find(|a| a.name.as_deref() == Some(name))
        .map(|a| &a.value)
}

fn resolve(out: &mut PrismaSchema, raw: Vec<RawModel>) {
    let table_of = |m: &RawModel| {
        m.block_attrs
            .iter()
            .find(|a| a.name == "map")
            .and_then(|a| first_str(&a.args))
            .unwrap_or_else(|| m.name.clone())
    };
    let column_of = |f: &RawField| {
        f.attrs
            .iter()
            .find(|a| a.name == "map")
            .and_then(|a| first_str(&a.args))
            .unwrap_or_else(|| f.name.clone())
    };
    let model_names: Vec<String> = raw.iter().map(|m| m.name.clone()).collect();
    let enforced = !out.relation_mode_prisma;
    let dialect = out.dialect.unwrap_or_default();
    for m in &raw {
        let table = table_of(m);
        let col = |field: &str| {
            m.fields
                .iter()
                .find(|f| f.name == field)
                .map_or_else(|| field.to_string(), column_of)
        };
        let mut model = PrismaModel {
            name: m.name.clone(),
            table: table.clone(),
            line: m.line,
            fields: Vec::new(),
            indexes: Vec::new(),
            foreign_keys: Vec::new(),
        };
        for f in &m.fields {
            let relation = model_names.contains(&f.type_name);
            let column = column_of(f);
            model.fields.push(PrismaField {
                name: f.name.clone(),
                column: column.clone(),
                type_name: f.type_name.clone(),
                optional: f.optional,
                list: f.list,
                relation,
                line: f.line,
            });
            for a in &f.attrs {
                match a.name.as_str() {
                    "id" => model.indexes.push((
                        index(
                            named_str(&a.args, "map"),
                            IndexKind::PrimaryKey,
                            vec![(column.clone(), false)],
                            None,
                            &table,
                            dialect,
                        ),
                        a.line,
                    )),
                    "unique" => model.indexes.push((
                        index(
                            named_str(&a.args, "map"),
                            IndexKind::Unique,
                            vec![(column.clone(), false)],
                            None,
                            &table,
                            dialect,
                        ),
                        a.line,
                    )),
                    "relation" => {
                        let fields = field_list(arg(&a.args, "fields", usize::MAX));
                        if fields.is_empty() {
                            continue;
                        }
                        let target = raw.iter().find(|t| t.name == f.type_name);
                        let references_table = target.map_or_else(|| f.type_name.clone(), table_of);
                        let references_columns = field_list(arg(&a.args, "references", usize::MAX))
                            .into_iter()
                            .map(|(r, _)| match target {
                                Some(t) => t
                                    .fields
                                    .iter()
                                    .find(|tf| tf.name == r)
                                    .map_or(r.clone(), column_of),
                                None => r,
                            })
                            .collect();
                        let columns: Vec<String> = fields.iter().map(|(c, _)| col(c)).collect();
                        let name = named_str(&a.args, "map").or_else(|| {
                            (dialect == Dialect::Postgres)
                                .then(|| format!("{table}_{}_fkey", columns.join("_")))
                        });
                        model.foreign_keys.push((
                            ForeignKeyDef {
                                name,
                                columns,
                                references_table,
                                references_columns,
                                enforced,
                            },
                            a.line,
                        ));
                    }
                    _ => {}
                }
            }
        }
        for a in &m.block_attrs {
            let kind = match a.name.as_str() {
                "id" => IndexKind::PrimaryKey,
                "unique" => IndexKind::Unique,
                "index" | "fulltext" => IndexKind::Index,
                _ => continue,
            };
            let fields: Vec<(String, bool)> = field_list(arg(&a.args, "fields", 0))
                .into_iter()
                .map(|(f, desc)| (col(&f), desc))
                .collect();
            if fields.is_empty() {
                continue;
            }
            let method = if a.name == "fulltext" {
                Some("fulltext".to_string())
            } else {
                match named_value(&a.args, "type") {
                    Some(Value::Name(t, _)) if t != "BTree" => Some(t.to_lowercase()),
                    _ => None,
                }
            };
            let map = named_str(&a.args, "map");
            model
                .indexes
                .push((index(map, kind, fields, method, &table, dialect), a.line));
        }
        out.models.push(model);
    }
}

/// An index on columns, named by `map:` or as Prisma names it (`{table}_pkey`,
/// `{table}_{cols}_key`, `{table}_{cols}_idx`).
fn index(
    map: Option<String>,
    kind: IndexKind,
    columns: Vec<(String, bool)>,
    method: Option<String>,
    table: &str,
    d: Dialect,
) -> IndexDef {
    let cols: Vec<&str> = columns.iter().map(|(c, _)| c.as_str()).collect();
    let name = map.unwrap_or_else(|| match (kind, d) {
        (IndexKind::PrimaryKey, Dialect::Mysql) => "PRIMARY".to_string(),
        (IndexKind::PrimaryKey, _) => format!("{table}_pkey"),
        (IndexKind::Unique, _) => format!("{table}_{}_key", cols.join("_")),
        (IndexKind::Index, _) => format!("{table}_{}_idx", cols.join("_")),
    });
    IndexDef {
        name: Some(name),
        kind,
        keys: columns
            .into_iter()
            .map(|(name, descending)| IndexKey::Column {
                name,
                descending,
                opclass: None,
            })
            .collect(),
        predicate: None,
        method,
    }
}
