//! Where query pack files come from: the ones embedded at build time and the user's own.

use crate::QueryLoadError;

/// Where a pack file came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackSource {
    /// Shipped inside the binary.
    Embedded,
    /// Loaded from the user's `--queries` folder.
    User,
}

/// One `.scm` file of patterns for one query folder (`python`, `javascript`, ...).
#[derive(Debug, Clone)]
pub struct PackFile {
    /// The folder name: which languages it applies to (see `Language::query_folders`).
    pub folder: String,
    /// The path shown in errors (`queries/python/sql-injection.scm` or the user's path).
    pub origin: String,
    /// The patterns.
    pub source: String,
    /// Embedded or the user's.
    pub from: PackSource,
}

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

impl PackFile {
    /// Folders a pack may live in.
    pub const FOLDERS: &'static [&'static str] = &[
        "javascript",
        "javascript-only",
        "python",
        "rust",
        "typescript",
    ];

    /// The packs shipped in the binary.
    pub fn embedded() -> Vec<PackFile> {
        EMBEDDED
            .iter()
            .map(|&(folder, name, source)| PackFile {
                folder: folder.to_string(),
                origin: format!("queries/{folder}/{name}"),
                source: source.to_string(),
                from: PackSource::Embedded,
            })
            .collect()
    }

    /// A user's pack for `folder`; the folder must name a language (see [`PackFile::FOLDERS`]).
    pub fn user(folder: &str, origin: String, source: String) -> Result<PackFile, QueryLoadError> {
        if !Self::FOLDERS.contains(&folder) {
            return Err(QueryLoadError::new(
                origin,
                0,
                0,
                format!(
                    "unknown language folder '{folder}': query packs go in one of {}",
                    Self::FOLDERS.join(", ")
                ),
            ));
        }
        Ok(PackFile {
            folder: folder.to_string(),
            origin,
            source,
            from: PackSource::User,
        })
    }
}
