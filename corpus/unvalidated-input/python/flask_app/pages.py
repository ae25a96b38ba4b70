"""Server-rendered pages and small HTML fragments (Flask)."""

from html import escape

from flask import Blueprint, Response, make_response, render_template, render_template_string, request
from markupsafe import Markup

bp = Blueprint("pages", __name__)


@bp.route("/hello")
def hello():
    name = request.args.get("name", "stranger")
    return f"<h1>Hello, {name}!</h1>"  # expect: xss


@bp.route("/hello/escaped")
def hello_escaped():
    name = escape(request.args.get("name", "stranger"))
    return f"<h1>Hello, {name}!</h1>"  # ok: xss


@bp.route("/hello/template")
def hello_template():
    return render_template("hello.html", name=request.args.get("name"))  # ok: xss


@bp.route("/plain")
def plain():
    return request.args.get("message", "")  # ok: xss


@bp.route("/search")
def search():
    term = request.args["q"]
    body = "<p>No results for <b>" + term + "</b></p>"
    return make_response(body, 404)  # expect: xss


@bp.route("/search/escaped")
def search_escaped():
    term = request.args["q"]
    body = "<p>No results for <b>" + escape(term) + "</b></p>"
    return make_response(body, 404)  # ok: xss


@bp.route("/banner")
def banner():
    return Markup("<div class='banner'>%s</div>" % request.args["text"])  # expect: xss


@bp.route("/banner/safe")
def banner_safe():
    return Markup("<div class='banner'>%s</div>") % request.args["text"]  # ok: xss


@bp.route("/preview", methods=["POST"])
def preview():
    return render_template_string(request.form["template"])  # expect: code-injection


@bp.route("/preview/fixed")
def preview_fixed():
    return render_template_string("<p>{{ name }}</p>", name=request.args.get("name"))  # ok: code-injection, xss


@bp.route("/feed.xml")
def feed():
    title = request.args.get("title", "Feed")
    return Response("<rss><channel><title>" + title + "</title></channel></rss>")  # expect: xss


@bp.route("/feed.json")
def feed_json():
    title = request.args.get("title", "Feed")
    return Response('{"title": "' + title + '"}', mimetype="application/json")  # ok: xss


@bp.route("/greeting/<name>")
def greeting(name):
    if len(name) > 40:
        return "<p>Name too long</p>"  # ok: xss
    return "<p>Welcome back, " + name + "</p>"  # expect: xss


@bp.route("/count")
def count():
    visits = int(request.args.get("visits", "0"))
    return f"<p>You have {visits} visits</p>"  # ok: xss


@bp.route("/error")
def error_page():
    code = request.args.get("code", "unknown")
    html = "<html><body><h2>Error " + code + "</h2></body></html>"
    return html, 500  # expect: xss
