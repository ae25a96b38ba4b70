const { Op } = require("sequelize");
const db = require("../models");

const Order = db.Order;

exports.byReference = (reference) =>
  db.Order.findOne({ where: { reference } }); // ok: missing-index

exports.recentWithStatus = (status) =>
  db.Order.findAll({ where: { status }, order: [["placedAt", "DESC"]], limit: 50 }); // ok: missing-index

exports.inWindow = (status, from, to) =>
  Order.findAndCountAll({ // ok: missing-index
    where: { status, placedAt: { [Op.between]: [from, to] } },
    limit: 50,
  });

exports.withStatuses = (statuses) =>
  Order.count({ where: { status: { [Op.in]: statuses } } }); // ok: missing-index

exports.placedSince = (since) =>
  // placed_at is only the second column of (status, placed_at).
  Order.findAll({ where: { placedAt: { [Op.gte]: since } }, limit: 100 }); // expect: missing-index

exports.forCustomer = (customerId) =>
  Order.findAll({ where: { customerId }, limit: 100 }); // expect: missing-index

exports.lifetimeValue = (customerId) =>
  Order.sum("totalCents", { where: { customerId } }); // expect: missing-index

exports.cancelAll = (customerId) =>
  Order.update({ status: "cancelled" }, { where: { customerId } }); // expect: missing-index

exports.withCoupon = (code) =>
  Order.findAll({ where: { couponCode: code }, limit: 100 }); // ok: missing-index

exports.big = (minCents) =>
  Order.findAll({ where: { totalCents: { [Op.gt]: minCents } }, limit: 100 }); // expect: missing-index

exports.largestFirst = () =>
  Order.findAll({ order: [["totalCents", "DESC"]], limit: 10 }); // expect: missing-index
