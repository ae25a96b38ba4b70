exports.up = async (knex) => {
  await knex.schema.createTable("invoices", (table) => {
    table.increments("id");
    table.integer("account_id").notNullable().references("id").inTable("accounts");
    table.string("number").notNullable();
    table.string("state").notNullable();
    table.integer("amount_cents").notNullable();
    table.timestamp("issued_at").notNullable();
    table.timestamp("due_at");
    table.unique(["number"]);
    table.index(["state", "issued_at"]);
  });
};

exports.down = (knex) => knex.schema.dropTable("invoices");
