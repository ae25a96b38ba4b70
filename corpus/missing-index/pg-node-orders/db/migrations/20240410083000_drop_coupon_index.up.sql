-- Coupons moved to their own service; the index only slowed writes.
DROP INDEX IF EXISTS orders_coupon_code;
