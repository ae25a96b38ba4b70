"""Order lookups against MongoDB (pymongo), used by the support dashboard."""
from flask import request
from pymongo import MongoClient

client = MongoClient("mongodb://localhost:27017")
db = client.shop

NUMERIC_FIELDS = {"total", "quantity", "discount"}
PREDICATES = {
    "late": "this.shipped_at > this.promised_at",
    "unpaid": "this.paid_total < this.total",
}
LATE_ORDERS_JS = "this.shipped_at > this.promised_at"


def _find_where(collection, js):
    return list(collection.find({"$where": js}))  # ok: nosql-injection


def _owner_js(owner):
    return "this.owner == '" + owner + "'"


def orders_for_customer(customer):
    return list(db.orders.find({"$where": f"this.customer == '{customer}'"}))  # expect: nosql-injection


def orders_for_customer_safe(customer):
    return list(db.orders.find({"customer": customer, "status": {"$ne": "cancelled"}}))  # ok: nosql-injection


def late_orders():
    return list(db.orders.find({"$where": "this.shipped_at > this.promised_at"}))  # ok: nosql-injection


def late_orders_cached():
    js = LATE_ORDERS_JS
    query = {"$where": js}  # ok: nosql-injection
    return list(db.orders.find(query))


def big_orders(min_total):
    js = "this.total > " + min_total
    return db.orders.count_documents({"$where": js})  # expect: nosql-injection


def big_orders_checked(min_total):
    return db.orders.count_documents({"$where": "this.total > %d" % int(min_total)})  # ok: nosql-injection


def orders_owned_by(user):
    return db.orders.find_one({"$where": _owner_js(user)})  # expect: nosql-injection


def system_orders():
    return db.orders.find_one({"$where": _owner_js("system")})  # ok: nosql-injection


def orders_by_sku(sku):
    return _find_where(db.orders, f"this.items.some(i => i.sku == '{sku}')")  # expect: nosql-injection


def empty_orders():
    return _find_where(db.orders, "this.items.length == 0")  # ok: nosql-injection


def tagged_orders():
    tag = request.args.get("tag")
    js = "this.tags.length > 0"
    if tag:
        js += f" && this.tags.indexOf('{tag}') >= 0"
    return list(db.orders.find({"$where": js}))  # expect: nosql-injection


def positive(field):
    if field not in NUMERIC_FIELDS:
        raise ValueError(f"not a numeric field: {field}")
    return list(db.orders.find({"$where": f"this.{field} > 0"}))  # ok: nosql-injection


def flagged(kind):
    return list(db.orders.find({"$where": PREDICATES[kind]}))  # ok: nosql-injection


def overdue(strict):
    return db.orders.count_documents(
        {"$where": "this.due_at < Date.now()" if strict else "this.due_at < Date.now() - 86400000"}  # ok: nosql-injection
    )


def revenue_by_status(min_items):
    pipeline = [
        {
            "$match": {
                "status": {"$in": ["paid", "shipped"]},
                "$where": "this.items.length >= " + min_items,  # expect: nosql-injection
            }
        },
        {"$group": {"_id": "$status", "revenue": {"$sum": "$total"}}},
    ]
    return list(db.orders.aggregate(pipeline))
