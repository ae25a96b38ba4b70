//! Incoming webhooks from the billing provider and the CI system.
use axum::{extract::State, http::StatusCode, Json};
use once_cell::sync::Lazy;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use validator::Validate;

use crate::state::AppState;

static EVENT_SCHEMA: Lazy<jsonschema::JSONSchema> = Lazy::new(|| {
    let schema = json!({
        "type": "object",
        "required": ["event", "id"],
        "properties": { "event": { "type": "string" }, "id": { "type": "string" } }
    });
    jsonschema::JSONSchema::compile(&schema).expect("valid schema")
});

#[derive(Debug, Deserialize, Validate)]
pub struct BuildEvent {
    #[validate(length(min = 1, max = 64))]
    pub pipeline: String,
    #[validate(range(min = 0))]
    pub number: i64,
    #[validate(url)]
    pub log_url: String,
}

#[derive(Debug, Deserialize)]
pub struct InvoicePaid {
    pub invoice_id: String,
    pub amount_cents: i64,
}

pub async fn receive(State(state): State<AppState>, Json(payload): Json<Value>) -> StatusCode { // expect: unvalidated-body
    let event = payload["event"].as_str().unwrap_or_default();
    tracing::info!("webhook event {event}");
    state.events.push(payload.clone()).await;
    StatusCode::ACCEPTED
}

pub async fn receive_checked(State(state): State<AppState>, Json(payload): Json<Value>) -> StatusCode { // ok: unvalidated-body
    if !EVENT_SCHEMA.is_valid(&payload) {
        return StatusCode::UNPROCESSABLE_ENTITY;
    }
    state.events.push(payload).await;
    StatusCode::ACCEPTED
}

pub async fn billing(State(state): State<AppState>, Json(body): Json<serde_json::Value>) -> StatusCode { // ok: unvalidated-body
    let paid: InvoicePaid = match serde_json::from_value(body) {
        Ok(p) => p,
        Err(_) => return StatusCode::BAD_REQUEST,
    };
    state.billing.mark_paid(&paid.invoice_id, paid.amount_cents).await;
    StatusCode::OK
}

pub async fn billing_refund(State(state): State<AppState>, Json(body): Json<Value>) -> StatusCode { // ok: unvalidated-body
    let Ok(refund) = serde_json::from_value::<InvoicePaid>(body) else {
        return StatusCode::BAD_REQUEST;
    };
    state.billing.refund(&refund.invoice_id, refund.amount_cents).await;
    StatusCode::OK
}

fn validate_event(payload: &Value) -> Result<(), StatusCode> {
    match payload.get("event").and_then(Value::as_str) {
        Some(e) if !e.is_empty() && e.len() <= 64 => Ok(()),
        _ => Err(StatusCode::UNPROCESSABLE_ENTITY),
    }
}

pub async fn receive_v2(State(state): State<AppState>, Json(payload): Json<Value>) -> Result<StatusCode, StatusCode> { // ok: unvalidated-body
    validate_event(&payload)?;
    state.events.push(payload).await;
    Ok(StatusCode::ACCEPTED)
}

pub async fn labels(State(state): State<AppState>, Json(labels): Json<HashMap<String, String>>) -> StatusCode { // expect: unvalidated-body
    for (key, value) in labels.iter() {
        state.labels.set(key, value).await;
    }
    StatusCode::NO_CONTENT
}

pub async fn batch(State(state): State<AppState>, Json(items): Json<Vec<Value>>) -> StatusCode { // expect: unvalidated-body
    tracing::info!("batch of {} events", items.len());
    for item in items {
        state.events.push(item).await;
    }
    StatusCode::ACCEPTED
}

pub async fn build_finished(State(state): State<AppState>, Json(event): Json<BuildEvent>) -> StatusCode { // ok: unvalidated-body
    if event.validate().is_err() {
        return StatusCode::UNPROCESSABLE_ENTITY;
    }
    state.builds.finish(&event.pipeline, event.number).await;
    StatusCode::OK
}

pub async fn ping() -> Json<Value> {
    Json(json!({ "ok": true }))
}

/// Keep-alive from the provider: the body must be JSON but is never read.
pub async fn heartbeat(Json(_): Json<Value>) -> StatusCode { // ok: unvalidated-body
    StatusCode::NO_CONTENT
}

pub async fn heartbeat_v2(_: Json<serde_json::Value>) -> StatusCode { // ok: unvalidated-body
    StatusCode::NO_CONTENT
}
