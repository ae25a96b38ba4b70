"""Version 2 of the partner API: every body goes through a schema (Flask)."""

import jsonschema
from flask import Blueprint, abort, jsonify, request
from marshmallow import Schema, fields
from pydantic import BaseModel

bp = Blueprint("api_v2", __name__)

ORDER_SCHEMA = {"type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}}}


class Shipment(BaseModel):
    carrier: str
    tracking: str


class RefundSchema(Schema):
    order_id = fields.Int(required=True)
    reason = fields.Str()


@bp.post("/v2/orders")
def create_order():
    payload = request.get_json()  # ok: unvalidated-body
    jsonschema.validate(payload, ORDER_SCHEMA)
    return jsonify({"sku": payload["sku"]}), 201


@bp.post("/v2/shipments")
def create_shipment():
    shipment = Shipment(**request.get_json())  # ok: unvalidated-body
    return jsonify(shipment.model_dump()), 201


@bp.post("/v2/refunds")
def create_refund():
    refund = RefundSchema().load(request.json)  # ok: unvalidated-body
    return jsonify(refund), 201


@bp.post("/v2/notes")
def create_note():
    note = request.get_json(silent=True)  # expect: unvalidated-body
    if not note:
        abort(400)
    return jsonify({"length": len(note.get("text", ""))}), 201


@bp.post("/v2/shipments/bulk")
def create_shipments():
    shipments = [Shipment.model_validate(item) for item in request.json["items"]]  # ok: unvalidated-body
    return jsonify(len(shipments)), 201
