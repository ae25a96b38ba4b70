// Navigation menus: recursive helpers over the menu tree, and the routes that serve them.
const express = require("express");
const { MenuItem } = require("../models");

const router = express.Router();
const MAX_LEVELS = 5;

function flattenMenu(item) {
  // The `if (!item) return []` base case went missing in a refactor.
  return [item.label, ...flattenMenu(item.next)]; // expect: unbounded-loop
}

function flattenMenuSafely(item) {
  if (!item) return [];
  return [item.label, ...flattenMenuSafely(item.next)]; // ok: unbounded-loop
}

const countItems = (item) => (item ? 1 + countItems(item.next) : 0); // ok: unbounded-loop

const lastItem = (item) => item.next && lastItem(item.next); // ok: unbounded-loop

const trail = function trail(item) {
  return [item.label].concat(trail(item.parent)); // expect: unbounded-loop
};

function visitAll(item, visit) {
  visit(item);
  for (const child of item.children) {
    visitAll(child, visit); // ok: unbounded-loop
  }
}

function expand(item, level) {
  if (level >= MAX_LEVELS) {
    throw new Error("menu nested too deep");
  }
  expand(item.children[0], level + 1); // ok: unbounded-loop
}

function findActive(item, path) {
  switch (item.kind) {
    case "link":
      return item.href === path ? item : null;
    default:
      return findActive(item.children[0], path); // ok: unbounded-loop
  }
}

class MenuCache {
  constructor(store) {
    this.store = store;
    this.items = new Map();
  }

  get(id) {
    // Meant this.items.get(id) ?? this.store.load(id).
    return this.get(id); // expect: unbounded-loop
  }

  load(id) {
    return this.store.load(id); // ok: unbounded-loop
  }

  warm(ids) {
    if (ids.length === 0) return;
    this.items.set(ids[0], this.store.load(ids[0]));
    this.warm(ids.slice(1)); // ok: unbounded-loop
  }

  toJSON() {
    return { size: this.items.size, items: this.toJSON() }; // expect: unbounded-loop
  }
}

const api = {
  fetchMenu(id) {
    return fetchMenu(id); // ok: unbounded-loop
  },
};

function fetchMenu(id) {
  return MenuItem.findByPk(id);
}

function buildMenu(item, depth) {
  if (depth <= 0) return { label: item.label };
  return {
    label: item.label,
    children: item.children.map((child) => buildMenu(child, depth - 1)), // expect: unbounded-loop
  };
}

function buildSitemap(item, levels) {
  if (levels === 0) return [item.href];
  return [item.href, ...item.children.flatMap((c) => buildSitemap(c, levels - 1))]; // ok: unbounded-loop
}

router.get("/menus/:id", async (req, res) => {
  const root = await MenuItem.findByPk(req.params.id);
  res.json(buildMenu(root, Number(req.query.depth)));
});

router.get("/sitemap/:id", async (req, res) => {
  const root = await MenuItem.findByPk(req.params.id);
  const levels = Math.min(Number(req.query.levels) || 2, MAX_LEVELS);
  res.json(buildSitemap(root, levels));
});

module.exports = { router, api, MenuCache, flattenMenu, flattenMenuSafely, countItems, lastItem, trail, visitAll, expand, findActive };
