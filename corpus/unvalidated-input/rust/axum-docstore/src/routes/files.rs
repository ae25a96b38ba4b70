//! Document downloads, uploads and housekeeping.
use axum::{
    body::Bytes,
    extract::{Path, Query, RawQuery, State},
    http::{header, HeaderMap, StatusCode},
    response::IntoResponse,
    Form, Json,
};
use serde::Deserialize;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path as FsPath, PathBuf};
use tokio::fs;
use tower_http::services::ServeFile;
use uuid::Uuid;

use crate::state::AppState;

const UPLOAD_DIR: &str = "/var/lib/docstore/uploads";
const EXPORT_DIR: &str = "/var/lib/docstore/exports";
const MANIFEST: &str = "/var/lib/docstore/manifest.json";
const ALLOWED_REPORTS: &[&str] = &["daily.csv", "weekly.csv", "monthly.csv"];

#[derive(Debug, Deserialize)]
pub struct ExportParams {
    pub format: String,
    pub name: String,
}

#[derive(Debug, Deserialize)]
pub struct UploadMeta {
    pub filename: String,
    pub content: String,
}

fn not_found(err: std::io::Error) -> StatusCode {
    tracing::warn!("file error: {err}");
    StatusCode::NOT_FOUND
}

pub async fn download(Query(params): Query<HashMap<String, String>>) -> Result<Vec<u8>, StatusCode> {
    let name = params.get("file").ok_or(StatusCode::BAD_REQUEST)?;
    let path = format!("{}/{}", UPLOAD_DIR, name);
    fs::read(&path).await.map_err(not_found) // expect: path-traversal
}

pub async fn show(Path(name): Path<String>) -> Result<String, StatusCode> {
    let full = PathBuf::from(UPLOAD_DIR).join(&name);
    fs::read_to_string(full).await.map_err(not_found) // expect: path-traversal
}

pub async fn show_safe(Path(name): Path<String>) -> Result<String, StatusCode> {
    let file_name = FsPath::new(&name).file_name().ok_or(StatusCode::BAD_REQUEST)?;
    let full = FsPath::new(UPLOAD_DIR).join(file_name);
    fs::read_to_string(full).await.map_err(not_found) // ok: path-traversal
}

pub async fn bucket_object(Path((bucket, key)): Path<(String, String)>) -> Result<Vec<u8>, StatusCode> {
    let mut file = std::fs::File::open(format!("{UPLOAD_DIR}/{bucket}/{key}")).map_err(not_found)?; // expect: path-traversal
    let mut buf = Vec::new();
    std::io::Read::read_to_end(&mut file, &mut buf).map_err(not_found)?;
    Ok(buf)
}

pub async fn version(Path((name, version)): Path<(String, u32)>) -> Result<Vec<u8>, StatusCode> {
    tracing::debug!("fetching version {version} of {name}");
    let path = format!("{}/versions/{}.bin", UPLOAD_DIR, version);
    std::fs::read(path).map_err(not_found) // ok: path-traversal
}

pub async fn remove(q: Query<HashMap<String, String>>) -> StatusCode {
    let target = q.0.get("path").cloned().unwrap_or_default();
    match std::fs::remove_file(&target) { // expect: path-traversal
        Ok(()) => StatusCode::NO_CONTENT,
        Err(_) => StatusCode::NOT_FOUND,
    }
}

pub async fn upload_json(Json(body): Json<serde_json::Value>) -> StatusCode { // expect: unvalidated-body
    let filename = body["filename"].as_str().unwrap_or("untitled.txt");
    let content = body["content"].as_str().unwrap_or_default();
    let dest = format!("{}/{}", UPLOAD_DIR, filename);
    match fs::write(&dest, content).await { // expect: path-traversal
        Ok(()) => StatusCode::CREATED,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

pub async fn upload(Json(meta): Json<UploadMeta>) -> StatusCode { // ok: unvalidated-body
    let dest = FsPath::new(UPLOAD_DIR).join(&meta.filename);
    match fs::write(dest, meta.content.as_bytes()).await { // ok: path-traversal
        Ok(()) => StatusCode::CREATED,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

pub async fn attachment(headers: HeaderMap) -> Result<Vec<u8>, StatusCode> {
    let name = headers
        .get("x-attachment-name")
        .and_then(|v| v.to_str().ok())
        .ok_or(StatusCode::BAD_REQUEST)?;
    fs::read(FsPath::new(UPLOAD_DIR).join(name)).await.map_err(not_found) // expect: path-traversal
}

pub async fn preview(Path(name): Path<String>) -> Result<String, StatusCode> {
    if name.contains("..") {
        return Err(StatusCode::BAD_REQUEST);
    }
    // An absolute name replaces the base in Path::join, so this check is not enough.
    let full = FsPath::new(UPLOAD_DIR).join(&name);
    fs::read_to_string(&full).await.map_err(not_found) // expect: path-traversal
}

pub async fn preview_checked(State(state): State<AppState>, Path(name): Path<String>) -> Result<String, StatusCode> {
    let root = std::fs::canonicalize(&state.upload_dir).map_err(not_found)?;
    let candidate = root.join(&name).canonicalize().map_err(not_found)?;
    if !candidate.starts_with(&root) {
        return Err(StatusCode::FORBIDDEN);
    }
    fs::read_to_string(&candidate).await.map_err(not_found) // ok: path-traversal
}

pub async fn preview_lexical(Path(name): Path<String>) -> Result<String, StatusCode> {
    let candidate = FsPath::new(UPLOAD_DIR).join(&name);
    // Path::starts_with compares components without resolving "..": "uploads/../../etc" passes.
    if !candidate.starts_with(UPLOAD_DIR) {
        return Err(StatusCode::FORBIDDEN);
    }
    fs::read_to_string(&candidate).await.map_err(not_found) // todo-expect: path-traversal
}

pub async fn report(Path(name): Path<String>) -> Result<Vec<u8>, StatusCode> {
    if !ALLOWED_REPORTS.contains(&name.as_str()) {
        return Err(StatusCode::NOT_FOUND);
    }
    fs::read(format!("{}/{}", EXPORT_DIR, name)).await.map_err(not_found) // ok: path-traversal
}

pub async fn receipt(Path(id): Path<u64>) -> Result<Vec<u8>, StatusCode> {
    fs::read(format!("{}/receipts/{}.pdf", EXPORT_DIR, id)).await.map_err(not_found) // ok: path-traversal
}

pub async fn thumbnail(Query(params): Query<HashMap<String, String>>) -> Result<Vec<u8>, StatusCode> {
    let raw = params.get("id").ok_or(StatusCode::BAD_REQUEST)?;
    let id: Uuid = raw.parse().map_err(|_| StatusCode::BAD_REQUEST)?;
    fs::read(format!("{}/thumbs/{}.png", EXPORT_DIR, id)).await.map_err(not_found) // ok: path-traversal
}

pub async fn invoice(Path(id): Path<Uuid>) -> impl IntoResponse {
    ServeFile::new(format!("{}/invoices/{}.pdf", EXPORT_DIR, id)) // ok: path-traversal
}

pub async fn export(Query(params): Query<ExportParams>) -> Result<Vec<u8>, StatusCode> {
    let path = format!("{}/{}.{}", EXPORT_DIR, params.name, params.format);
    fs::read(&path).await.map_err(not_found) // ok: path-traversal
}

pub async fn manifest() -> Result<String, StatusCode> {
    fs::read_to_string(MANIFEST).await.map_err(not_found) // ok: path-traversal
}

pub async fn serve_theme(Query(params): Query<HashMap<String, String>>) -> impl IntoResponse {
    let theme = params.get("theme").map(String::as_str).unwrap_or("light");
    ServeFile::new(format!("/usr/share/docstore/themes/{theme}.css")) // expect: path-traversal
}

pub async fn append_log(Form(form): Form<HashMap<String, String>>) -> StatusCode { // expect: unvalidated-body
    let log = form.get("log").cloned().unwrap_or_else(|| "audit".to_string());
    let line = form.get("line").cloned().unwrap_or_default();
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(format!("/var/log/docstore/{log}.log")); // expect: path-traversal
    match file {
        Ok(mut f) => {
            let _ = writeln!(f, "{line}");
            StatusCode::NO_CONTENT
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

pub async fn new_folder(Form(form): Form<HashMap<String, String>>) -> StatusCode { // expect: unvalidated-body
    let folder = form.get("folder").cloned().unwrap_or_default();
    match std::fs::create_dir_all(FsPath::new(UPLOAD_DIR).join(folder)) { // expect: path-traversal
        Ok(()) => StatusCode::CREATED,
        Err(_) => StatusCode::BAD_REQUEST,
    }
}

pub async fn listing(RawQuery(query): RawQuery) -> Result<Json<Vec<String>>, StatusCode> {
    let sub = query.unwrap_or_default();
    let mut names = Vec::new();
    let mut entries = fs::read_dir(format!("{}/{}", UPLOAD_DIR, sub)).await.map_err(not_found)?; // expect: path-traversal
    while let Ok(Some(entry)) = entries.next_entry().await {
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    Ok(Json(names))
}

pub async fn archive(Query(params): Query<HashMap<String, String>>) -> StatusCode {
    let name = params.get("name").cloned().unwrap_or_default();
    let base = sanitize_filename::sanitize(&name);
    let from = format!("{}/{}", UPLOAD_DIR, base);
    match std::fs::copy(&from, format!("{}/archive/{}", EXPORT_DIR, base)) { // ok: path-traversal
        Ok(_) => StatusCode::NO_CONTENT,
        Err(_) => StatusCode::NOT_FOUND,
    }
}

pub async fn restore(Query(params): Query<HashMap<String, String>>) -> StatusCode {
    let dest = params.get("dest").cloned().unwrap_or_default();
    match std::fs::rename(format!("{}/archive/latest", EXPORT_DIR), &dest) { // expect: path-traversal
        Ok(()) => StatusCode::NO_CONTENT,
        Err(_) => StatusCode::NOT_FOUND,
    }
}

pub async fn raw_upload(State(state): State<AppState>, body: Bytes) -> StatusCode {
    let name = format!("{}.bin", state.next_upload_id());
    let mut file = match std::fs::File::create(FsPath::new(UPLOAD_DIR).join(name)) { // ok: path-traversal
        Ok(f) => f,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR,
    };
    match file.write_all(&body) {
        Ok(()) => StatusCode::CREATED,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

pub async fn content_type_for(headers: HeaderMap) -> impl IntoResponse {
    let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).unwrap_or("*/*");
    tracing::debug!("accept: {accept}");
    (StatusCode::OK, "ok")
}
