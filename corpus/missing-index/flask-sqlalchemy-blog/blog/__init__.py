import os

from flask import Flask

from .extensions import db, migrate


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get(
        "DATABASE_URL", "postgresql+psycopg2://blog@localhost/blog"
    )
    db.init_app(app)
    migrate.init_app(app, db)

    from . import views

    app.register_blueprint(views.bp)
    return app
