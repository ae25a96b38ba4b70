const { Op } = require("sequelize");
const { Person, Category } = require("../models");

async function contactByEmail(email) {
  return Person.findOne({ where: { email } }); // ok: missing-index
}

async function contactByPhone(phone) {
  return Person.findOne({ where: { phone } }); // ok: missing-index
}

async function contactsNamed(lastName) {
  return Person.findAll({ where: { lastName }, limit: 50 }); // expect: missing-index
}

async function categoryBySlug(slug) {
  return Category.findOne({ where: { slug } }); // ok: missing-index
}

async function categoriesStartingWith(prefix) {
  return Category.findAll({ where: { name: { [Op.startsWith]: prefix } }, limit: 20 }); // expect: missing-index
}

module.exports = { contactByEmail, contactByPhone, contactsNamed, categoryBySlug, categoriesStartingWith };
