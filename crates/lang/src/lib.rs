//! The languages shipshape reads. Adding a language is one variant here (extensions, grammar,
//! comment syntax, which query packs apply), its `queries/<name>/` folder and its corpus cases:
//! nothing in the scanner, rules or reports changes.
#![deny(missing_docs)]

use serde::Serialize;
use std::fmt;

/// A source language with its own grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// `.py`, `.pyi`
    Python,
    /// `.js`, `.mjs`, `.cjs`, `.jsx`
    JavaScript,
    /// `.ts`, `.mts`, `.cts`
    TypeScript,
    /// `.tsx` (TypeScript with JSX: its own grammar, TypeScript's query packs)
    Tsx,
    /// `.rs`
    Rust,
}

impl Language {
    /// Every language, in a fixed order.
    pub const ALL: [Language; 5] = [
        Language::Python,
        Language::JavaScript,
        Language::TypeScript,
        Language::Tsx,
        Language::Rust,
    ];

    /// The language of a file, from its name's extension.
    pub fn from_path(path: &std::path::Path) -> Option<Language> {
        let ext = path.extension()?.to_str()?;
        Self::from_extension(ext)
    }

    /// The language of an extension (without the dot).
    pub fn from_extension(ext: &str) -> Option<Language> {
        Some(match ext {
            "py" | "pyi" => Language::Python,
            "js" | "mjs" | "cjs" | "jsx" => Language::JavaScript,
            "ts" | "mts" | "cts" => Language::TypeScript,
            "tsx" => Language::Tsx,
            "rs" => Language::Rust,
            _ => return None,
        })
    }

    /// The language whose [`Language::id`] is `id`.
    pub fn from_id(id: &str) -> Option<Language> {
        Self::ALL.into_iter().find(|language| language.id() == id)
    }

    /// Lower-case id, used in `--queries DIR/<id>/`, JSON output and messages.
    pub fn id(self) -> &'static str {
        match self {
            Language::Python => "python",
            Language::JavaScript => "javascript",
            Language::TypeScript => "typescript",
            Language::Tsx => "tsx",
            Language::Rust => "rust",
        }
    }

    /// Name for people.
    pub fn display_name(self) -> &'static str {
        match self {
            Language::Python => "Python",
            Language::JavaScript => "JavaScript",
            Language::TypeScript => "TypeScript",
            Language::Tsx => "TSX",
            Language::Rust => "Rust",
        }
    }

    /// The tree-sitter grammar.
    pub fn grammar(self) -> tree_sitter::Language {
        match self {
            Language::Python => tree_sitter_python::LANGUAGE.into(),
            Language::JavaScript => tree_sitter_javascript::LANGUAGE.into(),
            Language::TypeScript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
            Language::Tsx => tree_sitter_typescript::LANGUAGE_TSX.into(),
            Language::Rust => tree_sitter_rust::LANGUAGE.into(),
        }
    }

    /// The `queries/<folder>/` packs that apply, in order: TypeScript inherits JavaScript's
    /// patterns (its grammar is a superset), TSX uses TypeScript's; `javascript-only` holds the
    /// few JavaScript forms TypeScript's grammar spells differently (untyped parameters).
    pub fn query_folders(self) -> &'static [&'static str] {
        match self {
            Language::Python => &["python"],
            Language::JavaScript => &["javascript", "javascript-only"],
            Language::TypeScript | Language::Tsx => &["javascript", "typescript"],
            Language::Rust => &["rust"],
        }
    }

    /// The line-comment marker, used by corpus annotations and inline suppressions.
    pub fn line_comment(self) -> &'static str {
        match self {
            Language::Python => "#",
            _ => "//",
        }
    }

    /// Whether minified bundles are common in this language (the long-line guard applies).
    pub fn may_be_minified(self) -> bool {
        matches!(
            self,
            Language::JavaScript | Language::TypeScript | Language::Tsx
        )
    }
}

/// What a discovered file is: source code in one of the [`Language`]s, or a file that only
/// describes the database (SQL migrations and dumps, a Prisma schema). Schema files are read
/// by `shipshape-schema`, not parsed by tree-sitter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    /// Source code.
    Code(Language),
    /// `.sql`: migrations, schema dumps, query files.
    Sql,
    /// `.prisma`: a Prisma schema.
    Prisma,
}

impl FileKind {
    /// The kind of a file, from its name's extension.
    pub fn from_path(path: &std::path::Path) -> Option<FileKind> {
        let ext = path.extension()?.to_str()?;
        match ext {
            "sql" => Some(FileKind::Sql),
            "prisma" => Some(FileKind::Prisma),
            _ => Language::from_extension(ext).map(FileKind::Code),
        }
    }

    /// The source language, for code.
    pub fn language(self) -> Option<Language> {
        match self {
            FileKind::Code(language) => Some(language),
            FileKind::Sql | FileKind::Prisma => None,
        }
    }

    /// Lower-case id for JSON output and messages.
    pub fn id(self) -> &'static str {
        match self {
            FileKind::Code(language) => language.id(),
            FileKind::Sql => "sql",
            FileKind::Prisma => "prisma",
        }
    }

    /// The line-comment marker, used by corpus annotations and inline suppressions.
    pub fn line_comment(self) -> &'static str {
        match self {
            FileKind::Code(language) => language.line_comment(),
            FileKind::Sql => "--",
            FileKind::Prisma => "//",
        }
    }
}

impl From<Language> for FileKind {
    fn from(language: Language) -> Self {
        FileKind::Code(language)
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileKind::Code(language) => language.fmt(f),
            FileKind::Sql => f.write_str("SQL"),
            FileKind::Prisma => f.write_str("Prisma"),
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.display_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_grammar_loads_in_this_tree_sitter() {
        for language in Language::ALL {
            let mut parser = tree_sitter::Parser::new();
            parser
                .set_language(&language.grammar())
                .unwrap_or_else(|e| panic!("{language}: {e}"));
        }
    }

    #[test]
    fn ids_map_back_to_languages() {
        for language in Language::ALL {
            assert_eq!(Language::from_id(language.id()), Some(language));
        }
        assert_eq!(Language::from_id("go"), None);
    }

    #[test]
    fn extensions_map_to_languages() {
        for (ext, lang) in [
            ("pyi", Language::Python),
            ("cjs", Language::JavaScript),
            ("jsx", Language::JavaScript),
            ("mts", Language::TypeScript),
            ("tsx", Language::Tsx),
            ("rs", Language::Rust),
        ] {
            assert_eq!(Language::from_extension(ext), Some(lang));
        }
        assert_eq!(Language::from_extension("go"), None);
        let kind = |name: &str| FileKind::from_path(std::path::Path::new(name));
        assert_eq!(kind("db/migrate/001_init.sql"), Some(FileKind::Sql));
        assert_eq!(kind("prisma/schema.prisma"), Some(FileKind::Prisma));
        assert_eq!(kind("app.py"), Some(FileKind::Code(Language::Python)));
        assert_eq!(kind("README.md"), None);
    }
}
