//! Byte offsets to SARIF regions: 1-based lines and 1-based UTF-16 columns.

use crate::Region;

/// Start offsets of every line of a text, for turning byte offsets into lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Index `text`. Lines end at `\n`; a `\r` before it belongs to the line ending.
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, line_starts }
    }

    /// Number of lines (a trailing newline does not start a new line).
    pub fn line_count(&self) -> usize {
        let n = self.line_starts.len();
        if n > 1 && self.line_starts[n - 1] == self.text.len() {
            n - 1
        } else {
            n
        }
    }

    /// 0-based line of a byte offset.
    fn line_of(&self, byte: usize) -> usize {
        match self.line_starts.binary_search(&byte) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// 1-based UTF-16 column of a byte offset on its line.
    fn utf16_column(&self, line: usize, byte: usize) -> usize {
        let start = self.line_starts[line];
        let byte = floor_char_boundary(self.text, byte.min(self.text.len()));
        self.text[start..byte].encode_utf16().count() + 1
    }

    /// The region covering `start..end` (byte offsets, end exclusive).
    pub fn region(&self, start: usize, end: usize) -> Region {
        let end = end.max(start);
        let start_line = self.line_of(start);
        let end_line = self.line_of(end);
        Region {
            start_line: start_line + 1,
            start_column: self.utf16_column(start_line, start),
            end_line: end_line + 1,
            end_column: self.utf16_column(end_line, end),
        }
    }

    /// The text of a 1-based line without its line ending (empty past the end).
    pub fn line_text(&self, line: usize) -> &'a str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        let text = &self.text[start..end.max(start)];
        text.strip_suffix('\r').unwrap_or(text)
    }
}

fn floor_char_boundary(text: &str, mut byte: usize) -> usize {
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

/// Collapse every run of whitespace to one space and trim the ends.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters of `text`, with `…` when cut.
pub fn truncate_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_code_units_and_end_is_exclusive() {
        // 'é' is 2 bytes and 1 UTF-16 unit; '😀' is 4 bytes and 2 units.
        let text = "a\né😀x = 1\r\nlast";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        let region = index.region(x, x + 1);
        assert_eq!(
            region,
            Region {
                start_line: 2,
                start_column: 4,
                end_line: 2,
                end_column: 5
            }
        );
        assert_eq!(index.line_text(2), "é😀x = 1");
        assert_eq!(index.line_text(3), "last");
        assert_eq!(index.line_text(4), "");
        assert_eq!(index.line_count(), 3);
    }

    #[test]
    fn truncation_and_whitespace() {
        assert_eq!(collapse_whitespace("  a \n\t b  "), "a b");
        assert_eq!(truncate_chars("abcdef", 3), "abc…");
        assert_eq!(truncate_chars("abc", 3), "abc");
    }
}
