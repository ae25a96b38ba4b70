//! Calls to the partner API, with the retries around them.

use std::time::{Duration, Instant};

use anyhow::{anyhow, Result};
use reqwest::{Client, StatusCode};
use tokio::time::sleep;
use tracing::warn;

const MAX_ATTEMPTS: u32 = 5;
const DEADLINE: Duration = Duration::from_secs(30);

pub async fn fetch_job(client: &Client, job: &str) -> Result<String> {
    let url = format!("https://partner.example.com/jobs/{job}");
    loop { // expect: uncapped-retry
        match client.get(&url).send().await {
            Ok(resp) => return Ok(resp.text().await?),
            Err(err) => {
                warn!(%err, "partner API down, retrying");
                sleep(Duration::from_secs(2)).await;
            }
        }
    }
}

pub async fn fetch_hammering(client: &Client, url: &str) -> Result<String> {
    loop { // expect: uncapped-retry
        match client.get(url).send().await {
            Ok(resp) => break Ok(resp.text().await?),
            Err(_) => continue,
        }
    }
}

pub async fn fetch_capped(client: &Client, url: &str) -> Result<String> {
    let mut attempts = 0;
    loop { // ok: uncapped-retry
        match client.get(url).send().await {
            Ok(resp) => return Ok(resp.text().await?),
            Err(err) => {
                attempts += 1;
                if attempts >= MAX_ATTEMPTS {
                    return Err(err.into());
                }
                sleep(Duration::from_millis(200 * 2u64.pow(attempts))).await;
            }
        }
    }
}

pub async fn post_with_deadline(client: &Client, url: &str, body: &serde_json::Value) -> Result<()> {
    let started = Instant::now();
    loop { // ok: uncapped-retry
        let result = client.post(url).json(body).send().await;
        if let Err(err) = result {
            if started.elapsed() > DEADLINE {
                return Err(anyhow!("partner unreachable for {DEADLINE:?}: {err}"));
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
            continue;
        }
        return Ok(());
    }
}

pub async fn fetch_bounded(client: &Client, url: &str) -> Result<String> {
    for attempt in 0..MAX_ATTEMPTS { // ok: uncapped-retry
        match client.get(url).send().await {
            Ok(resp) => return Ok(resp.text().await?),
            Err(err) => {
                warn!(%err, attempt, "retrying");
                sleep(Duration::from_secs(1 << attempt)).await;
            }
        }
    }
    Err(anyhow!("partner API down after {MAX_ATTEMPTS} attempts"))
}

pub async fn fetch_capped_no_wait(client: &Client, url: &str) -> Result<String> {
    let mut tries = 0;
    loop { // expect: uncapped-retry
        match client.get(url).send().await {
            Ok(resp) => return Ok(resp.text().await?),
            Err(err) => {
                tries += 1;
                if tries > MAX_ATTEMPTS {
                    return Err(err.into());
                }
            }
        }
    }
}

pub async fn wait_until_ready(client: &Client, url: &str) -> Result<()> {
    loop { // ok: uncapped-retry
        let resp = client.get(url).send().await?;
        if resp.status() == StatusCode::OK {
            return Ok(());
        }
        sleep(Duration::from_secs(5)).await;
    }
}

pub async fn fetch_or_fail(client: &Client, url: &str) -> Result<String> {
    loop { // ok: uncapped-retry
        match client.get(url).send().await {
            Ok(resp) if resp.status() == StatusCode::TOO_MANY_REQUESTS => {
                sleep(Duration::from_secs(1)).await;
            }
            Ok(resp) => return Ok(resp.text().await?),
            Err(err) => return Err(err.into()),
        }
    }
}

pub async fn ping_until_up(client: &Client, url: &str) {
    let mut up = false;
    while !up { // expect: uncapped-retry
        let ping = client.head(url).send().await;
        if ping.is_err() {
            sleep(Duration::from_secs(3)).await;
        } else {
            up = true;
        }
    }
}

pub async fn fetch_counted_by_hand(client: &Client, url: &str) -> Result<String> {
    let mut attempts = 0;
    loop { // todo-ok: uncapped-retry
        match client.get(url).send().await {
            Ok(resp) => return Ok(resp.text().await?),
            Err(err) => {
                attempts = attempts + 1;
                if attempts >= MAX_ATTEMPTS {
                    return Err(err.into());
                }
                sleep(Duration::from_secs(1)).await;
            }
        }
    }
}

async fn fetch_once(client: &Client, url: &str) -> Result<String> {
    Ok(client.get(url).send().await?.error_for_status()?.text().await?)
}

pub async fn fetch_via_helper(client: &Client, url: &str) -> String {
    loop { // todo-expect: uncapped-retry
        match fetch_once(client, url).await {
            Ok(body) => break body,
            Err(err) => warn!(%err, "retrying"),
        }
    }
}
