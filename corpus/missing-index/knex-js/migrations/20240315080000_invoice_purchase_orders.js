// Columns added to an existing table: alterTable declares them like createTable does.
exports.up = function (knex) {
  return knex.schema.alterTable("invoices", function (table) {
    table.string("po_number", 40).index();
    table.string("memo", 200);
  });
};

exports.down = function (knex) {
  return knex.schema.alterTable("invoices", function (table) {
    table.dropColumn("memo");
    table.dropColumn("po_number");
  });
};
