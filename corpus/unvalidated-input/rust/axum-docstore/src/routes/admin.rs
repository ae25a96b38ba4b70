//! Admin maintenance endpoints: thumbnails, archives, disk usage.
use axum::{
    extract::{Path, Query},
    http::StatusCode,
    Json,
};
use serde::Deserialize;
use std::collections::HashMap;
use std::process::Command;

const UPLOAD_DIR: &str = "/var/lib/docstore/uploads";

#[derive(Debug, Deserialize)]
pub struct RunRequest {
    pub task: String,
}

fn run_output(cmd: &mut Command) -> Result<String, StatusCode> {
    let out = cmd.output().map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

pub async fn thumbnail(Path(name): Path<String>) -> Result<String, StatusCode> {
    let line = format!("convert {}/{} -resize 200x200 /tmp/thumb.png", UPLOAD_DIR, name);
    run_output(Command::new("sh").arg("-c").arg(line)) // expect: command-injection
}

pub async fn thumbnail_argv(Path(name): Path<String>) -> Result<String, StatusCode> {
    let mut cmd = Command::new("convert");
    cmd.arg(format!("{}/{}", UPLOAD_DIR, name)).arg("-resize").arg("200x200").arg("/tmp/thumb.png"); // ok: command-injection
    run_output(&mut cmd)
}

pub async fn thumbnail_quoted(Path(name): Path<String>) -> Result<String, StatusCode> {
    let quoted = shlex::try_quote(&name).map_err(|_| StatusCode::BAD_REQUEST)?;
    run_output(Command::new("sh").arg("-c").arg(format!("convert {} /tmp/thumb.png", quoted))) // ok: command-injection
}

pub async fn run(Json(body): Json<serde_json::Value>) -> Result<String, StatusCode> { // expect: unvalidated-body
    let script = body["script"].as_str().unwrap_or("true");
    run_output(Command::new("bash").args(["-c", script])) // expect: command-injection
}

pub async fn run_task(Json(req): Json<RunRequest>) -> Result<String, StatusCode> { // ok: unvalidated-body
    let script = match req.task.as_str() {
        "vacuum" => "psql -c 'VACUUM ANALYZE'",
        "rotate" => "logrotate /etc/logrotate.d/docstore",
        _ => return Err(StatusCode::BAD_REQUEST),
    };
    run_output(Command::new("sh").arg("-c").arg(script)) // ok: command-injection
}

pub async fn disk_usage(Query(params): Query<HashMap<String, String>>) -> Result<String, StatusCode> {
    let dir = params.get("dir").cloned().unwrap_or_default();
    run_output(Command::new("sh").arg("-c").arg(&dir)) // expect: command-injection
}

pub async fn uptime() -> Result<String, StatusCode> {
    run_output(Command::new("sh").arg("-c").arg("uptime && df -h /var/lib/docstore")) // ok: command-injection
}
