//! Query packs: what is a sink, a source, a string built from parts, a function, in each
//! language and framework. The packs are data (`queries/<language>/*.scm`); this crate embeds
//! them, adds the user's own (`--queries DIR`), compiles all of a language's patterns into one
//! tree-sitter query (one pass per file), and checks that every capture name is one the core
//! understands, so a typo is an error at start-up rather than a silently dead pattern.
#![deny(missing_docs)]

mod captures;
mod pack;
mod prefilter;
mod query_set;

pub use captures::{Capture, CAPTURES, PROPERTY_KEYS};
pub use pack::{PackFile, PackSource};
pub use prefilter::{contains_word, SinkWords};
pub use query_set::{CompiledQuery, DbProperties, QueryLoadError, QuerySet};
