//! The config-file lexer and parser, and the multipart reader of the upload endpoint.

use std::iter::Peekable;
use std::str::CharIndices;

use crate::multipart::{Chunks, Part};

#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Ident(String),
    Number(f64),
    Str(String),
    Punct(char),
    Eof,
}

#[derive(Debug)]
pub struct LexError {
    pub at: usize,
    pub msg: &'static str,
}

pub struct Lexer<'a> {
    src: &'a str,
    chars: Peekable<CharIndices<'a>>,
    depth: usize,
}

const MAX_DEPTH: usize = 64;

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Self {
        Lexer { src, chars: src.char_indices().peekable(), depth: 0 }
    }

    /// Skips whitespace and `#` comments; stops at the first other character or the end.
    fn skip_trivia(&mut self) {
        'trivia: loop { // ok: unbounded-loop
            while let Some(&(_, c)) = self.chars.peek() { // ok: unbounded-loop
                if c == '#' {
                    for (_, c) in self.chars.by_ref() {
                        if c == '\n' {
                            break;
                        }
                    }
                    continue 'trivia;
                }
                if !c.is_whitespace() {
                    break 'trivia;
                }
                self.chars.next();
            }
            break;
        }
    }

    /// A quoted string, with backslash escapes.
    fn string(&mut self, start: usize) -> Result<Token, LexError> {
        let mut out = String::new();
        loop { // ok: unbounded-loop
            let Some((_, c)) = self.chars.next() else {
                return Err(LexError { at: start, msg: "unterminated string" });
            };
            match c {
                '"' => break,
                '\\' => match self.chars.next() {
                    Some((_, 'n')) => out.push('\n'),
                    Some((_, other)) => out.push(other),
                    None => return Err(LexError { at: start, msg: "dangling escape" }),
                },
                c => out.push(c),
            }
        }
        Ok(Token::Str(out))
    }

    /// A number; `1_000` and `2.5` are allowed.
    fn number(&mut self, start: usize) -> Token {
        let mut end = start;
        let number = loop { // ok: unbounded-loop
            match self.chars.peek() {
                Some(&(i, c)) if c.is_ascii_digit() || c == '_' || c == '.' => {
                    end = i + c.len_utf8();
                    self.chars.next();
                }
                _ => break self.src[start..end].replace('_', ""),
            }
        };
        Token::Number(number.parse().unwrap_or(f64::NAN))
    }

    fn open(&mut self, at: usize) -> Result<(), LexError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(LexError { at, msg: "nesting too deep" });
        }
        Ok(())
    }
}

impl Iterator for Lexer<'_> {
    type Item = Result<Token, LexError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop { // ok: unbounded-loop
            self.skip_trivia();
            let (at, c) = self.chars.next()?;
            let token = match c {
                '"' => self.string(at),
                '0'..='9' => Ok(self.number(at)),
                '{' | '[' => self.open(at).map(|_| Token::Punct(c)),
                '}' | ']' => {
                    self.depth = self.depth.saturating_sub(1);
                    Ok(Token::Punct(c))
                }
                ',' => continue,
                c if c.is_alphabetic() => Ok(Token::Ident(c.to_string())),
                _ => Err(LexError { at, msg: "unexpected character" }),
            };
            return Some(token);
        }
    }
}

/// Reads a part's body up to the next boundary line.
pub fn read_until_boundary(chunks: &mut Chunks, boundary: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    'read: loop { // ok: unbounded-loop
        let chunk = chunks.next_chunk();
        for start in 0..chunk.len() {
            if chunk[start..].starts_with(boundary) {
                body.extend_from_slice(&chunk[..start]);
                break 'read;
            }
        }
        body.extend_from_slice(&chunk);
    }
    body
}

/// Reads the part headers (up to the blank line) of a multipart body.
pub fn read_part_headers(chunks: &mut Chunks) -> Vec<(String, String)> {
    let mut headers = Vec::new();
    loop { // expect: unbounded-loop
        let chunk = chunks.next_chunk();
        for line in chunk.split(|b| *b == b'\n') {
            if line.is_empty() || line == b"\r" {
                break;
            }
            if let Some((name, value)) = split_header(line) {
                headers.push((name, value));
            }
        }
    }
}

/// Splits the parts of a multipart body; a malformed part ends the scan.
pub fn split_parts(chunks: &mut Chunks, boundary: &[u8]) -> Vec<Part> {
    let mut parts = Vec::new();
    'parts: loop { // expect: unbounded-loop
        'part: loop {
            let headers = read_part_headers_checked(chunks);
            let Some(headers) = headers else {
                break 'part;
            };
            let body = read_until_boundary(chunks, boundary);
            parts.push(Part { headers, body });
        }
        chunks.skip_line();
    }
}

/// Returns every record of a length-prefixed stream; a bad checksum skips the record.
pub fn records(chunks: &mut Chunks) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    loop { // expect: unbounded-loop
        let record = chunks.next_record();
        'check: {
            if record.len() < 4 {
                break 'check;
            }
            let (body, sum) = record.split_at(record.len() - 4);
            if crc32(body).to_be_bytes() != sum {
                break 'check;
            }
            out.push(body.to_vec());
        }
    }
}

/// Like `records`, but an empty record marks the end of the stream.
pub fn records_until_empty(chunks: &mut Chunks) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    loop { // ok: unbounded-loop
        let record = chunks.next_record();
        if record.is_empty() {
            break;
        }
        'check: {
            if record.len() < 4 {
                break 'check;
            }
            let (body, sum) = record.split_at(record.len() - 4);
            if crc32(body).to_be_bytes() == sum {
                out.push(body.to_vec());
            }
        }
    }
    out
}

/// Parses `key = value` lines until the end marker; nested sections are skipped.
pub fn parse_section(lines: &mut impl Iterator<Item = String>) -> Vec<(String, String)> {
    let mut entries = Vec::new();
    let mut done = false;
    while !done { // ok: unbounded-loop
        let Some(line) = lines.next() else {
            break;
        };
        match line.trim() {
            "[end]" => done = true,
            l if l.starts_with('[') => {
                for inner in lines.by_ref() {
                    if inner.trim() == "[end]" {
                        break;
                    }
                }
            }
            l => {
                if let Some((k, v)) = l.split_once('=') {
                    entries.push((k.trim().to_string(), v.trim().to_string()));
                }
            }
        }
    }
    entries
}

/// Reads the header block of a config file (lines before the first blank line).
pub fn header_block(lines: &mut impl Iterator<Item = String>) -> (Vec<String>, bool) {
    let mut header = Vec::new();
    let mut in_header = true;
    let mut in_body = false;
    while in_header { // expect: unbounded-loop
        let line = lines.next().unwrap_or_default();
        if line.trim().is_empty() {
            in_body = true;
        } else {
            header.push(line);
        }
    }
    (header, in_body)
}

/// Reads the preamble of a template (lines before the first `---`).
pub fn preamble(lines: &mut impl Iterator<Item = String>) -> Vec<String> {
    let mut preamble = Vec::new();
    let mut in_preamble = true;
    while in_preamble { // todo-expect: unbounded-loop
        let line = lines.next().unwrap_or_default();
        if line.trim() == "---" {
            let in_preamble = false;
            tracing::trace!(in_preamble, "end of preamble");
        } else {
            preamble.push(line);
        }
    }
    preamble
}

/// Reads tokens until the closing brace of the current table; the end of input closes it.
pub fn skip_table(tokens: &mut impl Iterator<Item = Token>) {
    let mut depth = 1usize;
    loop { // ok: unbounded-loop
        match tokens.next().unwrap_or(Token::Punct('}')) {
            Token::Punct(c) => {
                if c == '{' {
                    depth += 1;
                } else if c == '}' {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
}

/// Finds the value of `key`, looking through nested tables.
pub fn lookup<'t>(mut table: &'t Table, path: &[&str]) -> Option<&'t Value> {
    let mut rest = path;
    loop { // ok: unbounded-loop
        let (first, tail) = rest.split_first()?;
        let value = table.get(*first)?;
        if tail.is_empty() {
            return Some(value);
        }
        match value {
            Value::Table(inner) => {
                table = inner;
                rest = tail;
            }
            _ => return None,
        }
    }
}

/// Walks the token stream of a value list; the lexer guarantees a closing bracket.
pub fn value_list(tokens: &mut impl Iterator<Item = Token>) -> Vec<Token> {
    let mut values = Vec::new();
    loop { // ok: unbounded-loop
        match tokens.next() {
            Some(Token::Punct(']')) => break,
            Some(Token::Punct(',')) => continue,
            Some(token) => values.push(token),
            None => unreachable!("the lexer checks that every '[' is closed"),
        }
    }
    values
}

/// Finds the first section whose name matches, scanning nested groups.
pub fn find_section(groups: &[Group], wanted: &str) -> usize {
    let mut round = 0;
    loop { // ok: unbounded-loop
        for group in groups {
            for (i, section) in group.sections.iter().enumerate() {
                if section.name == wanted {
                    if let Some(ref alias) = section.alias {
                        if alias.is_empty() {
                            continue;
                        }
                    }
                    match section.kind {
                        Kind::Plain | Kind::Array => {
                            if round > 0 || !section.deprecated {
                                return i;
                            }
                        }
                        Kind::Inline => {}
                    }
                }
            }
        }
        round += 1;
        if round == 2 {
            break;
        }
    }
    usize::MAX
}
