"""Listing endpoints: page sizes, sort keys and table names that reach SQL text."""
import uuid

from django.db import connection

ALLOWED_SORTS = {"name", "created_at"}


def list_products(cursor, page, size, descending):
    direction = "DESC" if descending else "ASC"
    cursor.execute(  # ok: sql-injection
        "SELECT id, name FROM products ORDER BY name %s LIMIT %d OFFSET %d"
        % ("DESC" if descending else "ASC", int(size), int(page) * int(size))
    )
    cursor.execute(f"SELECT id FROM products LIMIT {int(size)}")  # ok: sql-injection
    cursor.execute(f"SELECT id FROM products LIMIT {len(ALLOWED_SORTS)}")  # ok: sql-injection
    cursor.execute(f"SELECT id FROM products ORDER BY name {direction}")  # ok: sql-injection
    return cursor.fetchall()


def product_by_public_id(cursor, public_id):
    cursor.execute(f"SELECT * FROM products WHERE public_id = '{uuid.UUID(public_id)}'")  # ok: sql-injection
    return cursor.fetchone()


def rows_in(table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM %s" % connection.ops.quote_name(table))  # ok: sql-injection
        return cursor.fetchone()[0]


def search(cursor, term, limit):
    # str() converts anything to text: it does not make the value safe.
    cursor.execute(f"SELECT id FROM products WHERE name = '{str(term)}' LIMIT {int(limit)}")  # expect: sql-injection
    cursor.execute("SELECT id FROM products ORDER BY " + (term if term else "name"))  # expect: sql-injection
    return cursor.fetchall()
