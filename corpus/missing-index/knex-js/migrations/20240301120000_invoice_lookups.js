exports.up = (knex) =>
  knex.schema.alterTable("invoices", (table) => {
    table.index(["account_id", "issued_at"]);
  });

exports.down = (knex) =>
  knex.schema.alterTable("invoices", (table) => {
    table.dropIndex(["account_id", "issued_at"]);
  });
