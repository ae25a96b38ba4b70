//! `feedling-export FOLDER`: writes a folder's entries as tab-separated lines, reading the
//! database file directly (the server need not run).

use rusqlite::{named_params, params, Connection, OpenFlags};

fn main() -> rusqlite::Result<()> {
    let mut args = std::env::args().skip(1);
    let folder = args.next().unwrap_or_else(|| "inbox".to_string());
    let path = args.next().unwrap_or_else(|| "feedling.db".to_string());
    let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;

    let limit: i64 = conn.query_row( // ok: missing-index
        "SELECT value FROM settings WHERE key = ?1",
        params!["export.limit"],
        |row| row.get::<_, String>(0),
    )?
    .parse()
    .unwrap_or(1000);

    let mut stmt = conn.prepare( // expect: missing-index
        "SELECT e.title, e.link FROM entries e JOIN feeds f ON f.id = e.feed_id
         WHERE f.folder = ?1 ORDER BY e.published_at DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![folder, limit], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?))
    })?;
    for row in rows {
        let (title, link) = row?;
        println!("{title}\t{}", link.unwrap_or_default());
    }

    let mut by_link = conn.prepare_cached("SELECT id FROM entries WHERE link = :link")?; // expect: missing-index
    let seen: Option<i64> = by_link
        .query_row(named_params! { ":link": "https://example.org/" }, |row| row.get(0))
        .ok();
    eprintln!("example entry: {seen:?}");

    let feeds: i64 = conn.query_row("SELECT count(*) FROM feeds WHERE id > ?1", [0], |row| row.get(0))?; // ok: missing-index
    eprintln!("{feeds} feeds");
    Ok(())
}
