from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from .models import Customer, LegacyInvoice, Order, OrderLine, Product


def customer_by_email(request):
    customer = Customer.objects.get(email=request.GET["email"])  # ok: missing-index
    return JsonResponse({"id": customer.pk})


def customer_by_id(request, customer_id):
    customer = get_object_or_404(Customer, pk=customer_id)
    same = Customer.objects.filter(id=customer_id).first()  # ok: missing-index
    return JsonResponse({"id": customer.pk, "same": same.pk})


def customers_by_name(request):
    rows = Customer.objects.filter(name=request.GET["name"])  # expect: missing-index
    return JsonResponse({"ids": [c.pk for c in rows]})


def customers_by_name_prefix(request):
    rows = Customer.objects.filter(name__startswith=request.GET["q"])  # expect: missing-index
    return JsonResponse({"ids": [c.pk for c in rows]})


def customers_by_referral(request):
    rows = Customer.objects.filter(referral_code__iexact=request.GET["code"])  # expect: missing-index
    exact = Customer.objects.filter(referral_code=request.GET["code"])  # ok: missing-index
    return JsonResponse({"ids": [c.pk for c in rows], "exact": [c.pk for c in exact]})


def customers_in_country(request):
    # A negated condition reads most of the table whatever the indexes: no hint.
    rows = Customer.objects.exclude(country="US")  # ok: missing-index
    recent = Customer.objects.filter(created_at__gte=request.GET["since"])  # expect: missing-index
    return JsonResponse({"ids": [c.pk for c in rows], "recent": [c.pk for c in recent]})


def orders_for_customer(request, customer_id):
    orders = Order.objects.filter(customer_id=customer_id)  # ok: missing-index
    by_object = Order.objects.filter(customer=request.user.customer)  # ok: missing-index
    return JsonResponse({"n": orders.count(), "m": by_object.count()})


def orders_by_status(request):
    open_orders = Order.objects.filter(status="open").order_by("-placed_at")  # ok: missing-index
    since = Order.objects.filter(status="open", placed_at__gte=request.GET["since"])  # ok: missing-index
    return JsonResponse({"n": open_orders.count(), "m": since.count()})


def orders_by_date(request):
    recent = Order.objects.filter(placed_at__gte=request.GET["since"])  # expect: missing-index
    return JsonResponse({"n": recent.count()})


def orders_by_coupon(request):
    orders = Order.objects.filter(coupon=request.GET["coupon"])  # expect: missing-index
    return JsonResponse({"n": orders.count()})


def order_by_tracking(request):
    order = Order.objects.filter(tracking_number=request.GET["t"]).first()  # ok: missing-index
    return JsonResponse({"id": order.pk})


def orders_for_email(request):
    orders = Order.objects.filter(customer__email=request.GET["email"])  # ok: missing-index
    named = Order.objects.filter(customer__name=request.GET["name"])  # expect: missing-index
    return JsonResponse({"n": orders.count(), "m": named.count()})


def largest_orders(request):
    top = Order.objects.order_by("-total_cents")[:10]  # expect: missing-index
    latest = Order.objects.filter(status="paid").order_by("-placed_at")[:10]  # ok: missing-index
    return JsonResponse({"top": [o.pk for o in top], "latest": [o.pk for o in latest]})


def products_in_category(request):
    products = Product.objects.filter(category=request.GET["c"]).order_by("price_cents")  # ok: missing-index
    cheap = Product.objects.filter(price_cents__lt=500)  # expect: missing-index
    return JsonResponse({"skus": [p.sku for p in products], "cheap": [p.sku for p in cheap]})


def product_by_sku(request, sku):
    product = Product.objects.get(sku=sku)  # ok: missing-index
    by_title = Product.objects.filter(title__icontains=request.GET["q"])  # expect: missing-index
    return JsonResponse({"sku": product.sku, "n": by_title.count()})


def lines_for_order(request, order_id):
    lines = OrderLine.objects.filter(order_id=order_id)  # ok: missing-index
    by_product = OrderLine.objects.filter(product_id=request.GET["sku"])  # expect: missing-index
    pair = OrderLine.objects.filter(order_id=order_id, product_id=request.GET["sku"])  # ok: missing-index
    return JsonResponse({"n": lines.count(), "m": by_product.count(), "p": pair.count()})


def invoices_for(request):
    # billing_invoice belongs to the billing service (managed = False): its indexes are not
    # this repository's to add.
    invoices = LegacyInvoice.objects.filter(customer_ref=request.GET["ref"])  # ok: missing-index
    return JsonResponse({"n": invoices.count()})
