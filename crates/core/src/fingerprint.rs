//! Fingerprints that let GitHub and baselines recognise the same alert across commits.
//!
//! Two are produced. shipshape's own is line-insensitive (design.md): rule id, path, enclosing
//! function and the whitespace-collapsed flagged code, plus an occurrence counter for identical
//! twins. GitHub's `primaryLocationLineHash` is computed with the rolling hash that
//! github/codeql-action publishes (`src/fingerprints.ts`), so uploads made with or without that
//! action agree.

use crate::collapse_whitespace;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// Hands out shipshape fingerprints for the findings of one file, counting identical twins.
#[derive(Debug, Default)]
pub struct FingerprintBuilder {
    seen: HashMap<String, usize>,
}

impl FingerprintBuilder {
    /// A builder for one file.
    pub fn new() -> Self {
        Self::default()
    }

    /// The fingerprint `hash:occurrence`; call in source order so twins number stably.
    pub fn fingerprint(&mut self, rule_id: &str, path: &str, function: &str, code: &str) -> String {
        let mut hasher = Sha256::new();
        for part in [rule_id, path, function, &collapse_whitespace(code)] {
            hasher.update(part.as_bytes());
            hasher.update([0u8]);
        }
        let digest = hasher.finalize();
        let hash: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        let count = self.seen.entry(hash.clone()).or_insert(0);
        *count += 1;
        format!("{hash}:{count}")
    }
}

const BLOCK_SIZE: usize = 100;
const MOD: u64 = 37;
const EOF_CODE: u16 = 0xFFFF;

/// GitHub's `primaryLocationLineHash` value for every line of `text`; index 0 is line 1.
///
/// Each line's hash covers the next 100 characters (UTF-16 code units) from its start, spaces
/// and tabs skipped and line endings normalised to `\n`; identical hashes are numbered `:1`,
/// `:2`, … in file order.
pub fn github_line_hashes(text: &str) -> Vec<String> {
    let mut hasher = RollingLineHasher::new();
    for unit in text.encode_utf16() {
        hasher.push(unit);
    }
    hasher.finish()
}

struct RollingLineHasher {
    window: [u16; BLOCK_SIZE],
    line_at: [Option<usize>; BLOCK_SIZE],
    hash: u64,
    first_mod: u64,
    index: usize,
    line_number: usize,
    line_start: bool,
    prev_cr: bool,
    counts: HashMap<u64, usize>,
    out: Vec<String>,
}

impl RollingLineHasher {
    fn new() -> Self {
        RollingLineHasher {
            window: [0; BLOCK_SIZE],
            line_at: [None; BLOCK_SIZE],
            hash: 0,
            first_mod: (0..BLOCK_SIZE).fold(1u64, |acc, _| acc.wrapping_mul(MOD)),
            index: 0,
            line_number: 0,
            line_start: true,
            prev_cr: false,
            counts: HashMap::new(),
            out: Vec::new(),
        }
    }

    fn emit(&mut self) {
        if let Some(line) = self.line_at[self.index] {
            let count = self.counts.entry(self.hash).or_insert(0);
            *count += 1;
            if self.out.len() < line {
                self.out.resize(line, String::new());
            }
            self.out[line - 1] = format!("{:x}:{}", self.hash, count);
            self.line_at[self.index] = None;
        }
    }

    fn update(&mut self, unit: u16) {
        let begin = u64::from(self.window[self.index]);
        self.window[self.index] = unit;
        self.hash = MOD
            .wrapping_mul(self.hash)
            .wrapping_add(u64::from(unit))
            .wrapping_sub(self.first_mod.wrapping_mul(begin));
        self.index = (self.index + 1) % BLOCK_SIZE;
    }

    fn push(&mut self, mut unit: u16) {
        let (space, tab, lf, cr) = (b' ' as u16, b'\t' as u16, b'\n' as u16, b'\r' as u16);
        if unit == space || unit == tab || (self.prev_cr && unit == lf) {
            self.prev_cr = false;
            return;
        }
        if unit == cr {
            unit = lf;
            self.prev_cr = true;
        } else {
            self.prev_cr = false;
        }
        self.emit();
        if self.line_start {
            self.line_start = false;
            self.line_number += 1;
            self.line_at[self.index] = Some(self.line_number);
        }
        if unit == lf {
            self.line_start = true;
        }
        self.update(unit);
    }

    fn finish(mut self) -> Vec<String> {
        self.push(EOF_CODE);
        for _ in 0..BLOCK_SIZE {
            self.emit();
            self.update(0);
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_ignores_whitespace_and_counts_twins() {
        let mut fp = FingerprintBuilder::new();
        let a = fp.fingerprint("sql-injection", "a.py", "load", "execute( q )");
        let b = fp.fingerprint("sql-injection", "a.py", "load", "execute(\n   q )");
        assert_eq!(a.split(':').next(), b.split(':').next());
        assert!(a.ends_with(":1") && b.ends_with(":2"));
        let other = fp.fingerprint("sql-injection", "a.py", "save", "execute( q )");
        assert_ne!(a.split(':').next(), other.split(':').next());
    }

    // Reference vectors: the output of codeql-action's `hash()` (src/fingerprints.ts, run under
    // Node.js on the same strings). Note the extra hash for the empty line after the last newline.
    #[test]
    fn github_line_hash_matches_published_algorithm() {
        assert_eq!(
            github_line_hashes("hello\nworld\nhello\n"),
            [
                "6d7b7f5f5556dc5:1",
                "ea86664d537b73d3:1",
                "5e536e90a7094d15:1",
                "c129715d7a2bc9a3:1"
            ]
        );
        let long = format!(
            "def f(x):\n{}é😀 = \"{}\"\n\n\n",
            "    return x + 1\n".repeat(3),
            "z".repeat(120)
        );
        assert_eq!(
            github_line_hashes(&long),
            [
                "efb7174f1d94a6b1:1",
                "6c49a6a64e094ad9:1",
                "106fbbba5669276b:1",
                "c7966780044efded:1",
                "bd3f482dbd0c2adf:1",
                "5b5d4caf73a13177:1",
                "3c5bef55b72b93c9:1",
                "c129715d7a2bc9a3:1"
            ]
        );
        let twins = format!("same\nsame\n{}same\nsame\n", "\n".repeat(150));
        let hashes = github_line_hashes(&twins);
        assert_eq!(hashes.len(), 155);
        assert_eq!(hashes[2], "b18f1d802aa475d8:1");
        assert_eq!(hashes[3], "b18f1d802aa475d8:2");
        assert_eq!(hashes[52], "b18f1d802aa475d8:51");
        assert_eq!(hashes[53], "b18f1d802aa47641:1");
        // Spaces, tabs and CRLF line endings do not change any hash.
        assert_eq!(
            github_line_hashes("a = 1\r\n\tb = 2\r\n"),
            github_line_hashes("a=1\nb=2\n")
        );
    }
}
