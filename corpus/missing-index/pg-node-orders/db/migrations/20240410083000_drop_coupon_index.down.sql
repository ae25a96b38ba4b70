CREATE INDEX orders_coupon_code ON orders (coupon_code);
