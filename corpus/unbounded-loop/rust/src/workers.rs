//! Background workers of the ingest service: queue consumers, the batch writer, the lease
//! dispatcher and the maintenance threads. All of them are started from `main.rs`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc as std_mpsc, Arc};
use std::thread;
use std::time::Duration;

use tokio::sync::mpsc::error::TryRecvError;
use tokio::sync::{broadcast, mpsc, watch};
use tokio::time::{interval, sleep};
use tokio_util::sync::CancellationToken;
use tracing::{debug, error, info, warn};

use crate::jobs::{Event, Job, JobError, Record};
use crate::queue::Queue;
use crate::store::Store;
use crate::subscribers::Subscribers;

const FLUSH_EVERY: Duration = Duration::from_millis(250);
const BATCH_SIZE: usize = 512;

/// Runs jobs until every sender has been dropped.
pub async fn run_consumer(mut rx: mpsc::Receiver<Job>, store: Arc<Store>) {
    while let Some(job) = rx.recv().await { // ok: unbounded-loop
        if let Err(e) = job.run(&store).await {
            warn!(job = %job.id, "job failed: {e}");
        }
    }
    info!("job channel closed, consumer exiting");
}

/// Runs jobs until the token is cancelled or the channel closes.
pub async fn run_cancellable(
    mut rx: mpsc::Receiver<Job>,
    store: Arc<Store>,
    token: CancellationToken,
) {
    loop { // ok: unbounded-loop
        tokio::select! {
            _ = token.cancelled() => break,
            maybe = rx.recv() => match maybe {
                Some(job) => {
                    if let Err(e) = job.run(&store).await {
                        warn!(job = %job.id, "job failed: {e}");
                    }
                }
                None => break,
            },
        }
    }
    info!("consumer stopped");
}

/// Writes a heartbeat row every 15 seconds until shutdown.
pub async fn heartbeat(store: Arc<Store>, token: CancellationToken) -> Result<(), JobError> {
    let mut tick = interval(Duration::from_secs(15));
    loop { // ok: unbounded-loop
        tokio::select! {
            biased;
            _ = token.cancelled() => return Ok(()),
            _ = tick.tick() => store.touch_heartbeat().await?,
        }
    }
}

/// Forwards events to the websocket subscribers.
pub async fn fan_out(
    mut events: broadcast::Receiver<Event>,
    subscribers: Subscribers,
    mut shutdown: watch::Receiver<bool>,
) {
    loop { // expect: unbounded-loop
        tokio::select! {
            _ = shutdown.changed() => {
                info!("shutdown requested, flushing subscribers");
                subscribers.flush().await;
            }
            event = events.recv() => match event {
                Ok(event) => subscribers.publish(event).await,
                Err(broadcast::error::RecvError::Lagged(n)) => warn!("fan-out lagged by {n} events"),
                Err(broadcast::error::RecvError::Closed) => sleep(FLUSH_EVERY).await,
            },
        }
    }
}

/// Same as `fan_out`, for the audit stream, which must not outlive the process shutdown.
pub async fn audit_fan_out(
    mut events: broadcast::Receiver<Event>,
    subscribers: Subscribers,
    mut shutdown: watch::Receiver<bool>,
) {
    loop { // ok: unbounded-loop
        tokio::select! {
            _ = shutdown.changed() => {
                info!("shutdown requested, flushing audit subscribers");
                subscribers.flush().await;
                break;
            }
            event = events.recv() => match event {
                Ok(event) => subscribers.publish(event).await,
                Err(broadcast::error::RecvError::Lagged(n)) => warn!("audit lagged by {n} events"),
                Err(broadcast::error::RecvError::Closed) => break,
            },
        }
    }
}

/// Collects records for `FLUSH_EVERY` and writes them in one insert.
pub async fn batch_writer(mut rx: mpsc::Receiver<Record>, store: Arc<Store>) {
    let mut batch = Vec::with_capacity(BATCH_SIZE);
    loop { // expect: unbounded-loop
        sleep(FLUSH_EVERY).await;
        loop {
            match rx.try_recv() {
                Ok(record) => batch.push(record),
                Err(_) => break,
            }
        }
        if batch.is_empty() {
            continue;
        }
        if let Err(e) = store.insert_batch(&batch).await {
            error!("dropping {} records: {e}", batch.len());
        }
        batch.clear();
    }
}

/// Like `batch_writer`, but stops once the producers are gone and the last batch is written.
pub async fn batch_writer_until_closed(mut rx: mpsc::Receiver<Record>, store: Arc<Store>) {
    let mut batch = Vec::with_capacity(BATCH_SIZE);
    loop { // ok: unbounded-loop
        sleep(FLUSH_EVERY).await;
        let mut closed = false;
        loop {
            match rx.try_recv() {
                Ok(record) => batch.push(record),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    closed = true;
                    break;
                }
            }
        }
        if !batch.is_empty() {
            if let Err(e) = store.insert_batch(&batch).await {
                error!("dropping {} records: {e}", batch.len());
            }
            batch.clear();
        }
        if closed {
            return;
        }
    }
}

/// Leases jobs from the queue and runs each one on its own task.
pub async fn dispatch(queue: Arc<Queue>, store: Arc<Store>) {
    loop { // expect: unbounded-loop
        let lease = match queue.lease().await {
            Ok(lease) => lease,
            Err(e) => {
                warn!("lease failed: {e}");
                sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        let store = store.clone();
        tokio::spawn(async move {
            let job = match store.load(lease.job_id).await {
                Ok(job) => job,
                Err(_) => return Ok(()),
            };
            job.run(&store).await?;
            lease.ack().await?;
            Ok::<_, JobError>(())
        });
    }
}

/// Like `dispatch`, but a queue error ends the dispatcher (the supervisor restarts it).
pub async fn dispatch_or_fail(queue: Arc<Queue>, store: Arc<Store>) -> Result<(), JobError> {
    loop { // ok: unbounded-loop
        let lease = queue.lease().await?;
        let store = store.clone();
        tokio::spawn(async move {
            if let Ok(job) = store.load(lease.job_id).await {
                let _ = job.run(&store).await;
            }
        });
    }
}

/// Releases expired leases every 30 seconds, on a plain thread.
pub fn spawn_reaper(store: Arc<Store>) -> thread::JoinHandle<()> {
    thread::spawn(move || loop { // expect: unbounded-loop
        store.expired_leases().into_iter().for_each(|lease| {
            if lease.is_pinned() {
                return;
            }
            store.release_blocking(lease);
        });
        thread::sleep(Duration::from_secs(30));
    })
}

/// Compacts segments until `stop` is set by the shutdown hook.
pub fn spawn_compactor(store: Arc<Store>, stop: Arc<AtomicBool>) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        while !stop.load(Ordering::Acquire) { // ok: unbounded-loop
            if let Err(e) = store.compact_next_segment() {
                warn!("compaction failed: {e}");
            }
            thread::sleep(Duration::from_secs(5));
        }
    })
}

/// Runs blocking jobs from a std channel until the sending side hangs up.
pub fn spawn_blocking_runner(jobs: std_mpsc::Receiver<Job>, store: Arc<Store>) {
    thread::spawn(move || loop { // ok: unbounded-loop
        match jobs.recv() {
            Ok(job) => job.run_blocking(&store),
            Err(std_mpsc::RecvError) => return,
        }
    });
}

/// Polls the shutdown flag between jobs of a std channel.
pub fn spawn_flagged_runner(jobs: std_mpsc::Receiver<Job>, store: Arc<Store>, stop: Arc<AtomicBool>) {
    thread::spawn(move || loop { // ok: unbounded-loop
        if stop.load(Ordering::Relaxed) {
            debug!("runner stopping");
            break;
        }
        if let Ok(job) = jobs.recv_timeout(Duration::from_millis(500)) {
            job.run_blocking(&store);
        }
    });
}
