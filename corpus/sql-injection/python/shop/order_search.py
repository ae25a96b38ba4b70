"""Back-office order search: SQL assembled step by step from the filter form."""
import logging

from django.db import connection

log = logging.getLogger(__name__)

ORDER_COLUMNS = "o.id, o.number, o.total, o.status, o.created_at"
BASE_SELECT = "SELECT " + ORDER_COLUMNS + " FROM shop_order o"


def search_orders(form):
    sql = BASE_SELECT + " WHERE o.deleted_at IS NULL"
    params = []
    if form.get("status"):
        sql += " AND o.status = %s"
        params.append(form["status"])
    if form.get("min_total"):
        sql += " AND o.total >= %s"
        params.append(form["min_total"])
    sql += " ORDER BY o.created_at DESC LIMIT %d" % int(form.get("limit", 50))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)  # ok: sql-injection
        return cursor.fetchall()


def search_orders_legacy(form):
    sql = BASE_SELECT + " WHERE o.deleted_at IS NULL"
    if form.get("status"):
        sql += " AND o.status = '%s'" % form["status"]
    if form.get("number"):
        sql += f" AND o.number LIKE '{form['number']}%'"
    with connection.cursor() as cursor:
        cursor.execute(sql)  # expect: sql-injection
        return cursor.fetchall()


def orders_matching(filters):
    clauses = ["o.deleted_at IS NULL"]
    values = []
    for column, value in filters.items():
        clauses.append(f"o.{column} = %s")
        values.append(value)
    where = " AND ".join(clauses)
    query = BASE_SELECT + " WHERE " + where
    with connection.cursor() as cursor:
        cursor.execute(query, values)  # expect: sql-injection
        return cursor.fetchall()


def open_orders(include_drafts, only_paid):
    clauses = ["o.status <> 'cancelled'"]
    if not include_drafts:
        clauses.append("o.status <> 'draft'")
    if only_paid:
        clauses.append("o.paid_at IS NOT NULL")
    with connection.cursor() as cursor:
        cursor.execute(BASE_SELECT + " WHERE " + " AND ".join(clauses))  # ok: sql-injection
        return cursor.fetchall()


def orders_for_customer(customer_id, status):
    with connection.cursor() as cursor:
        cursor.execute(  # ok: sql-injection
            """
            SELECT o.id, o.number, o.total
            FROM shop_order o
            JOIN shop_customer c ON c.id = o.customer_id
            WHERE c.id = %s AND o.status = %s
            ORDER BY o.created_at DESC
            """,
            (customer_id, status),
        )
        return cursor.fetchall()


def orders_for_email(email):
    statement = f"""
        SELECT o.id, o.number, o.total
        FROM shop_order o
        JOIN shop_customer c ON c.id = o.customer_id
        WHERE c.email = '{email}'
    """
    log.info("looking up orders for %s", email)  # ok: sql-injection
    with connection.cursor() as cursor:
        cursor.execute(statement)  # expect: sql-injection
        return cursor.fetchall()


def order_by_number(number):
    lookup = "o.number = %s"
    where = " WHERE " + lookup
    query = BASE_SELECT + where
    with connection.cursor() as cursor:
        cursor.execute(query, [number])  # ok: sql-injection
        return cursor.fetchone()


def orders_tagged(request):
    tag = request.GET["tag"]
    clause = "t.name = '" + tag + "'"
    query = BASE_SELECT + " JOIN shop_order_tag t ON t.order_id = o.id WHERE " + clause
    with connection.cursor() as cursor:
        cursor.execute(query)  # expect: sql-injection
        return cursor.fetchall()
