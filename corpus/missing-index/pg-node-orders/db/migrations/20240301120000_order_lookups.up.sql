-- Lookups the support tool needs.
CREATE UNIQUE INDEX CONCURRENTLY orders_reference ON orders (reference);
CREATE INDEX CONCURRENTLY customers_lower_email ON customers (lower(email));
CREATE INDEX CONCURRENTLY orders_open_placed ON orders (placed_at) WHERE status = 'open';

CREATE TABLE refunds (
  id          bigserial PRIMARY KEY,
  order_id    bigint NOT NULL,
  reason      text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT refunds_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)  -- expect: unindexed-foreign-key
);
