const { Op } = require("sequelize");
const User = require("../models/user");

async function byEmail(email) {
  return User.findOne({ where: { email } }); // ok: missing-index
}

async function byId(id) {
  return User.findByPk(id); // ok: missing-index
}

async function staffByNewest(role) {
  // role = ? ORDER BY createdAt: the (role, createdAt) index serves both.
  return User.findAll({ where: { role }, order: [["createdAt", "DESC"]], limit: 20 }); // ok: missing-index
}

async function newest() {
  return User.findAll({ order: [["createdAt", "DESC"]], limit: 20 }); // expect: missing-index
}

async function search(q) {
  return User.findAll({ where: { name: { [Op.iLike]: `%${q}%` } }, limit: 20 }); // expect: missing-index
}

async function byEmailPrefix(prefix) {
  return User.findAll({ where: { email: { [Op.like]: `${prefix}%` } }, limit: 20 }); // ok: missing-index
}

async function byDomain(domain) {
  return User.findAll({ where: { email: { [Op.like]: "%@" + domain } }, limit: 20 }); // expect: missing-index
}

async function dormantCount(cutoff) {
  return User.count({ where: { lastLoginAt: { [Op.lt]: cutoff } } }); // expect: missing-index
}

async function everyoneButAdmins() {
  // A negation reads most of the table whatever the indexes: no hint.
  return User.findAll({ where: { role: { [Op.ne]: "admin" } }, limit: 100 }); // ok: missing-index
}

async function byEmailOrName(email, name) {
  // OR groups are not read yet: name has no index, so the database scans Users.
  return User.findAll({ where: { [Op.or]: [{ email }, { name }] }, limit: 20 }); // todo-expect: missing-index
}

async function rename(email, name) {
  return User.update({ name }, { where: { email } }); // ok: missing-index
}

async function remove(id) {
  return User.destroy({ where: { id } }); // ok: missing-index
}

module.exports = {
  byEmail,
  byId,
  staffByNewest,
  newest,
  search,
  byEmailPrefix,
  byDomain,
  dormantCount,
  everyoneButAdmins,
  byEmailOrName,
  rename,
  remove,
};
