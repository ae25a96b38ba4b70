//! Saved ticket filters: users match ticket subjects against their own expressions.
use actix_web::{get, post, web, HttpRequest, HttpResponse, Scope};
use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use std::collections::HashMap;

use crate::state::Portal;

#[derive(Debug, Deserialize)]
pub struct KeywordFilter {
    pub keyword: String,
}

pub fn scope() -> Scope {
    web::scope("/filters")
        .service(by_expression)
        .service(by_keyword)
        .service(by_label)
        .service(by_header)
        .service(saved)
}

fn count_matches(state: &Portal, re: &Regex) -> usize {
    state.subjects().iter().filter(|s| re.is_match(s)).count()
}

#[get("/expr")]
async fn by_expression(state: web::Data<Portal>, query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let expr = query.get("expr").map(String::as_str).unwrap_or(".*");
    match Regex::new(expr) { // expect: regex-injection
        Ok(re) => HttpResponse::Ok().body(count_matches(&state, &re).to_string()),
        Err(_) => HttpResponse::BadRequest().finish(),
    }
}

#[get("/keyword")]
async fn by_keyword(state: web::Data<Portal>, query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let keyword = query.get("keyword").cloned().unwrap_or_default();
    match Regex::new(&format!("(?i){}", regex::escape(&keyword))) { // ok: regex-injection
        Ok(re) => HttpResponse::Ok().body(count_matches(&state, &re).to_string()),
        Err(_) => HttpResponse::BadRequest().finish(),
    }
}

#[get("/keyword-typed")]
async fn by_keyword_typed(state: web::Data<Portal>, query: web::Query<KeywordFilter>) -> HttpResponse {
    match Regex::new(&query.keyword) { // ok: regex-injection
        Ok(re) => HttpResponse::Ok().body(count_matches(&state, &re).to_string()),
        Err(_) => HttpResponse::BadRequest().finish(),
    }
}

#[get("/label/{label}")]
async fn by_label(state: web::Data<Portal>, path: web::Path<String>) -> HttpResponse {
    let label = path.into_inner();
    let re = match RegexBuilder::new(&format!(r"\[{}\]", label)).case_insensitive(true).build() { // expect: regex-injection
        Ok(re) => re,
        Err(_) => return HttpResponse::BadRequest().finish(),
    };
    HttpResponse::Ok().body(count_matches(&state, &re).to_string())
}

#[get("/label-id/{id}")]
async fn by_label_id(state: web::Data<Portal>, path: web::Path<u32>) -> HttpResponse {
    let id = path.into_inner();
    let re = Regex::new(&format!(r"\[L-{}\]", id)).expect("numeric label"); // ok: regex-injection
    HttpResponse::Ok().body(count_matches(&state, &re).to_string())
}

#[get("/route/{pattern}")]
async fn by_route(state: web::Data<Portal>, req: HttpRequest) -> HttpResponse {
    let pattern = req.match_info().get("pattern").unwrap_or_default();
    match Regex::new(&format!("^{}$", pattern)) { // expect: regex-injection
        Ok(re) => HttpResponse::Ok().body(count_matches(&state, &re).to_string()),
        Err(_) => HttpResponse::BadRequest().finish(),
    }
}

#[get("/header")]
async fn by_header(state: web::Data<Portal>, req: HttpRequest) -> HttpResponse {
    let Some(expr) = req.headers().get("x-filter").and_then(|v| v.to_str().ok()) else {
        return HttpResponse::BadRequest().finish();
    };
    match Regex::new(expr) { // expect: regex-injection
        Ok(re) => HttpResponse::Ok().body(count_matches(&state, &re).to_string()),
        Err(_) => HttpResponse::BadRequest().finish(),
    }
}

#[post("/saved")]
async fn saved(state: web::Data<Portal>, body: web::Json<serde_json::Value>) -> HttpResponse { // expect: unvalidated-body
    let Some(patterns) = body["patterns"].as_array() else {
        return HttpResponse::BadRequest().finish();
    };
    let exprs: Vec<&str> = patterns.iter().filter_map(|p| p.as_str()).collect();
    match regex::RegexSet::new(exprs) { // expect: regex-injection
        Ok(set) => HttpResponse::Ok().body(set.len().to_string()),
        Err(_) => HttpResponse::BadRequest().finish(),
    }
}

#[post("/single")]
async fn single(body: web::Json<serde_json::Value>) -> HttpResponse { // expect: unvalidated-body
    let pattern = body.get("pattern").and_then(serde_json::Value::as_str).unwrap_or_default();
    match regex::bytes::Regex::new(pattern) { // expect: regex-injection
        Ok(re) => HttpResponse::Ok().body(re.as_str().to_string()),
        Err(_) => HttpResponse::BadRequest().finish(),
    }
}

#[get("/word")]
async fn whole_word(state: web::Data<Portal>, query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let word = query.get("w").cloned().unwrap_or_default();
    if word.chars().any(|c| !c.is_ascii_alphanumeric()) {
        return HttpResponse::BadRequest().finish();
    }
    // Only letters and digits are left, but the check is not one the scanner knows.
    match Regex::new(&format!(r"\b{}\b", word)) { // todo-ok: regex-injection
        Ok(re) => HttpResponse::Ok().body(count_matches(&state, &re).to_string()),
        Err(_) => HttpResponse::BadRequest().finish(),
    }
}

#[get("/presets/{name}")]
async fn preset(state: web::Data<Portal>, path: web::Path<String>) -> HttpResponse {
    let name = path.into_inner();
    let expr = match name.as_str() {
        "urgent" => r"(?i)\b(urgent|asap|p0)\b",
        "billing" => r"(?i)\b(invoice|refund|charge)\b",
        _ => return HttpResponse::NotFound().finish(),
    };
    let re = Regex::new(expr).expect("preset compiles"); // ok: regex-injection
    HttpResponse::Ok().body(count_matches(&state, &re).to_string())
}

#[get("/contains")]
async fn contains(state: web::Data<Portal>, query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let needle = query.get("q").cloned().unwrap_or_default();
    let hits = state.subjects().iter().filter(|s| s.contains(needle.as_str())).count();
    HttpResponse::Ok().body(hits.to_string())
}
