"""Nightly reporting jobs against the analytics Postgres database."""
import logging

import pandas as pd
import psycopg2
from psycopg2 import sql

log = logging.getLogger("reports")


def connect(dsn):
    return psycopg2.connect(dsn)


def revenue_by_region(conn, region, since):
    with conn.cursor() as cur:
        cur.execute(  # ok: sql-injection
            "SELECT region, SUM(amount) FROM orders WHERE region = %s AND created_at >= %s GROUP BY region",
            (region, since),
        )
        return cur.fetchall()


def revenue_by_region_legacy(conn, region, since):
    with conn.cursor() as cur:
        cur.execute("SELECT region, SUM(amount) FROM orders WHERE region = '%s' AND created_at >= '%s' GROUP BY region" % (region, since))  # expect: sql-injection
        return cur.fetchall()


def mark_run(conn, run_id, status):
    with conn.cursor() as cur:
        cur.execute(  # expect: sql-injection
            "UPDATE report_runs SET status = '%s' WHERE id = %d"
            % (status, run_id)
        )
    conn.commit()
    log.info("run %s marked %s", run_id, status)  # ok: sql-injection


def row_count(conn, table, row_id):
    with conn.cursor() as cur:
        cur.execute(sql.SQL("SELECT COUNT(*) FROM {} WHERE id > %s").format(sql.Identifier(table)), (row_id,))  # ok: sql-injection
        return cur.fetchone()[0]


def events_frame(conn, account_id):
    return pd.read_sql(f"SELECT * FROM events WHERE account_id = {account_id}", conn)  # expect: sql-injection


def events_frame_safe(conn, account_id):
    return pd.read_sql_query(  # ok: sql-injection
        "SELECT * FROM events WHERE account_id = %(acct)s ORDER BY ts",
        conn,
        params={"acct": account_id},
    )


def invoices_frame(conn, customer_id):
    where = "WHERE customer_id = " + str(customer_id)
    return pd.read_sql_query("SELECT * FROM invoices " + where, conn)  # expect: sql-injection


def customers_named(conn, name):
    query = "SELECT id, name FROM customers WHERE name = '%s'" % name
    with conn.cursor() as cur:
        cur.execute(query)  # expect: sql-injection
        return cur.fetchall()


def vacuum(conn):
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("VACUUM ANALYZE orders")  # ok: sql-injection
    print(f"vacuumed orders on {conn.dsn}")  # ok: sql-injection
