DROP INDEX stock_items_updated_at ON stock_items;
DROP TABLE movements;
