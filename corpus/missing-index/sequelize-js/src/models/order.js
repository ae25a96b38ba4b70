const { DataTypes, Model } = require("sequelize");
const { sequelize } = require("../db");

class Order extends Model {}

Order.init(
  {
    reference: { type: DataTypes.STRING(32), allowNull: false },
    status: { type: DataTypes.STRING, allowNull: false },
    totalCents: { type: DataTypes.INTEGER, field: "total_cents" },
    placedAt: { type: DataTypes.DATE, field: "placed_at" },
    couponCode: { type: DataTypes.STRING, field: "coupon_code" },
    customerId: {
      type: DataTypes.INTEGER,
      field: "customer_id",
      references: { model: "Users", key: "id" },
    },
  },
  {
    sequelize,
    tableName: "orders",
    indexes: [
      { unique: true, fields: ["reference"] },
      { fields: ["status", { name: "placed_at", order: "DESC" }] },
    ],
  },
);

module.exports = Order;
