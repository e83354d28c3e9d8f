-- When a return's money left by bank transfer: a transfer refund (with any delay interest), or a card or
-- virtual-account refund's delay interest (Article 18(2)), marked by the operator once the bank has made
-- the refund file's transfers. NULL: still to transfer, so the next refund file carries it; set: never again.
ALTER TABLE order_returns ADD COLUMN transferred_at TEXT;
-- Before this column the refund file listed every transfer refund each time, and the operator paid them
-- from it: those already refunded count as transferred, so that the first new file does not pay them twice.
-- (Card and virtual-account refunds stay NULL: a late one's interest was never in the file before.)
UPDATE order_returns SET transferred_at = refunded_at WHERE status = 'refunded' AND refund_method = 'transfer';
