//! JSON API for tickets and customer settings.
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse, Scope};
use deadpool_postgres::Pool;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use std::process::Command;
use validator::Validate;

#[derive(Debug, Deserialize, Validate)]
pub struct NewTicket {
    #[validate(length(min = 3, max = 120))]
    pub subject: String,
    #[validate(length(max = 10_000))]
    pub body: String,
    pub priority: u8,
}

#[derive(Debug, Deserialize)]
pub struct SettingsPatch {
    pub theme: Option<String>,
    pub digest: Option<bool>,
}

#[derive(Debug, Serialize)]
pub struct Ticket {
    pub id: i64,
    pub subject: String,
}

pub fn scope() -> Scope {
    web::scope("/api")
        .service(create_ticket)
        .service(create_ticket_raw)
        .service(update_settings)
        .service(update_settings_raw)
        .service(import_tickets)
        .service(tickets_by_status)
        .service(delete_tag)
        .service(bulk_tag)
}

fn db_error<E: std::fmt::Display>(err: E) -> actix_web::Error {
    log::error!("database error: {err}");
    actix_web::error::ErrorInternalServerError("database error")
}

#[post("/tickets")]
async fn create_ticket(pool: web::Data<Pool>, ticket: web::Json<NewTicket>) -> actix_web::Result<HttpResponse> { // ok: unvalidated-body
    ticket.validate().map_err(actix_web::error::ErrorUnprocessableEntity)?;
    let client = pool.get().await.map_err(db_error)?;
    client
        .execute( // ok: sql-injection
            "INSERT INTO tickets (subject, body, priority) VALUES ($1, $2, $3)",
            &[&ticket.subject, &ticket.body, &(ticket.priority as i16)],
        )
        .await
        .map_err(db_error)?;
    Ok(HttpResponse::Created().finish())
}

#[post("/tickets/raw")]
async fn create_ticket_raw(pool: web::Data<Pool>, ticket: web::Json<Value>) -> actix_web::Result<HttpResponse> { // expect: unvalidated-body
    let subject = ticket["subject"].as_str().unwrap_or_default();
    let client = pool.get().await.map_err(db_error)?;
    let sql = format!("INSERT INTO tickets (subject) VALUES ('{}')", subject);
    client.execute(sql.as_str(), &[]).await.map_err(db_error)?; // expect: sql-injection
    Ok(HttpResponse::Created().finish())
}

#[patch("/settings")]
async fn update_settings(pool: web::Data<Pool>, patch: web::Json<SettingsPatch>) -> actix_web::Result<HttpResponse> { // ok: unvalidated-body
    let client = pool.get().await.map_err(db_error)?;
    client
        .execute("UPDATE settings SET theme = COALESCE($1, theme)", &[&patch.theme]) // ok: sql-injection
        .await
        .map_err(db_error)?;
    Ok(HttpResponse::NoContent().finish())
}

#[patch("/settings/raw")]
async fn update_settings_raw(pool: web::Data<Pool>, patch: web::Json<HashMap<String, String>>) -> actix_web::Result<HttpResponse> { // expect: unvalidated-body
    let client = pool.get().await.map_err(db_error)?;
    for (key, value) in patch.iter() {
        client
            .execute("INSERT INTO settings (key, value) VALUES ($1, $2)", &[key, value]) // ok: sql-injection
            .await
            .map_err(db_error)?;
    }
    Ok(HttpResponse::NoContent().finish())
}

#[post("/tickets/import")]
async fn import_tickets(pool: web::Data<Pool>, body: web::Json<Value>) -> actix_web::Result<HttpResponse> { // ok: unvalidated-body
    let tickets: Vec<NewTicket> = serde_json::from_value(body.into_inner()).map_err(actix_web::error::ErrorBadRequest)?;
    let client = pool.get().await.map_err(db_error)?;
    for ticket in &tickets {
        client
            .execute("INSERT INTO tickets (subject, body) VALUES ($1, $2)", &[&ticket.subject, &ticket.body]) // ok: sql-injection
            .await
            .map_err(db_error)?;
    }
    Ok(HttpResponse::Created().body(tickets.len().to_string()))
}

#[get("/tickets/status/{status}")]
async fn tickets_by_status(pool: web::Data<Pool>, path: web::Path<String>) -> actix_web::Result<HttpResponse> {
    let status = path.into_inner();
    let client = pool.get().await.map_err(db_error)?;
    let rows = client
        .query(&format!("SELECT id, subject FROM tickets WHERE status = '{status}'"), &[]) // expect: sql-injection
        .await
        .map_err(db_error)?;
    let tickets: Vec<Ticket> = rows.iter().map(|r| Ticket { id: r.get(0), subject: r.get(1) }).collect();
    Ok(HttpResponse::Ok().json(tickets))
}

#[get("/tickets/status-bound/{status}")]
async fn tickets_by_status_bound(pool: web::Data<Pool>, path: web::Path<String>) -> actix_web::Result<HttpResponse> {
    let status = path.into_inner();
    let client = pool.get().await.map_err(db_error)?;
    let rows = client
        .query("SELECT id, subject FROM tickets WHERE status = $1", &[&status]) // ok: sql-injection
        .await
        .map_err(db_error)?;
    let tickets: Vec<Ticket> = rows.iter().map(|r| Ticket { id: r.get(0), subject: r.get(1) }).collect();
    Ok(HttpResponse::Ok().json(tickets))
}

#[get("/tickets/where")]
async fn tickets_where(pool: web::Data<Pool>, req: HttpRequest) -> actix_web::Result<HttpResponse> {
    let filter = req.query_string().to_string();
    let client = pool.get().await.map_err(db_error)?;
    // The whole statement is request data, but `query` needs SQL-looking text to count as a sink.
    let rows = client.query(filter.as_str(), &[]).await.map_err(db_error)?; // todo-expect: sql-injection
    Ok(HttpResponse::Ok().body(rows.len().to_string()))
}

#[delete("/tags/{tag}")]
async fn delete_tag(pool: web::Data<Pool>, req: HttpRequest) -> actix_web::Result<HttpResponse> {
    let tag = req.match_info().get("tag").unwrap_or_default();
    let client = pool.get().await.map_err(db_error)?;
    client
        .batch_execute(&format!("DELETE FROM ticket_tags WHERE tag = '{}'", tag)) // expect: sql-injection
        .await
        .map_err(db_error)?;
    Ok(HttpResponse::NoContent().finish())
}

#[post("/tags/bulk")]
async fn bulk_tag(body: web::Json<Value>) -> actix_web::Result<HttpResponse> { // expect: unvalidated-body
    let tag = body["tag"].as_str().unwrap_or_default();
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("/opt/portal/bin/retag --tag {}", tag)) // expect: command-injection
        .output()
        .map_err(actix_web::error::ErrorInternalServerError)?;
    Ok(HttpResponse::Ok().body(out.stdout))
}

#[post("/tags/bulk-checked")]
async fn bulk_tag_checked(body: web::Json<Value>) -> actix_web::Result<HttpResponse> { // ok: unvalidated-body
    let schema = serde_json::json!({ "type": "object", "required": ["tag"] });
    if !jsonschema::is_valid(&schema, &body) {
        return Ok(HttpResponse::BadRequest().finish());
    }
    let tag = body["tag"].as_str().unwrap_or_default();
    let out = Command::new("/opt/portal/bin/retag") // ok: command-injection
        .args(["--tag", tag])
        .output()
        .map_err(actix_web::error::ErrorInternalServerError)?;
    Ok(HttpResponse::Ok().body(out.stdout))
}

#[post("/echo")]
async fn echo(body: web::Json<Vec<Value>>) -> HttpResponse { // expect: unvalidated-body
    HttpResponse::Ok().json(body.into_inner())
}

#[post("/echo-typed")]
async fn echo_typed(body: web::Json<Vec<NewTicket>>) -> HttpResponse { // ok: unvalidated-body
    HttpResponse::Ok().body(body.len().to_string())
}
