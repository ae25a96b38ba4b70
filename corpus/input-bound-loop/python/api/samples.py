"""Sample-data endpoints (FastAPI): typed sizes are numbers, not limits."""

from typing import Annotated

from fastapi import FastAPI, Query

app = FastAPI()
MAX_SAMPLES = 1000


@app.get("/samples")
def samples(count: int = 10):
    return [{"id": i} for i in range(count)]  # expect: input-bound-loop


@app.get("/samples/capped")
def samples_capped(count: int = Query(10, le=MAX_SAMPLES)):
    return [{"id": i} for i in range(min(count, MAX_SAMPLES))]  # ok: input-bound-loop


@app.get("/samples/padding")
def padding(width: int):
    return {"line": "." * width}  # expect: input-bound-loop


@app.get("/samples/bounded")
def samples_bounded(count: int = Query(10, ge=1, le=MAX_SAMPLES)):
    return [{"id": i} for i in range(count)]  # ok: input-bound-loop


@app.get("/samples/annotated")
def samples_annotated(count: Annotated[int, Query(le=MAX_SAMPLES)] = 10):
    return [{"id": i} for i in range(count)]  # ok: input-bound-loop


@app.get("/samples/at-least")
def samples_at_least(count: int = Query(10, ge=1)):
    return [{"id": i} for i in range(count)]  # expect: input-bound-loop
