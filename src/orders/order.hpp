// An order as the shop keeps it: its parcels (one per workshop), its lines with the price and metal quote
// each was sold at, and its events. Values only: no SQL, no service (orders.hpp places and changes them).
#pragma once
#include <string>
#include <vector>

#include "orders/checkout.hpp"

namespace brilliant::orders {

struct OrderLine {
  long long id = 0, fulfilment_id = 0, product_id = 0, variant_id = 0, workshop_id = 0;
  std::string slug, title_ko, title_en, variant_ko, variant_en, sku, engraving;
  int quantity = 0, reserved = 0, lead_days = 0;
  bool gift_wrap = false, final_sale = false, made_to_order = false;
  long long unit_price = 0, options_fee = 0, line_total = 0;
  std::string pricing;  // fixed | formula
  long long quote_id = 0, quote_won_per_gram = 0;
  std::string quote_metal, quote_day;
  std::string category;
  int commission_bp = 0;  // the brand's rate when the order was placed
};

struct Fulfilment {
  long long id = 0, workshop_id = 0;
  std::string workshop_slug, workshop_ko, workshop_en;
  std::string status;  // awaiting_payment | to_ship | shipped | cancelled
  long long subtotal = 0, shipping_fee = 0;
  std::string carrier, tracking, shipped_at;  // once shipped
};

struct OrderEvent {
  std::string kind, note, actor, created_at;
};

struct Order {
  long long id = 0, user_id = 0;
  std::string number, status, payment_method;  // status: awaiting_payment | paid | cancelled
  long long subtotal = 0, shipping_fee = 0, total = 0;
  Address address;
  std::string locale, pay_by, paid_at, cancelled_at, cancel_reason, created_at;
  std::string customer_email, customer_name;
  std::string guest_key;  // a guest's order: the key that opens it (empty for an account's order)
  std::vector<Fulfilment> fulfilments;
  std::vector<OrderLine> lines;
  std::vector<OrderEvent> events;
};

// Keeps only one workshop's part of an order (its fulfilment and lines; totals become that part's).
Order workshop_part(Order order, long long workshop_id);

}  // namespace brilliant::orders
