//! Server-rendered pages: greetings, search result headers, comment previews.
use askama::Template;
use axum::{
    body::Body,
    extract::{Path, Query, State},
    http::{header, HeaderMap, Response, StatusCode},
    response::{Html, IntoResponse},
    Form, Json,
};
use maud::html;
use serde::Deserialize;
use std::collections::HashMap;

use crate::state::AppState;

const THEMES: &[&str] = &["light", "dark", "solarized"];
const CARD_TEMPLATE: &str = "<div class=\"card\"><h2>{{title}}</h2><p>{{body}}</p></div>";

#[derive(Template)]
#[template(path = "profile.html")]
struct ProfileTemplate<'a> {
    name: &'a str,
    bio: &'a str,
}

#[derive(Debug, Deserialize)]
pub struct SearchParams {
    pub q: String,
    pub page: Option<u32>,
}

pub async fn hello(Path(name): Path<String>) -> Html<String> {
    Html(format!("<h1>Hello, {}!</h1>", name)) // expect: xss
}

pub async fn hello_escaped(Path(name): Path<String>) -> Html<String> {
    Html(format!("<h1>Hello, {}!</h1>", html_escape::encode_text(&name))) // ok: xss
}

pub async fn no_results(Query(params): Query<HashMap<String, String>>) -> Html<String> {
    let q = params.get("q").cloned().unwrap_or_default();
    Html(format!("<p>No results for <b>{q}</b></p>")) // expect: xss
}

pub async fn results_header(Query(params): Query<SearchParams>) -> Html<String> {
    Html(format!("<p>Results for <b>{}</b>, page {}</p>", params.q, params.page.unwrap_or(1))) // ok: xss
}

pub async fn flash(Query(params): Query<HashMap<String, String>>) -> Html<String> {
    let message = params.get("msg").cloned().unwrap_or_default();
    Html(message) // expect: xss
}

pub async fn card(Form(form): Form<HashMap<String, String>>) -> Html<String> { // expect: unvalidated-body
    let title = form.get("title").cloned().unwrap_or_default();
    let page = CARD_TEMPLATE.replace("{{title}}", &title).replace("{{body}}", "");
    Html(page) // expect: xss
}

pub async fn tag_list(Query(params): Query<HashMap<String, String>>) -> Html<String> {
    let raw = params.get("tags").cloned().unwrap_or_default();
    let mut page = String::from("<ul class=\"tags\">");
    for tag in raw.split(',') {
        page.push_str(&format!("<li>{}</li>", tag.trim()));
    }
    page.push_str("</ul>");
    Html(page) // expect: xss
}

pub async fn tag_count(Query(params): Query<HashMap<String, String>>) -> Html<String> {
    let raw = params.get("tags").cloned().unwrap_or_default();
    Html(format!("<p>{} tags selected</p>", raw.split(',').count())) // ok: xss
}

pub async fn agent(headers: HeaderMap) -> Html<String> {
    let ua = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("unknown");
    Html(format!("<footer>Your browser: {}</footer>", ua)) // expect: xss
}

pub async fn render_card(Json(card): Json<serde_json::Value>) -> Html<String> { // expect: unvalidated-body
    let title = card["title"].as_str().unwrap_or_default();
    let body = card["body"].as_str().unwrap_or_default();
    Html(format!("<article><h2>{}</h2><div>{}</div></article>", title, body)) // expect: xss
}

pub async fn comment_preview(Form(form): Form<HashMap<String, String>>) -> Response<Body> { // expect: unvalidated-body
    let text = form.get("text").cloned().unwrap_or_default();
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
        .body(Body::from(format!("<div class=\"comment\">{}</div>", text))) // expect: xss
        .unwrap()
}

pub async fn comment_plain(Form(form): Form<HashMap<String, String>>) -> Response<Body> { // expect: unvalidated-body
    let text = form.get("text").cloned().unwrap_or_default();
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(Body::from(format!("You wrote: {}", text))) // ok: xss
        .unwrap()
}

pub async fn page_title(Query(params): Query<HashMap<String, String>>) -> Html<String> {
    // The page number is parsed into a u32, but format! arguments are read as loose tokens.
    Html(format!("<title>Page {}</title>", params.get("page").and_then(|p| p.parse::<u32>().ok()).unwrap_or(1))) // todo-ok: xss
}

pub async fn order_title(Path(id): Path<u64>) -> Html<String> {
    Html(format!("<title>Order #{}</title>", id)) // ok: xss
}

pub async fn welcome() -> Html<&'static str> {
    Html("<h1>Welcome to docstore</h1>") // ok: xss
}

pub async fn profile(Path(name): Path<String>, State(state): State<AppState>) -> Result<Html<String>, StatusCode> {
    let bio = state.profiles.bio(&name).await.unwrap_or_default();
    let page = ProfileTemplate { name: &name, bio: &bio };
    let rendered = page.render().map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    Ok(Html(rendered)) // ok: xss
}

pub async fn badge(Path(label): Path<String>) -> Html<String> {
    let markup = html! {
        span class="badge" { (label) }
    };
    Html(markup.into_string()) // ok: xss
}

pub async fn themed(Query(params): Query<HashMap<String, String>>) -> Html<String> {
    let theme = params.get("theme").cloned().unwrap_or_else(|| "light".to_string());
    if !THEMES.contains(&theme.as_str()) {
        return Html("<body class=\"light\"></body>".to_string());
    }
    Html(format!("<body class=\"{}\"></body>", theme)) // ok: xss
}

pub async fn motd(Query(params): Query<HashMap<String, String>>) -> axum::response::Html<String> {
    let motd = params.get("motd").cloned().unwrap_or_default();
    axum::response::Html(format!("<marquee>{motd}</marquee>")) // expect: xss
}

pub async fn greeting_json(Path(name): Path<String>) -> Json<serde_json::Value> {
    Json(serde_json::json!({ "greeting": format!("<b>Hello</b> {}", name) })) // ok: xss
}
