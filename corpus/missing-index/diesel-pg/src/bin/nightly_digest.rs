//! The nightly digest runs outside the web app, on a plain tokio-postgres client.

use chrono::{DateTime, Duration, Utc};
use tokio_postgres::{Client, NoTls};

async fn closed_since(client: &Client, since: DateTime<Utc>) -> Result<Vec<i64>, tokio_postgres::Error> {
    let rows = client
        .query("SELECT id FROM issues WHERE closed_at >= $1 ORDER BY closed_at", &[&since]) // expect: missing-index
        .await?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

async fn comment_count(client: &Client, issue: i64) -> Result<i64, tokio_postgres::Error> {
    let row = client
        .query_one("SELECT count(*) FROM comments WHERE issue_id = $1", &[&issue]) // ok: missing-index
        .await?;
    Ok(row.get(0))
}

async fn watchers(client: &Client, project: i64) -> Result<Vec<String>, tokio_postgres::Error> {
    let statement = client
        .prepare( // ok: missing-index
            "SELECT a.email FROM accounts a JOIN projects p ON p.owner_id = a.id WHERE p.id = $1",
        )
        .await?;
    let rows = client.query(&statement, &[&project]).await?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

#[tokio::main]
async fn main() -> Result<(), tokio_postgres::Error> {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "postgres://localhost/tracker".into());
    let (client, connection) = tokio_postgres::connect(&url, NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            eprintln!("connection error: {e}");
        }
    });
    let since = Utc::now() - Duration::days(1);
    for id in closed_since(&client, since).await? {
        let n = comment_count(&client, id).await?;
        println!("#{id}: {n} comments");
    }
    for email in watchers(&client, 1).await? {
        println!("{email}");
    }
    Ok(())
}
