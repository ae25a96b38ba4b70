"""Sales reports: raw SQL on the shop's tables (PostgreSQL through psycopg)."""

import psycopg

DAILY_TOTALS = """
    SELECT date_trunc('day', placed_at) AS day, sum(total_cents)
    FROM shop_order
    WHERE status = %s AND placed_at >= %s
    GROUP BY 1
"""


def daily_totals(conn: psycopg.Connection, since):
    with conn.cursor() as cur:
        cur.execute(DAILY_TOTALS, ("paid", since))  # ok: missing-index
        return cur.fetchall()


def orders_with_coupon(conn, coupon):
    with conn.cursor() as cur:
        cur.execute("SELECT id, total_cents FROM shop_order WHERE coupon = %s", (coupon,))  # expect: missing-index
        return cur.fetchall()


def customers_by_country(conn, country):
    with conn.cursor() as cur:
        cur.execute(  # expect: missing-index
            "SELECT id, email FROM shop_customer WHERE country = %(country)s ORDER BY created_at",
            {"country": country},
        )
        return cur.fetchall()


def customer_emails(conn, emails):
    with conn.cursor() as cur:
        cur.execute("SELECT id FROM shop_customer WHERE email = ANY(%s)", (emails,))  # ok: missing-index
        return cur.fetchall()


def lowercase_email(conn, email):
    with conn.cursor() as cur:
        cur.execute("SELECT id FROM shop_customer WHERE lower(email) = lower(%s)", (email,))  # expect: missing-index
        return cur.fetchone()


def orders_of_customers_named(conn, name):
    sql = """
        SELECT o.id, o.total_cents
        FROM shop_order o
        JOIN shop_customer c ON c.id = o.customer_id
        WHERE c.referral_code = %s
    """
    with conn.cursor() as cur:
        cur.execute(sql, (name,))  # ok: missing-index
        return cur.fetchall()


def product_lines(conn, sku):
    with conn.cursor() as cur:
        cur.execute(  # expect: missing-index
            "SELECT l.quantity FROM shop_orderline l JOIN catalog_product p ON p.sku = l.product_id WHERE p.title LIKE %s",
            ("%" + sku,),
        )
        return cur.fetchall()


def newest_orders(conn):
    with conn.cursor() as cur:
        cur.execute("SELECT id FROM shop_order ORDER BY id DESC LIMIT 20")  # ok: missing-index
        return cur.fetchall()


def audit_rows(conn):
    with conn.cursor() as cur:
        cur.execute("SELECT * FROM audit_log WHERE actor = %s", ("system",))  # ok: missing-index
        return cur.fetchall()
