//! Helpers shared by shipshape's benchmarks (`benches/analyze.rs`): loading the source files a
//! benchmark runs on and building the engine the way the CLI does.
//!
//! Run the benchmarks with `cargo bench -p shipshape-benches`; see `docs/performance.md`.
#![deny(missing_docs)]

use shipshape_engine::Engine;
use shipshape_lang::Language;
use shipshape_query::{PackFile, QuerySet};
use shipshape_rules::Registry;
use shipshape_scan::DEFAULT_EXCLUDED_DIRS;
use std::io;
use std::path::{Path, PathBuf};

/// Environment variable naming another folder to benchmark instead of the repository's corpus
/// (for example one of the real-world trees that `scripts/fetch-sources.sh` unpacks).
pub const CORPUS_ENV: &str = "SHIPSHAPE_BENCH_CORPUS";

/// One source file, read into memory before any measurement starts.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// `/`-separated path relative to the folder it was loaded from.
    pub path: String,
    /// Its language, from the extension.
    pub language: Language,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// The repository's ground-truth corpus folder (`<repo>/corpus`).
pub fn default_corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus")
}

/// The folder to benchmark: `$SHIPSHAPE_BENCH_CORPUS` when set and not empty, else
/// [`default_corpus_dir`].
pub fn corpus_dir() -> PathBuf {
    match std::env::var_os(CORPUS_ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => default_corpus_dir(),
    }
}

/// Every file under `root` whose extension names a language shipshape reads, sorted by path.
/// Hidden entries and symlinks are skipped, as are the folders the scanner leaves out by
/// default (`node_modules`, `target`, ...), so the set matches what `shipshape scan` analyses.
pub fn load_sources(root: &Path) -> io::Result<Vec<SourceFile>> {
    let mut files = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') {
                continue;
            }
            let kind = entry.file_type()?;
            let path = entry.path();
            if kind.is_dir() {
                if !DEFAULT_EXCLUDED_DIRS.contains(&name.as_ref()) {
                    pending.push(path);
                }
            } else if kind.is_file() {
                if let Some(language) = Language::from_path(&path) {
                    let relative = path
                        .strip_prefix(root)
                        .unwrap_or(&path)
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/");
                    files.push(SourceFile {
                        path: relative,
                        language,
                        bytes: std::fs::read(&path)?,
                    });
                }
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// The files of each language, in [`Language::ALL`] order, leaving out languages with none.
pub fn by_language(files: &[SourceFile]) -> Vec<(Language, Vec<&SourceFile>)> {
    Language::ALL
        .iter()
        .map(|&language| {
            let of: Vec<&SourceFile> = files.iter().filter(|f| f.language == language).collect();
            (language, of)
        })
        .filter(|(_, of)| !of.is_empty())
        .collect()
}

/// An engine with the embedded query packs and every built-in rule, as the CLI builds it.
///
/// # Panics
/// When the embedded packs do not compile (the query crate's tests guard against that).
pub fn engine() -> Engine {
    let queries = QuerySet::compile(&PackFile::embedded()).expect("embedded query packs compile");
    Engine::new(queries, Registry::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_has_every_language_family() {
        let files = load_sources(&default_corpus_dir()).expect("corpus is readable");
        let languages: Vec<Language> = by_language(&files).iter().map(|(l, _)| *l).collect();
        for language in [
            Language::Python,
            Language::JavaScript,
            Language::TypeScript,
            Language::Rust,
        ] {
            assert!(
                languages.contains(&language),
                "no {language} file in corpus"
            );
        }
    }
}

/// The embedded packs of one language joined as the query crate joins them, with where each
/// pack file starts: what the pattern-cost tools compile and measure.
#[derive(Debug, Clone)]
pub struct JoinedPacks {
    /// The packs' text, one after the other.
    pub text: String,
    /// The byte offset in `text` where each pack starts, and the pack's path.
    pub starts: Vec<(usize, String)>,
}

impl JoinedPacks {
    /// The embedded packs of `language`.
    pub fn of(language: Language) -> JoinedPacks {
        let packs = PackFile::embedded();
        let mut joined = JoinedPacks {
            text: String::new(),
            starts: Vec::new(),
        };
        for folder in language.query_folders() {
            for pack in packs.iter().filter(|p| p.folder == *folder) {
                joined.starts.push((joined.text.len(), pack.origin.clone()));
                joined.text.push_str(&pack.source);
                joined.text.push('\n');
            }
        }
        joined
    }

    /// The pack a byte offset of `text` falls in, its start, and the 1-based line there.
    pub fn locate(&self, at: usize) -> (&str, usize) {
        let (start, origin) = self
            .starts
            .iter()
            .rev()
            .find(|(s, _)| *s <= at)
            .expect("offsets are inside the joined text");
        let line = self.text[*start..at].matches('\n').count() + 1;
        (origin, line)
    }
}
