//! Feeds: the change stream of the catalog, id generators and the upstream price poller.

use std::sync::Arc;
use std::time::Duration;

use async_stream::stream;
use futures::{pin_mut, select, FutureExt, Stream, StreamExt};
use tokio::sync::{mpsc, Notify};
use tokio::time::sleep;
use tracing::{info, warn};

use crate::catalog::{Catalog, Change, Cursor};
use crate::upstream::{PriceClient, Quote};

/// Every change of the catalog after `cursor`, forever: the consumer decides when to stop.
pub fn changes(catalog: Arc<Catalog>, mut cursor: Cursor) -> impl Stream<Item = Change> {
    stream! {
        loop { // ok: unbounded-loop
            for change in catalog.changes_after(&cursor).await {
                cursor = change.cursor.clone();
                yield change;
            }
            catalog.wait_for_change().await;
        }
    }
}

/// Order numbers: `PO-000001`, `PO-000002`, …
pub fn order_numbers(start: u64) -> impl Iterator<Item = String> {
    let mut next = start;
    std::iter::from_fn(move || loop { // ok: unbounded-loop
        next += 1;
        if next % 1_000_000 == 0 {
            continue;
        }
        return Some(format!("PO-{next:06}"));
    })
}

/// Copies the change stream into the search index until the stream ends.
pub async fn index_changes(changes: impl Stream<Item = Change>, index: mpsc::Sender<Change>) {
    pin_mut!(changes);
    while let Some(change) = changes.next().await { // ok: unbounded-loop
        if index.send(change).await.is_err() {
            warn!("index task gone");
            return;
        }
    }
}

/// Polls upstream prices until the feed is told to stop.
pub async fn poll_prices(client: PriceClient, out: mpsc::Sender<Quote>, stop: Arc<Notify>) {
    let stopped = stop.notified().fuse();
    pin_mut!(stopped);
    loop { // ok: unbounded-loop
        let tick = sleep(Duration::from_secs(5)).fuse();
        pin_mut!(tick);
        select! {
            _ = stopped => break,
            _ = tick => {
                match client.latest().await {
                    Ok(quotes) => {
                        for quote in quotes {
                            if out.send(quote).await.is_err() {
                                return;
                            }
                        }
                    }
                    Err(e) => warn!("price poll failed: {e}"),
                }
            }
        }
    }
    info!("price poller stopped");
}

/// Polls upstream prices for the dashboard; the quotes go to whoever still listens.
pub async fn poll_prices_for_dashboard(client: PriceClient, out: mpsc::Sender<Quote>) {
    loop { // expect: unbounded-loop
        match client.latest().await {
            Ok(quotes) => {
                for quote in quotes {
                    if out.send(quote).await.is_err() {
                        break;
                    }
                }
            }
            Err(e) => warn!("price poll failed: {e}"),
        }
        sleep(Duration::from_secs(5)).await;
    }
}

/// Waits until the catalog has finished its initial load.
pub async fn wait_until_loaded(catalog: &Catalog) {
    let mut loaded = catalog.is_loaded().await;
    while !loaded { // ok: unbounded-loop
        sleep(Duration::from_millis(500)).await;
        loaded = catalog.is_loaded().await;
    }
}

/// Waits until the catalog has finished its initial load (the version the importer uses).
pub async fn wait_until_loaded_once(catalog: &Catalog) {
    let loaded = catalog.is_loaded().await;
    while !loaded { // expect: unbounded-loop
        info!("catalog still loading");
        sleep(Duration::from_millis(500)).await;
    }
}

/// Re-reads the quote of `symbol` until it is fresh; a stale feed is a bug upstream.
pub async fn fresh_quote(client: &PriceClient, symbol: &str) -> Quote {
    let mut attempts = 0u32;
    loop { // ok: unbounded-loop
        attempts += 1;
        if let Ok(quote) = client.quote(symbol).await {
            if quote.age() < Duration::from_secs(30) {
                break quote;
            }
        }
        if attempts == u32::MAX {
            panic!("quote of {symbol} never became fresh");
        }
        sleep(Duration::from_millis(250)).await;
    }
}

/// Merges two tick streams until both are exhausted.
pub async fn merge_ticks(a: mpsc::Receiver<Quote>, b: mpsc::Receiver<Quote>, out: mpsc::Sender<Quote>) {
    let (mut a, mut b) = (a, b);
    loop { // ok: unbounded-loop
        tokio::select! {
            Some(q) = a.recv() => { let _ = out.send(q).await; }
            Some(q) = b.recv() => { let _ = out.send(q).await; }
            else => break,
        }
    }
}
