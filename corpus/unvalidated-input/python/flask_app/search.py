"""Search, filters and admin tools over the orders database (Flask)."""

import re
import subprocess

from flask import Blueprint, abort, jsonify, request

from .db import get_db

bp = Blueprint("search", __name__)

SORTABLE = {"created_at", "total", "status"}


@bp.get("/orders/search")
def search_orders():
    pattern = request.args.get("pattern", "")
    matcher = re.compile(pattern)  # expect: regex-injection
    rows = get_db().execute("SELECT id, note FROM orders").fetchall()
    return jsonify([r["id"] for r in rows if matcher.search(r["note"])])


@bp.get("/orders/search/literal")
def search_orders_literal():
    term = request.args.get("term", "")
    matcher = re.compile(re.escape(term), re.IGNORECASE)  # ok: regex-injection
    rows = get_db().execute("SELECT id, note FROM orders").fetchall()
    return jsonify([r["id"] for r in rows if matcher.search(r["note"])])


@bp.get("/orders/search/word")
def search_orders_word():
    word = request.args["word"]
    found = re.search(r"\b" + word + r"\b", request.args["text"])  # expect: regex-injection
    return jsonify(found is not None)


@bp.get("/orders/search/prefix")
def search_orders_prefix():
    prefix = request.args["prefix"]
    found = re.match(r"^" + re.escape(prefix), "ORD-2024")  # ok: regex-injection
    return jsonify(found is not None)


@bp.get("/orders/split")
def split_codes():
    sep = request.args.get("sep", ",")
    return jsonify(re.split(sep, request.args["codes"]))  # expect: regex-injection


@bp.get("/orders/codes")
def codes():
    return jsonify(re.findall(r"ORD-\d+", request.args["text"]))  # ok: regex-injection


@bp.get("/orders/replace")
def replace():
    old = request.args["old"]
    return re.sub(old, "***", request.args["text"])  # expect: regex-injection


@bp.get("/orders")
def list_orders():
    status = request.args.get("status", "open")
    rows = get_db().execute(  # expect: sql-injection
        f"SELECT id, total FROM orders WHERE status = '{status}'"
    ).fetchall()
    return jsonify([dict(r) for r in rows])


@bp.get("/orders/bound")
def list_orders_bound():
    status = request.args.get("status", "open")
    rows = get_db().execute(  # ok: sql-injection
        "SELECT id, total FROM orders WHERE status = ?", (status,)
    ).fetchall()
    return jsonify([dict(r) for r in rows])


@bp.get("/orders/sorted")
def list_orders_sorted():
    column = request.args.get("sort", "created_at")
    if column not in SORTABLE:
        abort(400)
    rows = get_db().execute(f"SELECT id FROM orders ORDER BY {column}").fetchall()  # ok: sql-injection
    return jsonify([r["id"] for r in rows])


@bp.get("/orders/raw")
def list_orders_raw():
    where = request.args["where"]
    rows = get_db().execute("SELECT id FROM orders WHERE " + where).fetchall()  # expect: sql-injection
    return jsonify([r["id"] for r in rows])


@bp.get("/orders/page")
def list_orders_page():
    limit = int(request.args.get("limit", "50"))
    rows = get_db().execute(f"SELECT id FROM orders LIMIT {limit}").fetchall()  # ok: sql-injection
    return jsonify([r["id"] for r in rows])


@bp.post("/admin/ping")
def ping():
    host = request.form["host"]
    out = subprocess.run(f"ping -c 1 {host}", shell=True, capture_output=True)  # expect: command-injection
    return out.stdout


@bp.post("/admin/ping/argv")
def ping_argv():
    host = request.form["host"]
    out = subprocess.run(["ping", "-c", "1", host], capture_output=True)  # ok: command-injection
    return out.stdout


@bp.post("/admin/run")
def run_command():
    out = subprocess.check_output(request.form["command"], shell=True)  # expect: command-injection
    return out
