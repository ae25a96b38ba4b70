//! Login, logout and the redirects around them.
use axum::{
    body::Body,
    extract::{Path, Query, State},
    http::{header, HeaderMap, Response, StatusCode},
    response::{IntoResponse, Redirect},
    Form, Json,
};
use serde::Deserialize;
use std::collections::HashMap;
use url::Url;

use crate::state::AppState;

const ALLOWED_RETURN_PATHS: &[&str] = &["/", "/dashboard", "/settings", "/files"];
const TRUSTED_HOSTS: &[&str] = &["docs.example.com", "status.example.com"];

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    pub username: String,
    pub password: String,
    pub next: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct LogoutParams {
    pub return_to: String,
}

fn is_safe_redirect(target: &str) -> bool {
    target.starts_with('/') && !target.starts_with("//") && !target.contains('\\')
}

fn validate_redirect(target: &str) -> Result<(), StatusCode> {
    if is_safe_redirect(target) {
        Ok(())
    } else {
        Err(StatusCode::BAD_REQUEST)
    }
}

pub async fn login_page(Query(params): Query<HashMap<String, String>>) -> Redirect {
    match params.get("next") {
        Some(next) => Redirect::to(next), // expect: open-redirect
        None => Redirect::to("/login.html"), // ok: open-redirect
    }
}

pub async fn login(State(state): State<AppState>, Form(form): Form<LoginForm>) -> Redirect {
    if !state.users.check(&form.username, &form.password).await {
        return Redirect::to("/login?failed=1"); // ok: open-redirect
    }
    let next = form.next.unwrap_or_else(|| "/dashboard".to_string());
    Redirect::to(&next) // ok: open-redirect
}

pub async fn sso_callback(q: Query<HashMap<String, String>>) -> Redirect {
    let target = q.get("return_to").cloned().unwrap_or_else(|| "/".into());
    Redirect::temporary(&target) // expect: open-redirect
}

pub async fn sso_callback_checked(q: Query<HashMap<String, String>>) -> Redirect {
    let target = q.get("return_to").cloned().unwrap_or_else(|| "/".into());
    if !target.starts_with('/') || target.starts_with("//") {
        return Redirect::to("/");
    }
    Redirect::temporary(&target) // ok: open-redirect
}

pub async fn legacy_login(Form(form): Form<HashMap<String, String>>) -> Redirect { // expect: unvalidated-body
    let redirect_uri = form.get("redirect_uri").map(|s| s.as_str()).unwrap_or("/");
    Redirect::permanent(redirect_uri) // expect: open-redirect
}

pub async fn logout(Query(params): Query<LogoutParams>) -> Redirect {
    Redirect::to(&params.return_to) // ok: open-redirect
}

pub async fn back(headers: HeaderMap) -> Redirect {
    let referer = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("/");
    Redirect::to(referer) // expect: open-redirect
}

pub async fn tenant_home(Path(tenant): Path<String>) -> Redirect {
    Redirect::to(&format!("https://{}.example.com/welcome", tenant)) // expect: open-redirect
}

pub async fn order_page(Path(id): Path<u64>) -> Redirect {
    Redirect::to(&format!("/orders/{}", id)) // ok: open-redirect
}

pub async fn profile_page(Path(username): Path<String>) -> Redirect {
    // A fixed relative prefix keeps the redirect on this site: the client picks only the path.
    Redirect::to(&format!("/users/{}", username)) // ok: open-redirect
}

pub async fn continue_to(Query(params): Query<HashMap<String, String>>) -> Redirect {
    let next = params.get("next").cloned().unwrap_or_default();
    if ALLOWED_RETURN_PATHS.contains(&next.as_str()) {
        return Redirect::to(&next); // ok: open-redirect
    }
    Redirect::to("/") // ok: open-redirect
}

pub async fn docs_link(Query(params): Query<HashMap<String, String>>) -> Result<Redirect, StatusCode> {
    let raw = params.get("url").ok_or(StatusCode::BAD_REQUEST)?;
    let parsed = Url::parse(raw).map_err(|_| StatusCode::BAD_REQUEST)?;
    if !TRUSTED_HOSTS.contains(&parsed.host_str().unwrap_or_default()) {
        return Err(StatusCode::BAD_REQUEST);
    }
    Ok(Redirect::to(parsed.as_str())) // ok: open-redirect
}

pub async fn external_link(Query(params): Query<HashMap<String, String>>) -> Result<Redirect, StatusCode> {
    let raw = params.get("url").ok_or(StatusCode::BAD_REQUEST)?;
    let parsed = Url::parse(raw).map_err(|_| StatusCode::BAD_REQUEST)?;
    Ok(Redirect::to(parsed.as_str())) // expect: open-redirect
}

pub async fn resume(Query(params): Query<HashMap<String, String>>) -> Redirect {
    let next = params.get("next").cloned().unwrap_or_default();
    if !is_safe_redirect(&next) {
        return Redirect::to("/");
    }
    Redirect::to(&next) // ok: open-redirect
}

pub async fn resume_loose(Query(params): Query<HashMap<String, String>>) -> Redirect {
    let next = params.get("next").cloned().unwrap_or_default();
    // "//evil.example" starts with "/" too: browsers read it as a host.
    if !next.starts_with('/') {
        return Redirect::to("/");
    }
    Redirect::to(&next) // expect: open-redirect
}

pub async fn account_section(Query(params): Query<HashMap<String, String>>) -> Redirect {
    let section = params.get("section").cloned().unwrap_or_default();
    if !section.starts_with("/account/") {
        return Redirect::to("/account/");
    }
    Redirect::to(&section) // ok: open-redirect
}

pub async fn resume_strict(Query(params): Query<HashMap<String, String>>) -> Result<Redirect, StatusCode> {
    let next = params.get("next").cloned().unwrap_or_default();
    validate_redirect(&next)?;
    Ok(Redirect::to(&next)) // ok: open-redirect
}

pub async fn oauth_start(Json(body): Json<serde_json::Value>) -> Response<Body> { // expect: unvalidated-body
    let callback = body["callback"].as_str().unwrap_or("/");
    Response::builder()
        .status(StatusCode::FOUND)
        .header(header::LOCATION, callback) // expect: open-redirect
        .body(Body::empty())
        .unwrap()
}

pub async fn oauth_done(State(state): State<AppState>) -> Response<Body> {
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, state.config.home_url.as_str()) // ok: open-redirect
        .body(Body::empty())
        .unwrap()
}

pub async fn forwarded(headers: HeaderMap, Path(rest): Path<String>) -> impl IntoResponse {
    let host = headers
        .get("x-forwarded-host")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("docs.example.com");
    let location = format!("https://{}/{}", host, rest);
    Redirect::permanent(&location) // expect: open-redirect
}

pub async fn tagged(headers: HeaderMap) -> Response<Body> {
    let request_id = headers.get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
    Response::builder()
        .status(StatusCode::OK)
        .header("x-request-id", request_id) // ok: open-redirect
        .body(Body::empty())
        .unwrap()
}
