"""Login, logout and the "return to where you were" redirects (Flask)."""

from urllib.parse import urlparse

from flask import Blueprint, abort, redirect, request, session, url_for

bp = Blueprint("auth", __name__)

TRUSTED_HOSTS = {"app.example.com", "help.example.com"}
LANDING_PAGES = ("/dashboard", "/settings", "/billing")


@bp.post("/login")
def login():
    session["user"] = request.form["user"]
    next_url = request.args.get("next") or url_for("home")
    return redirect(next_url)  # expect: open-redirect


@bp.post("/login/landing")
def login_landing():
    page = request.form.get("landing", "/dashboard")
    if page not in LANDING_PAGES:
        page = "/dashboard"
    return redirect(page)  # ok: open-redirect


@bp.post("/login/checked")
def login_checked():
    page = request.form.get("landing", "/dashboard")
    if page not in LANDING_PAGES:
        abort(400)
    return redirect(page)  # ok: open-redirect


@bp.get("/logout")
def logout():
    session.clear()
    return redirect(url_for("auth.login"))  # ok: open-redirect


@bp.get("/out")
def outbound():
    return redirect(request.args["url"])  # expect: open-redirect


@bp.get("/out/trusted")
def outbound_trusted():
    url = request.args["url"]
    if urlparse(url).netloc not in TRUSTED_HOSTS:
        abort(400)
    return redirect(url)  # ok: open-redirect


@bp.get("/out/relative")
def outbound_relative():
    target = request.args.get("to", "/")
    if not target.startswith("/"):
        abort(400)
    return redirect(target)  # expect: open-redirect


@bp.get("/back")
def back():
    return redirect(request.referrer or "/")  # expect: open-redirect


@bp.get("/sso/callback")
def sso_callback():
    state = request.args.get("state", "")
    return redirect("https://app.example.com/after-login?state=" + state)  # ok: open-redirect


@bp.get("/sso/start")
def sso_start():
    provider = request.args["provider"]
    return redirect(f"https://{provider}/authorize")  # expect: open-redirect


@bp.get("/lang/<code>")
def switch_language(code):
    session["lang"] = code
    return redirect(request.headers.get("Referer", "/"))  # expect: open-redirect


@bp.get("/profile/<int:user_id>")
def profile_redirect(user_id: int):
    return redirect(f"/users/{user_id}")  # ok: open-redirect
