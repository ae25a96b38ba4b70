"""Importers that page through partner APIs."""

import requests

API = "https://partner.example.com/api"
MAX_PAGES = 200


def import_orders_forever(session):
    orders = []
    page = 1
    while True:  # expect: unbounded-pagination
        response = session.get(f"{API}/orders", params={"page": page}, timeout=10)
        if response.status_code != 200:
            break
        orders.extend(response.json()["items"])
        page += 1
    return orders


def import_orders_until_empty(session):
    orders = []
    page = 1
    while True:  # ok: unbounded-pagination
        response = session.get(f"{API}/orders", params={"page": page}, timeout=10)
        items = response.json()["items"]
        if not items:
            break
        orders.extend(items)
        page += 1
    return orders


def import_orders_capped(session):
    orders = []
    page = 1
    while True:  # ok: unbounded-pagination
        response = session.get(f"{API}/orders", params={"page": page}, timeout=10)
        response.raise_for_status()
        orders.extend(response.json()["items"])
        page += 1
        if page > MAX_PAGES:
            break
    return orders


def import_by_offset(client, limit=100):
    rows = []
    offset = 0
    while True:  # ok: unbounded-pagination
        batch = client.get(f"{API}/rows", params={"offset": offset, "limit": limit}).json()
        rows.extend(batch)
        if len(batch) < limit:
            return rows
        offset += limit


def import_by_offset_unchecked(client, limit=100):
    rows = []
    offset = 0
    while True:  # expect: unbounded-pagination
        response = client.get(f"{API}/rows", params={"offset": offset, "limit": limit})
        if response.status_code == 404:
            return rows
        rows.extend(response.json())
        offset += limit


def follow_next_links(session):
    items = []
    url = f"{API}/events"
    while url:  # ok: unbounded-pagination
        data = session.get(url, timeout=10).json()
        items.extend(data["results"])
        url = data.get("next")
    return items


def follow_cursor(session):
    items = []
    cursor = ""
    while True:  # ok: unbounded-pagination
        data = session.get(f"{API}/events", params={"cursor": cursor}).json()
        items.extend(data["results"])
        if data["next_cursor"] is None:
            break
        cursor = data["next_cursor"]
    return items


def follow_cursor_blindly(session):
    items = []
    cursor = ""
    while True:  # expect: unbounded-pagination
        response = session.get(f"{API}/events", params={"cursor": cursor})
        if response.status_code >= 500:
            raise RuntimeError("partner down")
        items.extend(response.json()["results"])
        cursor = response.json()["next_cursor"]


def follow_has_more(session):
    items = []
    page = 0
    while True:  # ok: unbounded-pagination
        data = session.get(f"{API}/users", params={"page": page}).json()
        items.extend(data["users"])
        if not data["has_more"]:
            break
        page += 1
    return items


def fetch_fixed_pages(session):
    return [session.get(f"{API}/users", params={"page": page}).json() for page in range(5)]  # ok: unbounded-pagination


def refresh_token(session):
    while True:  # ok: unbounded-pagination
        response = session.post(f"{API}/token")
        if response.ok:
            return response.json()
