const User = require("./user");
const Order = require("./order");
const { Person, Category } = require("./person");

module.exports = { User, Order, Person, Category };
