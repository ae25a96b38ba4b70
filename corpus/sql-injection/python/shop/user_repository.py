"""Persistence helpers for the users table (sqlite3 backend)."""
import logging
import sqlite3

logger = logging.getLogger(__name__)

ACTIVE_USERS_QUERY = "SELECT id, email, name FROM users WHERE active = 1 AND team_id = ?"


class UserRepository:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)
        self.conn.row_factory = sqlite3.Row

    def get_by_id(self, user_id):
        cur = self.conn.cursor()
        cur.execute("SELECT id, email, name FROM users WHERE id = ?", (user_id,))  # ok: sql-injection
        return cur.fetchone()

    def get_by_email(self, email):
        cur = self.conn.cursor()
        cur.execute(f"SELECT id, email, name FROM users WHERE email = '{email}'")  # expect: sql-injection
        return cur.fetchone()

    def active_for_team(self, team_id):
        cur = self.conn.cursor()
        cur.execute(ACTIVE_USERS_QUERY, (team_id,))  # ok: sql-injection
        return cur.fetchall()

    def search(self, term, order_by="name"):
        cur = self.conn.cursor()
        cur.execute(  # expect: sql-injection
            "SELECT id, email, name FROM users WHERE name LIKE ? ORDER BY " + order_by,
            (f"%{term}%",),
        )
        return cur.fetchall()

    def search_by_name(self, term):
        cur = self.conn.cursor()
        cur.execute(  # ok: sql-injection
            "SELECT id, email, name FROM users "
            + "WHERE name LIKE ? ORDER BY name",
            (f"%{term}%",),
        )
        return cur.fetchall()

    def count(self):
        cur = self.conn.cursor()
        cur.execute(f"SELECT COUNT(*) FROM users")  # ok: sql-injection
        return cur.fetchone()[0]

    def deactivate(self, user_id):
        self.conn.execute("UPDATE users SET active = 0 WHERE id = %s" % user_id)  # expect: sql-injection
        self.conn.commit()
        logger.info(f"user {user_id} deactivated")  # ok: sql-injection

    def import_users(self, rows):
        self.conn.executemany("INSERT INTO users (email, name) VALUES (?, ?)", rows)  # ok: sql-injection
        self.conn.commit()

    def archive_into(self, table, rows):
        self.conn.executemany(f"INSERT INTO {table} (email, name) VALUES (?, ?)", rows)  # expect: sql-injection
        self.conn.commit()
        logger.debug("archived %d rows into %s" % (len(rows), table))  # ok: sql-injection

    def reset_table(self, table):
        self.conn.executescript(  # expect: sql-injection
            "DROP TABLE IF EXISTS {0}; CREATE TABLE {0} (id INTEGER PRIMARY KEY, email TEXT, name TEXT);".format(table)
        )

    def delete_many(self, ids):
        id_list = ",".join(str(int(i)) for i in ids)
        query = f"DELETE FROM users WHERE id IN ({id_list})"
        # Safe: every id goes through int() before str() makes it text.
        self.conn.execute(query)  # ok: sql-injection
        self.conn.commit()
