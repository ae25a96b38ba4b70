"""Admin console endpoints: feature-flag expressions and report formulas (Flask)."""

import ast
import json

from flask import Blueprint, abort, jsonify, request

bp = Blueprint("admin", __name__)

SAFE_FUNCTIONS = {"min": min, "max": max, "round": round}
FLAG_RULES = ("beta_users", "staff_only", "everyone")


@bp.post("/flags/evaluate")
def evaluate_flag():
    rule = request.json["rule"]  # expect: unvalidated-body
    return jsonify(eval(rule, {"__builtins__": {}}, {"user": request.json["user"]}))  # expect: code-injection


@bp.post("/flags/named")
def evaluate_named_flag():
    rule = request.form["rule"]
    if rule not in FLAG_RULES:
        abort(400)
    return jsonify(eval(rule + "(user)", {"__builtins__": {}}))  # ok: code-injection


@bp.post("/flags/json")
def evaluate_json_flag():
    rule = json.loads(request.form["rule"])
    return jsonify(rule.get("enabled", False))  # ok: code-injection


@bp.post("/report/formula")
def report_formula():
    formula = request.form.get("formula", "0")
    value = eval(formula, {"__builtins__": {}}, SAFE_FUNCTIONS)  # expect: code-injection
    return jsonify(value)


@bp.post("/report/number")
def report_number():
    value = float(request.form.get("value", "0"))
    return jsonify(eval("%f * 1.2" % value))  # ok: code-injection


@bp.post("/report/literal")
def report_literal():
    return jsonify(ast.literal_eval(request.form["values"]))  # ok: code-injection


@bp.post("/console")
def console():
    source = request.get_data(as_text=True)
    code = compile(source, "<console>", "exec")  # expect: code-injection
    namespace = {}
    exec(code, namespace)
    return jsonify(sorted(namespace))


@bp.post("/console/fixed")
def console_fixed():
    namespace = {}
    exec("result = 6 * 7", namespace)  # ok: code-injection
    return jsonify(namespace["result"])


@bp.post("/console/template")
def console_template():
    name = request.args["name"]
    exec(f"result_{name} = 1", {})  # expect: code-injection
    return "ok"


@bp.post("/console/attr")
def console_attr():
    field = request.args["field"]
    return jsonify(eval("settings." + field, {"settings": SAFE_FUNCTIONS}))  # expect: code-injection


@bp.post("/console/by-id")
def console_by_id():
    index = int(request.args["index"])
    return jsonify(eval(f"[1, 2, 3][{index}]"))  # ok: code-injection


@bp.get("/redirect/home")
def redirect_home():
    return jsonify(eval("1 + 1"))  # ok: code-injection


@bp.post("/import")
def import_settings():
    data = request.get_json()  # expect: unvalidated-body
    return jsonify(sorted(data))


@bp.post("/import/checked")
def import_settings_checked():
    data = SettingsSchema().load(request.get_json())  # ok: unvalidated-body
    return jsonify(sorted(data))


@bp.post("/import/model")
def import_settings_model():
    data = Settings.model_validate(request.json)  # ok: unvalidated-body
    return jsonify(data.model_dump())


@bp.post("/mail/preview")
def mail_preview():
    from jinja2 import Environment, Template

    body = request.form["body"]
    rendered = Template(body).render(user="Ada")  # expect: code-injection
    subject = Environment().from_string(request.form["subject"]).render()  # expect: code-injection
    footer = Template("Sent to {{ user }}").render(user=request.form["to"])  # ok: code-injection
    return jsonify({"body": rendered, "subject": subject, "footer": footer})
