const db = require("./db");

async function byEmail(email) {
  return db("accounts").where("email", email).first(); // ok: missing-index
}

async function byApiKey(apiKey) {
  return db("accounts").where({ api_key: apiKey }).first(); // ok: missing-index
}

async function byId(id) {
  return db("accounts").where("accounts.id", id).first(); // ok: missing-index
}

async function onPlanNewestFirst(plan) {
  // plan = ? ORDER BY created_at: the (plan, created_at) index serves both.
  return db("accounts")
    .select("id", "email")
    .where({ plan }) // ok: missing-index
    .orderBy("created_at", "desc")
    .limit(50);
}

async function newest() {
  return db("accounts").orderBy("created_at", "desc").limit(20); // expect: missing-index
}

async function named(name) {
  return db("accounts").where("display_name", name); // expect: missing-index
}

async function search(q) {
  return db("accounts").where("display_name", "ilike", `%${q}%`).limit(20); // expect: missing-index
}

async function byEmailPrefix(prefix) {
  return db("accounts").whereLike("email", `${prefix}%`).limit(20); // ok: missing-index
}

async function dormant(cutoff) {
  return db("accounts").where("last_seen_at", "<", cutoff); // expect: missing-index
}

async function notOnPlan(plan) {
  // A negation reads most of the table whatever the indexes: no hint.
  return db("accounts").whereNot("plan", plan).limit(100); // ok: missing-index
}

async function paying() {
  return db("accounts").where("plan", "<>", "free").limit(100); // ok: missing-index
}

async function byEmails(emails) {
  return db("accounts").whereIn("email", emails); // ok: missing-index
}

module.exports = { byEmail, byApiKey, byId, onPlanNewestFirst, newest, named, search, byEmailPrefix, dormant, notOnPlan, paying, byEmails };
