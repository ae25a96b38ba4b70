//! The batch's embedded store: one SQLite file (`shipshape-cache.sqlite` in the cache folder)
//! holding the content-addressed per-file results and the run history.
//!
//! SQLite in WAL mode is what lets two batches share one cache and survive being killed:
//! every change is a transaction (a killed process leaves the last committed state), readers
//! never block the one writer, and a second process waits for the write lock (busy timeout)
//! instead of failing. See `docs/decisions/0014-batch-store-and-scheduling.md`.
//!
//! Worker threads read through one connection each (indexed by rayon's thread index, so no
//! two threads share one and no lock is contended); writes go through a [`Writer`] thread that
//! commits in batches, so analysis never waits for the disk.

use rusqlite::{params, Connection, OptionalExtension};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The file name inside the cache folder.
pub const FILE_NAME: &str = "shipshape-cache.sqlite";

/// Bumped when the tables change shape; a store of another version is refused.
const SCHEMA_VERSION: &str = "1";

/// How long a process waits for another one's write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(120);

/// Cached file results unused for this many days are removed when a run finishes.
const KEEP_UNUSED_DAYS: i64 = 30;

/// A store that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("result cache '{}': {message}", path.display())]
pub struct StoreError {
    path: PathBuf,
    message: String,
}

/// One run of a batch, as the history knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunId {
    /// Row id.
    pub id: i64,
    /// The label shown in reports (`--run-id`, or the start time).
    pub label: String,
    /// Whether an earlier, killed run with the same scope is being continued.
    pub resumed: bool,
}

/// A past run of one repository, for the trend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastRun {
    /// The run's label.
    pub label: String,
    /// When it started (seconds since the epoch).
    pub started: i64,
    /// Unsuppressed findings then.
    pub findings: u64,
}

/// The store.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    /// For the history and the run bookkeeping (the batch's own thread).
    main: Mutex<Connection>,
    /// One lazily opened reader per worker thread.
    readers: Vec<Mutex<Option<Connection>>>,
}

impl Store {
    /// Open (creating) the store in `folder`, for `threads` worker threads.
    pub fn open(folder: &Path, threads: usize) -> Result<Store, StoreError> {
        let path = folder.join(FILE_NAME);
        let fail = |message: String| StoreError {
            path: path.clone(),
            message,
        };
        std::fs::create_dir_all(folder).map_err(|e| fail(format!("cannot create: {e}")))?;
        let main = connect(&path).map_err(|e| fail(e.to_string()))?;
        let version: Option<String> = main
            .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |row| {
                row.get(0)
            })
            .optional()
            .map_err(|e| fail(e.to_string()))?;
        if version.as_deref() != Some(SCHEMA_VERSION) {
            return Err(fail(format!(
                "made by another version of shipshape (schema {}, this one reads {SCHEMA_VERSION}); remove it or pass another --cache-dir",
                version.unwrap_or_default()
            )));
        }
        Ok(Store {
            path,
            main: Mutex::new(main),
            readers: (0..threads.max(1) + 1).map(|_| Mutex::new(None)).collect(),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn main(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding it leaves a connection that is still usable.
        self.main.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The cached value under `key`, and whether it was last used before today.
    pub fn get(&self, key: &[u8]) -> Option<(Vec<u8>, bool)> {
        let slot = rayon::current_thread_index()
            .unwrap_or(self.readers.len() - 1)
            .min(self.readers.len() - 1);
        let mut reader = self.readers[slot].lock().unwrap_or_else(|e| e.into_inner());
        if reader.is_none() {
            *reader = connect(&self.path).ok();
        }
        let connection = reader.as_ref()?;
        let mut statement = connection
            .prepare_cached("SELECT value, used FROM files WHERE key = ?1")
            .ok()?;
        statement
            .query_row([key], |row| {
                let used: i64 = row.get(1)?;
                Ok((row.get(0)?, used < today()))
            })
            .optional()
            .ok()
            .flatten()
    }

    /// A value of the store's own bookkeeping (`meta` table).
    pub fn meta(&self, key: &str) -> Option<String> {
        self.main()
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()
            .ok()
            .flatten()
    }

    /// Set a bookkeeping value; failing to is harmless (it is recomputed).
    pub fn set_meta(&self, key: &str, value: &str) {
        let _ = self.main().execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
            params![key, value],
        );
    }

    /// A writer thread for cached results.
    pub fn writer(&self) -> Result<Writer, StoreError> {
        let connection = connect(&self.path).map_err(|e| StoreError {
            path: self.path.clone(),
            message: e.to_string(),
        })?;
        let (sender, receiver) = mpsc::channel::<Write>();
        let thread = std::thread::Builder::new()
            .name("shipshape-cache-writer".into())
            .spawn(move || write_loop(connection, receiver))
            .map_err(|e| StoreError {
                path: self.path.clone(),
                message: format!("cannot start the writer thread: {e}"),
            })?;
        Ok(Writer {
            sender: Mutex::new(Some(sender)),
            thread: Mutex::new(Some(thread)),
        })
    }

    /// Start a run of `scope` (the manifest, shard and output folder), or continue the
    /// newest one of that scope that was killed less than a day ago. `label` names it
    /// (`--run-id`); a resumed run keeps its label unless one is given.
    pub fn begin_run(&self, scope: &str, label: Option<&str>) -> Result<RunId, StoreError> {
        let connection = self.main();
        let now = now();
        let fail = |e: rusqlite::Error| StoreError {
            path: self.path.clone(),
            message: e.to_string(),
        };
        let unfinished: Option<(i64, String)> = connection
            .query_row(
                "SELECT id, label FROM runs WHERE scope = ?1 AND finished IS NULL AND started > ?2 \
                 AND (?3 IS NULL OR label = ?3) ORDER BY id DESC LIMIT 1",
                params![scope, now - 86_400, label],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()
            .map_err(fail)?;
        if let Some((id, label)) = unfinished {
            return Ok(RunId {
                id,
                label,
                resumed: true,
            });
        }
        let label = label.map_or_else(|| utc_label(now), str::to_string);
        connection
            .execute(
                "INSERT INTO runs (label, scope, started) VALUES (?1, ?2, ?3)",
                params![label, scope, now],
            )
            .map_err(fail)?;
        Ok(RunId {
            id: connection.last_insert_rowid(),
            label,
            resumed: false,
        })
    }

    /// Record one repository's outcome in `run` (replacing an earlier record of the same run).
    /// `results` is the compressed list of its unsuppressed findings, for the next run's
    /// new/fixed; `summary` its summary row as JSON.
    #[allow(clippy::too_many_arguments)]
    pub fn record(
        &self,
        run: &RunId,
        repo: &str,
        ok: bool,
        findings: u64,
        bytes: u64,
        summary: &str,
        results: Option<&[u8]>,
    ) -> Result<(), StoreError> {
        self.main()
            .execute(
                "INSERT OR REPLACE INTO repo_runs (run, repo, status, findings, bytes, summary, results) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    run.id,
                    repo,
                    if ok { "ok" } else { "failed" },
                    i64::try_from(findings).unwrap_or(i64::MAX),
                    i64::try_from(bytes).unwrap_or(i64::MAX),
                    summary,
                    results
                ],
            )
            .map(|_| ())
            .map_err(|e| StoreError {
                path: self.path.clone(),
                message: e.to_string(),
            })
    }

    /// The summary recorded for `repo` in `run` when it succeeded (a resumed run keeps it).
    pub fn recorded(&self, run: &RunId, repo: &str) -> Option<String> {
        self.main()
            .query_row(
                "SELECT summary FROM repo_runs WHERE run = ?1 AND repo = ?2 AND status = 'ok'",
                params![run.id, repo],
                |row| row.get(0),
            )
            .optional()
            .ok()
            .flatten()
    }

    /// The findings of `repo`'s newest successful run among the finished ones before `run`;
    /// `None` when it has none (its first run).
    pub fn previous_results(&self, run: &RunId, repo: &str) -> Option<Vec<u8>> {
        self.main()
            .query_row(
                "SELECT r.results FROM repo_runs r JOIN runs ON runs.id = r.run \
                 WHERE r.repo = ?1 AND r.status = 'ok' AND runs.finished IS NOT NULL \
                 AND runs.id != ?2 AND r.results IS NOT NULL \
                 ORDER BY runs.started DESC, runs.id DESC LIMIT 1",
                params![repo, run.id],
                |row| row.get(0),
            )
            .optional()
            .ok()
            .flatten()
    }

    /// `repo`'s successful finished runs, oldest first, at most `limit` of the newest.
    pub fn past_runs(&self, run: &RunId, repo: &str, limit: usize) -> Vec<PastRun> {
        let connection = self.main();
        let Ok(mut statement) = connection.prepare_cached(
            "SELECT runs.label, runs.started, r.findings FROM repo_runs r JOIN runs ON runs.id = r.run \
             WHERE r.repo = ?1 AND r.status = 'ok' AND runs.finished IS NOT NULL AND runs.id != ?2 \
             ORDER BY runs.started DESC, runs.id DESC LIMIT ?3",
        ) else {
            return Vec::new();
        };
        let rows = statement.query_map(
            params![repo, run.id, i64::try_from(limit).unwrap_or(i64::MAX)],
            |row| {
                Ok(PastRun {
                    label: row.get(0)?,
                    started: row.get(1)?,
                    findings: u64::try_from(row.get::<_, i64>(2)?).unwrap_or(0),
                })
            },
        );
        let mut runs: Vec<PastRun> = rows
            .map(|rows| rows.filter_map(Result::ok).collect())
            .unwrap_or_default();
        runs.reverse();
        runs
    }

    /// The size in bytes of each repository at its newest successful run.
    pub fn sizes(&self) -> std::collections::HashMap<String, u64> {
        let connection = self.main();
        let Ok(mut statement) = connection.prepare(
            "SELECT r.repo, r.bytes FROM repo_runs r JOIN runs ON runs.id = r.run \
             WHERE r.status = 'ok' ORDER BY runs.started, runs.id",
        ) else {
            return Default::default();
        };
        let rows = statement.query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
        });
        rows.map(|rows| {
            rows.filter_map(Result::ok)
                .map(|(repo, bytes)| (repo, u64::try_from(bytes).unwrap_or(0)))
                .collect()
        })
        .unwrap_or_default()
    }

    /// Mark `run` finished: it becomes the baseline of the next one. Older finding lists of
    /// the repositories it scanned, and file results unused for a month, are dropped.
    pub fn finish_run(&self, run: &RunId) -> Result<(), StoreError> {
        let mut connection = self.main();
        let fail = |e: rusqlite::Error| StoreError {
            path: self.path.clone(),
            message: e.to_string(),
        };
        let transaction = connection.transaction().map_err(fail)?;
        transaction
            .execute(
                "UPDATE runs SET finished = ?2 WHERE id = ?1",
                params![run.id, now()],
            )
            .map_err(fail)?;
        // Only finished runs older than this one: a run going on at the same time in another
        // process (or a newer one) may still be some repository's baseline.
        transaction
            .execute(
                "UPDATE repo_runs SET results = NULL WHERE run < ?1 AND results IS NOT NULL \
                 AND run IN (SELECT id FROM runs WHERE finished IS NOT NULL) \
                 AND repo IN (SELECT repo FROM repo_runs WHERE run = ?1 AND status = 'ok')",
                params![run.id],
            )
            .map_err(fail)?;
        transaction
            .execute(
                "DELETE FROM files WHERE used < ?1",
                params![today() - KEEP_UNUSED_DAYS],
            )
            .map_err(fail)?;
        transaction.commit().map_err(fail)
    }
}

/// What the writer thread is asked to do.
enum Write {
    Put(Vec<u8>, Vec<u8>),
    Touch(Vec<u8>),
}

/// Writes cached results from a thread of its own, in batched transactions.
#[derive(Debug)]
pub struct Writer {
    sender: Mutex<Option<mpsc::Sender<Write>>>,
    thread: Mutex<Option<std::thread::JoinHandle<usize>>>,
}

impl Writer {
    fn send(&self, write: Write) {
        let sender = self
            .sender
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        if let Some(sender) = sender {
            // The thread only stops when the sender is dropped.
            let _ = sender.send(write);
        }
    }

    /// Store `value` under `key`.
    pub fn put(&self, key: Vec<u8>, value: Vec<u8>) {
        self.send(Write::Put(key, value));
    }

    /// Mark `key` used today (so it is not pruned).
    pub fn touch(&self, key: Vec<u8>) {
        self.send(Write::Touch(key));
    }

    /// Commit what is left and stop; the number of writes that failed.
    pub fn finish(&self) -> usize {
        self.sender.lock().unwrap_or_else(|e| e.into_inner()).take();
        let thread = self.thread.lock().unwrap_or_else(|e| e.into_inner()).take();
        thread.map_or(0, |t| t.join().unwrap_or(1))
    }
}

/// A per-thread sender would avoid the lock in [`Writer::send`]; the lock is held only to
/// clone the sender, which is short next to analysing a file.
fn write_loop(mut connection: Connection, receiver: mpsc::Receiver<Write>) -> usize {
    const MAX_BATCH: usize = 512;
    const MAX_WAIT: Duration = Duration::from_millis(200);
    let mut failed = 0;
    while let Ok(first) = receiver.recv() {
        let mut batch = vec![first];
        let started = std::time::Instant::now();
        while batch.len() < MAX_BATCH {
            let left = MAX_WAIT.saturating_sub(started.elapsed());
            match receiver.recv_timeout(left) {
                Ok(write) => batch.push(write),
                Err(_) => break,
            }
        }
        let count = batch.len();
        if commit(&mut connection, batch).is_err() {
            failed += count;
        }
    }
    failed
}

fn commit(connection: &mut Connection, batch: Vec<Write>) -> rusqlite::Result<()> {
    let transaction =
        connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    {
        let mut put = transaction.prepare_cached(
            "INSERT OR REPLACE INTO files (key, value, used) VALUES (?1, ?2, ?3)",
        )?;
        let mut touch = transaction.prepare_cached("UPDATE files SET used = ?2 WHERE key = ?1")?;
        let day = today();
        for write in batch {
            match write {
                Write::Put(key, value) => put.execute(params![key, value, day])?,
                Write::Touch(key) => touch.execute(params![key, day])?,
            };
        }
    }
    transaction.commit()
}

/// Open a connection: WAL, a busy timeout, and the tables (created under the write lock, so
/// two processes creating the store at once do not collide).
fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let mut connection = Connection::open(path)?;
    connection.busy_timeout(BUSY_TIMEOUT)?;
    // Switching to WAL takes a lock the busy handler does not always wait for: retry.
    let mut tries = 0;
    loop {
        match connection.query_row("PRAGMA journal_mode = WAL", [], |row| {
            row.get::<_, String>(0)
        }) {
            Ok(_) => break,
            Err(e) if tries < 100 && is_busy(&e) => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(e) => return Err(e),
        }
    }
    connection.pragma_update(None, "synchronous", "NORMAL")?;
    let transaction =
        connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    transaction.execute_batch(
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
         INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', '1');
         CREATE TABLE IF NOT EXISTS files (
             key BLOB PRIMARY KEY, value BLOB NOT NULL, used INTEGER NOT NULL
         ) WITHOUT ROWID;
         CREATE INDEX IF NOT EXISTS files_used ON files (used);
         CREATE TABLE IF NOT EXISTS runs (
             id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT NOT NULL, scope TEXT NOT NULL,
             started INTEGER NOT NULL, finished INTEGER
         );
         CREATE TABLE IF NOT EXISTS repo_runs (
             run INTEGER NOT NULL, repo TEXT NOT NULL, status TEXT NOT NULL,
             findings INTEGER NOT NULL, bytes INTEGER NOT NULL, summary TEXT NOT NULL,
             results BLOB, PRIMARY KEY (run, repo)
         );
         CREATE INDEX IF NOT EXISTS repo_runs_repo ON repo_runs (repo);",
    )?;
    transaction.commit()?;
    Ok(connection)
}

fn is_busy(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// Seconds since the epoch.
pub(crate) fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Days since the epoch.
fn today() -> i64 {
    now() / 86_400
}

/// `2026-11-02T01:00:00Z` for a time in seconds since the epoch.
pub(crate) fn utc_label(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn labels_are_utc_timestamps() {
        assert_eq!(utc_label(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_label(1_795_000_000), "2026-11-18T11:06:40Z");
        assert_eq!(utc_label(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc_label(1_735_689_599), "2024-12-31T23:59:59Z");
    }

    #[test]
    fn values_survive_and_runs_resume_until_finished() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), 2).unwrap();
        let writer = store.writer().unwrap();
        writer.put(b"k1".to_vec(), b"v1".to_vec());
        assert_eq!(writer.finish(), 0);
        assert_eq!(store.get(b"k1"), Some((b"v1".to_vec(), false)));
        assert_eq!(store.get(b"k2"), None);

        let first = store.begin_run("scope", None).unwrap();
        assert!(!first.resumed);
        store
            .record(&first, "a", true, 2, 10, "{}", Some(b"r1"))
            .unwrap();
        // Killed here: the next start continues the same run.
        let again = store.begin_run("scope", None).unwrap();
        assert_eq!((again.id, again.resumed), (first.id, true));
        assert_eq!(store.recorded(&again, "a").as_deref(), Some("{}"));
        assert_eq!(store.previous_results(&again, "a"), None);
        store.finish_run(&again).unwrap();

        let second = store.begin_run("scope", Some("night-2")).unwrap();
        assert!(!second.resumed && second.id != first.id);
        assert_eq!(store.previous_results(&second, "a"), Some(b"r1".to_vec()));
        assert_eq!(store.past_runs(&second, "a", 10).len(), 1);
        assert_eq!(store.sizes().get("a"), Some(&10));
        // Another process opening the same store at the same time.
        let other = Store::open(dir.path(), 1).unwrap();
        assert_eq!(other.get(b"k1"), Some((b"v1".to_vec(), false)));
    }
}
