//! Link previews, feed imports and the status proxy: outbound HTTP on behalf of users.
use axum::{
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode},
    Form, Json,
};
use reqwest::{Client, Method};
use serde::Deserialize;
use std::collections::HashMap;
use url::Url;

use crate::state::AppState;

const STATUS_API: &str = "https://status.internal.example.com/api/v2";
const PREVIEW_HOSTS: &[&str] = &["github.com", "gitlab.com", "docs.rs"];

#[derive(Debug, Deserialize)]
pub struct FeedConfig {
    pub feed_url: String,
    pub title: String,
}

fn upstream(err: reqwest::Error) -> StatusCode {
    tracing::warn!("upstream error: {err}");
    StatusCode::BAD_GATEWAY
}

pub async fn fetch(Query(params): Query<HashMap<String, String>>) -> Result<String, StatusCode> {
    let url = params.get("url").ok_or(StatusCode::BAD_REQUEST)?;
    let resp = reqwest::get(url).await.map_err(upstream)?; // expect: ssrf
    resp.text().await.map_err(upstream)
}

pub async fn preview(State(state): State<AppState>, Json(body): Json<serde_json::Value>) -> Result<String, StatusCode> { // expect: unvalidated-body
    let link = body.get("link").and_then(|v| v.as_str()).ok_or(StatusCode::BAD_REQUEST)?;
    let page = state
        .http
        .get(link) // expect: ssrf
        .send()
        .await
        .map_err(upstream)?;
    page.text().await.map_err(upstream)
}

pub async fn preview_checked(State(state): State<AppState>, Query(params): Query<HashMap<String, String>>) -> Result<String, StatusCode> {
    let raw = params.get("link").ok_or(StatusCode::BAD_REQUEST)?;
    let link = Url::parse(raw).map_err(|_| StatusCode::BAD_REQUEST)?;
    if !PREVIEW_HOSTS.contains(&link.host_str().unwrap_or("")) {
        return Err(StatusCode::FORBIDDEN);
    }
    let page = state.http.get(link).send().await.map_err(upstream)?; // ok: ssrf
    page.text().await.map_err(upstream)
}

pub async fn status(State(state): State<AppState>, Path(component): Path<String>) -> Result<String, StatusCode> {
    let client = &state.http;
    // The origin is fixed by STATUS_API: the client picks only a path segment.
    let resp = client
        .get(format!("{}/components/{}", STATUS_API, component)) // ok: ssrf
        .send()
        .await
        .map_err(upstream)?;
    resp.text().await.map_err(upstream)
}

pub async fn status_by_id(State(state): State<AppState>, Path(id): Path<u32>) -> Result<String, StatusCode> {
    let client = &state.http;
    let resp = client.get(format!("{}/components/{}", STATUS_API, id)).send().await.map_err(upstream)?; // ok: ssrf
    resp.text().await.map_err(upstream)
}

pub async fn status_summary(State(state): State<AppState>) -> Result<String, StatusCode> {
    let resp = state.http.get(format!("{STATUS_API}/summary.json")).send().await.map_err(upstream)?; // ok: ssrf
    resp.text().await.map_err(upstream)
}

pub async fn search_status(State(state): State<AppState>, Query(params): Query<HashMap<String, String>>) -> Result<String, StatusCode> {
    let term = params.get("q").cloned().unwrap_or_default();
    let resp = state
        .http
        .get(STATUS_API) // ok: ssrf
        .query(&[("q", term.as_str())])
        .send()
        .await
        .map_err(upstream)?;
    resp.text().await.map_err(upstream)
}

pub async fn mirror(Path(target): Path<String>) -> Result<Vec<u8>, StatusCode> {
    let resp = Client::new().get(format!("https://{target}/mirror.tar.gz")).send().await.map_err(upstream)?; // expect: ssrf
    Ok(resp.bytes().await.map_err(upstream)?.to_vec())
}

pub async fn import_feed(State(state): State<AppState>, Json(config): Json<FeedConfig>) -> Result<String, StatusCode> { // ok: unvalidated-body
    tracing::info!("importing {}", config.title);
    let resp = state.http.get(&config.feed_url).send().await.map_err(upstream)?; // ok: ssrf
    resp.text().await.map_err(upstream)
}

pub async fn forward(headers: HeaderMap, State(state): State<AppState>, body: String) -> Result<String, StatusCode> {
    let target = headers
        .get("x-forward-to")
        .and_then(|v| v.to_str().ok())
        .ok_or(StatusCode::BAD_REQUEST)?;
    let resp = state
        .http
        .request(Method::POST, target) // expect: ssrf
        .body(body)
        .send()
        .await
        .map_err(upstream)?;
    resp.text().await.map_err(upstream)
}

pub async fn check_health(Query(params): Query<HashMap<String, String>>) -> Result<String, StatusCode> {
    let health = params.get("health").cloned().unwrap_or_default();
    tokio::task::spawn_blocking(move || {
        let resp = reqwest::blocking::get(health.as_str()).map_err(upstream)?; // expect: ssrf
        resp.text().map_err(upstream)
    })
    .await
    .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?
}

pub async fn ping(Query(params): Query<HashMap<String, String>>) -> StatusCode {
    let host = params.get("host").cloned().unwrap_or_default();
    match ureq::get(&format!("http://{host}:8080/healthz")).call() { // expect: ssrf
        Ok(_) => StatusCode::OK,
        Err(_) => StatusCode::BAD_GATEWAY,
    }
}

pub async fn partner_api(State(state): State<AppState>, Query(params): Query<HashMap<String, String>>) -> Result<String, StatusCode> {
    let endpoint = params.get("endpoint").cloned().unwrap_or_default();
    if !endpoint.starts_with("https://api.partner.example.com/") {
        return Err(StatusCode::BAD_REQUEST);
    }
    let resp = state.http.get(&endpoint).send().await.map_err(upstream)?; // ok: ssrf
    resp.text().await.map_err(upstream)
}

pub async fn cached(State(state): State<AppState>, Query(params): Query<HashMap<String, String>>) -> Result<String, StatusCode> {
    let key = params.get("url").cloned().unwrap_or_default();
    let hit = state.cache.get(&key).await; // ok: ssrf
    hit.ok_or(StatusCode::NOT_FOUND)
}

pub async fn notify(State(state): State<AppState>, Form(form): Form<HashMap<String, String>>) -> StatusCode { // expect: unvalidated-body
    let hook = form.get("hook").cloned().unwrap_or_default();
    let message = form.get("message").cloned().unwrap_or_default();
    match state.http_client.post(&hook).json(&serde_json::json!({ "text": message })).send().await { // expect: ssrf
        Ok(_) => StatusCode::ACCEPTED,
        Err(_) => StatusCode::BAD_GATEWAY,
    }
}

pub async fn notify_team(State(state): State<AppState>, Form(form): Form<HashMap<String, String>>) -> StatusCode { // expect: unvalidated-body
    let message = form.get("message").cloned().unwrap_or_default();
    match state.http_client.post(&state.config.slack_webhook).json(&serde_json::json!({ "text": message })).send().await { // ok: ssrf
        Ok(_) => StatusCode::ACCEPTED,
        Err(_) => StatusCode::BAD_GATEWAY,
    }
}
