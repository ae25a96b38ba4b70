"""Agent dashboards (PyMySQL)."""

from helpdesk.db import connect

WORKLOAD = """
    SELECT a.login, COUNT(t.id) AS open_tickets
    FROM agents a
    JOIN tickets t ON t.assignee_id = a.id AND t.status = 'open'
    WHERE a.team = %s
    GROUP BY a.login
"""


def workload(team):
    with connect() as conn, conn.cursor() as cur:
        cur.execute(WORKLOAD, (team,))  # expect: missing-index
        return cur.fetchall()


def by_login(login):
    with connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT id, team FROM agents WHERE login = %s", (login,))  # ok: missing-index
        return cur.fetchone()


def by_email(email):
    with connect() as conn, conn.cursor() as cur:
        # idx_agents_email is a prefix index on email(40): it still narrows the search.
        cur.execute("SELECT id, login FROM agents WHERE email = %s", (email,))  # ok: missing-index
        return cur.fetchone()


def inactive():
    with connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT id, login FROM agents WHERE active = 0 ORDER BY login")  # expect: missing-index
        return cur.fetchall()
