"""Old admin filters still built with QuerySet.extra()."""
from django.db import models


class Order(models.Model):
    status = models.CharField(max_length=20)
    total = models.DecimalField(max_digits=10, decimal_places=2)


def orders_over(minimum):
    return Order.objects.extra(where=[f"total > {minimum}"])  # expect: sql-injection


def paid_orders():
    return Order.objects.extra(where=["status = 'paid'"])  # ok: sql-injection


def orders_in_status(status):
    return Order.objects.extra(where=["status = %s"], params=[status])  # ok: sql-injection


def orders_with_rank(column):
    return Order.objects.extra(select={"rank": "RANK() OVER (ORDER BY " + column + ")"})  # expect: sql-injection
