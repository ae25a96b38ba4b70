CREATE TABLE movements (
  id             CHAR(26) NOT NULL PRIMARY KEY,
  stock_item_id  CHAR(26) NOT NULL,
  delta          INT NOT NULL,
  reason         VARCHAR(32) NOT NULL,
  created_at     DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  FOREIGN KEY (stock_item_id) REFERENCES stock_items (id)  -- ok: unindexed-foreign-key
);

CREATE INDEX stock_items_updated_at ON stock_items (updated_at);
