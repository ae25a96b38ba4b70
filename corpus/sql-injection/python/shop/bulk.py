"""Bulk lookups: IN lists built from placeholders, not from values."""


def products_by_ids(cursor, ids):
    placeholders = ", ".join("%s" for _ in ids)
    cursor.execute(f"SELECT id, name FROM products WHERE id IN ({placeholders})", ids)  # ok: sql-injection
    return cursor.fetchall()


def products_by_skus(cursor, skus):
    marks = ",".join(["?"] * len(skus))
    cursor.execute("SELECT id FROM products WHERE sku IN (" + marks + ")", skus)  # ok: sql-injection
    return cursor.fetchall()


def products_by_names(cursor, names):
    quoted = ", ".join(f"'{name}'" for name in names)
    cursor.execute(f"SELECT id FROM products WHERE name IN ({quoted})")  # expect: sql-injection
    return cursor.fetchall()
