"""Connections to the helpdesk's MySQL database."""

import os

import pymysql
import pymysql.cursors


def connect():
    return pymysql.connect(
        host=os.environ.get("HELPDESK_DB_HOST", "localhost"),
        user=os.environ.get("HELPDESK_DB_USER", "helpdesk"),
        password=os.environ["HELPDESK_DB_PASSWORD"],
        database="helpdesk",
        charset="utf8mb4",
        cursorclass=pymysql.cursors.DictCursor,
        autocommit=True,
    )
