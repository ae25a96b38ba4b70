"""Outbound integrations configured by tenants: webhooks, feeds and filters (Flask)."""

import re

import httpx
import requests
from flask import Blueprint, abort, jsonify, request

bp = Blueprint("integrations", __name__)

GITHUB_API = "https://api.github.com"
SLACK_HOOKS = ("https://hooks.slack.com/services/T000/B000/XXX",)
FILTER_PRESETS = {"errors": r"ERROR|FATAL", "slow": r"took \d{4,}ms"}
EXPRESSIONS = {"double": "x * 2", "square": "x ** 2"}


@bp.post("/webhooks/test")
def test_webhook():
    hook = request.form["hook_url"]
    response = requests.post(hook, json={"text": "test"}, timeout=3)  # expect: ssrf
    return jsonify(response.status_code)


@bp.post("/webhooks/slack")
def slack_webhook():
    hook = request.form["hook_url"]
    if hook not in SLACK_HOOKS:
        abort(400)
    response = requests.post(hook, json={"text": "test"}, timeout=3)  # ok: ssrf
    return jsonify(response.status_code)


@bp.get("/github/repos/<owner>")
def github_repos(owner):
    return jsonify(requests.get(f"{GITHUB_API}/users/{owner}/repos", timeout=5).json())  # ok: ssrf


@bp.get("/github/raw")
def github_raw():
    base = request.args.get("api", GITHUB_API)
    return jsonify(requests.get(base + "/rate_limit", timeout=5).json())  # expect: ssrf


@bp.get("/feeds")
def feeds():
    feed_url = request.args["feed"]
    return httpx.get(feed_url, follow_redirects=True).text  # expect: ssrf


@bp.get("/feeds/default")
def feeds_default():
    return httpx.get("https://blog.example.com/rss.xml").text  # ok: ssrf


@bp.get("/filters/apply")
def apply_filter():
    expression = request.args["filter"]
    return jsonify(bool(re.search(expression, request.args["line"])))  # expect: regex-injection


@bp.get("/filters/preset")
def apply_preset():
    preset = FILTER_PRESETS[request.args.get("preset", "errors")]
    return jsonify(bool(re.search(preset, request.args["line"])))  # ok: regex-injection


@bp.get("/filters/word")
def apply_word():
    word = request.args["word"]
    matcher = re.compile(r"(?i)\b%s\b" % word)  # expect: regex-injection
    return jsonify(bool(matcher.search(request.args["line"])))


@bp.get("/filters/finditer")
def find_all():
    found = [m.start() for m in re.finditer(request.args["needle"], request.args["line"])]  # expect: regex-injection
    return jsonify(found)


@bp.get("/filters/escaped")
def find_escaped():
    needle = re.escape(request.args["needle"])
    found = [m.start() for m in re.finditer(needle, request.args["line"])]  # ok: regex-injection
    return jsonify(found)


@bp.get("/transform")
def transform():
    name = request.args.get("expr", "double")
    return jsonify(eval(EXPRESSIONS[name], {"x": 3}))  # ok: code-injection


@bp.get("/transform/custom")
def transform_custom():
    source = request.args["expr"]
    return jsonify(eval(source, {"x": 3}))  # expect: code-injection


@bp.get("/transform/lambda")
def transform_lambda():
    body = request.args["body"]
    func = eval("lambda x: " + body)  # expect: code-injection
    return jsonify(func(3))


@bp.get("/transform/count")
def transform_count():
    times = int(request.args.get("times", "1"))
    return jsonify(eval("3" + " * 2" * times))  # ok: code-injection  # expect: input-bound-loop


@bp.post("/transform/script")
def transform_script():
    exec(request.form["script"], {"x": 3})  # expect: code-injection
    return "ok"
