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
}

pub(crate) fn analyze_file(
    analyzer: &dyn FileAnalyzer,
    workspace: &mut Workspace,
    candidate: &Candidate,
    options: &ScanOptions,
) -> FileOutcome {
    let path = candidate.relative.as_str();
    let skip = |bytes: u64, kind, message: String| {
        FileOutcome::skipped(
            path,
            candidate.kind,
            usize::try_from(bytes).unwrap_or(usize::MAX),
            Notification::for_file(path, kind, message),
        )
    };
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
    match panic_guard::catch(|| analyzer.analyze(workspace, path, candidate.kind, &bytes)) {
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
