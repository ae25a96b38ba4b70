exports.up = (knex) =>
  knex.schema.createTable("accounts", (table) => {
    table.increments("id");
    table.string("email").notNullable().unique();
    table.string("display_name");
    table.string("plan").notNullable();
    table.string("api_key").unique();
    table.timestamp("created_at").notNullable();
    table.timestamp("last_seen_at");
    table.index(["plan", "created_at"]);
  });

exports.down = (knex) => knex.schema.dropTable("accounts");
