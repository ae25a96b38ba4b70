//! Multipart uploads of documents and avatars.
use axum::{
    extract::{Multipart, Path, State},
    http::{header, StatusCode},
    response::{IntoResponse, Redirect},
};
use std::path::Path as FsPath;
use tokio::fs;

use crate::state::AppState;

const UPLOAD_DIR: &str = "/var/lib/docstore/uploads";

pub async fn upload_documents(mut multipart: Multipart) -> Result<StatusCode, StatusCode> {
    while let Some(field) = multipart.next_field().await.map_err(|_| StatusCode::BAD_REQUEST)? {
        let file_name = field.file_name().unwrap_or("upload.bin").to_string();
        let data = field.bytes().await.map_err(|_| StatusCode::BAD_REQUEST)?;
        fs::write(format!("{}/{}", UPLOAD_DIR, file_name), &data) // expect: path-traversal
            .await
            .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    }
    Ok(StatusCode::CREATED)
}

pub async fn upload_documents_safe(mut multipart: Multipart) -> Result<StatusCode, StatusCode> {
    while let Some(field) = multipart.next_field().await.map_err(|_| StatusCode::BAD_REQUEST)? {
        let sent = field.file_name().unwrap_or("upload.bin").to_string();
        let base = FsPath::new(&sent).file_name().ok_or(StatusCode::BAD_REQUEST)?.to_owned();
        let data = field.bytes().await.map_err(|_| StatusCode::BAD_REQUEST)?;
        fs::write(FsPath::new(UPLOAD_DIR).join(&base), &data) // ok: path-traversal
            .await
            .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    }
    Ok(StatusCode::CREATED)
}

pub async fn upload_avatar(State(state): State<AppState>, Path(user_id): Path<u64>, mut multipart: Multipart) -> Result<impl IntoResponse, StatusCode> {
    let Some(field) = multipart.next_field().await.map_err(|_| StatusCode::BAD_REQUEST)? else {
        return Err(StatusCode::BAD_REQUEST);
    };
    let data = field.bytes().await.map_err(|_| StatusCode::BAD_REQUEST)?;
    let dest = format!("{}/avatars/{}.png", UPLOAD_DIR, user_id);
    fs::write(&dest, &data).await.map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?; // ok: path-traversal
    state.users.set_avatar(user_id, &dest).await;
    Ok((StatusCode::SEE_OTHER, [(header::LOCATION, "/settings/profile")])) // ok: open-redirect
}

pub async fn upload_and_return(mut multipart: Multipart) -> Result<impl IntoResponse, StatusCode> {
    let mut back = String::from("/");
    while let Some(field) = multipart.next_field().await.map_err(|_| StatusCode::BAD_REQUEST)? {
        if field.name() == Some("return_to") {
            back = field.text().await.map_err(|_| StatusCode::BAD_REQUEST)?;
        }
    }
    Ok((StatusCode::SEE_OTHER, [(header::LOCATION, back)])) // expect: open-redirect
}

pub async fn after_upload(Path(doc): Path<String>) -> Redirect {
    Redirect::to(&format!("/documents/{doc}")) // ok: open-redirect
}
