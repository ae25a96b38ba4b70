'use strict';

const express = require('express');
const { MongoClient } = require('mongodb');

const router = express.Router();
const client = new MongoClient(process.env.MONGO_URL);
const products = client.db('shop').collection('products');

const LOW_STOCK = 'this.stock < this.reorderLevel';
const COMPARATORS = { above: '>', below: '<', exactly: '==' };
const FIELDS = ['price', 'stock', 'rating'];

// Finds products matching a server-side JavaScript predicate.
function matching(predicate, limit) {
  return products.find({ $where: predicate }).limit(limit).toArray(); // ok: nosql-injection
}

router.get('/products', async (req, res) => {
  const items = await products.find({ category: req.query.category, brand: req.query.brand }).toArray(); // ok: nosql-injection
  res.json(items);
});

router.get('/products/by-owner', async (req, res) => {
  const items = await products.find({
    $where: `this.owner == '${req.query.owner}'`, // expect: nosql-injection
  }).toArray();
  res.json(items);
});

router.get('/products/low-stock', async (req, res) => {
  const items = await products.find({ $where: LOW_STOCK }).toArray(); // ok: nosql-injection
  res.json(items);
});

router.get('/products/discounted', async (req, res) => {
  const items = await products.find({ '$where': 'this.salePrice' + ' < ' + 'this.price' }).toArray(); // ok: nosql-injection
  res.json(items);
});

router.get('/products/cheaper-than', async (req, res) => {
  const max = Number(req.query.max);
  const count = await products.countDocuments({ $where: `this.price * (1 - this.discount) < ${max}` }); // ok: nosql-injection
  res.json({ count });
});

router.get('/products/compare/:field/:op', async (req, res) => {
  const field = req.params.field;
  if (!FIELDS.includes(field)) throw new Error(`cannot compare on ${field}`);
  const op = COMPARATORS[req.params.op];
  const predicate = `this.${field} ${op} this.previous.${field}`;
  res.json(await matching(predicate, 100)); // ok: nosql-injection
});

router.get('/products/search', async (req, res) => {
  const predicate = `this.name.toLowerCase().includes('${req.query.q}')`;
  res.json(await matching(predicate, 20)); // expect: nosql-injection
});

router.get('/products/tagged', async (req, res) => {
  let predicate = 'this.tags.length > 0';
  if (req.query.tag) {
    predicate += ` && this.tags.indexOf('${req.query.tag}') >= 0`;
  }
  const one = await products.findOne({ $where: predicate, archived: false }); // expect: nosql-injection
  res.json(one);
});

router.delete('/products/stale', async (req, res) => {
  const days = parseInt(req.query.days, 10);
  const cutoff = `Date.now() - this.updatedAt.getTime() > ${days} * 86400000`;
  const { deletedCount } = await products.deleteMany({ $where: cutoff }); // ok: nosql-injection
  res.json({ deletedCount });
});

router.post('/products/bulk-hide', async (req, res) => {
  const conditions = [];
  for (const sku of req.body.skus) {  // expect: unvalidated-body
    conditions.push(`this.sku == '${sku}'`);
  }
  const { modifiedCount } = await products.updateMany(
    { $where: conditions.join(' || ') }, // expect: nosql-injection
    { $set: { hidden: true } },
  );
  res.json({ modifiedCount });
});

router.get('/products/:id', async (req, res) => {
  const item = await products.findOne({ sku: req.params.id, hidden: { $ne: true } }); // ok: nosql-injection
  res.json(item);
});

module.exports = router;
