//! Cuts a SQL file into statements before anything parses them, so that one statement the
//! parser rejects costs only that statement. It knows what hides a `;`: strings, quoted
//! names, comments, Postgres dollar quotes, trigger and procedure bodies (`BEGIN … END`), the
//! MySQL client's `DELIMITER` command and the data block after `COPY … FROM stdin`.

use crate::Dialect;

/// One statement of a file: its text without the terminator, where it starts, and the
/// 1-based line of its first character that is not blank or comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Chunk<'a> {
    pub(crate) text: &'a str,
    pub(crate) line: u32,
}

/// Splits `text` into statements. Statements made only of blanks and comments are dropped.
pub(crate) fn split_statements(text: &str, dialect: Dialect) -> Vec<Chunk<'_>> {
    Splitter::new(text, dialect).run()
}

struct Splitter<'a> {
    text: &'a str,
    bytes: &'a [u8],
    dialect: Dialect,
    pos: usize,
    line: u32,
    delimiter: String,
    chunks: Vec<Chunk<'a>>,
}

impl<'a> Splitter<'a> {
    fn new(text: &'a str, dialect: Dialect) -> Self {
        Splitter {
            text,
            bytes: text.as_bytes(),
            dialect,
            pos: 0,
            line: 1,
            delimiter: ";".to_string(),
            chunks: Vec::new(),
        }
    }

    fn run(mut self) -> Vec<Chunk<'a>> {
        while self.pos < self.bytes.len() {
            self.statement();
        }
        self.chunks
    }

    /// Advances one byte, counting lines.
    fn bump(&mut self) {
        if self.bytes[self.pos] == b'\n' {
            self.line += 1;
        }
        self.pos += 1;
    }

    fn at(&self, s: &str) -> bool {
        self.bytes[self.pos..].starts_with(s.as_bytes())
    }

    fn at_ignore_case(&self, s: &str) -> bool {
        let end = self.pos + s.len();
        end <= self.bytes.len() && self.bytes[self.pos..end].eq_ignore_ascii_case(s.as_bytes())
    }

    /// Reads one statement from `pos`, pushing it when it has content.
    fn statement(&mut self) {
        // Blanks and comments before the statement do not belong to it.
        self.skip_trivia();
        if self.pos >= self.bytes.len() {
            return;
        }
        if self.client_delimiter_command() {
            return;
        }
        let start = self.pos;
        let line = self.line;
        let mut block_depth = 0usize;
        let mut words_seen = 0usize;
        let mut routine = false;
        let mut creates = false;
        let mut end = self.bytes.len();
        while self.pos < self.bytes.len() {
            if block_depth == 0 && self.at(&self.delimiter.clone()) {
                end = self.pos;
                for _ in 0..self.delimiter.len() {
                    self.bump();
                }
                break;
            }
            let b = self.bytes[self.pos];
            match b {
                b'\'' => self.skip_quoted(b'\'', self.backslash_escapes(start)),
                b'"' => self.skip_quoted(b'"', false),
                b'`' => self.skip_quoted(b'`', false),
                b'[' if self.dialect == Dialect::Sqlite => self.skip_until(b']'),
                b'-' if self.at("--") => self.skip_line(),
                b'#' if self.dialect == Dialect::Mysql => self.skip_line(),
                b'/' if self.at("/*") => self.skip_block_comment(),
                b'$' if self.dollar_quotes() && self.dollar_tag().is_some() => {
                    self.skip_dollar_quoted()
                }
                b if is_word_start(b) && !self.prev_is_word() => {
                    let word_start = self.pos;
                    while self.pos < self.bytes.len() && is_word_byte(self.bytes[self.pos]) {
                        self.pos += 1;
                    }
                    let word = &self.text[word_start..self.pos];
                    words_seen += 1;
                    if words_seen == 1 {
                        creates = word.eq_ignore_ascii_case("create");
                    } else if words_seen <= 6 && creates && !routine {
                        if is_routine_word(word) {
                            routine = true;
                        } else if is_object_word(word) {
                            // `CREATE TABLE event (…)`: a table named like a routine.
                            creates = false;
                        }
                    }
                    if routine {
                        block_depth = self.track_block(word, block_depth);
                    }
                }
                _ => self.bump(),
            }
        }
        let body = self.text[start..end].trim_end();
        if !body.is_empty() {
            self.chunks.push(Chunk { text: body, line });
            if is_copy_from_stdin(body) {
                self.skip_copy_data();
            }
        }
    }

    /// `BEGIN`/`CASE` open a block inside a routine body, `END` closes one unless it ends an
    /// `IF`, `LOOP`, `WHILE`, `REPEAT` or `FOR` (which never opened one).
    fn track_block(&mut self, word: &str, depth: usize) -> usize {
        if word.eq_ignore_ascii_case("begin") {
            return depth + 1;
        }
        if word.eq_ignore_ascii_case("case") && depth > 0 {
            return depth + 1;
        }
        if word.eq_ignore_ascii_case("end") && depth > 0 {
            let mut p = self.pos;
            while p < self.bytes.len() && (self.bytes[p] == b' ' || self.bytes[p] == b'\t') {
                p += 1;
            }
            let q = p;
            while p < self.bytes.len() && is_word_byte(self.bytes[p]) {
                p += 1;
            }
            let next = &self.text[q..p];
            let closes_other = ["if", "loop", "while", "repeat", "for"]
                .iter()
                .any(|w| next.eq_ignore_ascii_case(w));
            if !closes_other {
                return depth - 1;
            }
        }
        depth
    }

    fn prev_is_word(&self) -> bool {
        self.pos > 0 && is_word_byte(self.bytes[self.pos - 1])
    }

    fn backslash_escapes(&self, statement_start: usize) -> bool {
        match self.dialect {
            Dialect::Mysql => true,
            // Postgres: only E'…' strings treat backslash as an escape.
            Dialect::Postgres | Dialect::Generic => {
                self.pos > statement_start
                    && matches!(self.bytes[self.pos - 1], b'E' | b'e')
                    && (self.pos < statement_start + 2 || !is_word_byte(self.bytes[self.pos - 2]))
            }
            Dialect::Sqlite => false,
        }
    }

    fn dollar_quotes(&self) -> bool {
        matches!(self.dialect, Dialect::Postgres | Dialect::Generic) && self.delimiter == ";"
    }

    fn skip_trivia(&mut self) {
        while self.pos < self.bytes.len() {
            let b = self.bytes[self.pos];
            if b.is_ascii_whitespace() {
                self.bump();
            } else if self.at("--") || (b == b'#' && self.dialect == Dialect::Mysql) {
                self.skip_line();
            } else if self.at("/*") && !self.at("/*!") {
                self.skip_block_comment();
            } else if self.delimiter == ";" && b == b';' {
                self.bump();
            } else {
                break;
            }
        }
    }

    /// The MySQL client's `DELIMITER //` line, which changes the terminator until the next one.
    fn client_delimiter_command(&mut self) -> bool {
        if !self.at_ignore_case("delimiter") {
            return false;
        }
        let after = self.pos + "delimiter".len();
        if after >= self.bytes.len() || !matches!(self.bytes[after], b' ' | b'\t') {
            return false;
        }
        let line_end = self.text[after..]
            .find('\n')
            .map_or(self.bytes.len(), |i| after + i);
        let new = self.text[after..line_end].trim();
        if new.is_empty() {
            return false;
        }
        self.delimiter = new.to_string();
        while self.pos < line_end {
            self.bump();
        }
        true
    }

    fn skip_line(&mut self) {
        while self.pos < self.bytes.len() && self.bytes[self.pos] != b'\n' {
            self.pos += 1;
        }
    }

    fn skip_until(&mut self, close: u8) {
        self.bump();
        while self.pos < self.bytes.len() && self.bytes[self.pos] != close {
            self.bump();
        }
        if self.pos < self.bytes.len() {
            self.bump();
        }
    }

    /// Skips a quoted string or name; a doubled quote stays inside it.
    fn skip_quoted(&mut self, quote: u8, backslash: bool) {
        self.bump();
        while self.pos < self.bytes.len() {
            let b = self.bytes[self.pos];
            if backslash && b == b'\\' {
                self.bump();
                if self.pos < self.bytes.len() {
                    self.bump();
                }
                continue;
            }
            self.bump();
            if b == quote {
                if self.pos < self.bytes.len() && self.bytes[self.pos] == quote {
                    self.bump();
                    continue;
                }
                return;
            }
        }
    }

    /// Skips `/* … */`; Postgres nests them.
    fn skip_block_comment(&mut self) {
        let nests = self.dialect == Dialect::Postgres;
        let mut depth = 0usize;
        while self.pos < self.bytes.len() {
            if self.at("/*") && (depth == 0 || nests) {
                depth += 1;
                self.bump();
                self.bump();
            } else if self.at("*/") {
                self.bump();
                self.bump();
                depth -= 1;
                if depth == 0 {
                    return;
                }
            } else {
                self.bump();
            }
        }
    }

    /// The tag of a dollar quote starting at `pos` (`$$` or `$name$`), if one starts there.
    fn dollar_tag(&self) -> Option<&'a str> {
        if self.prev_is_word() {
            return None;
        }
        let rest = &self.text[self.pos + 1..];
        let len = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        let tag = &rest[..len];
        if tag.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            return None;
        }
        if rest.as_bytes().get(len) == Some(&b'$') {
            Some(&self.text[self.pos..self.pos + len + 2])
        } else {
            None
        }
    }

    fn skip_dollar_quoted(&mut self) {
        let Some(tag) = self.dollar_tag() else {
            self.bump();
            return;
        };
        for _ in 0..tag.len() {
            self.bump();
        }
        while self.pos < self.bytes.len() {
            if self.at(tag) {
                for _ in 0..tag.len() {
                    self.bump();
                }
                return;
            }
            self.bump();
        }
    }

    /// Skips the rows pg_dump writes after `COPY … FROM stdin;`, up to the line `\.`.
    fn skip_copy_data(&mut self) {
        // The rest of the COPY line is not data.
        self.skip_line();
        if self.pos < self.bytes.len() {
            self.bump();
        }
        while self.pos < self.bytes.len() {
            let line_end = self.text[self.pos..]
                .find('\n')
                .map_or(self.bytes.len(), |i| self.pos + i);
            let is_end = self.text[self.pos..line_end].trim_end() == "\\.";
            while self.pos < line_end {
                self.pos += 1;
            }
            if self.pos < self.bytes.len() {
                self.bump();
            }
            if is_end {
                return;
            }
        }
    }
}

fn is_word_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Words that, near the start of a statement, announce a body that may hold `;`.
fn is_routine_word(word: &str) -> bool {
    ["trigger", "procedure", "function", "event"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// Words after `CREATE` that announce an object without a body.
fn is_object_word(word: &str) -> bool {
    [
        "table",
        "index",
        "view",
        "sequence",
        "type",
        "schema",
        "extension",
    ]
    .iter()
    .any(|w| word.eq_ignore_ascii_case(w))
}

fn is_copy_from_stdin(statement: &str) -> bool {
    let lower = statement.to_ascii_lowercase();
    lower.starts_with("copy ") && lower.contains("from stdin")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sql: &str, d: Dialect) -> Vec<(u32, String)> {
        split_statements(sql, d)
            .into_iter()
            .map(|c| (c.line, c.text.to_string()))
            .collect()
    }

    #[test]
    fn splits_on_semicolons_with_lines_of_first_real_text() {
        let sql = "-- header\nCREATE TABLE a (id int);\n\n/* note */ CREATE INDEX i ON a (id);\nDROP TABLE b";
        assert_eq!(
            texts(sql, Dialect::Postgres),
            vec![
                (2, "CREATE TABLE a (id int)".to_string()),
                (4, "CREATE INDEX i ON a (id)".to_string()),
                (5, "DROP TABLE b".to_string()),
            ]
        );
    }

    #[test]
    fn semicolons_inside_strings_names_and_comments_do_not_split() {
        let sql = "INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`); -- x; y\nSELECT 1 /* ; */;";
        let got = texts(sql, Dialect::Mysql);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, 2);
    }

    #[test]
    fn mysql_backslash_escapes_a_quote_but_postgres_does_not() {
        let my = "INSERT INTO t VALUES ('it\\'s; fine');\nSELECT 2;";
        assert_eq!(texts(my, Dialect::Mysql).len(), 2);
        // In standard Postgres strings a backslash is an ordinary character.
        let pg = "INSERT INTO t VALUES ('C:\\');\nSELECT 2;";
        assert_eq!(texts(pg, Dialect::Postgres).len(), 2);
        let pg_e = "INSERT INTO t VALUES (E'it\\'s; ok');\nSELECT 2;";
        assert_eq!(texts(pg_e, Dialect::Postgres).len(), 2);
    }

    #[test]
    fn dollar_quoted_function_bodies_stay_whole() {
        let sql = "CREATE FUNCTION f() RETURNS trigger AS $body$\nBEGIN\n  NEW.x := 1;\n  RETURN NEW;\nEND;\n$body$ LANGUAGE plpgsql;\nCREATE INDEX i ON t (a);";
        let got = texts(sql, Dialect::Postgres);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1], (7, "CREATE INDEX i ON t (a)".to_string()));
    }

    #[test]
    fn trigger_bodies_with_begin_end_stay_whole() {
        let sql = "CREATE TRIGGER trg AFTER INSERT ON t BEGIN\n  UPDATE c SET n = n + 1;\n  SELECT CASE WHEN 1 THEN 2 END;\nEND;\nCREATE INDEX i ON t (a);";
        let got = texts(sql, Dialect::Sqlite);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, 5);
    }

    #[test]
    fn a_table_named_event_with_begin_and_end_columns_is_no_routine() {
        let sql = "CREATE TABLE event (id int, \"begin\" int, begin_at int, \"end\" int);\nCREATE INDEX i ON event (id);";
        assert_eq!(texts(sql, Dialect::Postgres).len(), 2);
        let my = "CREATE TABLE event (id int, begin int);\nCREATE INDEX i ON event (id);";
        assert_eq!(texts(my, Dialect::Mysql).len(), 2);
    }

    #[test]
    fn procedures_with_if_blocks_and_mysql_delimiter() {
        let sql = "DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  IF 1 THEN SELECT 1; END IF;\nEND //\nDELIMITER ;\nCREATE INDEX i ON t (a);\n";
        let got = texts(sql, Dialect::Mysql);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].1.starts_with("CREATE PROCEDURE"));
        assert_eq!(got[1], (7, "CREATE INDEX i ON t (a)".to_string()));
    }

    #[test]
    fn copy_data_is_not_sql() {
        let sql = "COPY public.t (a, b) FROM stdin;\n1\tx; DROP TABLE t\n2\ty\n\\.\n\nCREATE INDEX i ON t (a);";
        let got = texts(sql, Dialect::Postgres);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1], (6, "CREATE INDEX i ON t (a)".to_string()));
    }

    #[test]
    fn unterminated_string_swallows_only_the_rest() {
        let sql = "CREATE TABLE a (id int);\nSELECT 'oops;\nCREATE TABLE b (id int);";
        let got = texts(sql, Dialect::Postgres);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1, "CREATE TABLE a (id int)");
    }

    #[test]
    fn nested_comments_in_postgres() {
        let sql = "/* a /* b; */ c; */ SELECT 1; SELECT 2";
        assert_eq!(texts(sql, Dialect::Postgres).len(), 2);
    }

    #[test]
    fn line_counting_survives_multibyte_text() {
        let sql = "SELECT 'é;ü';\n\n-- ünïcode\nCREATE TABLE ä (id int);";
        let got = texts(sql, Dialect::Postgres);
        assert_eq!(got[1].0, 4);
    }
}
