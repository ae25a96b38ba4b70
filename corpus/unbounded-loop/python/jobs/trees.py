"""Category trees and document outlines: recursive helpers used by the catalogue jobs."""

import asyncio
import logging

from flask import Flask, abort, jsonify, request

from .models import Category, Outline

app = Flask(__name__)
log = logging.getLogger(__name__)
MAX_DEPTH = 6


def flatten(node):
    # Forgot the `if node is None: return []` base case.
    return [node.value] + flatten(node.next)  # expect: unbounded-loop


def flatten_list(node):
    if node is None:
        return []
    return [node.value] + flatten_list(node.next)  # ok: unbounded-loop


def count_nodes(node):
    return 0 if node is None else 1 + count_nodes(node.left) + count_nodes(node.right)  # ok: unbounded-loop


def any_enabled(node):
    return node.enabled or any_enabled(node.parent)  # ok: unbounded-loop


def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)  # ok: unbounded-loop


def walk(category, visit):
    visit(category)
    for child in category.children:
        walk(child, visit)  # ok: unbounded-loop


def path_to_root(category):
    names = [category.name]
    names.extend(path_to_root(category.parent))  # expect: unbounded-loop
    return names


def descend(category, depth=0):
    if depth > MAX_DEPTH:
        raise ValueError("category tree too deep")
    descend(category.first_child, depth + 1)  # ok: unbounded-loop


def outline_lines(outline):
    yield outline.title
    yield from outline_lines(outline.next)  # ok: unbounded-loop


def render(template, **context):
    from .templating import render

    return render(template, **context)  # ok: unbounded-loop


def load_remote(url, attempts=3):
    try:
        return fetch_json(url)
    except ConnectionError:
        log.warning("retrying %s", url)
        return load_remote(url, attempts - 1)  # ok: unbounded-loop


def fetch_json(url):
    raise NotImplementedError(url)


class CategoryTree:
    def __init__(self, root):
        self.root = root

    def save(self, *args, **kwargs):
        # Meant super().save(...): calls itself instead.
        self.save(*args, **kwargs)  # expect: unbounded-loop

    def refresh(self):
        self.root = Category.load(self.root.id)
        return self.refresh()  # expect: unbounded-loop

    def close(self):
        self.root.close()  # ok: unbounded-loop

    def open(self):
        return open(self.root.path)  # ok: unbounded-loop

    def depth(self, node=None):
        node = node or self.root
        if not node.children:
            return 1
        return 1 + max(self.depth(child) for child in node.children)  # ok: unbounded-loop

    def step(self):
        if self.root.done:
            return
        self.root = self.root.advance()
        self.step()  # ok: unbounded-loop


class AuditedTree(CategoryTree):
    def save(self, *args, **kwargs):
        log.info("saving %s", self.root.id)
        super().save(*args, **kwargs)  # ok: unbounded-loop


class OutlineWatcher:
    async def poll(self):
        await asyncio.sleep(30)
        await self.poll()  # expect: unbounded-loop

    async def poll_until_closed(self):
        await asyncio.sleep(30)
        if self.closed:
            return
        await self.poll_until_closed()  # ok: unbounded-loop


def subtree(category, depth):
    if depth == 0:
        return {"id": category.id}
    children = [subtree(c, depth - 1) for c in category.children]  # expect: unbounded-loop
    return {"id": category.id, "children": children}


def outline(node, levels):
    if levels <= 0:
        return [node.title]
    return [node.title] + [line for c in node.sections for line in outline(c, levels - 1)]  # ok: unbounded-loop


def breadcrumbs(node, limit):
    if limit == 0 or node is None:
        return []
    return [node.title] + breadcrumbs(node.parent, limit - 1)  # ok: unbounded-loop


@app.get("/categories/<int:category_id>/tree")
def category_tree(category_id):
    root = Category.get(category_id)
    depth = int(request.args.get("depth", 2))
    return jsonify(subtree(root, depth))


@app.get("/outlines/<int:outline_id>")
def outline_view(outline_id):
    levels = min(int(request.args.get("levels", 2)), MAX_DEPTH)
    return jsonify(outline(Outline.get(outline_id), levels))


@app.get("/categories/<int:category_id>/breadcrumbs")
def category_breadcrumbs(category_id):
    limit = int(request.args.get("limit", 5))
    if limit > MAX_DEPTH:
        abort(400)
    return jsonify(breadcrumbs(Category.get(category_id), limit))
