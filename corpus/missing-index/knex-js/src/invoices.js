const db = require("./db");

exports.byNumber = (number) =>
  db("invoices").where({ number }).first(); // ok: missing-index

exports.openSince = (since) =>
  db("invoices").where("state", "open").andWhere("issued_at", ">=", since); // ok: missing-index

exports.issuedBetween = (from, to) =>
  // issued_at is only the second column of (state, issued_at) and (account_id, issued_at).
  db("invoices").whereBetween("issued_at", [from, to]); // expect: missing-index

exports.forAccount = (accountId) =>
  db("invoices")
    .where("account_id", accountId) // ok: missing-index
    .orderBy("issued_at", "desc");

exports.overdue = (now) =>
  db.select("id", "number").from("invoices").where("due_at", "<", now); // expect: missing-index

exports.large = (minCents) =>
  db("invoices").where("invoices.amount_cents", ">=", minCents).limit(100); // expect: missing-index

exports.page = async (state, afterId) => {
  let query = db("invoices").where({ state }); // ok: missing-index
  if (afterId) {
    query = query.where("id", ">", afterId); // ok: missing-index
  }
  return query.orderBy("id").limit(50);
};

exports.byDueDate = () =>
  db("invoices").select("id").orderBy([{ column: "due_at", order: "asc" }]).limit(20); // expect: missing-index

exports.stateOrAccount = (state, accountId) =>
  // OR groups are not read yet: amount_cents has no index, so PostgreSQL scans invoices.
  db("invoices").where("state", state).orWhere("amount_cents", ">", 100000); // todo-expect: missing-index

exports.markPaid = (number) =>
  db("invoices").where({ number }).update({ state: "paid" }); // ok: missing-index

exports.byPurchaseOrder = (poNumber) =>
  db("invoices").where("po_number", poNumber).first(); // ok: missing-index

exports.byMemo = (memo) =>
  db("invoices").where({ memo }).limit(20); // expect: missing-index
