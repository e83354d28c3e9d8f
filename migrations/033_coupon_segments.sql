-- A coupon only for a saved segment's members (issue 13): checked against the shopper's orders as they
-- are when the coupon is applied. NULL: anyone.
ALTER TABLE coupons ADD COLUMN segment_id BIGINT REFERENCES segments(id);
