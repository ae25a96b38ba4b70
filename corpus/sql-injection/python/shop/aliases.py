"""Imports under other names still reach the same sinks."""
import subprocess as sp

from sqlalchemy import text as sql


def by_sku(conn, sku):
    return conn.execute(sql(f"SELECT * FROM products WHERE sku = '{sku}'"))  # expect: sql-injection


def by_sku_bound(conn, sku):
    return conn.execute(sql("SELECT * FROM products WHERE sku = :sku"), {"sku": sku})  # ok: sql-injection


def archive(name):
    sp.run(f"tar czf /backups/{name}.tgz /srv/data", shell=True)  # expect: command-injection
    sp.run(["tar", "czf", f"/backups/{name}.tgz", "/srv/data"])  # ok: command-injection
