const { DataTypes } = require("sequelize");
const { sequelize } = require("../db");

const User = sequelize.define(
  "User",
  {
    email: { type: DataTypes.STRING, allowNull: false, unique: true },
    name: DataTypes.STRING,
    role: { type: DataTypes.STRING, allowNull: false, defaultValue: "customer" },
    lastLoginAt: { type: DataTypes.DATE, field: "last_login_at" },
  },
  {
    indexes: [{ fields: ["role", "createdAt"] }],
  },
);

module.exports = User;
