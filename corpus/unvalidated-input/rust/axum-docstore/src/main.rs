use axum::{
    routing::{get, post},
    Router,
};
use std::net::SocketAddr;
use tower_http::{services::ServeDir, trace::TraceLayer};

mod routes;
mod state;

use state::AppState;

const STATIC_ROOT: &str = "/usr/share/docstore/static";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let state = AppState::from_env().await?;

    let app = Router::new()
        .route("/files", get(routes::files::download))
        .route("/files/:name", get(routes::files::show).delete(routes::files::remove))
        .route("/buckets/:bucket/:key", get(routes::files::bucket_object))
        .route("/upload", post(routes::files::upload))
        .route("/login", get(routes::auth::login_page).post(routes::auth::login))
        .route("/logout", get(routes::auth::logout))
        .route("/proxy", get(routes::proxy::fetch))
        .route("/hello/:name", get(routes::pages::hello))
        .route("/search", get(routes::search::search))
        .route("/hooks", post(routes::webhooks::receive))
        .route("/admin/run", post(routes::admin::run))
        .nest_service("/static", ServeDir::new(STATIC_ROOT)) // ok: path-traversal
        .layer(TraceLayer::new_for_http())
        .with_state(state);

    let addr = SocketAddr::from(([0, 0, 0, 0], 8080));
    let listener = tokio::net::TcpListener::bind(addr).await?;
    axum::serve(listener, app).await?;
    Ok(())
}
