"""Flask views for the product catalogue (SQLAlchemy Core)."""
from flask import Blueprint, abort, current_app, jsonify, request
from sqlalchemy import text

from .db import engine

bp = Blueprint("products", __name__, url_prefix="/products")

SEARCH_SQL = text(  # ok: sql-injection
    "SELECT id, name, price FROM products "
    + "WHERE name ILIKE :q ORDER BY name LIMIT 50"
)


@bp.get("/")
def list_products():
    category = request.args.get("category", "")
    sort = request.args.get("sort", "name")
    with engine.connect() as conn:
        rows = conn.execute(
            text(f"SELECT id, name, price FROM products WHERE category = '{category}' ORDER BY {sort}")  # expect: sql-injection
        ).fetchall()
    return jsonify([dict(r._mapping) for r in rows])


@bp.get("/search")
def search_products():
    q = request.args.get("q", "")
    with engine.connect() as conn:
        rows = conn.execute(SEARCH_SQL, {"q": f"%{q}%"}).fetchall()  # ok: sql-injection
    return jsonify([dict(r._mapping) for r in rows])


@bp.get("/latest")
def latest_products():
    with engine.connect() as conn:
        rows = conn.execute(text(f"SELECT id, name FROM products ORDER BY created_at DESC LIMIT {20}")).fetchall()  # ok: sql-injection
    return jsonify([dict(r._mapping) for r in rows])


@bp.get("/<int:product_id>")
def get_product(product_id):
    with engine.connect() as conn:
        row = conn.execute(text("SELECT id, name, price FROM products WHERE id = :id"), {"id": product_id}).first()  # ok: sql-injection
    if row is None:
        current_app.logger.warning(f"product {product_id} not found")  # ok: sql-injection
        abort(404)
    return jsonify(dict(row._mapping))


@bp.post("/<int:product_id>/price")
def update_price(product_id):
    price = request.json["price"]  # expect: unvalidated-body
    stmt = text("UPDATE products SET price = " + str(price) + " WHERE id = :id")  # expect: sql-injection
    with engine.begin() as conn:
        conn.execute(stmt, {"id": product_id})
    return "", 204


@bp.delete("/sku/<sku>")
def delete_by_sku(sku):
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM products WHERE sku = '%s'" % sku)  # expect: sql-injection
    return "", 204


@bp.delete("/sku/<sku>/variants")
def delete_variants(sku):
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM product_variants WHERE sku = %s", (sku,))  # ok: sql-injection
    return "", 204


@bp.get("/export/<table>")
def export_table(table):
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT * FROM {}".format(table))).fetchall()  # expect: sql-injection
    return jsonify([dict(r._mapping) for r in rows])
