//! Everything the server asks of the database.

use sqlx::{FromRow, SqlitePool};

#[derive(Debug, FromRow)]
pub struct Feed {
    pub id: i64,
    pub url: String,
    pub title: Option<String>,
    pub folder: Option<String>,
    pub last_fetched_at: Option<i64>,
    pub etag: Option<String>,
}

#[derive(Debug, FromRow)]
pub struct Entry {
    pub id: i64,
    pub feed_id: i64,
    pub guid: String,
    pub title: String,
    pub link: Option<String>,
    pub published_at: i64,
    pub read: i64,
    pub starred: i64,
}

const UNREAD_IN_FEED: &str = "SELECT * FROM entries WHERE feed_id = ? AND read = 0 ORDER BY published_at DESC";

const STALE_FEEDS: &str = "
    SELECT id, url, title, folder, last_fetched_at, etag
    FROM feeds
    WHERE last_fetched_at IS NULL OR last_fetched_at < ?1
";

pub async fn feed_by_url(pool: &SqlitePool, url: &str) -> sqlx::Result<Option<Feed>> {
    sqlx::query_as::<_, Feed>("SELECT * FROM feeds WHERE url = ?") // ok: missing-index
        .bind(url)
        .fetch_optional(pool)
        .await
}

pub async fn feeds_in_folder(pool: &SqlitePool, folder: &str) -> sqlx::Result<Vec<Feed>> {
    sqlx::query_as("SELECT * FROM feeds WHERE folder = ? ORDER BY title") // expect: missing-index
        .bind(folder)
        .fetch_all(pool)
        .await
}

pub async fn stale_feeds(pool: &SqlitePool, before: i64) -> sqlx::Result<Vec<Feed>> {
    sqlx::query_as(STALE_FEEDS).bind(before).fetch_all(pool).await // expect: missing-index
}

pub async fn unread_in_feed(pool: &SqlitePool, feed: i64) -> sqlx::Result<Vec<Entry>> {
    sqlx::query_as(UNREAD_IN_FEED).bind(feed).fetch_all(pool).await // ok: missing-index
}

pub async fn latest_of_feed(pool: &SqlitePool, feed: i64, n: i64) -> sqlx::Result<Vec<Entry>> {
    sqlx::query_as!( // ok: missing-index
        Entry,
        "SELECT id, feed_id, guid, title, link, published_at, read, starred
         FROM entries WHERE feed_id = ? ORDER BY published_at DESC LIMIT ?",
        feed,
        n
    )
    .fetch_all(pool)
    .await
}

pub async fn entry_by_guid(pool: &SqlitePool, guid: &str) -> sqlx::Result<Option<i64>> {
    // guid is only the second column of UNIQUE (feed_id, guid).
    let row = sqlx::query!("SELECT id FROM entries WHERE guid = ?", guid) // expect: missing-index
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|r| r.id))
}

pub async fn known_entry(pool: &SqlitePool, feed: i64, guid: &str) -> sqlx::Result<bool> {
    let found = sqlx::query_scalar!( // ok: missing-index
        r#"SELECT EXISTS(SELECT 1 FROM entries WHERE feed_id = ?1 AND guid = ?2) AS "found!: bool""#,
        feed,
        guid
    )
    .fetch_one(pool)
    .await?;
    Ok(found)
}

pub async fn mark_read(pool: &SqlitePool, feed: i64, guid: &str) -> sqlx::Result<u64> {
    let done = sqlx::query!("UPDATE entries SET read = 1 WHERE feed_id = ?1 AND guid = ?2", feed, guid) // ok: missing-index
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

pub async fn unread_total(pool: &SqlitePool) -> sqlx::Result<i64> {
    sqlx::query_scalar!("SELECT count(*) FROM entries WHERE read = 0") // expect: missing-index
        .fetch_one(pool)
        .await
}

pub async fn starred(pool: &SqlitePool) -> sqlx::Result<Vec<Entry>> {
    // entries_starred_published came with migration 0003.
    sqlx::query_as!( // ok: missing-index
        Entry,
        r#"
        SELECT id, feed_id, guid, title, link, published_at, read, starred
        FROM entries
        WHERE starred = 1
        ORDER BY published_at DESC
        LIMIT 50
        "#
    )
    .fetch_all(pool)
    .await
}

pub async fn published_after(pool: &SqlitePool, since: i64) -> sqlx::Result<Vec<(i64, String)>> {
    // entries_published_at was dropped by migration 0003.
    sqlx::query_as("SELECT id, title FROM entries WHERE published_at > $1") // expect: missing-index
        .bind(since)
        .fetch_all(pool)
        .await
}

pub async fn river(pool: &SqlitePool, n: i64) -> sqlx::Result<Vec<Entry>> {
    sqlx::query_as::<_, Entry>("SELECT * FROM entries ORDER BY published_at DESC LIMIT ?") // expect: missing-index
        .bind(n)
        .fetch_all(pool)
        .await
}

pub async fn feeds_page(pool: &SqlitePool, n: i64) -> sqlx::Result<Vec<Feed>> {
    // The primary key delivers the order; title only breaks ties that never happen.
    sqlx::query_as("SELECT * FROM feeds ORDER BY id DESC, title LIMIT ?").bind(n).fetch_all(pool).await // ok: missing-index
}

pub async fn feeds_by_title(pool: &SqlitePool) -> sqlx::Result<Vec<Feed>> {
    sqlx::query_as("SELECT * FROM feeds ORDER BY title, id").fetch_all(pool).await // expect: missing-index
}

pub async fn tags_of(pool: &SqlitePool, entry: i64) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar("SELECT tag FROM entry_tags WHERE entry_id = ? ORDER BY tag") // ok: missing-index
        .bind(entry)
        .fetch_all(pool)
        .await
}

pub async fn untag_everywhere(pool: &SqlitePool, tag: &str) -> sqlx::Result<u64> {
    // The primary key is (entry_id, tag): tag alone is its second column.
    let done = sqlx::query("DELETE FROM entry_tags WHERE tag = ?") // expect: missing-index
        .bind(tag)
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

pub async fn tag_color(pool: &SqlitePool, name: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar::<_, String>("SELECT color FROM tags WHERE name = ?") // ok: missing-index
        .bind(name)
        .fetch_optional(pool)
        .await
}

pub async fn entries_tagged(pool: &SqlitePool, tag: &str) -> sqlx::Result<Vec<Entry>> {
    // Only an index starting with tag finds the rows; the rule counts the join on entry_id as
    // fixing the primary key's first column, which holds only when entries is read first.
    sqlx::query_as!( // todo-expect: missing-index
        Entry,
        r#"SELECT e.id, e.feed_id, e.guid, e.title, e.link, e.published_at, e.read, e.starred
           FROM entries e
           JOIN entry_tags t ON t.entry_id = e.id
           WHERE t.tag = ?
           ORDER BY e.published_at DESC"#,
        tag
    )
    .fetch_all(pool)
    .await
}

pub async fn feeds_titled(pool: &SqlitePool, pattern: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM feeds WHERE title LIKE ?") // expect: missing-index
        .bind(pattern)
        .fetch_one(pool)
        .await
}

pub async fn recent_failures(pool: &SqlitePool, feed: i64) -> sqlx::Result<Vec<(i64, i64)>> {
    sqlx::query_as( // expect: missing-index
        "SELECT fetched_at, status FROM fetch_log WHERE feed_id = ? AND status >= 400 ORDER BY fetched_at DESC LIMIT 20",
    )
    .bind(feed)
    .fetch_all(pool)
    .await
}

pub async fn set_fetched(pool: &SqlitePool, feed: i64, at: i64, etag: Option<&str>) -> sqlx::Result<()> {
    sqlx::query("UPDATE feeds SET last_fetched_at = ?, etag = ? WHERE id = ?") // ok: missing-index
        .bind(at)
        .bind(etag)
        .bind(feed)
        .execute(pool)
        .await?;
    Ok(())
}
