from django.db import models


class Customer(models.Model):
    email = models.EmailField(unique=True)
    name = models.CharField(max_length=200)
    country = models.CharField(max_length=2)
    referral_code = models.CharField(max_length=16, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)


class Product(models.Model):
    sku = models.CharField(max_length=32, primary_key=True)
    title = models.CharField(max_length=200)
    category = models.CharField(max_length=50)
    price_cents = models.IntegerField()

    class Meta:
        db_table = "catalog_product"
        indexes = [models.Index(fields=["category", "price_cents"])]


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    status = models.CharField(max_length=20)
    placed_at = models.DateTimeField()
    total_cents = models.IntegerField()
    coupon = models.CharField(max_length=20, blank=True)
    tracking_number = models.CharField(max_length=40, blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "placed_at"], name="order_status_placed")]


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, db_index=False)
    quantity = models.IntegerField()

    class Meta:
        unique_together = [("order", "product")]


class LegacyInvoice(models.Model):
    """The billing service's table, read-only here."""

    number = models.CharField(max_length=20)
    customer_ref = models.CharField(max_length=20)

    class Meta:
        managed = False
        db_table = "billing_invoice"
