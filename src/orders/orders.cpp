#include "orders/orders.hpp"

#include "db/database.hpp"
#include "db/kept.hpp"

#include <spdlog/spdlog.h>
#include <algorithm>
#include <unordered_map>

#include "accounts/rules.hpp"
#include "catalog/stock_repo.hpp"
#include "core/checks.hpp"
#include "core/secret.hpp"
#include "core/text.hpp"
#include "orders/order_repo.hpp"
#include "orders/purchase_limits.hpp"

namespace brilliant::orders {
using repo::ids_of;
using repo::load;
using repo::load_id;
using repo::load_many;
using repo::record;

namespace {

// Korean calendar day of a UTC time point ("2026-11-26").
std::string seoul_day(TimePoint t) { return format_seoul(t).substr(0, 10); }

}  // namespace

Order workshop_part(Order order, long long workshop_id) {
  std::erase_if(order.fulfilments, [&](const Fulfilment& f) { return f.workshop_id != workshop_id; });
  std::erase_if(order.lines, [&](const OrderLine& l) { return l.workshop_id != workshop_id; });
  order.subtotal = order.shipping_fee = order.discount = 0;
  for (const auto& f : order.fulfilments) {
    order.subtotal += f.subtotal;
    order.shipping_fee += f.shipping_fee;
    order.discount += f.discount;
  }
  order.total = order.subtotal + order.shipping_fee - order.discount;
  if (order.status != OrderStatus::paid) order.address = {};  // the workshop needs the address only to ship
  order.customer_email.clear();
  order.guest_key.clear();  // opens the whole order: never for a workshop
  order.transfer = {};      // the shopper's payment details are the hub's business
  return order;
}

const Fulfilment* workshop_parcel(const Order& order, long long workshop_id) {
  const Fulfilment* found = nullptr;
  for (const auto& f : order.fulfilments)
    if (f.workshop_id == workshop_id && (!found || found->status != ParcelStatus::to_ship)) found = &f;
  return found;
}

const OrderLine* find_line(const Order& order, long long line_id) {
  auto it = std::find_if(order.lines.begin(), order.lines.end(),
                         [&](const OrderLine& l) { return l.id == line_id; });
  return it == order.lines.end() ? nullptr : &*it;
}

const OrderLine& paid_line(const Order& order, const OrderLine& line) {
  const OrderLine* at = &line;
  for (size_t hops = 0; at->replaces_line_id && hops < order.lines.size(); ++hops) {
    const auto* replaced = find_line(order, at->replaces_line_id);
    if (!replaced) break;
    at = replaced;
  }
  return *at;
}

Orders::Orders(db::Database& db, catalog::Catalog& catalog, Carts& carts, const vendors::BrandStore& brand,
               const Clock& clock, VariantLabel label)
    : db_(db), catalog_(catalog), carts_(carts), brand_(brand), clock_(clock), label_(std::move(label)) {}

Result<Preview> Orders::preview(const std::string& cart_token, const std::string& postcode,
                                const std::string& coupon_code, const Shopper& shopper) {
  auto cart = carts_.view(cart_token);
  if (cart.lines.empty()) return Error::invalid("cart", "cart_empty", "the cart is empty");
  Preview p;
  for (auto& line : cart.lines) {
    if (!line.now || !line.product)
      return Error::conflict("cart", "cart_unavailable",
                             "a piece in the cart can no longer be bought (" + line.problem +
                                 "): remove it from the cart first");
    p.planned.push_back({line.product->workshop_id, *line.now});
    p.lines.push_back(std::move(line));
  }
  p.price_changed = cart.price_changed;
  p.plan = plan_order(p.planned, brand_.current()->shipping, remote_postcode(postcode));
  if (discounts_) {
    auto answer = discounts_->best(p.lines, p.plan, shopper, coupon_code);
    p.coupon_refused = std::move(answer.refused);
    if (answer.discount) TRY(apply_discount(p.plan, std::move(*answer.discount)));
  }
  return p;
}

Result<Preview> Orders::preview(const DirectLine& direct, const std::string& postcode) {
  auto product = catalog_.product(direct.product_slug);
  if (!product) return Error::not_found("product");
  product->made_to_order = product->made_to_order || direct.made_for_order;
  if (direct.made_for_order && direct.lead_days > 0) product->lead_days = direct.lead_days;
  auto priced = TRY(price_line(*product, direct.input, 0, direct.most));
  priced.unit_price = direct.unit_price;
  priced.quote_id = 0;  // a fixed price, not the metal quote's
  Preview p;
  p.planned.push_back({product->workshop_id, priced});
  p.lines.push_back(CartLine{0, product->slug, priced, priced, "", std::move(*product)});
  p.plan = plan_order(p.planned, brand_.current()->shipping, remote_postcode(postcode));
  return p;
}

namespace {

// What identifies a checkout request beside its key: the cart (or the piece bought directly), who,
// where to and the total seen.
std::string request_fingerprint(const Checkout& in) {
  const auto& a = in.address;
  std::string text;
  if (const auto& d = in.direct)
    text = "direct:" + d->product_slug + ":" + std::to_string(d->input.variant_id) + ":" +
           std::to_string(d->input.quantity) + ":" + std::to_string(d->unit_price) + ";";
  const auto& t = in.transfer;
  for (const std::string* part :
       {&in.cart_token, &in.email, &a.recipient, &a.phone, &a.postcode, &a.address, &a.address_detail,
        &a.note, &t.depositor, &t.cash_receipt, &t.cash_receipt_id})
    text += std::to_string(part->size()) + ":" + *part + ";";
  return sha256_hex(text + std::to_string(in.user_id) + ";" + std::to_string(in.expected_total) + ";" +
                    in.coupon_code);
}

// The order an earlier submit with this checkout key placed, when it is this shopper's: itself when the
// request is the same, else 422 (the key was used for a different request); nothing when there is none.
std::optional<Result<Order>> replayed(db::Database& db, const Checkout& in, const std::string& guest_email,
                                      const std::string& fingerprint) {
  std::string replayed_hash;
  auto done = db.read([&](soci::session& sql) -> std::optional<Order> {
    std::string number;
    if (!db::run(sql, "SELECT number, request_hash FROM orders WHERE checkout_key = :k", soci::use(in.key),
                 soci::into(number), soci::into(replayed_hash)))
      return std::nullopt;
    auto order = load(sql, number);
    if (!order || order->user_id != in.user_id || (!in.user_id && order->customer_email != guest_email))
      return std::nullopt;
    return order;
  });
  if (!done) return std::nullopt;
  if (!replayed_hash.empty() && replayed_hash != fingerprint)
    return Result<Order>(
        Error::rule_broken("checkout_key", "checkout_key_reused",
                           "this Idempotency-Key (checkout key) was used for a different request"));
  return Result<Order>(std::move(*done));
}

}  // namespace

// The order just placed as insert_order wrote it (its row, with its customer, came back from the INSERT:
// no query where reading it back whole took four, inside the transaction that holds the stock rows),
// and the one event it has ("placed", told by its row).
Order as_placed(soci::session& sql, const repo::Inserted& inserted, const catalog::Snapshot& catalog) {
  Order order = inserted.head;
  order.fulfilments = inserted.fulfilments;
  for (auto& parcel : order.fulfilments) {
    auto known = std::find_if(catalog.workshops.begin(), catalog.workshops.end(),
                              [&](const catalog::Workshop& w) { return w.id == parcel.workshop_id; });
    if (known != catalog.workshops.end()) {
      parcel.workshop_slug = known->slug;
      parcel.workshop_ko = known->name_ko;
      parcel.workshop_en = known->name_en;
    } else {  // not in the storefront's snapshot: as the database has it, in this transaction
      db::run(sql, "SELECT slug, name, name_en FROM workshops WHERE id = :w", soci::use(parcel.workshop_id),
              soci::into(parcel.workshop_slug), soci::into(parcel.workshop_ko),
              soci::into(parcel.workshop_en));
    }
  }
  order.lines = inserted.lines;
  return order;
}

Result<Order> Orders::place(const Checkout& in) {
  if (in.key.empty() || in.key.size() > 100)
    return Error::invalid("checkout_key", "checkout_key_invalid",
                          "checkout_key is required (at most 100 characters)");
  const auto address = TRY(check_address(in.address));
  const auto transfer = TRY(check_transfer(in.transfer));
  std::string guest_email;
  if (!in.user_id) {
    guest_email = TRY(accounts::normalize_email(in.email));
    if (in.key.size() < 16)
      return Error::invalid("checkout_key", "checkout_key_invalid",
                            "checkout_key must have 16 characters or more");
  }
  // A second submit of the same form: the order it made, not another one; the same key with another
  // request is refused (the IETF Idempotency-Key draft, §2.6: 422). Looked for only when placing fails
  // (its cart is empty by then, or the key is taken: insert_order refuses a key used before), so a first
  // submit costs no extra read.
  const std::string fingerprint = request_fingerprint(in);
  auto placed = place_new(in, guest_email, fingerprint, address, transfer);
  if (placed) return placed;
  if (auto done = replayed(db_, in, guest_email, fingerprint)) return std::move(*done);
  return placed;
}

Result<Order> Orders::place_new(const Checkout& in, const std::string& guest_email,
                                const std::string& fingerprint, const Address& address,
                                const TransferDetails& transfer) {
  const Shopper shopper{in.user_id, guest_email};
  auto preview = in.direct ? TRY(this->preview(*in.direct, address.postcode))
                           : TRY(this->preview(in.cart_token, address.postcode, in.coupon_code, shopper));
  if (preview.coupon_refused && !in.coupon_code.empty()) return *preview.coupon_refused;
  if (in.expected_total >= 0 && in.expected_total != preview.plan.total)
    return Error::conflict("expected_total", "total_changed",
                           "the total changed to " + std::to_string(preview.plan.total) +
                               " won since the page was shown: check the order again");
  const auto now = clock_.now();
  const auto at = format_utc(now);
  // A guest (an email nobody has verified) holds stock only as long as the operator allows.
  const auto pay_by =
      format_utc(in.user_id ? now + std::chrono::hours(24 * payment_days)
                            : now + std::chrono::minutes(brand_.current()->guest_hold_minutes));
  const std::string number = order_number(seoul_day(now), random_code(8, order_alphabet));
  const std::string guest_key = in.user_id ? "" : random_token(24);
  const auto rates = brand_.current()->rates;
  const repo::NewOrder row{number,
                           in.key,
                           fingerprint,
                           guest_email,
                           guest_key,
                           in.locale,
                           pay_by,
                           at,
                           in.user_id,
                           address,
                           in.direct ? std::string() : in.cart_token,
                           in.utm,
                           transfer};
  const long long stock_epoch = catalog_.stock_epoch();  // before the stock is taken: see stock_sold
  auto placed = db_.write([&](soci::session& sql) -> Result<std::pair<Order, repo::Inserted>> {
    // Everything this returns is made afresh on each try: write() may run it again.
    auto inserted = TRY(repo::insert_order(sql, row, preview.lines, preview.plan, rates, label_));
    if (in.direct && in.direct->also) TRY(in.direct->also(sql, inserted.order_id));
    if (!in.direct || !in.direct->wholesale)
      TRY(purchase_limits::count(sql, purchase_limits::buyer_key(in.user_id, guest_email), preview.lines,
                                 in.locale));
    if (preview.plan.coupon && discounts_)
      TRY(discounts_->claim(sql, *preview.plan.coupon, inserted.order_id, shopper, preview.plan.discount));
    auto order = as_placed(sql, inserted, *catalog_.snapshot());
    if (compose_) mail::enqueue(sql, compose_(order, "placed"), clock_);
    return std::pair{std::move(order), std::move(inserted)};
  });
  if (!placed) return placed.error();
  const auto& sold = placed->second;
  catalog_.stock_sold(sold.sold, sold.sold_out, sold.left, stock_epoch);
  return std::move(placed->first);
}

Result<Order> Orders::mark_paid(const std::string& number, long long operator_id, const Paid& how) {
  if (!looks_like_order_number(number)) return Error::not_found("order");
  const auto at = format_utc(clock_.now());
  auto paid = db_.write([&](soci::session& sql) -> Result<Order> {
    auto order = load(sql, number);
    if (!order) return Error::not_found("order");
    if (order->status != OrderStatus::awaiting_payment)
      return Error::conflict(
          "status", "order_not_awaiting_payment",
          "order " + number + " is " + to_string(order->status) + ", not awaiting payment");
    if (how.claim) TRY(how.claim(sql, *order));
    // Conditional, so that two confirmations at once (a card's success page and its webhook, or two clicks)
    // pay the order once: the second waits for the first's row lock and then finds it paid.
    soci::statement update =
        (sql.prepare
             << "UPDATE orders SET status = 'paid', paid_at = :at, payment_method = :m, updated_at = :up "
                "WHERE id = :id AND status = 'awaiting_payment'",
         soci::use(at), soci::use(how.method), soci::use(at), soci::use(order->id));
    update.execute(true);
    if (update.get_affected_rows() != 1)
      return Error::conflict("status", "order_not_awaiting_payment",
                             "order " + number + " was just paid or cancelled");
    sql << "UPDATE fulfilments SET status = 'to_ship', updated_at = :at WHERE order_id = :id", soci::use(at),
        soci::use(order->id);
    // Best sellers are what sells: each paid piece adds to its product's popularity.
    for (const auto& line : order->lines)
      sql << "UPDATE products SET popularity = popularity + :q WHERE id = :p", soci::use(line.quantity),
          soci::use(line.product_id);
    record(sql, order->id, operator_id, "paid", how.note, at);
    if (how.also) how.also(sql, *order);
    auto paid = *load_id(sql, order->id);
    if (compose_) mail::enqueue(sql, compose_(paid, "paid"), clock_);
    return paid;
  });
  if (paid && on_paid_) try {
      on_paid_(*paid);
    } catch (const std::exception& e) {  // the order is paid whatever a listener does
      spdlog::warn("after paying {}: {}", number, e.what());
    }
  return paid;
}

Result<Order> Orders::cancel(const std::string& number, long long actor_id, CancelledBy by,
                             const std::string& raw_reason,
                             const std::function<void(soci::session&, const Order&)>& also) {
  if (!looks_like_order_number(number)) return Error::not_found("order");
  const std::string reason(trim(raw_reason));
  const bool by_operator = by == CancelledBy::operator_;
  if (by_operator && reason.empty())
    return Error::invalid("reason", "reason_required", "say why the order is cancelled");
  TRY(check_length("reason", reason, 500));
  const auto at = format_utc(clock_.now());
  auto done = db_.write([&](soci::session& sql) -> Result<Order> {
    auto order = load(sql, number);
    if (!order) return Error::not_found("order");
    for (const auto& f : order->fulfilments)
      if (has_left(f.status))
        return Error::conflict("status", "order_shipped",
                               "a parcel of order " + number + " has shipped: handle it as a return");
    const bool allowed =
        order->status == OrderStatus::awaiting_payment || (by_operator && order->status == OrderStatus::paid);
    if (!allowed)
      return Error::conflict("status", "order_not_cancellable",
                             order->status == OrderStatus::cancelled
                                 ? "order " + number + " is already cancelled"
                                 : "a paid order is cancelled by the operator (ask us)");
    for (const auto& line : order->lines) {
      if (line.reserved <= 0) continue;
      catalog::repo::give_back_stock(sql, line.variant_id, line.reserved, at);
    }
    sql << "UPDATE orders SET status = 'cancelled', cancelled_at = :at, cancel_reason = :r, updated_at = :up "
           "WHERE id = :id",
        soci::use(at), soci::use(reason), soci::use(at), soci::use(order->id);
    sql << "UPDATE fulfilments SET status = 'cancelled', updated_at = :at WHERE order_id = :id",
        soci::use(at), soci::use(order->id);
    record(sql, order->id, actor_id, "cancelled", reason, at);
    if (order->discount > 0 && discounts_) discounts_->release(sql, order->id);
    purchase_limits::give_back(sql, purchase_limits::buyer_key(order->user_id, order->customer_email),
                               *order);
    if (also) also(sql, *order);
    auto cancelled = *load_id(sql, order->id);
    if (compose_) mail::enqueue(sql, compose_(cancelled, "cancelled"), clock_);
    return cancelled;
  });
  if (!done.ok()) return done;
  // From what the transaction returned: write() may have run it more than once.
  std::vector<long long> restocked;
  for (const auto& line : done->lines)
    if (line.reserved > 0) restocked.push_back(line.product_id);
  catalog_.stock_changed(restocked, restocked);
  return done;
}

Result<Order> Orders::ship(const std::string& number, long long workshop_id, long long actor_id,
                           const std::string& carrier, const std::string& raw_tracking) {
  if (!looks_like_order_number(number)) return Error::not_found("order");
  const auto at = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<Order> {
    auto order = load(sql, number);
    const Fulfilment* parcel = order ? workshop_parcel(*order, workshop_id) : nullptr;
    if (!parcel)
      return Error::not_found("order");  // another workshop's order: as if missing, before anything
    if (std::find(std::begin(carriers), std::end(carriers), carrier) == std::end(carriers))
      return Error::invalid("carrier", "carrier_invalid",
                            "carrier must be one of cj, post, hanjin, lotte, logen");
    const auto tracking = waybill_number(raw_tracking);
    if (!tracking)
      return Error::invalid("tracking", "tracking_invalid",
                            "tracking must be the waybill number: 8 to 14 digits");
    if (parcel->status != ParcelStatus::to_ship)
      return Error::conflict("status", "parcel_not_to_ship",
                             parcel->status == ParcelStatus::shipped
                                 ? "this parcel is already shipped"
                                 : "only a paid order's parcel can be shipped");
    sql << "UPDATE fulfilments SET status = 'shipped', carrier = :c, tracking = :t, shipped_at = :at, "
           "updated_at = :up WHERE id = :id",
        soci::use(carrier), soci::use(*tracking), soci::use(at), soci::use(at), soci::use(parcel->id);
    record(sql, order->id, actor_id, "shipped", parcel->workshop_ko + " · " + carrier + " " + *tracking, at);
    auto shipped = *load_id(sql, order->id);
    if (compose_) mail::enqueue(sql, compose_(shipped, "shipped"), clock_);
    return shipped;
  });
}

Result<Order> Orders::record_event(const std::string& number, long long actor_id, const std::string& kind,
                                   const std::string& note,
                                   const std::function<void(soci::session&, const Order&)>& also) {
  return record_event_if(number, actor_id, kind, note,
                         [&](soci::session& sql, const Order& o) -> Result<void> {
                           if (also) also(sql, o);
                           return {};
                         });
}

Result<Order> Orders::record_event_if(const std::string& number, long long actor_id, const std::string& kind,
                                      const std::string& note,
                                      const std::function<Result<void>(soci::session&, const Order&)>& also) {
  if (!looks_like_order_number(number)) return Error::not_found("order");
  const auto at = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<Order> {
    auto order = load(sql, number);
    if (!order) return Error::not_found("order");
    record(sql, order->id, actor_id, kind, note, at);
    TRY(also(sql, *order));
    return *load_id(sql, order->id);
  });
}

int Orders::cancel_overdue() {
  const auto now = format_utc(clock_.now());
  auto overdue = db_.read([&](soci::session& sql) {
    std::vector<std::string> numbers;
    soci::rowset<std::string> rows =
        (sql.prepare
             << "SELECT number FROM orders o WHERE status = 'awaiting_payment' AND pay_by < :now AND NOT "
                "EXISTS "
                "(SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.status = 'in_progress') ORDER BY id",
         soci::use(now));
    for (const auto& n : rows) numbers.push_back(n);
    return numbers;
  });
  int cancelled = 0;
  for (const auto& number : overdue)  // one transaction each; a payment confirmed meanwhile wins (409)
    if (cancel(number, 0, CancelledBy::operator_,
               "입금 기한이 지나 취소되었습니다 (not paid by the deadline)")
            .ok())
      ++cancelled;
  return cancelled;
}

}  // namespace brilliant::orders
