//! Alert rules: match incoming log lines against patterns and notify an endpoint.
use axum::{
    extract::{Path, State},
    http::StatusCode,
    Form, Json,
};
use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;
use validator::Validate;

use crate::state::AppState;

const DEFAULT_RULE: &str = r"(?i)\b(error|fatal|panic)\b";
const ALERTMANAGER_URL: &str = "http://alertmanager.monitoring:9093/api/v2/alerts";
const BUILTIN_RULES: &[&str] = &[r"(?i)\btimeout\b", r"(?i)\bout of memory\b"];

#[derive(Debug, Deserialize, Validate)]
pub struct AlertRule {
    #[validate(length(min = 1, max = 200))]
    pub pattern: String,
    #[validate(url)]
    pub endpoint: String,
}

pub async fn create_rule(State(state): State<AppState>, Json(rule): Json<Value>) -> StatusCode { // expect: unvalidated-body
    let Some(pattern) = rule.get("match").and_then(Value::as_str) else {
        return StatusCode::BAD_REQUEST;
    };
    let Ok(re) = Regex::new(pattern) else { // expect: regex-injection
        return StatusCode::BAD_REQUEST;
    };
    let endpoint = rule["endpoint"].as_str().unwrap_or(ALERTMANAGER_URL);
    let hits = state.logs.recent().iter().filter(|l| re.is_match(l)).count();
    match state.http.post(format!("{}/notify", endpoint)).json(&hits).send().await { // expect: ssrf
        Ok(_) => StatusCode::CREATED,
        Err(_) => StatusCode::BAD_GATEWAY,
    }
}

pub async fn create_rule_typed(State(state): State<AppState>, Json(rule): Json<AlertRule>) -> StatusCode { // ok: unvalidated-body
    if rule.validate().is_err() {
        return StatusCode::UNPROCESSABLE_ENTITY;
    }
    let Ok(re) = Regex::new(&rule.pattern) else { // ok: regex-injection
        return StatusCode::BAD_REQUEST;
    };
    let hits = state.logs.recent().iter().filter(|l| re.is_match(l)).count();
    match state.http.post(&rule.endpoint).json(&hits).send().await { // ok: ssrf
        Ok(_) => StatusCode::CREATED,
        Err(_) => StatusCode::BAD_GATEWAY,
    }
}

pub async fn multiline_rule(Form(form): Form<HashMap<String, String>>) -> StatusCode { // expect: unvalidated-body
    let pattern = form.get("pattern").cloned().unwrap_or_default();
    match RegexBuilder::new(&pattern).multi_line(true).build() { // expect: regex-injection
        Ok(_) => StatusCode::CREATED,
        Err(_) => StatusCode::BAD_REQUEST,
    }
}

pub async fn host_rule(Path(host): Path<String>) -> StatusCode {
    match Regex::new(&format!(r"^{}(:\d+)?$", regex::escape(&host))) { // ok: regex-injection
        Ok(_) => StatusCode::CREATED,
        Err(_) => StatusCode::BAD_REQUEST,
    }
}

pub async fn builtin_rule(Path(pattern): Path<String>) -> StatusCode {
    if !BUILTIN_RULES.contains(&pattern.as_str()) {
        return StatusCode::NOT_FOUND;
    }
    match Regex::new(&pattern) { // ok: regex-injection
        Ok(_) => StatusCode::OK,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

pub async fn default_rule(State(state): State<AppState>) -> StatusCode {
    let re = Regex::new(DEFAULT_RULE).expect("default rule compiles"); // ok: regex-injection
    let hits = state.logs.recent().iter().filter(|l| re.is_match(l)).count();
    match reqwest::Client::new().post(ALERTMANAGER_URL).json(&hits).send().await { // ok: ssrf
        Ok(_) => StatusCode::OK,
        Err(_) => StatusCode::BAD_GATEWAY,
    }
}

pub async fn silence(State(state): State<AppState>, Path(alert_id): Path<String>) -> StatusCode {
    let url = format!("{}/{}/silence", ALERTMANAGER_URL, alert_id);
    match state.http.post(url).send().await { // ok: ssrf
        Ok(_) => StatusCode::NO_CONTENT,
        Err(_) => StatusCode::BAD_GATEWAY,
    }
}
