DROP TABLE stock_items;
DROP TABLE warehouses;
