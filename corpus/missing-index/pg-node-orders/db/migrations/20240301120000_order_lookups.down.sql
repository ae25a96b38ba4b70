DROP TABLE refunds;
DROP INDEX orders_open_placed;
DROP INDEX customers_lower_email;
DROP INDEX orders_reference;
