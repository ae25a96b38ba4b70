//! Small server-rendered views: greetings, error pages, ticket previews.
use actix_web::{
    get,
    http::header::{self, ContentType},
    post, web, HttpRequest, HttpResponse, Scope,
};
use serde::Deserialize;
use std::collections::HashMap;

use crate::state::Portal;

const LAYOUTS: &[&str] = &["compact", "wide"];

#[derive(Debug, Deserialize)]
pub struct TicketForm {
    pub subject: String,
    pub body: String,
}

pub fn scope() -> Scope {
    web::scope("/views")
        .service(greet)
        .service(greet_plain)
        .service(error_page)
        .service(ticket_preview)
        .service(layout)
}

#[get("/greet/{name}")]
async fn greet(path: web::Path<String>) -> HttpResponse {
    let name = path.into_inner();
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(format!("<h1>Welcome back, {}</h1>", name)) // expect: xss
}

#[get("/greet-safe/{name}")]
async fn greet_safe(path: web::Path<String>) -> HttpResponse {
    let name = path.into_inner();
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(format!("<h1>Welcome back, {}</h1>", html_escape::encode_safe(&name))) // ok: xss
}

#[get("/greet-plain/{name}")]
async fn greet_plain(path: web::Path<String>) -> HttpResponse {
    let name = path.into_inner();
    HttpResponse::Ok().body(format!("Welcome back, {}", name)) // ok: xss
}

#[get("/raw")]
async fn raw(query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let fragment = query.get("fragment").cloned().unwrap_or_default();
    HttpResponse::Ok().content_type(ContentType::html()).body(fragment) // expect: xss
}

#[get("/raw-text")]
async fn raw_text(query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let fragment = query.get("fragment").cloned().unwrap_or_default();
    HttpResponse::Ok().content_type(ContentType::plaintext()).body(fragment) // ok: xss
}

#[get("/error")]
async fn error_page(req: HttpRequest) -> HttpResponse {
    let code = req.match_info().get("code").unwrap_or("500");
    HttpResponse::NotFound().body(format!("<div class=\"error\">Unknown error code {}</div>", code)) // expect: xss
}

#[get("/error/{code}")]
async fn error_by_code(path: web::Path<u16>) -> HttpResponse {
    let code = path.into_inner();
    HttpResponse::NotFound().body(format!("<div class=\"error\">Error {}</div>", code)) // ok: xss
}

#[get("/search")]
async fn search_header(req: HttpRequest) -> HttpResponse {
    let terms = req.query_string().replace('+', " ");
    HttpResponse::Ok()
        .insert_header(ContentType::html())
        .body(format!("<h2>Searching for {terms}</h2>")) // expect: xss
}

#[post("/tickets/preview")]
async fn ticket_preview(form: web::Form<HashMap<String, String>>) -> HttpResponse { // expect: unvalidated-body
    let subject = form.get("subject").cloned().unwrap_or_default();
    let body = form.get("body").cloned().unwrap_or_default();
    let html = format!("<article><h3>{}</h3><pre>{}</pre></article>", subject, body);
    HttpResponse::Ok().content_type(ContentType::html()).body(html) // expect: xss
}

#[post("/tickets/typed-preview")]
async fn ticket_typed_preview(form: web::Form<TicketForm>) -> HttpResponse {
    let html = format!("<article><h3>{}</h3><pre>{}</pre></article>", form.subject, form.body);
    HttpResponse::Ok().content_type(ContentType::html()).body(html) // ok: xss
}

#[post("/tickets/json-preview")]
async fn ticket_json_preview(payload: web::Json<serde_json::Value>) -> HttpResponse { // expect: unvalidated-body
    let subject = payload["subject"].as_str().unwrap_or_default();
    HttpResponse::Ok()
        .content_type("text/html")
        .body(format!("<h3>{}</h3>", subject)) // expect: xss
}

#[get("/layout")]
async fn layout(query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let name = query.get("layout").cloned().unwrap_or_default();
    if LAYOUTS.contains(&name.as_str()) {
        return HttpResponse::Ok()
            .content_type(ContentType::html())
            .body(format!("<main class=\"layout-{}\"></main>", name)); // ok: xss
    }
    HttpResponse::BadRequest().body("unknown layout") // ok: xss
}

#[get("/whoami")]
async fn whoami(req: HttpRequest) -> HttpResponse {
    let agent = req
        .headers()
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("unknown");
    HttpResponse::Ok().body(format!("<p>You are using {}</p>", agent)) // expect: xss
}

#[get("/whoami.xml")]
async fn whoami_xml(req: HttpRequest) -> HttpResponse {
    let agent = req.headers().get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("unknown");
    HttpResponse::Ok()
        .content_type(ContentType::xml())
        .body(format!("<whoami><agent>{}</agent></whoami>", html_escape::encode_text(agent))) // ok: xss
}

#[get("/whoami.json")]
async fn whoami_json(req: HttpRequest) -> HttpResponse {
    let agent = req.headers().get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("unknown");
    HttpResponse::Ok().json(serde_json::json!({ "agent": agent })) // ok: xss
}

#[get("/counter/{page}")]
async fn counter(state: web::Data<Portal>, path: web::Path<String>) -> HttpResponse {
    let hits = state.hits(&path.into_inner()).await;
    HttpResponse::Ok().content_type(ContentType::html()).body(format!("<span>{}</span>", hits)) // ok: xss
}
