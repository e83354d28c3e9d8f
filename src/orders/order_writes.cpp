// Writing an order at checkout (repo::insert_order): its row, event, parcels and lines, and the stock its
// lines take. SQLite runs each as its own statement; PostgreSQL, where each statement is a round trip,
// folds them into as few as it can.
#include "orders/order_repo.hpp"

#include "db/kept.hpp"

#include <algorithm>
#include <sstream>
#include <tuple>

#include "catalog/stock_repo.hpp"
#include "core/secret.hpp"

namespace brilliant::orders::repo {
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
  const std::string variant_ko = label ? label(product, *variant, "ko") : "";
  const std::string variant_en = label ? label(product, *variant, "en") : "";
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
    out.left.push_back({priced.variant_id, *left});
    if (*left == 0) out.sold_out.push_back(product.id);
  }
  out.lines.push_back(std::move(line));
  return {};
}

// The order's own row, which is its "placed" event too (load_many tells it from the row). The row comes
// back as load_many reads it (its customer from users in the same statement). No row: the checkout key was
// used before.
const std::string head_insert =
    "INSERT INTO orders (number, user_id, guest_email, guest_key, checkout_key, request_hash, status, "
    "subtotal, shipping_fee, discount, total, coupon_code, coupon_name, discount_bearer, recipient, phone, "
    "postcode, address, address_detail, delivery_note, locale, pay_by, created_at, updated_at, utm_source, "
    "utm_medium, utm_campaign, utm_content, depositor, cash_receipt, cash_receipt_id) VALUES (:n, :u, :ge, "
    ":gk, :k, :rh, 'awaiting_payment', :s, :f, :d, :t, :cc, :cn, :cb, :r, :ph, :pc, :a, :ad, :note, :l, :pb, "
    ":c, :up, :us, :um, :uc, :ut, :dep, :cr, :cri) ON CONFLICT (checkout_key) DO NOTHING";

// The values run_head binds beside the order's own: its customer and its coupon.
struct HeadValues {
  long long user_id;
  soci::indicator user_ind;
  std::string code, name, bearer;
  explicit HeadValues(const NewOrder& o, const OrderPlan& plan)
      : user_id(o.user_id), user_ind(o.user_id ? soci::i_ok : soci::i_null) {
    if (!plan.coupon) return;
    code = plan.coupon->code;
    name = o.locale == "en" ? plan.coupon->name_en : plan.coupon->name_ko;
    bearer = plan.coupon->workshop_bears ? "workshop" : "hub";
  }
};

// Runs a statement whose first binds (after `before`) are head_insert's and that returns the head's row
// (and `after`'s columns), calling on_row with it.
template <class OnRow, class... Before, class... After>
void run_head(soci::session& sql, const std::string& query, const NewOrder& o, const OrderPlan& plan,
              HeadValues& v, OnRow&& on_row, std::tuple<Before...> before, std::tuple<After...> after) {
  std::apply(
      [&](auto&&... b) {
        std::apply(
            [&](auto&&... a) {
              db::each(sql, query, on_row, b..., soci::use(o.number), soci::use(v.user_id, v.user_ind),
                       soci::use(o.guest_email), soci::use(o.guest_key), soci::use(o.key),
                       soci::use(o.fingerprint), soci::use(plan.subtotal), soci::use(plan.shipping_fee),
                       soci::use(plan.discount), soci::use(plan.total), soci::use(v.code), soci::use(v.name),
                       soci::use(v.bearer), soci::use(o.address.recipient), soci::use(o.address.phone),
                       soci::use(o.address.postcode), soci::use(o.address.address),
                       soci::use(o.address.address_detail), soci::use(o.address.note), soci::use(o.locale),
                       soci::use(o.pay_by), soci::use(o.at), soci::use(o.at), soci::use(o.utm.source),
                       soci::use(o.utm.medium), soci::use(o.utm.campaign), soci::use(o.utm.content),
                       soci::use(o.transfer.depositor), soci::use(o.transfer.cash_receipt),
                       soci::use(o.transfer.cash_receipt_id), a...);
            },
            after);
      },
      before);
}

Error cart_already_ordered() {
  return Error::conflict("cart", "cart_already_ordered",
                         "this cart was just ordered (in another tab?): see your orders");
}

Error checkout_key_used() {
  // A key used before (a second submit; on PostgreSQL one in flight is waited for): no row, and the
  // cart's lines taken are put back by the caller's rollback.
  return Error::conflict("checkout_key", "checkout_key_used", "this checkout was already placed");
}

std::string pg_array(const std::vector<long long>& values) {
  std::string out = "{";
  for (auto v : values) out += (out.size() > 1 ? "," : "") + std::to_string(v);
  return out + "}";
}

// The cart's lines out, the order's row and its parcels, one statement at a time
// (SQLite, in-process: a statement costs no round trip).
Result<void> write_head_one_by_one(soci::session& sql, const NewOrder& o, const std::vector<CartLine>& lines,
                                   const OrderPlan& plan, Inserted& out) {
  // The cart's lines leave it first, each exactly once: of two checkouts of one cart (two tabs, a
  // retrying client with a new key) only the first takes them; the other finds them gone and rolls back.
  const std::string token_hash = sha256_hex(o.cart_token);
  for (const auto& line : lines) {
    if (o.cart_token.empty()) break;  // bought directly, not from a cart
    if (db::run_count(sql,
                      "DELETE FROM cart_lines WHERE id = :id AND cart_id = (SELECT id FROM carts WHERE "
                      "token_hash = :h)",
                      soci::use(line.id), soci::use(token_hash)) != 1)
      return cart_already_ordered();
  }
  static const std::string insert = head_insert + " RETURNING " + returned_head;
  HeadValues values(o, plan);
  run_head(
      sql, insert, o, plan, values, [&](const soci::row& r) { out.head = head_of(r); }, std::tuple<>(),
      std::tuple<>());
  if (!out.head.id) return checkout_key_used();
  for (const auto& parcel : plan.parcels) {
    long long id = 0;
    db::run(sql,
            "INSERT INTO fulfilments (order_id, workshop_id, status, subtotal, shipping_fee, discount, "
            "shipping_discount, created_at, updated_at) VALUES (:o, :w, 'awaiting_payment', :s, :f, :d, :sd, "
            ":c, :u) RETURNING id",
            soci::use(out.head.id), soci::use(parcel.workshop_id), soci::use(parcel.subtotal),
            soci::use(parcel.shipping_fee), soci::use(parcel.discount), soci::use(parcel.shipping_discount),
            soci::use(o.at), soci::use(o.at), soci::into(id));
    out.fulfilments.push_back({.id = id, .workshop_id = parcel.workshop_id});
  }
  return {};
}

// The same in one statement (PostgreSQL, where each is a round trip): the cart's lines are deleted (a
// second checkout of the cart waits on the first's row locks, then deletes nothing and rolls back), the
// order inserted (nothing on a used key), its parcels written from its row. One row comes
// back either way (the order's columns empty on a used key), so the cart is checked first, as above.
Result<void> write_head_at_once(soci::session& sql, const NewOrder& o, const std::vector<CartLine>& lines,
                                const OrderPlan& plan, Inserted& out) {
  static const std::string query =
      "WITH gone AS (DELETE FROM cart_lines WHERE cart_id = (SELECT id FROM carts WHERE token_hash = :h) "
      "AND id = ANY(CAST(:ids AS BIGINT[])) RETURNING id), o AS (" +
      head_insert +
      " RETURNING *), parcels AS (INSERT INTO fulfilments (order_id, "
      "workshop_id, status, subtotal, shipping_fee, discount, shipping_discount, created_at, updated_at) "
      "SELECT o.id, p.w, 'awaiting_payment', p.s, p.f, p.d, p.sd, o.created_at, o.created_at FROM o, "
      "unnest(CAST(:pw AS BIGINT[]), CAST(:ps AS BIGINT[]), CAST(:pf AS BIGINT[]), CAST(:pd AS BIGINT[]), "
      "CAST(:psd AS BIGINT[])) AS p(w, s, f, d, sd) RETURNING id, workshop_id) SELECT " +
      returned_head +
      ", (SELECT COUNT(*) FROM gone), (SELECT COALESCE(string_agg(CAST(workshop_id AS TEXT) || ':' || "
      "CAST(id AS TEXT), ' '), '') FROM parcels) FROM (SELECT 1) AS one LEFT JOIN o AS orders ON TRUE";
  const std::string token_hash = sha256_hex(o.cart_token);
  std::vector<long long> ids, w, s, f, d, sd;
  if (!o.cart_token.empty())
    for (const auto& line : lines) ids.push_back(line.id);
  for (const auto& p : plan.parcels) {
    w.push_back(p.workshop_id);
    s.push_back(p.subtotal);
    f.push_back(p.shipping_fee);
    d.push_back(p.discount);
    sd.push_back(p.shipping_discount);
  }
  const std::string line_ids = pg_array(ids), pw = pg_array(w), ps = pg_array(s), pf = pg_array(f),
                    pd = pg_array(d), psd = pg_array(sd);
  long long gone = 0;
  std::string parcels;
  HeadValues values(o, plan);
  run_head(
      sql, query, o, plan, values,
      [&](const soci::row& r) {
        out.head = head_of(r);
        gone = db::row_int(r, 30);
        parcels = db::row_text(r, 31);
      },
      std::tuple(soci::use(token_hash), soci::use(line_ids)),
      std::tuple(soci::use(pw), soci::use(ps), soci::use(pf), soci::use(pd), soci::use(psd)));
  if (gone != static_cast<long long>(ids.size())) return cart_already_ordered();
  if (!out.head.id) return checkout_key_used();
  std::istringstream written(parcels);  // "workshop:parcel" for each parcel
  for (std::string pair; written >> pair;)
    out.fulfilments.push_back({.id = std::stoll(pair.substr(pair.find(':') + 1)),
                               .workshop_id = std::stoll(pair.substr(0, pair.find(':')))});
  std::sort(out.fulfilments.begin(), out.fulfilments.end(),
            [](const Fulfilment& a, const Fulfilment& b) { return a.id < b.id; });  // as load_many reads them
  return {};
}

}  // namespace

Result<Inserted> insert_order(soci::session& sql, const NewOrder& o, const std::vector<CartLine>& lines,
                              const OrderPlan& plan, const std::vector<vendors::CommissionRate>& rates,
                              const Orders::VariantLabel& label) {
  Inserted out;
  if (sql.get_backend_name() == "postgresql")
    TRY(write_head_at_once(sql, o, lines, plan, out));
  else
    TRY(write_head_one_by_one(sql, o, lines, plan, out));
  out.order_id = out.head.id;
  for (const auto& parcel : plan.parcels) {
    auto written = std::find_if(out.fulfilments.begin(), out.fulfilments.end(),
                                [&](const Fulfilment& f) { return f.workshop_id == parcel.workshop_id; });
    if (written == out.fulfilments.end())
      return Error::conflict("cart", "order_lost", "a parcel of the order was not written");
    written->subtotal = parcel.subtotal;
    written->shipping_fee = parcel.shipping_fee;
    written->discount = parcel.discount;
    written->shipping_discount = parcel.shipping_discount;
    for (size_t index : parcel.lines)
      TRY(insert_line(sql, o, out.order_id, written->id, lines[index],
                      plan.coupon ? plan.coupon->lines[index] : 0, rates, label, out));
  }
  return out;
}

}  // namespace brilliant::orders::repo
