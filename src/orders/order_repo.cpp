#include "orders/order_repo.hpp"

#include "db/kept.hpp"

#include <unordered_map>

#include "catalog/stock_repo.hpp"
#include "core/secret.hpp"

namespace brilliant::orders::repo {
namespace {

// An order's head from load_many's first query.
Order head_of(const soci::row& r) {
  Order o;
  o.id = db::row_int(r, 0);
  o.user_id = db::row_int(r, 1);
  o.number = db::row_text(r, 2);
  o.status = order_status(db::row_text(r, 3));
  o.payment_method = db::row_text(r, 4);
  o.subtotal = db::row_int(r, 5);
  o.shipping_fee = db::row_int(r, 6);
  o.total = db::row_int(r, 7);
  o.address = {db::row_text(r, 8),  db::row_text(r, 9),  db::row_text(r, 10),
               db::row_text(r, 11), db::row_text(r, 12), db::row_text(r, 13)};
  o.locale = db::row_text(r, 14);
  o.pay_by = db::row_text(r, 15);
  o.paid_at = db::row_text(r, 16);
  o.cancelled_at = db::row_text(r, 17);
  o.cancel_reason = db::row_text(r, 18);
  o.created_at = db::row_text(r, 19);
  o.customer_email = db::row_text(r, 20);
  o.customer_name = db::row_text(r, 21);
  o.guest_key = db::row_text(r, 22);
  o.discount = db::row_int(r, 23);
  o.coupon_code = db::row_text(r, 24);
  o.coupon_name = db::row_text(r, 25);
  o.discount_bearer = db::row_text(r, 26);
  o.transfer = {db::row_text(r, 27), db::row_text(r, 28), db::row_text(r, 29)};
  return o;
}

// A line from load_many's line query.
OrderLine line_of(const soci::row& r) {
  OrderLine l;
  l.id = db::row_int(r, 1);
  l.fulfilment_id = db::row_int(r, 2);
  l.product_id = db::row_int(r, 3);
  l.variant_id = db::row_int(r, 4);
  l.workshop_id = db::row_int(r, 5);
  l.slug = db::row_text(r, 6);
  l.title_ko = db::row_text(r, 7);
  l.title_en = db::row_text(r, 8);
  l.variant_ko = db::row_text(r, 9);
  l.variant_en = db::row_text(r, 10);
  l.sku = db::row_text(r, 11);
  l.engraving = db::row_text(r, 12);
  l.quantity = static_cast<int>(db::row_int(r, 13));
  l.reserved = static_cast<int>(db::row_int(r, 14));
  l.lead_days = static_cast<int>(db::row_int(r, 15));
  l.gift_wrap = db::row_int(r, 16) != 0;
  l.final_sale = db::row_int(r, 17) != 0;
  l.made_to_order = db::row_int(r, 18) != 0;
  l.unit_price = db::row_int(r, 19);
  l.options_fee = db::row_int(r, 20);
  l.line_total = db::row_int(r, 21);
  l.pricing = db::row_text(r, 22);
  l.quote_id = db::row_int(r, 23);
  l.quote_won_per_gram = db::row_int(r, 24);
  l.quote_metal = db::row_text(r, 25);
  l.quote_day = db::row_text(r, 26);
  l.category = db::row_text(r, 27);
  l.commission_bp = static_cast<int>(db::row_int(r, 28));
  l.discount = db::row_int(r, 29);
  l.replaces_line_id = db::row_int(r, 30);
  return l;
}

// The orders' own rows with their customers, for "WHERE o.id" and a condition.
const std::string head_query =
    "SELECT o.id, COALESCE(o.user_id, 0), o.number, o.status, o.payment_method, o.subtotal, "
    "o.shipping_fee, o.total, o.recipient, o.phone, o.postcode, o.address, o.address_detail, "
    "o.delivery_note, o.locale, o.pay_by, COALESCE(o.paid_at, ''), COALESCE(o.cancelled_at, ''), "
    "o.cancel_reason, o.created_at, COALESCE(u.email, o.guest_email), COALESCE(u.name, o.recipient), "
    "o.guest_key, o.discount, o.coupon_code, o.coupon_name, o.discount_bearer, o.depositor, "
    "o.cash_receipt, o.cash_receipt_id FROM orders o LEFT JOIN users u ON u.id = o.user_id WHERE o.id";

// The same columns in the same order, as an INSERT INTO orders returns them.
const std::string returned_head =
    "id, COALESCE(user_id, 0), number, status, payment_method, subtotal, shipping_fee, total, recipient, "
    "phone, postcode, address, address_detail, delivery_note, locale, pay_by, COALESCE(paid_at, ''), "
    "COALESCE(cancelled_at, ''), cancel_reason, created_at, "
    "COALESCE((SELECT email FROM users WHERE id = orders.user_id), guest_email), "
    "COALESCE((SELECT name FROM users WHERE id = orders.user_id), recipient), guest_key, discount, "
    "coupon_code, coupon_name, discount_bearer, depositor, cash_receipt, cash_receipt_id";

}  // namespace

std::optional<Order> load_head(soci::session& sql, long long id) {
  static const std::string query = head_query + " = :id";
  std::optional<Order> out;
  db::each(
      sql, query, [&](const soci::row& r) { out = head_of(r); }, soci::use(id));
  return out;
}

// The orders with these ids, whole, in that order: four queries however many orders (the list pages
// read up to a hundred). The ids come from our own rows (integers), so they are written into the SQL.
std::vector<Order> load_many(soci::session& sql, const std::vector<long long>& ids) {
  if (ids.empty()) return {};
  // One order (after placing it, on its page): the same statements every time, kept. Several (the list
  // pages): an IN list made for the call.
  const bool one = ids.size() == 1;
  std::string in = " = :id";
  if (!one) {
    in = " IN (";
    for (size_t i = 0; i < ids.size(); ++i) in += (i ? "," : "") + std::to_string(ids[i]);
    in += ")";
  }
  auto rows = [&](const std::string& query, const auto& on_row) {
    if (one)
      db::each(sql, query, on_row, soci::use(ids.front()));
    else
      db::each_once(sql, query, on_row);
  };
  std::unordered_map<long long, Order> by_id;
  rows(head_query + in, [&](const soci::row& r) { by_id[db::row_int(r, 0)] = head_of(r); });
  auto order_of = [&](const soci::row& r) -> Order* {
    auto it = by_id.find(db::row_int(r, 0));
    return it == by_id.end() ? nullptr : &it->second;
  };
  rows(
      "SELECT f.order_id, f.id, f.workshop_id, w.slug, w.name, w.name_en, f.status, f.subtotal, "
      "f.shipping_fee, f.carrier, f.tracking, COALESCE(f.shipped_at, ''), COALESCE(f.delivered_at, ''), "
      "COALESCE(f.confirmed_at, ''), f.discount, f.shipping_discount, COALESCE(f.replaces_return_id, 0) "
      "FROM fulfilments f JOIN "
      "workshops w "
      "ON w.id = f.workshop_id WHERE f.order_id" +
          in + " ORDER BY f.id",
      [&](const soci::row& r) {
        if (Order* o = order_of(r))
          o->fulfilments.push_back(
              {db::row_int(r, 1), db::row_int(r, 2), db::row_text(r, 3), db::row_text(r, 4),
               db::row_text(r, 5), parcel_status(db::row_text(r, 6)), db::row_int(r, 7), db::row_int(r, 8),
               db::row_text(r, 9), db::row_text(r, 10), db::row_text(r, 11), db::row_text(r, 12),
               db::row_text(r, 13), db::row_int(r, 14), db::row_int(r, 15), db::row_int(r, 16)});
      });
  rows(
      "SELECT l.order_id, l.id, l.fulfilment_id, l.product_id, l.variant_id, f.workshop_id, l.slug, "
      "l.title_ko, l.title_en, l.variant_ko, l.variant_en, l.sku, l.engraving, l.quantity, l.reserved, "
      "l.lead_days, l.gift_wrap, l.final_sale, l.made_to_order, l.unit_price, l.options_fee, "
      "l.line_total, l.pricing, COALESCE(l.quote_id, 0), l.quote_won_per_gram, l.quote_metal, "
      "l.quote_day, l.category, l.commission_bp, l.discount, COALESCE(l.replaces_line_id, 0) FROM "
      "order_lines l JOIN fulfilments f ON f.id "
      "= "
      "l.fulfilment_id WHERE l.order_id" +
          in + " ORDER BY l.id",
      [&](const soci::row& r) {
        if (Order* o = order_of(r)) o->lines.push_back(line_of(r));
      });
  rows(
      "SELECT e.order_id, e.kind, e.note, COALESCE(u.name, ''), e.created_at FROM order_events e "
      "LEFT JOIN users u ON u.id = e.actor_id WHERE e.order_id" +
          in + " ORDER BY e.id",
      [&](const soci::row& r) {
        if (Order* o = order_of(r))
          o->events.push_back(
              {db::row_text(r, 1), db::row_text(r, 2), db::row_text(r, 3), db::row_text(r, 4)});
      });
  std::vector<Order> out;
  for (long long id : ids)
    if (auto it = by_id.find(id); it != by_id.end()) out.push_back(std::move(it->second));
  return out;
}

std::optional<Order> load_id(soci::session& sql, long long id) {
  auto found = load_many(sql, {id});
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<Order> load(soci::session& sql, const std::string& number) {
  long long id = 0;
  sql << "SELECT id FROM orders WHERE number = :n", soci::use(number), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return load_id(sql, id);
}

// The ids a list query selects (its first column), in its order.
std::vector<long long> ids_of(soci::rowset<soci::row>& rows) {
  std::vector<long long> ids;
  for (const auto& r : rows) ids.push_back(db::row_int(r, 0));
  return ids;
}

void record(soci::session& sql, long long order_id, long long actor_id, const std::string& kind,
            const std::string& note, const std::string& at) {
  soci::indicator actor_ind = actor_id ? soci::i_ok : soci::i_null;
  db::run(
      sql,
      "INSERT INTO order_events (order_id, actor_id, kind, note, created_at) VALUES (:o, :a, :k, :n, :at)",
      soci::use(order_id), soci::use(actor_id, actor_ind), soci::use(kind), soci::use(note), soci::use(at));
}

namespace {

// An order line as insert_line writes it (its id and quote's particulars come back from the INSERT).
OrderLine written_line(long long fulfilment_id, const catalog::Product& product,
                       const catalog::Variant& variant, const PricedLine& priced, int reserved,
                       const std::string& variant_ko, const std::string& variant_en) {
  return {.fulfilment_id = fulfilment_id,
          .product_id = product.id,
          .variant_id = priced.variant_id,
          .workshop_id = product.workshop_id,
          .slug = product.slug,
          .title_ko = product.title_ko,
          .title_en = product.title_en,
          .variant_ko = variant_ko,
          .variant_en = variant_en,
          .sku = variant.sku,
          .engraving = priced.engraving,
          .quantity = priced.quantity,
          .reserved = reserved,
          .lead_days = product.lead_days,
          .gift_wrap = priced.gift_wrap,
          .final_sale = priced.final_sale,
          .made_to_order = product.made_to_order,
          .unit_price = priced.unit_price,
          .options_fee = priced.options_fee,
          .pricing = product.pricing,
          .quote_id = priced.quote_id,
          .category = product.category};
}

// An order line's row with the price and quote it was sold at. The quote as stored now is read in the
// line's own statement; when it is gone (replaced before corrections were kept in place), what the cart saw.
const std::string line_insert =
    "INSERT INTO order_lines (order_id, fulfilment_id, product_id, variant_id, slug, title_ko, title_en, "
    "variant_ko, variant_en, sku, quantity, reserved, engraving, gift_wrap, final_sale, unit_price, "
    "options_fee, line_total, pricing, quote_id, quote_metal, quote_day, quote_won_per_gram, made_to_order, "
    "lead_days, category, commission_bp, discount, created_at) VALUES (:o, :f, :p, :v, :slug, :tk, :te, "
    ":vk, :ve, :sku, :q, :r, :e, :g, :fs, :u, :of, :lt, :pr, :qi, "
    "COALESCE((SELECT metal FROM metal_quotes WHERE id = :q1), :qm), "
    "COALESCE((SELECT day FROM metal_quotes WHERE id = :q2), ''), "
    "COALESCE((SELECT won_per_gram FROM metal_quotes WHERE id = :q3), :qw), "
    ":m, :ld, :cat, :cb, :d, :c) RETURNING id, quote_metal, quote_day, quote_won_per_gram";
// On PostgreSQL the line and its stock in one statement: the line is written, then the stock taken only if
// enough is left (no row back: not enough, and the caller's rollback takes the line away again).
const std::string line_insert_taking_stock =
    "WITH l AS (" + line_insert +
    ") UPDATE variants SET stock = stock - :sq, updated_at = :sat FROM l WHERE variants.id = :sv "
    "AND variants.stock >= :sq2 RETURNING l.id, l.quote_metal, l.quote_day, l.quote_won_per_gram, "
    "variants.stock";

// One line of a parcel: its stock taken (unless made to order) and its row. `out` gathers the products
// whose stock it took.
Result<void> insert_line(soci::session& sql, const NewOrder& o, long long order_id, long long fulfilment_id,
                         const CartLine& cart_line, long long discount,
                         const std::vector<vendors::CommissionRate>& rates, const Orders::VariantLabel& label,
                         Inserted& out) {
  const auto& product = *cart_line.product;
  const auto& priced = *cart_line.now;
  const catalog::Variant* variant = nullptr;
  for (const auto& v : product.variants)
    if (v.id == priced.variant_id) variant = &v;
  if (!variant) return Error::conflict("cart", "cart_unavailable", "a piece in the cart changed");
  long long quote = priced.quote_id;
  soci::indicator quote_ind = quote ? soci::i_ok : soci::i_null;
  const std::string metal_seen = quote ? product.metal : "";
  const long long won_seen = quote ? cart_line.added.quote_won_per_gram : 0;
  const std::string variant_ko = label ? label(*variant, "ko") : "";
  const std::string variant_en = label ? label(*variant, "en") : "";
  const int gift = priced.gift_wrap, final_sale = priced.final_sale, mto = product.made_to_order;
  const int reserved = product.made_to_order ? 0 : priced.quantity;
  OrderLine line = written_line(fulfilment_id, product, *variant, priced, reserved, variant_ko, variant_en);
  line.line_total = line_total(priced);
  line.commission_bp = vendors::commission_bp(rates, product.workshop_id, product.category).value_or(0);
  line.discount = discount;
  const auto write = [&](const std::string& query, auto&&... more) {
    return db::run(sql, query, soci::use(order_id), soci::use(fulfilment_id), soci::use(product.id),
                   soci::use(priced.variant_id), soci::use(product.slug), soci::use(product.title_ko),
                   soci::use(product.title_en), soci::use(variant_ko), soci::use(variant_en),
                   soci::use(variant->sku), soci::use(priced.quantity), soci::use(reserved),
                   soci::use(priced.engraving), soci::use(gift), soci::use(final_sale),
                   soci::use(priced.unit_price), soci::use(priced.options_fee), soci::use(line.line_total),
                   soci::use(product.pricing), soci::use(quote, quote_ind), soci::use(quote),
                   soci::use(metal_seen), soci::use(quote), soci::use(quote), soci::use(won_seen),
                   soci::use(mto), soci::use(product.lead_days), soci::use(product.category),
                   soci::use(line.commission_bp), soci::use(discount), soci::use(o.at), soci::into(line.id),
                   soci::into(line.quote_metal), soci::into(line.quote_day),
                   soci::into(line.quote_won_per_gram), std::forward<decltype(more)>(more)...);
  };
  std::optional<int> left;
  if (product.made_to_order) {
    write(line_insert);
  } else if (sql.get_backend_name() == "postgresql") {
    int now_left = 0;
    if (write(line_insert_taking_stock, soci::use(priced.quantity), soci::use(o.at),
              soci::use(priced.variant_id), soci::use(priced.quantity), soci::into(now_left)))
      left = now_left;
  } else if ((left = catalog::repo::take_stock(sql, priced.variant_id, priced.quantity, o.at))) {
    write(line_insert);
  }
  if (!product.made_to_order) {
    if (!left)
      return Error::conflict("cart", "out_of_stock",
                             (o.locale == "en" ? product.title_en : product.title_ko) +
                                 ": not enough left in this size any more");
    out.sold.push_back(product.id);
    if (*left == 0) out.sold_out.push_back(product.id);
  }
  out.lines.push_back(std::move(line));
  return {};
}

// The order's own row and its "placed" event. The row comes back as load_head reads it (its customer from
// users in the same statement); on PostgreSQL the event is written by that statement too. No row: the
// checkout key was used before.
const std::string head_insert =
    "INSERT INTO orders (number, user_id, guest_email, guest_key, checkout_key, request_hash, status, "
    "subtotal, shipping_fee, discount, total, coupon_code, coupon_name, discount_bearer, recipient, phone, "
    "postcode, address, address_detail, delivery_note, locale, pay_by, created_at, updated_at, utm_source, "
    "utm_medium, utm_campaign, utm_content, depositor, cash_receipt, cash_receipt_id) VALUES (:n, :u, :ge, "
    ":gk, :k, :rh, 'awaiting_payment', :s, :f, :d, :t, :cc, :cn, :cb, :r, :ph, :pc, :a, :ad, :note, :l, :pb, "
    ":c, :up, :us, :um, :uc, :ut, :dep, :cr, :cri) ON CONFLICT (checkout_key) DO NOTHING";

Order insert_head(soci::session& sql, const NewOrder& o, const OrderPlan& plan) {
  static const std::string one_by_one = head_insert + " RETURNING " + returned_head;
  static const std::string with_event =
      "WITH o AS (" + head_insert +
      " RETURNING *), placed AS (INSERT INTO order_events (order_id, actor_id, kind, note, created_at) "
      "SELECT id, user_id, 'placed', '', created_at FROM o) SELECT " +
      returned_head + " FROM o AS orders";
  const bool postgresql = sql.get_backend_name() == "postgresql";
  long long user_id = o.user_id;
  soci::indicator user_ind = user_id ? soci::i_ok : soci::i_null;
  const auto* coupon = plan.coupon ? &*plan.coupon : nullptr;
  const std::string code = coupon ? coupon->code : "",
                    name = !coupon            ? ""
                           : o.locale == "en" ? coupon->name_en
                                              : coupon->name_ko,
                    bearer = !coupon                  ? ""
                             : coupon->workshop_bears ? "workshop"
                                                      : "hub";
  Order head;
  db::each(
      sql, postgresql ? with_event : one_by_one, [&](const soci::row& r) { head = head_of(r); },
      soci::use(o.number), soci::use(user_id, user_ind), soci::use(o.guest_email), soci::use(o.guest_key),
      soci::use(o.key), soci::use(o.fingerprint), soci::use(plan.subtotal), soci::use(plan.shipping_fee),
      soci::use(plan.discount), soci::use(plan.total), soci::use(code), soci::use(name), soci::use(bearer),
      soci::use(o.address.recipient), soci::use(o.address.phone), soci::use(o.address.postcode),
      soci::use(o.address.address), soci::use(o.address.address_detail), soci::use(o.address.note),
      soci::use(o.locale), soci::use(o.pay_by), soci::use(o.at), soci::use(o.at), soci::use(o.utm.source),
      soci::use(o.utm.medium), soci::use(o.utm.campaign), soci::use(o.utm.content),
      soci::use(o.transfer.depositor), soci::use(o.transfer.cash_receipt),
      soci::use(o.transfer.cash_receipt_id));
  if (head.id && !postgresql) record(sql, head.id, o.user_id, "placed", "", o.at);
  return head;
}

}  // namespace

Result<Inserted> insert_order(soci::session& sql, const NewOrder& o, const std::vector<CartLine>& lines,
                              const OrderPlan& plan, const std::vector<vendors::CommissionRate>& rates,
                              const Orders::VariantLabel& label) {
  Inserted out;
  // The cart's lines leave it first, each exactly once: of two checkouts of one cart (two tabs, a
  // retrying client with a new key) only the first takes them; the other finds them gone and rolls
  // back whole. On PostgreSQL the second DELETE waits on the first's row locks, then deletes nothing.
  const std::string token_hash = sha256_hex(o.cart_token);
  for (const auto& line : lines) {
    if (o.cart_token.empty()) break;  // bought directly, not from a cart
    if (db::run_count(sql,
                      "DELETE FROM cart_lines WHERE id = :id AND cart_id = (SELECT id FROM carts WHERE "
                      "token_hash = :h)",
                      soci::use(line.id), soci::use(token_hash)) != 1)
      return Error::conflict("cart", "cart_already_ordered",
                             "this cart was just ordered (in another tab?): see your orders");
  }
  out.head = insert_head(sql, o, plan);
  const long long order_id = out.head.id;
  // A key used before (a second submit; on PostgreSQL one in flight is waited for): no row, and the
  // cart's lines taken above are put back by the rollback.
  if (!order_id)
    return Error::conflict("checkout_key", "checkout_key_used", "this checkout was already placed");
  out.order_id = order_id;
  for (const auto& parcel : plan.parcels) {
    long long fulfilment_id = 0;
    db::run(sql,
            "INSERT INTO fulfilments (order_id, workshop_id, status, subtotal, shipping_fee, discount, "
            "shipping_discount, created_at, updated_at) VALUES (:o, :w, 'awaiting_payment', :s, :f, :d, :sd, "
            ":c, :u) RETURNING id",
            soci::use(order_id), soci::use(parcel.workshop_id), soci::use(parcel.subtotal),
            soci::use(parcel.shipping_fee), soci::use(parcel.discount), soci::use(parcel.shipping_discount),
            soci::use(o.at), soci::use(o.at), soci::into(fulfilment_id));
    out.fulfilments.push_back({.id = fulfilment_id,
                               .workshop_id = parcel.workshop_id,
                               .subtotal = parcel.subtotal,
                               .shipping_fee = parcel.shipping_fee,
                               .discount = parcel.discount,
                               .shipping_discount = parcel.shipping_discount});
    for (size_t index : parcel.lines)
      TRY(insert_line(sql, o, order_id, fulfilment_id, lines[index],
                      plan.coupon ? plan.coupon->lines[index] : 0, rates, label, out));
  }
  return out;
}

}  // namespace brilliant::orders::repo
