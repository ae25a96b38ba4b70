"""Ticket queues (PyMySQL)."""

from datetime import datetime

from helpdesk.db import connect

OPEN_QUEUE = """
    SELECT id, subject, priority, opened_at
    FROM tickets
    WHERE status = %s
    ORDER BY opened_at
    LIMIT %s
"""


def queue(status="open", limit=50):
    with connect() as conn, conn.cursor() as cur:
        cur.execute(OPEN_QUEUE, (status, limit))  # ok: missing-index
        return cur.fetchall()


def for_customer(customer_id):
    with connect() as conn, conn.cursor() as cur:
        # InnoDB created an index for the fk_tickets_customer foreign key.
        cur.execute(  # ok: missing-index
            "SELECT id, subject, status FROM tickets WHERE customer_id = %s ORDER BY opened_at DESC",
            (customer_id,),
        )
        return cur.fetchall()


def assigned_to(agent_id, status):
    with connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT id FROM tickets WHERE assignee_id = %s AND status = %s", (agent_id, status))  # ok: missing-index
        return cur.fetchall()


def opened_since(since: datetime):
    with connect() as conn, conn.cursor() as cur:
        # opened_at is only the second column of idx_tickets_status_opened.
        cur.execute("SELECT id, status FROM tickets WHERE opened_at >= %s", (since,))  # expect: missing-index
        return cur.fetchall()


def urgent(priority=1):
    with connect() as conn, conn.cursor() as cur:
        # idx_tickets_priority was dropped again by 004_drop_priority_index.sql.
        cur.execute("SELECT id, subject FROM tickets WHERE priority = %s", (priority,))  # expect: missing-index
        return cur.fetchall()


def search_subject(words):
    with connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT id, subject FROM tickets WHERE subject LIKE %s", ("%" + words + "%",))  # expect: missing-index
        return cur.fetchall()


def get(ticket_id):
    with connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT * FROM tickets WHERE id = %s", (ticket_id,))  # ok: missing-index
        return cur.fetchone()


def close(ticket_id):
    with connect() as conn, conn.cursor() as cur:
        cur.execute("UPDATE tickets SET status = 'closed', closed_at = NOW() WHERE id = %s", (ticket_id,))  # ok: missing-index


def expire_pending(before: datetime):
    with connect() as conn, conn.cursor() as cur:
        cur.execute(  # ok: missing-index
            "UPDATE tickets SET status = 'closed' WHERE status = 'pending' AND opened_at < %s",
            (before,),
        )
        return cur.rowcount


def purge_closed(before: datetime):
    with connect() as conn, conn.cursor() as cur:
        cur.execute("DELETE FROM tickets WHERE closed_at < %s", (before,))  # expect: missing-index
        return cur.rowcount


def tag(ticket_id, tags):
    with connect() as conn, conn.cursor() as cur:
        cur.executemany(
            "INSERT IGNORE INTO ticket_tags (ticket_id, tag) VALUES (%s, %s)",
            [(ticket_id, t) for t in tags],
        )


def tagged(tag_name):
    with connect() as conn, conn.cursor() as cur:
        # tag is the second column of the (ticket_id, tag) primary key.
        cur.execute("SELECT ticket_id FROM ticket_tags WHERE tag = %s", (tag_name,))  # expect: missing-index
        return [row["ticket_id"] for row in cur.fetchall()]


def tags_of(ticket_id):
    with connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT tag FROM ticket_tags WHERE ticket_id = %s ORDER BY tag", (ticket_id,))  # ok: missing-index
        return [row["tag"] for row in cur.fetchall()]
