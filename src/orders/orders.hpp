// Orders in the database: checkout turns a visitor's cart into an order in one transaction (stock
// reserved, the order split into one fulfilment per workshop, every line with the price and metal quote
// it was sold at, the cart emptied, the confirmation mail queued), so a crash leaves either the whole
// order or none of it. Then the operator confirms the bank transfer (paid: the workshops may ship) or
// the order is cancelled (stock given back). Every change appends an order event.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/service.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"
#include "mail/outbox.hpp"
#include "orders/carts.hpp"
#include "orders/checkout.hpp"
#include "orders/discounts.hpp"
#include "orders/order.hpp"
#include "vendors/brand/brand_store.hpp"

namespace brilliant::orders {

// The cart priced now, as checkout will charge it.
struct Preview {
  std::vector<CartLine> lines;  // every line can be bought (else preview fails)
  std::vector<PlannedLine> planned;
  OrderPlan plan;
  bool price_changed = false;           // some line costs other than when it was added
  std::optional<Error> coupon_refused;  // why the code asked for does not apply (the plan has none then)
};

// One piece bought directly rather than from the cart (a live show's deal): priced as the cart would
// price it, then at unit_price; `also` runs in the order's transaction with the new order's id (it
// claims the deal's units), and a failure there rolls the whole order back, stock included.
struct DirectLine {
  std::string product_slug;
  LineInput input;
  long long unit_price = 0;
  std::function<Result<void>(soci::session&, long long order_id)> also;
  bool made_for_order = false;  // made for this order (a B2B quote with a lead time): no stock is taken
  int most = max_quantity;      // the most in the line (B2B orders go beyond a shopper's limit)
  bool wholesale = false;       // a B2B order: pieces' per-customer limits do not apply
  int lead_days = 0;            // with made_for_order: the working days agreed for making it (the quote's)
};

struct Checkout {
  std::string cart_token;  // ignored when `direct` is given
  std::optional<DirectLine> direct;
  long long user_id = 0;  // 0: a guest, who gives an email
  std::string email;      // a guest's email (ignored for a logged-in shopper)
  Address address;
  long long expected_total = -1;  // the total the shopper saw; -1: not given (API clients may omit it)
  std::string
      key;  // the checkout form's one-time key (or the API's Idempotency-Key); 16+ characters for guests
  std::string locale = "ko";
  std::string coupon_code;   // typed by the shopper ("": the best automatic coupon, if any)
  Attribution utm;           // the visit's UTM fields
  TransferDetails transfer;  // checked by place (errors name its fields)
};

// Who cancels an order: a shopper only while it awaits payment; the operator (or the overdue sweep) also
// after payment, and must give a reason.
enum class CancelledBy { shopper, operator_ };

// How an order was paid, when not by the operator confirming a bank transfer: the method stored on the
// order ("card"), the event's note, and the payment's own record, written in the same transaction so
// that the order and its payment are paid together or not at all.
struct Paid {
  std::string method = "bank_transfer";
  std::string note;
  std::function<void(soci::session&, const Order&)> also;
  // Runs first in the transaction: its error refuses the payment and changes nothing (a bank deposit
  // already used for another order).
  std::function<Result<void>(soci::session&, const Order&)> claim;
};

// A workshop's parcels waiting to ship (the packing station's filter).
struct WaitingParcels {
  std::string slug, name_ko, name_en;
  long long parcels = 0;
};

class Orders {
 public:
  // Names a variant in a language ("13호 · 52 mm"), for the line's record.
  using VariantLabel =
      std::function<std::string(const catalog::Product&, const catalog::Variant&, const std::string& locale)>;
  // The shopper's mail when an order is placed, paid or cancelled (event: "placed" | "paid" |
  // "cancelled"); the app renders it. Queued in the same transaction as the change.
  using OrderMail = std::function<mail::Mail(const Order&, const std::string& event)>;

  Orders(db::Database& db, catalog::Catalog& catalog, Carts& carts, const vendors::BrandStore& brand,
         const Clock& clock, VariantLabel label);
  void set_mail(OrderMail compose) { compose_ = std::move(compose); }
  // Told of every order once it is paid (after the commit; recommendations learn what sells together).
  void set_on_paid(std::function<void(const Order&)> listener) { on_paid_ = std::move(listener); }
  // Coupons (marketing/coupons): without them, orders carry no discount.
  void set_discounts(Discounts* discounts) { discounts_ = discounts; }

  // postcode: "" when not known yet (no island surcharge).
  // With a coupon code (or "": the best automatic coupon for this shopper).
  Result<Preview> preview(const std::string& cart_token, const std::string& postcode = "",
                          const std::string& coupon_code = "", const Shopper& shopper = {});
  // The same for one piece bought directly.
  Result<Preview> preview(const DirectLine& direct, const std::string& postcode = "");
  // Places the order. The same key again (a double submit) answers the order it already made.
  Result<Order> place(const Checkout& checkout);

  // Stock moved outside an order's own placing or cancelling (an accepted return, an exchange's size
  // held): the catalog re-reads these products.
  void stock_changed(const std::vector<long long>& product_ids) {
    catalog_.stock_changed(product_ids, product_ids);
  }
  std::optional<Order> find(const std::string& number);
  // The order when this viewer may see it whole: its shopper (user_id), an operator, or anyone with the
  // guest order's key. Otherwise nothing, as for a missing order.
  std::optional<Order> visible(const std::string& number, long long user_id, bool is_operator,
                               const std::string& key);
  std::vector<Order> of_user(long long user_id, int limit = 50);
  // Only this workshop's fulfilment and lines of each order; the delivery address is left out until the
  // order is paid.
  std::vector<Order> of_workshop(long long workshop_id, int limit = 100);
  // The same, only the orders whose parcel of the workshop is in state `parcel` (a ParcelStatus name;
  // every state when empty), newest first, `limit` of them after the first `offset`.
  std::vector<Order> of_workshop(long long workshop_id, std::string_view parcel, int limit, int offset);
  // How many of the workshop's parcels are in each state (ParcelStatus names; a state with none is absent).
  std::map<std::string, long long> workshop_parcels(long long workshop_id);
  std::optional<Order> of_workshop(long long workshop_id, const std::string& number);
  // For the operator: newest first, optionally of one status, optionally found by what a customer
  // tells on the phone (q: the order number, their email, the recipient's name or phone, exactly).
  std::vector<Order> recent(const std::string& status, const std::string& q = "", int limit = 100);
  // Paid orders with a parcel still to ship, the longest paid first (what the packing station packs);
  // only the order numbered `number` when one is given, only those with a parcel of the workshop
  // `workshop_slug` to ship when one is given.
  std::vector<Order> to_ship(int limit = 50, const std::string& number = "",
                             const std::string& workshop_slug = "");
  // How many parcels of each workshop are paid and waiting to ship, the most first.
  std::vector<WaitingParcels> waiting_by_workshop();

  Result<Order> mark_paid(const std::string& number, long long operator_id) {
    return mark_paid(number, operator_id, Paid{});
  }
  Result<Order> mark_paid(const std::string& number, long long operator_id, const Paid& how);
  // A shopper may cancel while the order awaits payment; the operator also after payment (refunded by
  // transfer). The reason is required from the operator.
  // `also` runs in the same transaction (a refund's record).
  Result<Order> cancel(const std::string& number, long long actor_id, CancelledBy by,
                       const std::string& reason,
                       const std::function<void(soci::session&, const Order&)>& also = {});
  // Appends an event to the order's history (a refund, a payment declined), with `also` in the same
  // transaction; the order is otherwise unchanged.
  Result<Order> record_event(const std::string& number, long long actor_id, const std::string& kind,
                             const std::string& note,
                             const std::function<void(soci::session&, const Order&)>& also = {});
  // The same when `also` may refuse: its error rolls the event and everything else back.
  Result<Order> record_event_if(const std::string& number, long long actor_id, const std::string& kind,
                                const std::string& note,
                                const std::function<Result<void>(soci::session&, const Order&)>& also);
  // The sizes a delivered line may be exchanged for (exchanges.cpp): its product's variants as the
  // catalog has them now, the line's own included (a like-for-like replacement of a faulty piece).
  std::vector<SizeChoice> sizes_for(const OrderLine& line);
  // The workshop ships its parcel of a paid order: a carrier (one of carriers) and its waybill number
  // (digits, 8 to 14; hyphens and spaces dropped). The shopper is mailed.
  Result<Order> ship(const std::string& number, long long workshop_id, long long actor_id,
                     const std::string& carrier, const std::string& tracking);
  // --- delivery and purchase confirmation (delivery.cpp) ---
  // Delivered: the workshop's own shipped parcel (workshop_id), or every shipped parcel of the order
  // (the operator: workshop_id 0). The shopper is mailed.
  Result<Order> deliver(const std::string& number, long long workshop_id, long long actor_id);
  struct DeliveryImport {
    int delivered = 0, already = 0, other_rows = 0;
    std::vector<std::string> unmatched;  // "line 4: cj 123456789012 is no shipped parcel"
  };
  // A carrier's status export (delivery_rules.hpp): each delivered row marks its shipped parcel delivered.
  Result<DeliveryImport> import_deliveries(const std::string& csv, long long actor_id);
  // 구매확정: the shopper confirms every delivered parcel of the order; the workshops' ledger is credited
  // in the same transaction. actor_id 0: the system (auto_confirm).
  Result<Order> confirm_purchase(const std::string& number, long long actor_id);
  // Confirms every parcel delivered auto_confirm_days ago or more; returns how many orders.
  int auto_confirm();
  // The operator's tracking-page templates per carrier (carrier code -> template; every carrier listed).
  std::vector<std::pair<std::string, std::string>> tracking_links();
  // Sets one carrier's template (checked: empty, or http(s) with {tracking}).
  Result<void> set_tracking_link(const std::string& carrier, const std::string& url_template);

  // --- personal data (personal_data.cpp, issue 15) ---
  // Orders of the account still open: awaiting payment, a parcel to ship or on its way, a return under way.
  int open_orders_of(long long user_id);
  // An account closes: every order of it keeps its record with the personal data reduced
  // (personal_data.hpp) and its carts go. Refused (conflict, field "orders") while an order is open.
  // Returns how many orders were reduced (0 on a second call).
  Result<int> forget_customer(long long user_id);
  // Guests' orders older than guest_retention_days get the same reduction (500 at a time); the app runs
  // it daily. Returns how many.
  int reduce_old_guest_orders();

  // Cancels every order still awaiting payment after its pay_by (stock goes back); returns how many.
  // The app runs it every minute.
  int cancel_overdue();

 private:
  // place() once the input is checked: a new order, or why not (a replay is place()'s to find).
  Result<Order> place_new(const Checkout& in, const std::string& guest_email, const std::string& fingerprint,
                          const Address& address, const TransferDetails& transfer);

  db::Database& db_;
  catalog::Catalog& catalog_;
  Carts& carts_;
  const vendors::BrandStore& brand_;
  const Clock& clock_;
  VariantLabel label_;
  OrderMail compose_;
  std::function<void(const Order&)> on_paid_;
  Discounts* discounts_ = nullptr;
};

}  // namespace brilliant::orders
