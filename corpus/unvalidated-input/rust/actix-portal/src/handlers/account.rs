//! Sign-in, sign-out and locale switching for the customer portal.
use actix_web::{
    get,
    http::header::{self, ContentType},
    post, web, HttpRequest, HttpResponse, Scope,
};
use serde::Deserialize;
use std::collections::HashMap;
use url::Url;
use validator::Validate;

use crate::state::Portal;

const HOME: &str = "/portal/home";
const PARTNER_HOSTS: [&str; 2] = ["partners.example.com", "billing.example.com"];

#[derive(Debug, Deserialize, Validate)]
pub struct SignIn {
    #[validate(email)]
    pub email: String,
    #[validate(length(min = 8))]
    pub password: String,
}

pub fn scope() -> Scope {
    web::scope("/account")
        .service(sign_in)
        .service(sign_out)
        .service(switch_locale)
        .service(partner)
        .service(go_back)
}

#[post("/sign-in")]
async fn sign_in(state: web::Data<Portal>, form: web::Form<SignIn>, query: web::Query<HashMap<String, String>>) -> HttpResponse {
    if form.validate().is_err() || !state.check_password(&form.email, &form.password).await {
        return HttpResponse::SeeOther().append_header((header::LOCATION, "/account/sign-in?error=1")).finish(); // ok: open-redirect
    }
    let next = query.get("next").cloned().unwrap_or_else(|| HOME.to_string());
    HttpResponse::Found().append_header((header::LOCATION, next)).finish() // expect: open-redirect
}

#[get("/sign-out")]
async fn sign_out(query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let next = query.get("next").cloned().unwrap_or_default();
    if !next.starts_with('/') || next.starts_with("//") {
        return HttpResponse::Found().append_header((header::LOCATION, HOME)).finish(); // ok: open-redirect
    }
    HttpResponse::Found().append_header((header::LOCATION, next)).finish() // ok: open-redirect
}

#[get("/locale/{lang}")]
async fn switch_locale(req: HttpRequest, path: web::Path<String>) -> HttpResponse {
    let lang = path.into_inner();
    let back = req
        .headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or(HOME)
        .to_string();
    HttpResponse::Found()
        .insert_header(("Set-Cookie", format!("lang={lang}; Path=/"))) // ok: open-redirect
        .insert_header((header::LOCATION, back)) // expect: open-redirect
        .finish()
}

#[get("/partner/{host}")]
async fn partner(path: web::Path<String>) -> HttpResponse {
    let host = path.into_inner();
    HttpResponse::TemporaryRedirect()
        .insert_header(("Location", format!("https://{}/sso/start", host))) // expect: open-redirect
        .finish()
}

#[get("/partner-link")]
async fn partner_link(query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let Some(raw) = query.get("url") else {
        return HttpResponse::BadRequest().finish();
    };
    let Ok(url) = Url::parse(raw) else {
        return HttpResponse::BadRequest().finish();
    };
    if !PARTNER_HOSTS.contains(&url.host_str().unwrap_or_default()) {
        return HttpResponse::BadRequest().finish();
    }
    HttpResponse::Found().append_header((header::LOCATION, url.as_str())).finish() // ok: open-redirect
}

#[get("/go")]
async fn go(req: HttpRequest) -> HttpResponse {
    let target = req.match_info().get("to").unwrap_or(HOME).to_owned();
    HttpResponse::Found().append_header(("location", target)).finish() // expect: open-redirect
}

#[get("/back")]
async fn go_back(req: HttpRequest) -> HttpResponse {
    let qs = req.query_string();
    HttpResponse::SeeOther().append_header((header::LOCATION, qs.trim_start_matches("to="))).finish() // expect: open-redirect
}

#[post("/continue")]
async fn continue_form(form: web::Form<HashMap<String, String>>) -> HttpResponse { // expect: unvalidated-body
    let target = form.get("continue").cloned().unwrap_or_default();
    HttpResponse::SeeOther().append_header((header::LOCATION, target.as_str())).finish() // expect: open-redirect
}

#[get("/orders/{id}")]
async fn order_redirect(path: web::Path<u64>) -> HttpResponse {
    let id = path.into_inner();
    HttpResponse::MovedPermanently().append_header((header::LOCATION, format!("/portal/orders/{id}"))).finish() // ok: open-redirect
}

#[get("/welcome")]
async fn welcome(query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let name = query.get("name").cloned().unwrap_or_default();
    HttpResponse::Ok()
        .insert_header(ContentType::plaintext())
        .insert_header(("X-Greeting", name)) // ok: open-redirect
        .body("welcome")
}

#[get("/docs")]
async fn docs(state: web::Data<Portal>) -> HttpResponse {
    HttpResponse::Found().append_header((header::LOCATION, state.docs_url.clone())).finish() // ok: open-redirect
}
