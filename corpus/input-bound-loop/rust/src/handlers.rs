//! Sizing endpoints of the thumbnail service (axum): dimensions and counts from the query.

use axum::extract::{Path, Query};
use std::collections::HashMap;

const MAX_SIDE: usize = 4096;
const MAX_COUNT: u32 = 100;

pub async fn canvas(Query(params): Query<HashMap<String, String>>) -> Vec<u8> {
    let side: usize = params.get("side").and_then(|s| s.parse().ok()).unwrap_or(64);
    vec![0u8; side * side] // expect: input-bound-loop
}

pub async fn canvas_from_width(Query(params): Query<HashMap<String, String>>) -> Vec<u8> {
    let width = params["width"].parse::<usize>().unwrap_or(64);
    let mut buffer = Vec::with_capacity(width); // expect: input-bound-loop
    buffer.resize(width, 0); // expect: input-bound-loop
    buffer
}

pub async fn canvas_capped(Query(params): Query<HashMap<String, String>>) -> Vec<u8> {
    let width = params["width"].parse::<usize>().unwrap_or(64).min(MAX_SIDE);
    let mut buffer = Vec::with_capacity(width); // ok: input-bound-loop
    buffer.resize(width, 0); // ok: input-bound-loop
    buffer
}

pub async fn canvas_checked(Query(params): Query<HashMap<String, String>>) -> Result<Vec<u8>, String> {
    let width = params["width"].parse::<usize>().map_err(|e| e.to_string())?;
    if width > MAX_SIDE {
        return Err("too wide".into());
    }
    Ok(vec![0u8; width]) // ok: input-bound-loop
}

pub async fn stripes(Query(params): Query<HashMap<String, String>>) -> String {
    let count = params["count"].parse::<u32>().unwrap_or(1);
    let mut out = String::new();
    for i in 0..count { // expect: input-bound-loop
        out.push_str(&format!("stripe {i}\n"));
    }
    out
}

pub async fn stripes_clamped(Query(params): Query<HashMap<String, String>>) -> String {
    let count = params["count"].parse::<u32>().unwrap_or(1).clamp(1, MAX_COUNT);
    let mut out = String::new();
    for i in 0..count { // ok: input-bound-loop
        out.push_str(&format!("stripe {i}\n"));
    }
    out
}

pub async fn banner(Query(params): Query<HashMap<String, String>>) -> String {
    let width = params.get("width").and_then(|w| w.parse::<usize>().ok()).unwrap_or(10);
    "=".repeat(width) // expect: input-bound-loop
}

pub async fn banner_capped(Query(params): Query<HashMap<String, String>>) -> String {
    let width = params.get("width").and_then(|w| w.parse::<usize>().ok()).unwrap_or(10).min(MAX_SIDE);
    "=".repeat(width) // ok: input-bound-loop
}

pub async fn banner_fixed() -> String {
    "=".repeat(80) // ok: input-bound-loop
}

pub async fn words(Query(params): Query<HashMap<String, String>>) -> Vec<String> {
    let text = params.get("text").cloned().unwrap_or_default();
    let mut out = Vec::with_capacity(text.len()); // ok: input-bound-loop
    for word in text.split_whitespace() {
        out.push(word.to_lowercase());
    }
    out
}

pub async fn retries() -> bool {
    for _ in 0..5 { // ok: input-bound-loop
        if ping().await {
            return true;
        }
    }
    false
}

pub async fn squares(Path(n): Path<usize>) -> Vec<usize> {
    let mut out = Vec::with_capacity(n); // expect: input-bound-loop
    for i in 0..n { // expect: input-bound-loop
        out.push(i * i);
    }
    out
}

pub async fn squares_capped(Path(n): Path<usize>) -> Vec<usize> {
    let n = n.min(MAX_SIDE);
    (0..n).map(|i| i * i).collect() // ok: input-bound-loop
}
