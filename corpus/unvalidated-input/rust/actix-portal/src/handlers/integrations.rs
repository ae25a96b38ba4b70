//! Customer integrations: webhook tests, avatar imports, partner status checks.
use actix_web::{get, post, web, HttpRequest, HttpResponse, Scope};
use reqwest::Client;
use serde::Deserialize;
use std::collections::HashMap;
use url::Url;

use crate::state::Portal;

const RATES_API: &str = "https://rates.internal.example.com/v1";
const AVATAR_HOSTS: &[&str] = &["gravatar.com", "avatars.githubusercontent.com"];

#[derive(Debug, Deserialize)]
pub struct RateQuery {
    pub currency: String,
}

pub fn scope() -> Scope {
    web::scope("/integrations")
        .service(test_webhook)
        .service(import_avatar)
        .service(partner_status)
        .service(rates)
}

fn is_allowed_url(raw: &str) -> bool {
    Url::parse(raw)
        .ok()
        .and_then(|u| u.host_str().map(|h| AVATAR_HOSTS.contains(&h)))
        .unwrap_or(false)
}

#[post("/webhook-test")]
async fn test_webhook(client: web::Data<Client>, body: web::Json<serde_json::Value>) -> HttpResponse { // expect: unvalidated-body
    let url = body.get("url").and_then(|v| v.as_str()).unwrap_or_default();
    match client.post(url).json(&body.0).send().await { // expect: ssrf
        Ok(resp) => HttpResponse::Ok().body(resp.status().to_string()),
        Err(_) => HttpResponse::BadGateway().finish(),
    }
}

#[get("/avatar")]
async fn import_avatar(client: web::Data<Client>, query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let src = query.get("src").cloned().unwrap_or_default();
    match client.get(&src).send().await { // expect: ssrf
        Ok(resp) => HttpResponse::Ok().body(resp.bytes().await.unwrap_or_default()),
        Err(_) => HttpResponse::BadGateway().finish(),
    }
}

#[get("/avatar/checked")]
async fn import_avatar_checked(client: web::Data<Client>, query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let src = query.get("src").cloned().unwrap_or_default();
    if !is_allowed_url(&src) {
        return HttpResponse::BadRequest().finish();
    }
    match client.get(&src).send().await { // ok: ssrf
        Ok(resp) => HttpResponse::Ok().body(resp.bytes().await.unwrap_or_default()),
        Err(_) => HttpResponse::BadGateway().finish(),
    }
}

#[get("/partners/{host}/status")]
async fn partner_status(req: HttpRequest, client: web::Data<Client>) -> HttpResponse {
    let host = req.match_info().query("host");
    let status_url = format!("http://{}/status", host);
    match client.get(status_url).send().await { // expect: ssrf
        Ok(resp) => HttpResponse::Ok().body(resp.text().await.unwrap_or_default()),
        Err(_) => HttpResponse::BadGateway().finish(),
    }
}

#[get("/rates")]
async fn rates(client: web::Data<Client>, query: web::Query<RateQuery>) -> HttpResponse {
    match client.get(format!("{}/rates/{}", RATES_API, query.currency)).send().await { // ok: ssrf
        Ok(resp) => HttpResponse::Ok().body(resp.text().await.unwrap_or_default()),
        Err(_) => HttpResponse::BadGateway().finish(),
    }
}

#[get("/rates/{currency}")]
async fn rates_by_path(path: web::Path<String>) -> HttpResponse {
    let currency = path.into_inner();
    match reqwest::get(format!("{RATES_API}/rates/{currency}")).await { // ok: ssrf
        Ok(resp) => HttpResponse::Ok().body(resp.text().await.unwrap_or_default()),
        Err(_) => HttpResponse::BadGateway().finish(),
    }
}

#[get("/rates/all")]
async fn all_rates() -> HttpResponse {
    match reqwest::get(format!("{}/rates", RATES_API)).await { // ok: ssrf
        Ok(resp) => HttpResponse::Ok().body(resp.text().await.unwrap_or_default()),
        Err(_) => HttpResponse::BadGateway().finish(),
    }
}

#[post("/callback")]
async fn register_callback(state: web::Data<Portal>, req: HttpRequest) -> HttpResponse {
    let callback = req
        .headers()
        .get("x-callback-url")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let http = &state.http;
    match http.delete(callback.as_str()).send().await { // expect: ssrf
        Ok(_) => HttpResponse::NoContent().finish(),
        Err(_) => HttpResponse::BadGateway().finish(),
    }
}

#[post("/sync/{account}")]
async fn sync_account(state: web::Data<Portal>, path: web::Path<uuid::Uuid>) -> HttpResponse {
    let account = path.into_inner();
    let url = format!("{}/accounts/{}/sync", state.crm_base, account);
    match state.http.put(&url).send().await { // ok: ssrf
        Ok(_) => HttpResponse::Accepted().finish(),
        Err(_) => HttpResponse::BadGateway().finish(),
    }
}

#[get("/probe")]
async fn probe(query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let target = query.get("target").cloned().unwrap_or_default();
    let client = awc::Client::default();
    match client.get(target).send().await { // expect: ssrf
        Ok(resp) => HttpResponse::Ok().body(resp.status().to_string()),
        Err(_) => HttpResponse::BadGateway().finish(),
    }
}

#[get("/lookup")]
async fn lookup(state: web::Data<Portal>, query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let key = query.get("key").cloned().unwrap_or_default();
    match state.settings.get(&key) { // ok: ssrf
        Some(value) => HttpResponse::Ok().body(value.clone()),
        None => HttpResponse::NotFound().finish(),
    }
}

#[post("/ping-callback")]
async fn ping_callback(form: web::Form<HashMap<String, String>>) -> HttpResponse { // expect: unvalidated-body
    let callback = form.get("callback").cloned().unwrap_or_default();
    let result = web::block(move || ureq::post(&callback).send_string("ping")).await; // expect: ssrf
    match result {
        Ok(Ok(_)) => HttpResponse::Ok().finish(),
        _ => HttpResponse::BadGateway().finish(),
    }
}

#[get("/reachable/{domain}")]
async fn reachable(path: web::Path<String>) -> HttpResponse {
    let domain = path.into_inner();
    match awc::Client::default().head(format!("https://{}/", domain)).send().await { // expect: ssrf
        Ok(resp) => HttpResponse::Ok().body(resp.status().to_string()),
        Err(_) => HttpResponse::BadGateway().finish(),
    }
}

#[get("/reachable-id/{id}")]
async fn reachable_by_id(state: web::Data<Portal>, path: web::Path<u32>) -> HttpResponse {
    let partner = state.partner_host(path.into_inner()).await;
    match awc::Client::default().head(format!("https://{}/", partner)).send().await { // ok: ssrf
        Ok(resp) => HttpResponse::Ok().body(resp.status().to_string()),
        Err(_) => HttpResponse::BadGateway().finish(),
    }
}
