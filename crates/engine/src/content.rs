//! Content guards: what makes a file's bytes unfit (or only partly fit) to analyse.
//!
//! Decisions (see docs/decisions/0002-bad-input.md): binary content (a NUL byte near the start)
//! and minified bundles are skipped; invalid UTF-8 is decoded with U+FFFD replacement characters
//! and analysed, with a note, because legacy Latin-1 sources still contain real code (and a
//! replacement keeps UTF-16 columns of the rest of the line right, one unit per bad byte run).

use shipshape_core::{Notification, NotificationKind};

/// Thresholds for the content guards.
#[derive(Debug, Clone, Copy)]
pub struct ContentLimits {
    /// Files larger than this are skipped (`--max-file-bytes`).
    pub max_file_bytes: usize,
    /// A JS/TS line longer than this marks the file as minified.
    pub max_line_bytes: usize,
    /// Average JS/TS line length above this (on files of 4 KiB or more) marks it as minified.
    pub max_average_line_bytes: usize,
}

impl Default for ContentLimits {
    fn default() -> Self {
        ContentLimits {
            max_file_bytes: 1024 * 1024,
            max_line_bytes: 10_000,
            max_average_line_bytes: 250,
        }
    }
}

/// How far into a file to look for a NUL byte (git looks at the first 8000 bytes).
const BINARY_SNIFF_BYTES: usize = 8000;

/// Decode a file's bytes for analysis, or say why it is skipped.
pub(crate) fn decode(
    path: &str,
    may_be_minified: bool,
    bytes: &[u8],
    limits: &ContentLimits,
) -> Result<(String, Vec<Notification>), Notification> {
    if bytes.len() > limits.max_file_bytes {
        return Err(Notification::for_file(
            path,
            NotificationKind::TooLarge,
            format!(
                "file is {} bytes, over the {}-byte limit; skipped (raise --max-file-bytes to analyse it)",
                bytes.len(),
                limits.max_file_bytes
            ),
        ));
    }
    if bytes[..bytes.len().min(BINARY_SNIFF_BYTES)].contains(&0) {
        return Err(Notification::for_file(
            path,
            NotificationKind::Binary,
            "file holds binary content (a NUL byte); skipped",
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut notes = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(error) => {
            let line = 1 + bytes[..error.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            notes.push(
                Notification::for_file(
                    path,
                    NotificationKind::InvalidUtf8,
                    format!(
                        "file is not valid UTF-8 (first bad byte on line {line}); analysed with U+FFFD for the bad bytes"
                    ),
                )
                .at_line(line),
            );
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    if may_be_minified {
        if let Some(why) = minified(path, &text, limits) {
            return Err(Notification::for_file(
                path,
                NotificationKind::Minified,
                why,
            ));
        }
    }
    Ok((text, notes))
}

fn minified(path: &str, text: &str, limits: &ContentLimits) -> Option<String> {
    let name = path.rsplit('/').next().unwrap_or(path);
    if name.contains(".min.") {
        return Some("minified file (its name has .min.); skipped".to_string());
    }
    let (mut lines, mut longest) = (0usize, 0usize);
    for line in text.split('\n') {
        lines += 1;
        longest = longest.max(line.len());
    }
    if longest > limits.max_line_bytes {
        return Some(format!(
            "looks minified or generated (a line of {longest} bytes, over {}); skipped",
            limits.max_line_bytes
        ));
    }
    let average = text.len() / lines.max(1);
    if text.len() >= 4096 && average > limits.max_average_line_bytes {
        return Some(format!(
            "looks minified or generated (lines average {average} bytes, over {}); skipped",
            limits.max_average_line_bytes
        ));
    }
    None
}
