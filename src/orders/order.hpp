// An order as the shop keeps it: its parcels (one per workshop), its lines with the price and metal quote
// each was sold at, and its events. Values only: no SQL, no service (orders.hpp places and changes them).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "orders/checkout.hpp"

namespace brilliant::orders {

// States are enums inside the program; their names (as below) only in SQL and JSON.
enum class OrderStatus { awaiting_payment, paid, cancelled };
// A parcel after shipping: delivered (by the carrier's word, the workshop's or the operator's), then
// confirmed (구매확정: by the shopper, or automatically some days after delivery).
enum class ParcelStatus { awaiting_payment, to_ship, shipped, delivered, confirmed, cancelled };

constexpr std::string_view name_of(OrderStatus s) {
  switch (s) {
    case OrderStatus::awaiting_payment:
      return "awaiting_payment";
    case OrderStatus::paid:
      return "paid";
    case OrderStatus::cancelled:
      return "cancelled";
  }
  return "";
}
constexpr std::string_view name_of(ParcelStatus s) {
  switch (s) {
    case ParcelStatus::awaiting_payment:
      return "awaiting_payment";
    case ParcelStatus::to_ship:
      return "to_ship";
    case ParcelStatus::shipped:
      return "shipped";
    case ParcelStatus::delivered:
      return "delivered";
    case ParcelStatus::confirmed:
      return "confirmed";
    case ParcelStatus::cancelled:
      return "cancelled";
  }
  return "";
}
// The state a stored name names (an unknown name, which the schema does not allow, reads as the first).
constexpr OrderStatus order_status(std::string_view name) {
  for (auto s : {OrderStatus::paid, OrderStatus::cancelled})
    if (name_of(s) == name) return s;
  return OrderStatus::awaiting_payment;
}
constexpr ParcelStatus parcel_status(std::string_view name) {
  for (auto s : {ParcelStatus::to_ship, ParcelStatus::shipped, ParcelStatus::delivered,
                 ParcelStatus::confirmed, ParcelStatus::cancelled})
    if (name_of(s) == name) return s;
  return ParcelStatus::awaiting_payment;
}
// The parcel has left the workshop (shipped, delivered or confirmed): it comes back only as a return.
constexpr bool has_left(ParcelStatus s) {
  return s == ParcelStatus::shipped || s == ParcelStatus::delivered || s == ParcelStatus::confirmed;
}
inline std::string to_string(OrderStatus s) { return std::string(name_of(s)); }
inline std::string to_string(ParcelStatus s) { return std::string(name_of(s)); }

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
  int commission_bp = 0;           // the brand's rate when the order was placed
  long long discount = 0;          // won off this line by the order's coupon
  long long replaces_line_id = 0;  // an exchange's replacement: the line it replaces, at no charge
};

struct Fulfilment {
  long long id = 0, workshop_id = 0;
  std::string workshop_slug, workshop_ko, workshop_en;
  ParcelStatus status = ParcelStatus::awaiting_payment;
  long long subtotal = 0, shipping_fee = 0;
  std::string carrier, tracking, shipped_at;      // once shipped
  std::string delivered_at, confirmed_at;         // once delivered, once the purchase is confirmed
  long long discount = 0, shipping_discount = 0;  // won off the parcel (shipping's part included)
  long long replaces_return_id = 0;               // an exchange's replacement parcel: that exchange
};

// A size a delivered piece may be exchanged for: a variant of its product, named in both languages.
struct SizeChoice {
  long long variant_id = 0;
  std::string sku, label_ko, label_en;
  int stock = 0;
  bool available = false;  // enough in stock for the line (or the piece is made to order)
  bool current = false;    // the line's own size
};

struct OrderEvent {
  std::string kind, note, actor, created_at;
};

struct Order {
  long long id = 0, user_id = 0;
  std::string number, payment_method;
  OrderStatus status = OrderStatus::awaiting_payment;
  long long subtotal = 0, shipping_fee = 0, discount = 0, total = 0;  // total: what the shopper pays
  std::string coupon_code, coupon_name, discount_bearer;              // bearer: "hub" | "workshop"
  Address address;
  std::string locale, pay_by, paid_at, cancelled_at, cancel_reason, created_at;
  std::string customer_email, customer_name;
  std::string guest_key;     // a guest's order: the key that opens it (empty for an account's order)
  TransferDetails transfer;  // the depositor's name and cash receipt asked for at checkout
  std::vector<Fulfilment> fulfilments;
  std::vector<OrderLine> lines;
  std::vector<OrderEvent> events;
};

// Keeps only one workshop's part of an order (its fulfilment and lines; totals become that part's).
Order workshop_part(Order order, long long workshop_id);
// A workshop's parcel of the order: the one waiting to be shipped when there is one (an exchange's
// replacement comes after the first), otherwise its latest; null when the workshop has none.
const Fulfilment* workshop_parcel(const Order& order, long long workshop_id);
// The line that was paid for: the line itself, or for an exchange's replacement (sent at no charge) the
// line it replaces, followed back to the sale. What a refund or a ledger reversal of it is worth.
const OrderLine& paid_line(const Order& order, const OrderLine& line);
// The order's line with this id, or null.
const OrderLine* find_line(const Order& order, long long line_id);

}  // namespace brilliant::orders
