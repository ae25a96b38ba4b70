from fastapi import FastAPI

from app.api.routes import router

app = FastAPI(title="shop")
app.include_router(router)
