//! The content-addressed result cache in front of the engine: a [`FileAnalyzer`] that looks a
//! file up by the hash of its bytes, its path and kind, and the rule-set version, and only
//! analyses it when nothing is stored. What is stored is the whole per-file outcome —
//! findings, notifications, suppression directives and the database records the
//! repository-level missing-index join reads — so the join is recomputed from cached facts
//! exactly as from fresh ones.
//!
//! The path is part of the key because the outcome names it (in findings, fingerprints and
//! database sites): the same bytes under another name are another entry.

use crate::store::{Store, Writer};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use shipshape_core::{Finding, Fix, FlowStep, Level, Notification, Region};
use shipshape_engine::{Directive, Engine, FileOutcome, Workspace};
use shipshape_lang::{FileKind, Language};
use shipshape_query::PackFile;
use shipshape_rules::db::FileDb;
use shipshape_rules::Registry;
use shipshape_scan::FileAnalyzer;
use std::io::{Read, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The rule-set version: a hash of the running binary (its version and its code: rules,
/// embedded packs and everything else), every query pack's text and the engine settings
/// that change per-file results. A change to any of them misses every cached entry.
pub fn ruleset_version(binary: &str, packs: &[PackFile], engine: &Engine) -> String {
    let mut hash = Sha256::new();
    hash.update(env!("CARGO_PKG_VERSION").as_bytes());
    hash.update([0]);
    hash.update(binary.as_bytes());
    for pack in packs {
        for part in [&pack.folder, &pack.origin, &pack.source] {
            hash.update((part.len() as u64).to_le_bytes());
            hash.update(part.as_bytes());
        }
    }
    hash.update(format!("{:?}|{:?}|{:?}", engine.limits, engine.budgets, engine.mode).as_bytes());
    hex(&hash.finalize())
}

/// A hash of the running binary. Hashing a release binary takes a fraction of a second (a
/// debug one several); the store remembers it for the binary's path, size and modification
/// time, so only a new build is hashed again.
pub fn binary_hash(store: &Store) -> String {
    let Ok(exe) = std::env::current_exe() else {
        return String::new();
    };
    let stamp = std::fs::metadata(&exe)
        .ok()
        .and_then(|m| Some((m.len(), m.modified().ok()?)))
        .map(|(len, modified)| {
            let since = modified
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default();
            format!("{}|{len}|{}", exe.display(), since.as_nanos())
        });
    let key = stamp.as_ref().map(|s| format!("binary-hash:{s}"));
    if let Some(known) = key.as_deref().and_then(|k| store.meta(k)) {
        return known;
    }
    let hash = file_hash(&exe);
    if let Some(key) = key {
        store.set_meta(&key, &hash);
    }
    hash
}

/// A hash of the file at `path`, or of nothing when it cannot be read.
pub fn file_hash(path: &std::path::Path) -> String {
    let mut hash = Sha256::new();
    if let Ok(mut file) = std::fs::File::open(path) {
        let mut buffer = vec![0; 1 << 20];
        while let Ok(n) = file.read(&mut buffer) {
            if n == 0 {
                break;
            }
            hash.update(&buffer[..n]);
        }
    }
    hex(&hash.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// An engine behind the cache. Counts what it served from the store and what it analysed.
#[derive(Debug)]
pub struct CachingAnalyzer<'a> {
    engine: &'a Engine,
    cache: Option<(&'a Store, &'a Writer)>,
    ruleset: &'a str,
    registry: &'a Registry,
    hits: AtomicUsize,
}

impl<'a> CachingAnalyzer<'a> {
    /// `engine` behind `cache` (none: analyse everything, store nothing).
    pub fn new(
        engine: &'a Engine,
        cache: Option<(&'a Store, &'a Writer)>,
        ruleset: &'a str,
        registry: &'a Registry,
    ) -> Self {
        CachingAnalyzer {
            engine,
            cache,
            ruleset,
            registry,
            hits: AtomicUsize::new(0),
        }
    }

    /// How many analysed files (not skipped ones) had their results served from the cache.
    pub fn hits_analyzed(&self) -> usize {
        self.hits.load(Ordering::Relaxed)
    }

    fn key(&self, path: &str, kind: FileKind, bytes: &[u8]) -> Vec<u8> {
        let mut hash = Sha256::new();
        hash.update(self.ruleset.as_bytes());
        hash.update([0]);
        hash.update(format!("{kind:?}").as_bytes());
        hash.update([0]);
        hash.update(path.as_bytes());
        hash.update([0]);
        hash.update(Sha256::digest(bytes));
        hash.finalize().to_vec()
    }
}

impl FileAnalyzer for CachingAnalyzer<'_> {
    fn prepare(&self, languages: &[Language]) {
        // With a cache, a warm run may need no query at all: compile on first use instead.
        if self.cache.is_none() {
            self.engine.prepare(languages);
        }
    }

    fn analyze(
        &self,
        workspace: &mut Workspace,
        path: &str,
        kind: FileKind,
        bytes: &[u8],
    ) -> FileOutcome {
        let Some((store, writer)) = self.cache else {
            return self.engine.analyze(workspace, path, kind, bytes);
        };
        let key = self.key(path, kind, bytes);
        if let Some((value, stale)) = store.get(&key) {
            if let Some(outcome) = decode(&value, path, kind, bytes.len(), self.registry) {
                if outcome.analyzed {
                    self.hits.fetch_add(1, Ordering::Relaxed);
                }
                if stale {
                    writer.touch(key);
                }
                return outcome;
            }
        }
        let outcome = self.engine.analyze(workspace, path, kind, bytes);
        if let Some(value) = encode(&outcome) {
            writer.put(key, value);
        }
        outcome
    }
}

/// A finding as stored: owned strings where [`Finding`] holds `&'static str`.
#[derive(Serialize, Deserialize)]
struct StoredFinding {
    rule_id: String,
    level: Level,
    region: Region,
    message: String,
    function: String,
    fingerprint: String,
    line_hash: String,
    line_text: String,
    context: Option<String>,
    flow: Vec<FlowStep>,
    related: Vec<FlowStep>,
    security_severity: Option<String>,
    suppressed: Option<String>,
    fix: Option<Fix>,
}

/// A file's outcome as stored (its path and kind are in the key).
#[derive(Serialize, Deserialize)]
struct StoredOutcome {
    lines: usize,
    analyzed: bool,
    findings: Vec<StoredFinding>,
    notifications: Vec<Notification>,
    db: Option<FileDb>,
    suppressions: Vec<Directive>,
}

/// Compressed JSON of an outcome.
fn encode(outcome: &FileOutcome) -> Option<Vec<u8>> {
    let stored = StoredOutcome {
        lines: outcome.lines,
        analyzed: outcome.analyzed,
        findings: outcome
            .findings
            .iter()
            .map(|f| StoredFinding {
                rule_id: f.rule_id.to_string(),
                level: f.level,
                region: f.region,
                message: f.message.clone(),
                function: f.function.clone(),
                fingerprint: f.fingerprint.clone(),
                line_hash: f.line_hash.clone(),
                line_text: f.line_text.clone(),
                context: f.context.clone(),
                flow: f.flow.clone(),
                related: f.related.clone(),
                security_severity: f.security_severity.map(str::to_string),
                suppressed: f.suppressed.clone(),
                fix: f.fix.clone(),
            })
            .collect(),
        notifications: outcome.notifications.clone(),
        db: outcome.db.clone(),
        suppressions: outcome.suppressions.clone(),
    };
    let json = serde_json::to_vec(&stored).ok()?;
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(&json).ok()?;
    encoder.finish().ok()
}

/// The outcome stored in `value`; `None` (analyse again) when it cannot be read or names a
/// rule this build does not have.
fn decode(
    value: &[u8],
    path: &str,
    kind: FileKind,
    bytes: usize,
    registry: &Registry,
) -> Option<FileOutcome> {
    let mut json = Vec::new();
    flate2::read::DeflateDecoder::new(value)
        .read_to_end(&mut json)
        .ok()?;
    let stored: StoredOutcome = serde_json::from_slice(&json).ok()?;
    let mut outcome = FileOutcome::new(path, kind, bytes);
    outcome.lines = stored.lines;
    outcome.analyzed = stored.analyzed;
    outcome.notifications = stored.notifications;
    outcome.db = stored.db;
    outcome.suppressions = stored.suppressions;
    for f in stored.findings {
        let meta = registry.meta(&f.rule_id)?;
        outcome.findings.push(Finding {
            rule_id: meta.id,
            level: f.level,
            path: path.to_string(),
            region: f.region,
            message: f.message,
            function: f.function,
            fingerprint: f.fingerprint,
            line_hash: f.line_hash,
            line_text: f.line_text,
            context: f.context,
            flow: f.flow,
            related: f.related,
            security_severity: f.security_severity.as_deref().map(intern),
            suppressed: f.suppressed,
            fix: f.fix,
        });
    }
    Some(outcome)
}

/// A `&'static str` for a security-severity read from the store. Rules use a handful of
/// values ("8.8", "9.8" …), so each distinct one is leaked once and reused.
fn intern(value: &str) -> &'static str {
    static SEEN: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(known) = seen.iter().find(|s| **s == value) {
        return known;
    }
    let leaked: &'static str = Box::leak(value.to_string().into_boxed_str());
    seen.push(leaked);
    leaked
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use shipshape_query::QuerySet;

    #[test]
    fn a_stored_outcome_reads_back_the_same() {
        let engine = Engine::new(QuerySet::new(PackFile::embedded()), Registry::new());
        let registry = Registry::new();
        let source = b"import os\nfrom flask import request\n\ndef run(cur, x):\n    cur.execute(\"SELECT * FROM t WHERE a = '\" + x + \"'\")  # shipshape: ignore[sql-injection] legacy\n    os.system(request.args['c'])\n\nclass User(models.Model):\n    email = models.CharField()\n";
        let kind = FileKind::Code(Language::Python);
        let fresh = engine.analyze(&mut Workspace::new(), "app/a.py", kind, source);
        assert!(fresh.findings.len() >= 2, "{:?}", fresh.findings);
        assert!(!fresh.suppressions.is_empty());
        let back = decode(
            &encode(&fresh).unwrap(),
            "app/a.py",
            kind,
            source.len(),
            &registry,
        )
        .unwrap();
        assert_eq!(back.findings, fresh.findings);
        assert_eq!(back.notifications, fresh.notifications);
        assert_eq!(back.db, fresh.db);
        assert_eq!(back.suppressions, fresh.suppressions);
        assert_eq!(
            (back.lines, back.analyzed, back.bytes),
            (fresh.lines, fresh.analyzed, fresh.bytes)
        );
    }
}
