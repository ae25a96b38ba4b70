"""Sales dashboards: small SQL helpers shared by the report views (sqlite3)."""
import sqlite3

SORTABLE_COLUMNS = {"created_at", "total", "status"}
GROUPABLE = ("region", "channel", "currency")
ORDERINGS = {
    "newest": "created_at DESC",
    "oldest": "created_at ASC",
    "largest": "total DESC",
}
SALES_TABLES = {"live": "sales", "archive": "sales_archive"}


def _rows(conn, sql, params=()):
    cur = conn.cursor()
    cur.execute(sql, params)  # ok: sql-injection
    return cur.fetchall()


def _tenant_filter(tenant):
    return f"tenant = '{tenant}'"


def _limit(count):
    return " LIMIT %d" % int(count)


def sales_for_tenant(conn, tenant):
    return _rows(conn, "SELECT id, total FROM sales WHERE " + _tenant_filter(tenant))  # expect: sql-injection


def house_sales(conn):
    return _rows(conn, "SELECT id, total FROM sales WHERE " + _tenant_filter("house"))  # ok: sql-injection


def sales_by_customer(conn, customer):
    return _rows(conn, f"SELECT id, total FROM sales WHERE customer = '{customer}'")  # expect: sql-injection


def sales_by_region(conn, region):
    return _rows(conn, "SELECT id, total FROM sales WHERE region = ?", (region,))  # ok: sql-injection


def top_sales(conn, count):
    return _rows(conn, "SELECT id, total FROM sales ORDER BY total DESC" + _limit(count))  # ok: sql-injection


def sales_sorted(conn, column, descending=False):
    if column not in SORTABLE_COLUMNS:
        raise ValueError(f"cannot sort sales by {column!r}")
    direction = "DESC" if descending else "ASC"
    cur = conn.cursor()
    cur.execute(f"SELECT id, total FROM sales ORDER BY {column} {direction}")  # ok: sql-injection
    return cur.fetchall()


def sales_sorted_lenient(conn, column):
    if column not in SORTABLE_COLUMNS:
        print(f"warning: unknown sort column {column}")
    cur = conn.cursor()
    cur.execute(f"SELECT id, total FROM sales ORDER BY {column}")  # expect: sql-injection
    return cur.fetchall()


def totals_by(conn, dimension):
    if dimension in GROUPABLE:
        cur = conn.cursor()
        cur.execute(f"SELECT {dimension}, SUM(total) FROM sales GROUP BY {dimension}")  # ok: sql-injection
        return cur.fetchall()
    return []


def recent_sales(conn, ordering):
    order_by = ORDERINGS.get(ordering, "created_at DESC")
    cur = conn.cursor()
    cur.execute("SELECT id, total FROM sales ORDER BY " + order_by)  # ok: sql-injection
    return cur.fetchall()


def sales_count(conn, source):
    table = SALES_TABLES[source]
    cur = conn.cursor()
    cur.execute("SELECT COUNT(*) FROM %s" % table)  # ok: sql-injection
    return cur.fetchone()[0]


def sales_in(conn, archived, period):
    if archived:
        table = "sales_archive"
    else:
        table = "sales"
    cur = conn.cursor()
    cur.execute(f"SELECT id, total FROM {table} WHERE period = ?", (period,))  # ok: sql-injection
    return cur.fetchall()


def sales_since(conn, since=None):
    if since:
        where = f"WHERE created_at >= '{since}'"
    else:
        where = ""
    cur = conn.cursor()
    cur.execute("SELECT id, total FROM sales " + where)  # expect: sql-injection
    return cur.fetchall()


def regional_summary(conn, region):
    where = "WHERE region = '%s'" % region
    # Region filtering moved to the caller; every region is summarised here.
    where = "WHERE region IS NOT NULL"
    return _rows(conn, "SELECT region, SUM(total) FROM sales " + where + " GROUP BY region")  # ok: sql-injection


def export(path):
    conn = sqlite3.connect(path)
    try:
        return _rows(conn, "SELECT * FROM sales ORDER BY id")  # ok: sql-injection
    finally:
        conn.close()
