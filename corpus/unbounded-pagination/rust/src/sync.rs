//! Importers that page through a partner API (reqwest).

use reqwest::Client;
use serde::Deserialize;

const API: &str = "https://partner.example.com/api";
const MAX_PAGES: u32 = 200;

#[derive(Deserialize)]
struct Page {
    items: Vec<String>,
    next: Option<String>,
    has_more: bool,
}

pub async fn orders_until_error(client: &Client) -> Vec<String> {
    let mut orders = Vec::new();
    let mut page = 1;
    loop { // expect: unbounded-pagination
        let response = match client.get(format!("{API}/orders?page={page}")).send().await {
            Ok(response) => response,
            Err(_) => break,
        };
        let body: Page = response.json().await.unwrap();
        orders.extend(body.items);
        page += 1;
    }
    orders
}

pub async fn orders_until_empty(client: &Client) -> reqwest::Result<Vec<String>> {
    let mut orders = Vec::new();
    let mut page = 1;
    loop { // ok: unbounded-pagination
        let body: Page = client.get(format!("{API}/orders?page={page}")).send().await?.json().await?;
        if body.items.is_empty() {
            break;
        }
        orders.extend(body.items);
        page += 1;
    }
    Ok(orders)
}

pub async fn orders_capped(client: &Client) -> reqwest::Result<Vec<String>> {
    let mut orders = Vec::new();
    let mut page = 1;
    loop { // ok: unbounded-pagination
        let body: Page = client.get(format!("{API}/orders?page={page}")).send().await?.json().await?;
        orders.extend(body.items);
        page += 1;
        if page > MAX_PAGES {
            break;
        }
    }
    Ok(orders)
}

pub async fn follow_next(client: &Client) -> reqwest::Result<Vec<String>> {
    let mut items = Vec::new();
    let mut url = Some(format!("{API}/events"));
    while let Some(current) = url { // ok: unbounded-pagination
        let body: Page = client.get(&current).send().await?.json().await?;
        items.extend(body.items);
        url = body.next;
    }
    Ok(items)
}

pub async fn follow_cursor_blindly(client: &Client) -> reqwest::Result<Vec<String>> {
    let mut items = Vec::new();
    let mut cursor = String::new();
    loop { // expect: unbounded-pagination
        let body: Page = client.get(format!("{API}/events?cursor={cursor}")).send().await?.json().await?;
        items.extend(body.items);
        cursor = body.next.unwrap_or_default();
    }
}

pub async fn follow_cursor(client: &Client) -> reqwest::Result<Vec<String>> {
    let mut items = Vec::new();
    let mut cursor = String::new();
    loop { // ok: unbounded-pagination
        let body: Page = client.get(format!("{API}/events?cursor={cursor}")).send().await?.json().await?;
        items.extend(body.items);
        match body.next {
            Some(next) => cursor = next,
            None => break,
        }
    }
    Ok(items)
}

pub async fn by_offset(client: &Client, limit: usize) -> reqwest::Result<Vec<String>> {
    let mut rows = Vec::new();
    let mut offset = 0;
    // The short-page test reads a length kept in a variable: not recognised yet.
    loop { // todo-ok: unbounded-pagination
        let body: Page = client.get(format!("{API}/rows?offset={offset}&limit={limit}")).send().await?.json().await?;
        let count = body.items.len();
        rows.extend(body.items);
        if count < limit {
            return Ok(rows);
        }
        offset += limit;
    }
}

pub async fn has_more_pages(client: &Client) -> reqwest::Result<Vec<String>> {
    let mut users = Vec::new();
    let mut page = 0;
    loop { // ok: unbounded-pagination
        let body: Page = client.get(format!("{API}/users?page={page}")).send().await?.json().await?;
        users.extend(body.items);
        if !body.has_more {
            break;
        }
        page += 1;
    }
    Ok(users)
}

pub async fn by_offset_unchecked(client: &Client, limit: usize) -> reqwest::Result<Vec<String>> {
    let mut rows = Vec::new();
    let mut offset = 0;
    loop { // expect: unbounded-pagination
        let response = client.get(format!("{API}/rows?offset={offset}&limit={limit}")).send().await?;
        if response.status() == reqwest::StatusCode::NOT_FOUND {
            return Ok(rows);
        }
        let body: Page = response.json().await?;
        rows.extend(body.items);
        offset += limit;
    }
}

pub async fn fixed_pages(client: &Client) -> reqwest::Result<Vec<String>> {
    let mut users = Vec::new();
    for page in 0..5 { // ok: unbounded-pagination
        let body: Page = client.get(format!("{API}/users?page={page}")).send().await?.json().await?;
        users.extend(body.items);
    }
    Ok(users)
}
