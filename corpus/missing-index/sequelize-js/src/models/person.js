const { DataTypes } = require("sequelize");
const { sequelize } = require("../db");

// Table "People": the migrations create it, Sequelize pluralises the model name to it.
const Person = sequelize.define("Person", {
  email: { type: DataTypes.STRING, unique: true },
  phone: DataTypes.STRING,
  lastName: DataTypes.STRING,
});

const Category = sequelize.define(
  "Category",
  {
    slug: { type: DataTypes.STRING, unique: true },
    name: DataTypes.STRING,
  },
  { freezeTableName: true, timestamps: false },
);

module.exports = { Person, Category };
