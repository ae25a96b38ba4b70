"""Downloads and uploads for the customer portal (Flask)."""

import os
import shutil
from pathlib import Path

from flask import Blueprint, abort, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

bp = Blueprint("files", __name__)

UPLOAD_DIR = "/srv/portal/uploads"
EXPORT_DIR = os.path.abspath("exports")
REPORTS = {"daily": "daily.csv", "weekly": "weekly.csv"}
ALLOWED_FORMATS = ("csv", "xlsx", "pdf")


@bp.route("/download/<name>")
def download(name):
    return send_file(os.path.join(UPLOAD_DIR, name))  # expect: path-traversal


@bp.route("/download-safe/<name>")
def download_safe(name):
    return send_from_directory(UPLOAD_DIR, name)  # ok: path-traversal


@bp.get("/invoice")
def invoice():
    path = request.args.get("path", "")
    with open(path, "rb") as fh:  # expect: path-traversal
        return fh.read()


@bp.get("/invoice/by-id")
def invoice_by_id():
    invoice_id = request.args.get("id", type=int)
    with open(f"{UPLOAD_DIR}/invoices/{invoice_id}.pdf", "rb") as fh:  # ok: path-traversal
        return fh.read()


@bp.get("/invoice/legacy")
def invoice_legacy():
    number = int(request.args["number"])
    return send_file(UPLOAD_DIR + "/invoices/" + str(number) + ".pdf")  # ok: path-traversal


@bp.post("/upload")
def upload():
    file = request.files["file"]
    target = os.path.join(UPLOAD_DIR, file.filename)
    file.save(target)
    shutil.copy(target, EXPORT_DIR)  # expect: path-traversal
    return "ok"


@bp.post("/upload-safe")
def upload_safe():
    file = request.files["file"]
    filename = secure_filename(file.filename)
    target = os.path.join(UPLOAD_DIR, filename)
    file.save(target)
    shutil.copy(target, EXPORT_DIR)  # ok: path-traversal
    return "ok"


@bp.post("/avatar")
def avatar():
    name = os.path.basename(request.form["name"])
    with open(os.path.join(UPLOAD_DIR, "avatars", name), "wb") as fh:  # ok: path-traversal
        fh.write(request.get_data())
    return "saved"


@bp.delete("/attachment")
def delete_attachment():
    rel = request.args["file"]
    os.remove(os.path.join(UPLOAD_DIR, rel))  # expect: path-traversal
    return "", 204


@bp.get("/report")
def report():
    kind = request.args.get("kind", "daily")
    if kind not in REPORTS:
        abort(404)
    return send_file(os.path.join(EXPORT_DIR, kind))  # ok: path-traversal


@bp.get("/report/by-name")
def report_by_name():
    return send_file(os.path.join(EXPORT_DIR, REPORTS["daily"]))  # ok: path-traversal


@bp.get("/preview")
def preview():
    requested = os.path.realpath(os.path.join(UPLOAD_DIR, request.args["p"]))
    if not requested.startswith(UPLOAD_DIR):
        abort(403)
    return send_file(requested)  # ok: path-traversal


@bp.get("/preview-unchecked")
def preview_unchecked():
    requested = os.path.realpath(os.path.join(UPLOAD_DIR, request.args["p"]))
    return send_file(requested)  # expect: path-traversal


@bp.get("/notes")
def notes():
    note = Path(UPLOAD_DIR) / request.args["note"]
    return note.read_text()  # expect: path-traversal


@bp.get("/notes/text")
def notes_text():
    return Path(UPLOAD_DIR, request.args["note"]).read_text()  # expect: path-traversal


@bp.get("/notes/name")
def notes_name():
    return Path(UPLOAD_DIR, Path(request.args["note"]).name).read_text()  # ok: path-traversal


@bp.get("/listing")
def listing():
    folder = request.headers.get("X-Folder", "")
    return {"files": os.listdir(os.path.join(UPLOAD_DIR, folder))}  # expect: path-traversal


@bp.get("/listing/fixed")
def listing_fixed():
    return {"files": os.listdir(UPLOAD_DIR)}  # ok: path-traversal


@bp.get("/export")
def export():
    fmt = request.args.get("format", "csv")
    if fmt in ALLOWED_FORMATS:
        return send_file(os.path.join(EXPORT_DIR, "latest." + fmt))  # ok: path-traversal
    return send_file(os.path.join(EXPORT_DIR, "latest." + fmt))  # expect: path-traversal


@bp.post("/archive")
def archive():
    payload = request.get_json()  # expect: unvalidated-body
    src = payload["source"]
    shutil.move(os.path.join(UPLOAD_DIR, src), EXPORT_DIR)  # expect: path-traversal
    return "moved"


@bp.get("/cookie-theme")
def cookie_theme():
    theme = request.cookies.get("theme", "light")
    with open(os.path.join("themes", theme + ".css")) as fh:  # expect: path-traversal
        return fh.read()


@bp.get("/static-theme")
def static_theme():
    with open(os.path.join("themes", "light.css")) as fh:  # ok: path-traversal
        return fh.read()


@bp.get("/statements/<int:year>/<name>")
def statement(year, name):
    with open(f"{UPLOAD_DIR}/statements/{year}.pdf", "rb") as fh:  # ok: path-traversal
        return fh.read()


@bp.get("/statements-by-name/<int:year>/<name>")
def statement_by_name(year, name):
    with open(f"{UPLOAD_DIR}/statements/{year}/{name}", "rb") as fh:  # expect: path-traversal
        return fh.read()
