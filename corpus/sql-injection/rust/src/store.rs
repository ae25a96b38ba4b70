//! Local note storage backed by SQLite (rusqlite).

use rusqlite::{params, Connection, OptionalExtension, Result};

pub struct NoteStore {
    conn: Connection,
}

impl NoteStore {
    pub fn open(path: &str) -> Result<Self> {
        let conn = Connection::open(path)?;
        conn.execute_batch( // ok: sql-injection
            "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, owner TEXT NOT NULL, body TEXT NOT NULL);
             CREATE INDEX IF NOT EXISTS notes_owner ON notes(owner);",
        )?;
        Ok(Self { conn })
    }

    pub fn add(&self, owner: &str, body: &str) -> Result<i64> {
        self.conn.execute("INSERT INTO notes (owner, body) VALUES (?1, ?2)", params![owner, body])?; // ok: sql-injection
        Ok(self.conn.last_insert_rowid())
    }

    pub fn body(&self, id: i64) -> Result<Option<String>> {
        self.conn.query_row("SELECT body FROM notes WHERE id = ?1", [id], |row| row.get(0)).optional() // ok: sql-injection
    }

    pub fn schema_version(&self) -> Result<String> {
        self.conn.query_row(concat!("SELECT value FROM meta ", "WHERE key = ?1"), ["schema"], |row| row.get(0)) // ok: sql-injection
    }

    pub fn count_for(&self, owner: &str) -> Result<i64> {
        self.conn.query_row(&format!("SELECT COUNT(*) FROM notes WHERE owner = '{owner}'"), [], |row| row.get(0)) // expect: sql-injection
    }

    pub fn delete(&self, owner: &str, id: i64) -> Result<usize> {
        self.conn.execute(&format!("DELETE FROM notes WHERE owner = '{}' AND id = {}", owner, id), []) // expect: sql-injection
    }

    pub fn list(&self, owner: &str, order: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(format!("SELECT body FROM notes WHERE owner = ?1 ORDER BY {order}").as_str())?; // expect: sql-injection
        let rows = stmt.query_map([owner], |row| row.get(0))?;
        rows.collect()
    }

    pub fn recent(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare( // ok: sql-injection
            "SELECT body FROM notes \
             ORDER BY id DESC LIMIT 20",
        )?;
        let rows = stmt.query_map([], |row| row.get(0))?;
        rows.collect()
    }

    pub fn search(&self, needle: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(&("SELECT body FROM notes WHERE body LIKE '%".to_string() + needle + "%'"))?; // expect: sql-injection
        let rows = stmt.query_map([], |row| row.get(0))?;
        rows.collect()
    }

    pub fn archive(&self, table: &str) -> Result<()> {
        self.conn.execute_batch(&format!( // expect: sql-injection
            "CREATE TABLE IF NOT EXISTS {table} AS SELECT * FROM notes WHERE 0; INSERT INTO {table} SELECT * FROM notes; DELETE FROM notes;"
        ))
    }

    pub fn purge_owner(&self, owner: &str) -> Result<usize> {
        let sql = String::from("DELETE FROM notes WHERE owner = '") + owner + "'";
        let n = self.conn.execute(&sql, [])?; // expect: sql-injection
        println!("{}", format!("purged {n} notes for {owner}")); // ok: sql-injection
        Ok(n)
    }

    pub fn compact(&self) -> Result<()> {
        self.conn.execute_batch("VACUUM; PRAGMA optimize;") // ok: sql-injection
    }
}
