"""Integration API: fetch remote resources, proxy images, render previews (FastAPI)."""

import ast
import re
from typing import Any, Optional
from uuid import UUID

import httpx
import requests
from fastapi import APIRouter, Body, Depends, FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from pydantic import BaseModel, HttpUrl

app = FastAPI()
router = APIRouter()

IMAGE_ORIGIN = "https://images.example.com"
ALLOWED_FEEDS = {"status.example.com", "blog.example.com"}
STATIC_DIR = "/srv/static"


class FetchRequest(BaseModel):
    url: HttpUrl
    timeout: float = 5.0


class Rule(BaseModel):
    pattern: str


@app.get("/fetch")
def fetch(url: str):
    return requests.get(url, timeout=5).text  # expect: ssrf


@app.get("/fetch/optional")
def fetch_optional(url: Optional[str] = None):
    return requests.get(url or IMAGE_ORIGIN, timeout=5).text  # expect: ssrf


@app.post("/fetch/model")
def fetch_model(body: FetchRequest):
    return requests.get(str(body.url), timeout=body.timeout).text  # ok: ssrf


@app.get("/images/{image_id}")
async def image(image_id: UUID):
    async with httpx.AsyncClient() as client:
        return (await client.get(f"{IMAGE_ORIGIN}/{image_id}.png")).content  # ok: ssrf


@app.get("/images/by-name/{name}")
async def image_by_name(name: str):
    async with httpx.AsyncClient() as client:
        return (await client.get(f"{IMAGE_ORIGIN}/{name}")).content  # ok: ssrf


@app.get("/proxy")
async def proxy(request: Request):
    target = request.query_params["target"]
    async with httpx.AsyncClient() as client:
        response = await client.get(target)  # expect: ssrf
    return response.text


@app.get("/proxy/host")
async def proxy_host(request: Request):
    host = request.query_params["host"]
    return httpx.get("https://" + host + "/health").json()  # expect: ssrf


@app.get("/proxy/feed")
async def proxy_feed(request: Request):
    feed = request.query_params["feed"]
    if urlparse(feed).hostname not in ALLOWED_FEEDS:
        raise HTTPException(400)
    return httpx.get(feed).text  # ok: ssrf


@app.get("/status")
def status():
    return requests.get(IMAGE_ORIGIN + "/status", timeout=2).json()  # ok: ssrf


@app.post("/hooks/register")
async def register_hook(request: Request):
    payload = await request.json()  # expect: unvalidated-body
    requests.post(payload["callback"], json={"registered": True})  # expect: ssrf
    return {"ok": True}


@app.post("/hooks/register-typed")
async def register_hook_typed(body: FetchRequest):
    requests.post(str(body.url), json={"registered": True})  # ok: ssrf
    return {"ok": True}


@app.post("/settings")
def update_settings(settings: dict = Body(...)):  # expect: unvalidated-body
    return {"saved": len(settings)}


@app.post("/settings/typed")
def update_settings_typed(settings: FetchRequest):  # ok: unvalidated-body
    return {"saved": True}


@app.get("/go")
def go(to: str):
    return RedirectResponse(to)  # expect: open-redirect


@app.get("/go/home")
def go_home(section: str):
    return RedirectResponse(f"/home#{section}")  # ok: open-redirect


@app.get("/go/{page_id}")
def go_page(page_id: int):
    return RedirectResponse(f"/pages/{page_id}")  # ok: open-redirect


@app.get("/assets/{asset}")
def asset(asset: str):
    return FileResponse(f"{STATIC_DIR}/{asset}")  # expect: path-traversal


@app.get("/assets/by-id/{asset_id}")
def asset_by_id(asset_id: int):
    return FileResponse(f"{STATIC_DIR}/{asset_id}.bin")  # ok: path-traversal


@app.get("/preview", response_class=HTMLResponse)
def preview(title: str):
    return HTMLResponse(f"<html><h1>{title}</h1></html>")  # expect: xss


@app.get("/preview/safe", response_class=HTMLResponse)
def preview_safe(count: int):
    return HTMLResponse(f"<html><h1>{count} items</h1></html>")  # ok: xss


@app.post("/rules/test")
def test_rule(rule: Rule, sample: str):
    return {"match": bool(re.search(rule.pattern, sample))}  # ok: regex-injection


@app.get("/rules/adhoc")
def adhoc_rule(pattern: str, sample: str):
    return {"match": bool(re.fullmatch(pattern, sample))}  # expect: regex-injection


@app.get("/rules/findall")
def findall_rule(request: Request):
    return re.findall(request.query_params.get("p", "x"), "sample text")  # expect: regex-injection


@app.get("/calc")
def calc(expr: str):
    return {"result": eval(expr)}  # expect: code-injection


@app.get("/calc/literal")
def calc_literal(expr: str):
    return {"result": ast.literal_eval(expr)}  # ok: code-injection


@app.get("/calc/fixed")
def calc_fixed():
    return {"result": eval("2 ** 10")}  # ok: code-injection


@app.post("/script")
async def run_script(request: Request):
    source = (await request.body()).decode()
    exec(source, {"__builtins__": {}})  # expect: code-injection
    return {"ok": True}


@app.post("/formula")
async def formula(request: Request):
    form = await request.form()
    code = compile(form["formula"], "<formula>", "eval")  # expect: code-injection
    return {"value": eval(code, {"x": 2})}
