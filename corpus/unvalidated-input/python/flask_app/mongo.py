"""Product lookups in MongoDB (Flask + pymongo)."""

from flask import Blueprint, jsonify, request

from .mongo_client import products

bp = Blueprint("catalog", __name__)


@bp.get("/products/where")
def products_where():
    expr = request.args["expr"]
    docs = products.find({"$where": expr})  # expect: nosql-injection
    return jsonify(list(docs))


@bp.get("/products/by-sku")
def products_by_sku():
    docs = products.find({"sku": request.args["sku"]})  # ok: nosql-injection
    return jsonify(list(docs))


@bp.get("/products/cheap")
def products_cheap():
    limit = float(request.args.get("max", "10"))
    docs = products.find({"$where": "this.price < %f" % limit})  # ok: nosql-injection
    return jsonify(list(docs))
