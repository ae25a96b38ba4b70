"use strict";

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable("People", {
      id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true },
      email: { type: Sequelize.STRING, unique: true },
      phone: Sequelize.STRING,
      lastName: Sequelize.STRING,
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false },
    });
  },

  async down(queryInterface) {
    await queryInterface.dropTable("People");
  },
};
