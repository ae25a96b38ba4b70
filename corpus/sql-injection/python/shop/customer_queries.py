"""Hand-written SQL for the Django `shop` app."""
from django.db import connection

from .models import Customer


def customers_in_city(city):
    return Customer.objects.raw(f"SELECT * FROM shop_customer WHERE city = '{city}'")  # expect: sql-injection


def customers_in_country(country):
    return Customer.objects.raw("SELECT * FROM shop_customer WHERE country = %s", [country])  # ok: sql-injection


def customers_by_tag(tag):
    return Customer.objects.raw(  # expect: sql-injection
        "SELECT c.* FROM shop_customer c JOIN shop_tag t ON t.customer_id = c.id WHERE t.name = '" + tag + "'"
    )


def top_customers(limit):
    with connection.cursor() as cursor:
        cursor.execute(  # ok: sql-injection
            "SELECT customer_id, SUM(total) FROM shop_order "
            "GROUP BY customer_id ORDER BY 2 DESC LIMIT %s",
            [limit],
        )
        return cursor.fetchall()


def orders_sorted(customer_id, column):
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, total FROM shop_order WHERE customer_id = %s ORDER BY {}".format(column), [customer_id])  # expect: sql-injection
        return cursor.fetchall()


def customers_in_region(region):
    with connection.cursor() as cursor:
        cursor.execute(("SELECT id, name FROM shop_customer "  # expect: sql-injection
                        "WHERE region = '" + region + "'"))
        return cursor.fetchall()


def rename_segment(old, new):
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE shop_customer SET segment = '{new}' WHERE segment = '{old}'")  # expect: sql-injection
        return cursor.rowcount


def segment_sizes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT segment, COUNT(*) FROM shop_customer GROUP BY segment")  # ok: sql-injection
        return dict(cursor.fetchall())
