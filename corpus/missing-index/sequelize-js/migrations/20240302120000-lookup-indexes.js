"use strict";

module.exports = {
  async up(queryInterface) {
    await queryInterface.addIndex("orders", ["coupon_code"]);
    await queryInterface.addIndex("People", { fields: ["phone"], name: "people_phone" });
  },

  async down(queryInterface) {
    await queryInterface.removeIndex("orders", ["coupon_code"]);
    await queryInterface.removeIndex("People", "people_phone");
  },
};
