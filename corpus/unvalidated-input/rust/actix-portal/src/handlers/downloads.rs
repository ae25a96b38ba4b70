//! Report and attachment downloads for portal customers.
use actix_files::NamedFile;
use actix_web::{get, delete, post, web, HttpRequest, HttpResponse, Responder, Scope};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::state::Portal;

const REPORTS_DIR: &str = "/srv/portal/reports";
const ATTACHMENTS_DIR: &str = "/srv/portal/attachments";

#[derive(Debug, Deserialize)]
pub struct ReportQuery {
    pub year: u16,
    pub quarter: u8,
}

pub fn scope() -> Scope {
    web::scope("/downloads")
        .service(report)
        .service(report_by_id)
        .service(attachment)
        .service(legacy_attachment)
        .service(customer_file)
        .service(quarterly)
        .service(purge)
}

#[get("/reports/{name}")]
async fn report(path: web::Path<String>) -> actix_web::Result<NamedFile> {
    let name = path.into_inner();
    Ok(NamedFile::open(format!("{}/{}", REPORTS_DIR, name))?) // expect: path-traversal
}

#[get("/reports/safe/{name}")]
async fn report_safe(path: web::Path<String>) -> actix_web::Result<NamedFile> {
    let requested = path.into_inner();
    let file_name = Path::new(&requested)
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| actix_web::error::ErrorBadRequest("bad name"))?;
    Ok(NamedFile::open(Path::new(REPORTS_DIR).join(file_name))?) // ok: path-traversal
}

#[get("/reports/id/{id}")]
async fn report_by_id(path: web::Path<u32>) -> actix_web::Result<NamedFile> {
    let id = path.into_inner();
    Ok(NamedFile::open(format!("{}/report-{}.pdf", REPORTS_DIR, id))?) // ok: path-traversal
}

#[get("/attachments/{file}")]
async fn attachment(req: HttpRequest) -> actix_web::Result<NamedFile> {
    let file: PathBuf = req.match_info().query("file").parse()?;
    Ok(NamedFile::open_async(Path::new(ATTACHMENTS_DIR).join(file)).await?) // expect: path-traversal
}

#[get("/legacy/{file:.*}")]
async fn legacy_attachment(req: HttpRequest) -> HttpResponse {
    let file = req.match_info().get("file").unwrap_or("index.txt");
    match std::fs::read(format!("{}/{}", ATTACHMENTS_DIR, file)) { // expect: path-traversal
        Ok(bytes) => HttpResponse::Ok().body(bytes),
        Err(_) => HttpResponse::NotFound().finish(),
    }
}

#[get("/customers/{customer}/{file}")]
async fn customer_file(path: web::Path<(String, String)>) -> actix_web::Result<NamedFile> {
    let (customer, file) = path.into_inner();
    let full = Path::new(ATTACHMENTS_DIR).join(customer).join(file);
    Ok(NamedFile::open(full)?) // expect: path-traversal
}

#[get("/customers/{customer}/page/{page}")]
async fn customer_page(path: web::Path<(String, u32)>) -> HttpResponse {
    let (customer, page) = path.into_inner();
    log::debug!("page {page} for {customer}");
    // `page` is a u32, but the tuple is followed as a whole.
    match std::fs::read_to_string(format!("{}/pages/{}.html", REPORTS_DIR, page)) { // todo-ok: path-traversal
        Ok(html) => HttpResponse::Ok().content_type("text/html").body(html),
        Err(_) => HttpResponse::NotFound().finish(),
    }
}

#[get("/quarterly")]
async fn quarterly(query: web::Query<ReportQuery>) -> actix_web::Result<NamedFile> {
    let path = format!("{}/{}-Q{}.pdf", REPORTS_DIR, query.year, query.quarter);
    Ok(NamedFile::open(path)?) // ok: path-traversal
}

#[get("/export")]
async fn export(query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let name = query.get("name").cloned().unwrap_or_default();
    match std::fs::read_to_string(Path::new(REPORTS_DIR).join(&name)) { // expect: path-traversal
        Ok(csv) => HttpResponse::Ok().content_type("text/csv").body(csv),
        Err(_) => HttpResponse::NotFound().finish(),
    }
}

#[get("/export/clean")]
async fn export_clean(query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let name = sanitize_filename::sanitize(query.get("name").map(String::as_str).unwrap_or("export.csv"));
    match std::fs::read_to_string(Path::new(REPORTS_DIR).join(&name)) { // ok: path-traversal
        Ok(csv) => HttpResponse::Ok().content_type("text/csv").body(csv),
        Err(_) => HttpResponse::NotFound().finish(),
    }
}

#[delete("/purge")]
async fn purge(req: HttpRequest) -> HttpResponse {
    let dir = req.query_string().trim_start_matches("dir=").to_string();
    match std::fs::remove_dir_all(Path::new(ATTACHMENTS_DIR).join(&dir)) { // expect: path-traversal
        Ok(()) => HttpResponse::NoContent().finish(),
        Err(_) => HttpResponse::NotFound().finish(),
    }
}

#[delete("/purge/{customer}")]
async fn purge_customer(state: web::Data<Portal>, path: web::Path<uuid::Uuid>) -> HttpResponse {
    let customer = state.customer_dir(path.into_inner()).await;
    match std::fs::remove_dir_all(&customer) { // ok: path-traversal
        Ok(()) => HttpResponse::NoContent().finish(),
        Err(_) => HttpResponse::NotFound().finish(),
    }
}

#[post("/attachments/{name}")]
async fn upload(path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let name = path.into_inner();
    let dest = Path::new(ATTACHMENTS_DIR).join(&name);
    let canonical_parent = match dest.parent().map(std::fs::canonicalize) {
        Some(Ok(p)) => p,
        _ => return HttpResponse::BadRequest().finish(),
    };
    if !canonical_parent.starts_with(ATTACHMENTS_DIR) {
        return HttpResponse::Forbidden().finish();
    }
    match std::fs::write(canonical_parent.join(dest.file_name().unwrap_or_default()), &body) { // ok: path-traversal
        Ok(()) => HttpResponse::Created().finish(),
        Err(_) => HttpResponse::InternalServerError().finish(),
    }
}
