-- Ids are ULIDs minted by the service, so no table depends on the server's counters.
CREATE TABLE warehouses (
  id    CHAR(26) NOT NULL PRIMARY KEY,
  code  VARCHAR(16) NOT NULL,
  city  VARCHAR(80) NOT NULL,
  CONSTRAINT warehouses_code UNIQUE (code)
);

CREATE TABLE stock_items (
  id             CHAR(26) NOT NULL PRIMARY KEY,
  warehouse_id   CHAR(26) NOT NULL,
  sku            VARCHAR(32) NOT NULL,
  quantity       INT NOT NULL DEFAULT 0,
  reorder_level  INT NOT NULL DEFAULT 0,
  updated_at     DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT stock_items_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouses (id)  -- ok: unindexed-foreign-key
);

CREATE INDEX stock_items_sku ON stock_items (sku);
