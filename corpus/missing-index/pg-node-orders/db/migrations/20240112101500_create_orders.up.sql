CREATE TABLE orders (
  id           bigserial PRIMARY KEY,
  customer_id  bigint NOT NULL REFERENCES customers (id),  -- expect: unindexed-foreign-key
  status       text NOT NULL,
  placed_at    timestamptz NOT NULL,
  total_cents  integer NOT NULL,
  coupon_code  text,
  reference    text NOT NULL
);

CREATE INDEX orders_status_placed_at ON orders (status, placed_at);
CREATE INDEX orders_coupon_code ON orders (coupon_code);

CREATE TABLE order_items (
  id          bigserial PRIMARY KEY,
  order_id    bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,  -- ok: unindexed-foreign-key
  sku         text NOT NULL,
  quantity    integer NOT NULL
);

CREATE INDEX order_items_order_id ON order_items (order_id, sku);
