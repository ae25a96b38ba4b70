"""The CRM side (mysqlclient)."""

import MySQLdb
import MySQLdb.cursors


def _connect():
    return MySQLdb.connect(
        read_default_file="~/.my.cnf",
        db="helpdesk",
        cursorclass=MySQLdb.cursors.DictCursor,
    )


def by_email(email):
    conn = _connect()
    cur = conn.cursor()
    cur.execute("SELECT id, full_name FROM customers WHERE email = %s", (email,))  # ok: missing-index
    return cur.fetchone()


def by_email_any_case(email):
    conn = _connect()
    cur = conn.cursor()
    cur.execute("SELECT id FROM customers WHERE LOWER(email) = LOWER(%s)", (email,))  # expect: missing-index
    return cur.fetchone()


def in_city(city):
    conn = _connect()
    cur = conn.cursor()
    cur.execute("SELECT id, full_name FROM customers WHERE city = %s ORDER BY full_name", (city,))  # ok: missing-index
    return cur.fetchall()


def by_name(name):
    conn = _connect()
    cur = conn.cursor()
    cur.execute("SELECT id, email FROM customers WHERE full_name = %s", (name,))  # expect: missing-index
    return cur.fetchall()


def by_phone(phone):
    conn = _connect()
    cur = conn.cursor()
    query = "SELECT id, full_name FROM customers WHERE phone = %(phone)s"
    cur.execute(query, {"phone": phone})  # expect: missing-index
    return cur.fetchone()


def signed_up_between(start, end):
    conn = _connect()
    cur = conn.cursor()
    cur.execute(  # expect: missing-index
        "SELECT id, email FROM customers WHERE created_at BETWEEN %(start)s AND %(end)s",
        {"start": start, "end": end},
    )
    return cur.fetchall()


def ticket_counts_in(city):
    conn = _connect()
    cur = conn.cursor()
    cur.execute(  # ok: missing-index
        """
        SELECT c.email, COUNT(*) AS n
        FROM customers c
        JOIN tickets t ON t.customer_id = c.id
        WHERE c.city = %s
        GROUP BY c.email
        """,
        (city,),
    )
    return cur.fetchall()
