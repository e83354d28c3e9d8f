-- Returns and exchanges of delivered pieces (issue 12; Electronic Commerce Act, Article 17). A shopper asks
-- for a return or an exchange of some lines of one parcel with a reason; the workshop or the operator
-- approves it (who pays the return shipping follows the reason) or rejects it with a reason; the shopper
-- sends it back with a waybill; the piece is inspected on arrival (the studio's return station compares it
-- with its packing photos) and the refund is due within 3 business days (refund_due, a Seoul day): to the
-- card through the payment provider, or for a bank transfer to the account the shopper gave, in the
-- operator's refund batch. Every step is also an order event.
CREATE TABLE order_returns (
  id PRIMARY_ID,
  order_id BIGINT NOT NULL REFERENCES orders(id),
  fulfilment_id BIGINT NOT NULL REFERENCES fulfilments(id),
  kind TEXT NOT NULL,                         -- return | exchange
  reason TEXT NOT NULL,                       -- change_of_mind | wrong_size | defective | not_as_described | wrong_item
  details TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,                       -- requested | approved | rejected | shipped_back | received |
                                              -- declined (failed inspection) | refunded | exchanged
  shipping_payer TEXT NOT NULL,               -- shopper | seller
  deadline TEXT NOT NULL,                     -- the window it was asked within (UTC)
  exchange_note TEXT NOT NULL DEFAULT '',     -- an exchange: the size wanted
  carrier TEXT NOT NULL DEFAULT '',
  tracking TEXT NOT NULL DEFAULT '',
  refund_amount BIGINT NOT NULL DEFAULT 0,
  refund_due TEXT NOT NULL DEFAULT '',
  refund_method TEXT NOT NULL DEFAULT '',     -- card | transfer
  refund_account TEXT NOT NULL DEFAULT '',    -- a bank transfer order's refund account ("은행 계좌 예금주")
  note TEXT NOT NULL DEFAULT '',              -- the approval's instructions, a rejection's or inspection's reason
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  received_at TEXT,
  refunded_at TEXT
);
CREATE INDEX order_returns_order ON order_returns(order_id);
CREATE INDEX order_returns_status ON order_returns(status);

CREATE TABLE order_return_lines (
  return_id BIGINT NOT NULL REFERENCES order_returns(id),
  order_line_id BIGINT NOT NULL REFERENCES order_lines(id),
  PRIMARY KEY (return_id, order_line_id)
);
