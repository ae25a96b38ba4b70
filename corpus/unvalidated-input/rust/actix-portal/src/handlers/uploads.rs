//! Ticket attachments uploaded as multipart forms.
use actix_multipart::Multipart;
use actix_web::{post, web, HttpResponse, Scope};
use futures_util::TryStreamExt;
use maud::{html, PreEscaped};
use std::io::Write;
use std::path::Path;

const ATTACHMENTS_DIR: &str = "/srv/portal/attachments";

pub fn scope() -> Scope {
    web::scope("/uploads").service(attach).service(attach_safe).service(describe)
}

#[post("/attach")]
async fn attach(mut payload: Multipart) -> actix_web::Result<HttpResponse> {
    while let Some(mut field) = payload.try_next().await? {
        let filename = field
            .content_disposition()
            .get_filename()
            .unwrap_or("attachment.bin")
            .to_string();
        let path = format!("{}/{}", ATTACHMENTS_DIR, filename);
        let mut file = web::block(move || std::fs::File::create(path)).await??; // expect: path-traversal
        while let Some(chunk) = field.try_next().await? {
            file = web::block(move || file.write_all(&chunk).map(|_| file)).await??;
        }
    }
    Ok(HttpResponse::Created().finish())
}

#[post("/attach-safe")]
async fn attach_safe(mut payload: Multipart) -> actix_web::Result<HttpResponse> {
    while let Some(mut field) = payload.try_next().await? {
        let id = uuid::Uuid::new_v4();
        let path = Path::new(ATTACHMENTS_DIR).join(format!("{id}.bin"));
        let mut file = web::block(move || std::fs::File::create(path)).await??; // ok: path-traversal
        while let Some(chunk) = field.try_next().await? {
            file = web::block(move || file.write_all(&chunk).map(|_| file)).await??;
        }
    }
    Ok(HttpResponse::Created().finish())
}

#[post("/describe")]
async fn describe(mut payload: Multipart) -> actix_web::Result<HttpResponse> {
    let mut names = Vec::new();
    while let Some(field) = payload.try_next().await? {
        names.push(field.content_disposition().get_filename().unwrap_or_default().to_string());
    }
    let items = PreEscaped(format!("<li>{}</li>", names.join("</li><li>"))); // expect: xss
    let markup = html! {
        ul { (items) }
    };
    Ok(HttpResponse::Ok().content_type("text/html").body(markup.into_string())) // ok: xss
}
