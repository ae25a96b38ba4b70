//! The TCP front end (line protocol), the metrics listener and the websocket sessions of the
//! axum app.

use std::io;
use std::time::Duration;

use axum::extract::ws::{Message, WebSocket};
use bytes::BytesMut;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::time::sleep;
use tracing::{debug, info, warn};

use crate::metrics::Registry;
use crate::protocol::{ConnError, Frame};
use crate::state::AppState;

/// Accepts connections until the listener fails.
pub async fn serve(listener: TcpListener, state: AppState) -> io::Result<()> {
    loop { // ok: unbounded-loop
        let (socket, peer) = listener.accept().await?;
        debug!(%peer, "accepted");
        let state = state.clone();
        tokio::spawn(async move {
            if let Err(e) = handle_conn(socket, state).await {
                debug!(%peer, "connection ended: {e}");
            }
        });
    }
}

/// Accepts connections until the shutdown signal flips.
pub async fn serve_with_shutdown(
    listener: TcpListener,
    state: AppState,
    mut shutdown: watch::Receiver<bool>,
) -> io::Result<()> {
    loop { // ok: unbounded-loop
        tokio::select! {
            accepted = listener.accept() => {
                let (socket, _) = accepted?;
                let state = state.clone();
                tokio::spawn(handle_conn(socket, state));
            }
            _ = shutdown.changed() => {
                info!("listener closing");
                break;
            }
        }
    }
    Ok(())
}

/// Serves the Prometheus text format on its own port.
pub async fn serve_metrics(listener: TcpListener, registry: Registry) {
    loop { // expect: unbounded-loop
        match listener.accept().await {
            Ok((mut socket, _)) => {
                let body = registry.render();
                tokio::spawn(async move {
                    if socket.write_all(body.as_bytes()).await.is_err() {
                        return;
                    }
                    let _ = socket.shutdown().await;
                });
            }
            Err(e) => {
                warn!("metrics accept failed: {e}");
                sleep(Duration::from_millis(100)).await;
            }
        }
    }
}

/// Reads frames until the peer closes the connection.
async fn handle_conn(mut socket: TcpStream, state: AppState) -> Result<(), ConnError> {
    let mut buf = BytesMut::with_capacity(4096);
    loop { // ok: unbounded-loop
        let n = socket.read_buf(&mut buf).await?;
        if n == 0 {
            return Ok(());
        }
        while let Some(frame) = Frame::parse(&mut buf)? { // ok: unbounded-loop
            let reply = state.dispatch(frame).await?;
            socket.write_all(&reply).await?;
        }
    }
}

/// The debug echo port used by the load balancer's health check.
pub async fn echo(mut socket: TcpStream) {
    let mut buf = [0u8; 1024];
    loop { // expect: unbounded-loop
        let n = match socket.read(&mut buf).await {
            Ok(n) => n,
            Err(e) => {
                debug!("echo read failed: {e}");
                continue;
            }
        };
        let _ = socket.write_all(&buf[..n]).await;
    }
}

/// One websocket session of the live dashboard.
pub async fn ws_session(mut socket: WebSocket, state: AppState) {
    loop { // ok: unbounded-loop
        let Some(msg) = socket.recv().await else {
            break;
        };
        match msg {
            Ok(Message::Text(text)) => {
                let reply = state.query_dashboard(&text).await;
                if socket.send(Message::Text(reply)).await.is_err() {
                    break;
                }
            }
            Ok(Message::Close(_)) | Err(_) => break,
            Ok(_) => {}
        }
    }
    state.sessions.remove_one();
}

/// Pushes dashboard updates to one websocket client.
pub async fn ws_push(mut socket: WebSocket, mut updates: watch::Receiver<String>) {
    loop { // expect: unbounded-loop
        if updates.changed().await.is_err() {
            sleep(Duration::from_secs(1)).await;
            continue;
        }
        let snapshot = updates.borrow_and_update().clone();
        if let Err(e) = socket.send(Message::Text(snapshot)).await {
            debug!("push failed: {e}");
        }
    }
}

/// Waits for the readiness probe of a sidecar before serving.
pub fn wait_for_sidecar(sidecar_ready: bool) {
    while !sidecar_ready { // expect: unbounded-loop
        info!("waiting for the sidecar");
        std::thread::sleep(Duration::from_millis(200));
    }
}
