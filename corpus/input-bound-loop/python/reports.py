"""Report and export endpoints whose sizes come from the query string (Flask)."""

from flask import Blueprint, abort, jsonify, request

bp = Blueprint("reports", __name__)
MAX_ROWS = 500
MAX_WIDTH = 80


@bp.get("/report/rows")
def rows():
    count = int(request.args.get("count", "10"))
    return jsonify([{"row": i} for i in range(count)])  # expect: input-bound-loop


@bp.get("/report/rows-capped")
def rows_capped():
    count = min(int(request.args.get("count", "10")), MAX_ROWS)
    return jsonify([{"row": i} for i in range(count)])  # ok: input-bound-loop


@bp.get("/report/rows-checked")
def rows_checked():
    count = int(request.args.get("count", "10"))
    if count > MAX_ROWS:
        abort(400)
    return jsonify([{"row": i} for i in range(count)])  # ok: input-bound-loop


@bp.get("/report/rule")
def rule():
    width = request.args.get("width", 40, type=int)
    return "-" * width  # expect: input-bound-loop


@bp.get("/report/rule-capped")
def rule_capped():
    width = request.args.get("width", 40, type=int)
    return "-" * min(width, MAX_WIDTH)  # ok: input-bound-loop


@bp.get("/report/grid")
def grid():
    size = int(request.args["size"])
    return jsonify([[0] * size for _ in range(3)])  # expect: input-bound-loop


@bp.get("/report/fixed")
def fixed():
    return jsonify([[0] * 8 for _ in range(8)])  # ok: input-bound-loop


@bp.get("/report/pages")
def pages():
    first = int(request.args.get("from", "1"))
    last = int(request.args.get("to", "10"))
    return jsonify(list(range(first, last)))  # expect: input-bound-loop


@bp.get("/report/buffer")
def buffer():
    return bytes(bytearray(int(request.args["bytes"])))  # expect: input-bound-loop


@bp.get("/report/sample")
def sample():
    items = request.args.getlist("item")
    return jsonify([item.upper() for item in items[:MAX_ROWS]])  # ok: input-bound-loop


@bp.get("/report/preset")
def preset():
    sizes = {"small": 10, "large": 100}
    size = sizes.get(request.args.get("preset", "small"), 10)
    return jsonify(list(range(size)))  # ok: input-bound-loop


@bp.get("/report/retries")
def retries():
    for attempt in range(5):  # ok: input-bound-loop
        if ping():
            return "up"
    return "down"


@bp.get("/report/fibonacci/<int:terms>")
def fibonacci(terms):
    values = [0, 1]
    for _ in range(terms):  # expect: input-bound-loop
        values.append(values[-1] + values[-2])
    return jsonify(values)
