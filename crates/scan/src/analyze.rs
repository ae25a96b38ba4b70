//! Reading one file and analysing it, with every failure turned into a notification.

use crate::panic_guard;
use crate::{Candidate, ScanOptions};
use shipshape_core::{Notification, NotificationKind};
use shipshape_engine::{Engine, FileOutcome, Workspace};
use shipshape_lang::{FileKind, Language};

/// What the scanner calls for each file; [`Engine`] is the real one, tests plug in others.
pub trait FileAnalyzer: Sync {
    /// Per-worker scratch space.
    fn new_workspace(&self) -> Workspace {
        Workspace::new()
    }

    /// Get ready for files of these languages (e.g. compile their queries in parallel).
    fn prepare(&self, _languages: &[Language]) {}

    /// Analyse one file's bytes.
    fn analyze(
        &self,
        workspace: &mut Workspace,
        path: &str,
        kind: FileKind,
        bytes: &[u8],
    ) -> FileOutcome;

    /// Read an unchanged file only for the repository's schema (`--changed-since`).
    fn analyze_for_schema(
        &self,
        workspace: &mut Workspace,
        path: &str,
        kind: FileKind,
        bytes: &[u8],
    ) -> FileOutcome {
        let mut outcome = self.analyze(workspace, path, kind, bytes);
        outcome.findings.clear();
        outcome.notifications.clear();
        outcome.suppressions.clear();
        outcome.context_only = true;
        outcome
    }
}

impl FileAnalyzer for Engine {
    fn prepare(&self, languages: &[Language]) {
        Engine::prepare(self, languages);
    }

    fn analyze(
        &self,
        workspace: &mut Workspace,
        path: &str,
        kind: FileKind,
        bytes: &[u8],
    ) -> FileOutcome {
        Engine::analyze(self, workspace, path, kind, bytes)
    }

    fn analyze_for_schema(
        &self,
        workspace: &mut Workspace,
        path: &str,
        kind: FileKind,
        bytes: &[u8],
    ) -> FileOutcome {
        Engine::analyze_for_schema(self, workspace, path, kind, bytes)
    }
}

pub(crate) fn analyze_file(
    analyzer: &dyn FileAnalyzer,
    workspace: &mut Workspace,
    candidate: &Candidate,
    options: &ScanOptions,
) -> FileOutcome {
    let mut outcome = read_and_analyze(analyzer, workspace, candidate, options);
    if outcome.context_only {
        // An unchanged file under --changed-since: nothing about it is reported.
        outcome.notifications.clear();
        outcome.findings.clear();
    }
    outcome
}

fn read_and_analyze(
    analyzer: &dyn FileAnalyzer,
    workspace: &mut Workspace,
    candidate: &Candidate,
    options: &ScanOptions,
) -> FileOutcome {
    let unchanged = options.changed.as_ref().is_some_and(|changed| {
        std::fs::canonicalize(&candidate.absolute).map_or(true, |p| !changed.contains(&p))
    });
    let skip = |bytes: u64, kind, message: String| {
        let mut outcome = FileOutcome::skipped(
            &candidate.relative,
            candidate.kind,
            usize::try_from(bytes).unwrap_or(usize::MAX),
            Notification::for_file(&candidate.relative, kind, message),
        );
        outcome.context_only = unchanged;
        outcome
    };
    let path = candidate.relative.as_str();
    let size = match std::fs::metadata(&candidate.absolute) {
        Ok(meta) => meta.len(),
        Err(e) => {
            return skip(
                0,
                NotificationKind::Unreadable,
                format!("cannot read file: {e}"),
            )
        }
    };
    if size > options.max_file_bytes {
        return skip(
            size,
            NotificationKind::TooLarge,
            format!(
                "file is {size} bytes, over the {}-byte limit; skipped (raise --max-file-bytes to analyse it)",
                options.max_file_bytes
            ),
        );
    }
    let bytes = match std::fs::read(&candidate.absolute) {
        Ok(bytes) => bytes,
        Err(e) => {
            return skip(
                size,
                NotificationKind::Unreadable,
                format!("cannot read file: {e}"),
            )
        }
    };
    let analyse = || {
        if unchanged {
            analyzer.analyze_for_schema(workspace, path, candidate.kind, &bytes)
        } else {
            analyzer.analyze(workspace, path, candidate.kind, &bytes)
        }
    };
    match panic_guard::catch(analyse) {
        Ok(outcome) => outcome,
        Err(panic) => {
            // The parser may be mid-parse: start the next file with fresh ones.
            *workspace = analyzer.new_workspace();
            skip(
                size,
                NotificationKind::InternalError,
                format!(
                    "internal error while analysing this file ({panic}); skipped. Please report it with the file if you can share it"
                ),
            )
        }
    }
}
