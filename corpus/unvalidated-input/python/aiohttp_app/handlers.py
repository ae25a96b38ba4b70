"""Link previews, log search and a formula sandbox (aiohttp)."""

import ast
import operator
import re
from urllib.parse import urlparse
from urllib.request import urlopen

import aiohttp
from aiohttp import web

PREVIEW_HOSTS = frozenset({"news.example.com", "blog.example.com"})
STATUS_URL = "https://status.example.com/api/v2/summary.json"
OPERATORS = {"add": operator.add, "sub": operator.sub, "mul": operator.mul}
LEVELS = ("debug", "info", "warning", "error")

routes = web.RouteTableDef()


@routes.get("/preview")
async def preview(request):
    url = request.query["url"]
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:  # expect: ssrf
            return web.Response(text=await response.text())


@routes.get("/preview/allowed")
async def preview_allowed(request):
    url = request.query["url"]
    if urlparse(url).hostname not in PREVIEW_HOSTS:
        raise web.HTTPBadRequest()
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:  # ok: ssrf
            return web.Response(text=await response.text())


@routes.get("/status")
async def status(request):
    async with aiohttp.ClientSession() as session:
        async with session.get(STATUS_URL) as response:  # ok: ssrf
            return web.json_response(await response.json())


@routes.get("/status/{component}")
async def status_component(request):
    component = request.match_info["component"]
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{STATUS_URL}?component={component}") as response:  # ok: ssrf
            return web.json_response(await response.json())


@routes.post("/mirror")
async def mirror(request):
    form = await request.post()
    async with aiohttp.ClientSession() as session:
        await session.post(form["target"], data=b"ping")  # expect: ssrf
    return web.Response(text="sent")


@routes.get("/avatar")
async def avatar(request):
    host = request.headers.get("X-Avatar-Host", "avatars.example.com")
    with urlopen(f"https://{host}/default.png") as fh:  # expect: ssrf
        return web.Response(body=fh.read(), content_type="image/png")


@routes.get("/avatar/default")
async def avatar_default(request):
    with urlopen("https://avatars.example.com/default.png") as fh:  # ok: ssrf
        return web.Response(body=fh.read(), content_type="image/png")


@routes.get("/logs")
async def search_logs(request):
    expression = request.query.get("re", ".*")
    matcher = re.compile(expression)  # expect: regex-injection
    lines = [line for line in open("/var/log/app.log") if matcher.search(line)]
    return web.json_response(lines)


@routes.get("/logs/level")
async def search_logs_level(request):
    level = request.query.get("level", "info")
    if level not in LEVELS:
        raise web.HTTPBadRequest()
    matcher = re.compile(r"\b" + level.upper() + r"\b")  # ok: regex-injection
    lines = [line for line in open("/var/log/app.log") if matcher.search(line)]
    return web.json_response(lines)


@routes.get("/logs/literal")
async def search_logs_literal(request):
    needle = request.query.get("q", "")
    matcher = re.compile(re.escape(needle))  # ok: regex-injection
    lines = [line for line in open("/var/log/app.log") if matcher.search(line)]
    return web.json_response(lines)


@routes.get("/logs/user/{user}")
async def search_logs_user(request):
    user = request.match_info["user"]
    matcher = re.compile("user=" + user + r"\s")  # expect: regex-injection
    lines = [line for line in open("/var/log/app.log") if matcher.search(line)]
    return web.json_response(lines)


@routes.get("/logs/count")
async def count_logs(request):
    limit = int(request.query.get("limit", "100"))
    matcher = re.compile(r"ERROR.{0,%d}timeout" % limit)  # ok: regex-injection
    return web.json_response({"limit": limit, "pattern": matcher.pattern})


@routes.post("/logs/redact")
async def redact(request):
    body = await request.json()  # expect: unvalidated-body
    secret = body["secret"]
    text = body["text"]
    return web.Response(text=re.sub(secret, "[redacted]", text))  # expect: regex-injection


@routes.post("/logs/redact-literal")
async def redact_literal(request):
    body = await request.json()  # expect: unvalidated-body
    pattern = re.compile(re.escape(body["secret"]))  # ok: regex-injection
    return web.Response(text=pattern.sub("[redacted]", body["text"]))


@routes.get("/tokens")
async def tokens(request):
    sep = request.query.get("sep", ",")
    return web.json_response(re.split(sep, request.query.get("list", "")))  # expect: regex-injection


@routes.get("/tokens/fixed")
async def tokens_fixed(request):
    return web.json_response(re.split(r"[,;]\s*", request.query.get("list", "")))  # ok: regex-injection


@routes.post("/calc")
async def calc(request):
    data = await request.post()
    return web.json_response({"result": eval(data["expression"])})  # expect: code-injection


@routes.post("/calc/literal")
async def calc_literal(request):
    data = await request.post()
    return web.json_response({"result": ast.literal_eval(data["expression"])})  # ok: code-injection


@routes.post("/calc/op")
async def calc_op(request):
    data = await request.json()  # expect: unvalidated-body
    op = OPERATORS[data["op"]]
    return web.json_response({"result": op(float(data["a"]), float(data["b"]))})  # ok: code-injection


@routes.post("/hooks/exec")
async def run_hook(request):
    hook = await request.text()
    namespace = {}
    exec(hook, namespace)  # expect: code-injection
    return web.json_response(sorted(namespace))


@routes.get("/go")
async def go(request):
    raise web.HTTPFound(request.query.get("to", "/"))  # expect: open-redirect


@routes.get("/go/section")
async def go_section(request):
    raise web.HTTPFound("/docs/" + request.query.get("section", "index"))  # ok: open-redirect


@routes.get("/go/partner")
async def go_partner(request):
    raise web.HTTPSeeOther("https://partner.example.com/landing?ref=" + request.query["ref"])  # ok: open-redirect


@routes.get("/hello")
async def hello(request):
    name = request.query.get("name", "")
    return web.Response(text="<p>Hi " + name + "</p>", content_type="text/html")  # expect: xss
