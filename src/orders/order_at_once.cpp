// An order written in one statement on PostgreSQL (repo::insert_order_at_once), outside any transaction:
// autocommit makes the statement its own, so the order costs one round trip and one commit where the
// transaction took BEGIN, two statements and more, and COMMIT. What would have rolled the transaction
// back (the cart ordered already, a used key, too little stock) the statement refuses with
// brilliant_refuse() (migrations/053_refusal.pg.sql), which undoes all of it.
#include "orders/order_writes.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>

#include "core/secret.hpp"
#include "mail/outbox.hpp"

namespace brilliant::orders::repo {
namespace {

using namespace writes;

// The whole order in one statement: head_ctes, then the lines (a JSON array, each with its place `ord`
// and its id drawn here so each place's id is known), the stock they take grouped per variant (only where
// enough is left), the lines' rows and the mail. The last column refuses (brilliant_refuse, which undoes
// the statement) a cart ordered already, a used key or too little stock, in that order as insert_order
// does. Binds after head_ctes': the lines, the stock's time, the mail (to, subject, text, HTML,
// unsubscribe, time, whether to send), the cart's line count and the count of variants whose stock is taken.
// Made on first use: head_ctes and returned_head are other files' statics.
const std::string& order_at_once() {
  static const std::string query =
      head_ctes +
      ", want AS (SELECT nextval(pg_get_serial_sequence('order_lines', 'id')) AS id, w.*, "
      "COALESCE(q.metal, w.quote_metal) AS q_metal, COALESCE(q.day, '') AS q_day, "
      "COALESCE(q.won_per_gram, w.quote_won_per_gram) AS q_won FROM json_to_recordset(CAST(:lines AS JSON)) "
      "AS "
      "w(ord INT, workshop_id BIGINT, product_id BIGINT, variant_id BIGINT, slug TEXT, title_ko TEXT, "
      "title_en TEXT, variant_ko TEXT, variant_en TEXT, sku TEXT, quantity INT, reserved INT, engraving "
      "TEXT, "
      "gift_wrap INT, final_sale INT, unit_price BIGINT, options_fee BIGINT, line_total BIGINT, pricing "
      "TEXT, "
      "quote_id BIGINT, quote_metal TEXT, quote_won_per_gram BIGINT, made_to_order INT, lead_days INT, "
      "category TEXT, commission_bp INT, discount BIGINT) LEFT JOIN metal_quotes q ON q.id = w.quote_id), "
      "taken AS (UPDATE variants v SET stock = v.stock - t.q, updated_at = :sat FROM (SELECT variant_id, "
      "SUM(reserved) AS q FROM want WHERE reserved > 0 GROUP BY variant_id) AS t WHERE v.id = t.variant_id "
      "AND v.stock >= t.q RETURNING v.id, v.stock), "
      "written AS (INSERT INTO order_lines (id, order_id, fulfilment_id, product_id, variant_id, slug, "
      "title_ko, title_en, variant_ko, variant_en, sku, quantity, reserved, engraving, gift_wrap, "
      "final_sale, "
      "unit_price, options_fee, line_total, pricing, quote_id, quote_metal, quote_day, quote_won_per_gram, "
      "made_to_order, lead_days, category, commission_bp, discount, created_at) SELECT w.id, o.id, p.id, "
      "w.product_id, w.variant_id, w.slug, w.title_ko, w.title_en, w.variant_ko, w.variant_en, w.sku, "
      "w.quantity, w.reserved, w.engraving, w.gift_wrap, w.final_sale, w.unit_price, w.options_fee, "
      "w.line_total, w.pricing, NULLIF(w.quote_id, 0), w.q_metal, w.q_day, w.q_won, w.made_to_order, "
      "w.lead_days, w.category, w.commission_bp, w.discount, o.created_at FROM o, want w JOIN parcels p ON "
      "p.workshop_id = w.workshop_id), "
      "mail AS (INSERT INTO outbox (to_address, subject, body_text, body_html, unsubscribe_url, created_at) "
      "SELECT CAST(:mt AS TEXT), CAST(:ms AS TEXT), CAST(:mb AS TEXT), CAST(:mh AS TEXT), CAST(:mu AS TEXT), "
      "CAST(:mc AS TEXT) FROM o WHERE CAST(:send AS INT) = 1) SELECT " +
      returned_head +
      ", (SELECT COALESCE(string_agg(CAST(workshop_id AS TEXT) || ':' || CAST(id AS TEXT), ' '), '') FROM "
      "parcels), (SELECT CAST(json_agg(json_build_array(ord, id, q_metal, q_day, q_won)) AS TEXT) FROM "
      "want), "
      "(SELECT CAST(COALESCE(json_agg(json_build_array(id, stock)), '[]') AS TEXT) FROM taken), "
      "CASE WHEN (SELECT COUNT(*) FROM gone) <> CAST(:n AS BIGINT) THEN "
      "brilliant_refuse('cart_already_ordered') "
      "WHEN NOT EXISTS (SELECT 1 FROM o) THEN brilliant_refuse('checkout_key_used') "
      "WHEN (SELECT COUNT(*) FROM taken) <> CAST(:nv AS BIGINT) THEN brilliant_refuse('out_of_stock:' || "
      "(SELECT MIN(variant_id) FROM want WHERE reserved > 0 AND variant_id NOT IN (SELECT id FROM taken))) "
      "ELSE '' END FROM (SELECT 1) AS one LEFT JOIN o AS orders ON TRUE";
  return query;
}

// The lines as order_at_once reads them.
std::string lines_json(const std::vector<OrderLine>& lines) {
  boost::json::array out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    out.push_back(boost::json::object{{"ord", i},
                                      {"workshop_id", l.workshop_id},
                                      {"product_id", l.product_id},
                                      {"variant_id", l.variant_id},
                                      {"slug", l.slug},
                                      {"title_ko", l.title_ko},
                                      {"title_en", l.title_en},
                                      {"variant_ko", l.variant_ko},
                                      {"variant_en", l.variant_en},
                                      {"sku", l.sku},
                                      {"quantity", l.quantity},
                                      {"reserved", l.reserved},
                                      {"engraving", l.engraving},
                                      {"gift_wrap", int(l.gift_wrap)},
                                      {"final_sale", int(l.final_sale)},
                                      {"unit_price", l.unit_price},
                                      {"options_fee", l.options_fee},
                                      {"line_total", l.line_total},
                                      {"pricing", l.pricing},
                                      {"quote_id", l.quote_id},
                                      {"quote_metal", l.quote_metal},
                                      {"quote_won_per_gram", l.quote_won_per_gram},
                                      {"made_to_order", int(l.made_to_order)},
                                      {"lead_days", l.lead_days},
                                      {"category", l.category},
                                      {"commission_bp", l.commission_bp},
                                      {"discount", l.discount}});
  }
  return boost::json::serialize(out);
}

// What order_at_once's refusal (an error whose message holds "brilliant refused: <reason>") means; null
// when the error is something else.
std::optional<Error> refusal(const std::string& what, const NewOrder& o,
                             const std::vector<OrderLine>& lines) {
  static const std::string mark = "brilliant refused: ";
  const auto at = what.find(mark);
  if (at == std::string::npos) return std::nullopt;
  const std::string reason =
      what.substr(at + mark.size(), what.find_first_of(" \n\"", at + mark.size()) - (at + mark.size()));
  if (reason == "cart_already_ordered") return cart_already_ordered();
  if (reason == "checkout_key_used") return checkout_key_used();
  const std::string stock = "out_of_stock:";
  if (reason.rfind(stock, 0) != 0) return std::nullopt;
  const long long variant = std::atoll(reason.c_str() + stock.size());
  for (const auto& line : lines)
    if (line.variant_id == variant) return out_of_stock(o, line);
  return std::nullopt;
}
}  // namespace

Result<Inserted> as_written(const NewOrder& o, const std::vector<CartLine>& lines, const OrderPlan& plan,
                            const std::vector<vendors::CommissionRate>& rates,
                            const Orders::VariantLabel& label, const Customer& customer) {
  Inserted out;
  Order& h = out.head;
  const HeadValues values(o, plan);
  h.user_id = o.user_id;
  h.number = o.number;
  h.payment_method = "bank_transfer";  // the column's default
  h.subtotal = plan.subtotal;
  h.shipping_fee = plan.shipping_fee;
  h.discount = plan.discount;
  h.total = plan.total;
  h.coupon_code = values.code;
  h.coupon_name = values.name;
  h.discount_bearer = values.bearer;
  h.address = o.address;
  h.locale = o.locale;
  h.pay_by = o.pay_by;
  h.created_at = o.at;
  h.customer_email = o.user_id ? customer.email : o.guest_email;
  h.customer_name = o.user_id ? customer.name : o.address.recipient;
  h.guest_key = o.guest_key;
  h.transfer = o.transfer;
  for (const auto& parcel : plan.parcels) {
    Fulfilment f;
    f.workshop_id = parcel.workshop_id;
    f.subtotal = parcel.subtotal;
    f.shipping_fee = parcel.shipping_fee;
    f.discount = parcel.discount;
    f.shipping_discount = parcel.shipping_discount;
    out.fulfilments.push_back(f);
    for (size_t index : parcel.lines)
      out.lines.push_back(
          TRY(line_as_written(0, lines[index], plan.coupon ? plan.coupon->lines[index] : 0, rates, label)));
  }
  return out;
}

Result<Inserted> insert_order_at_once(soci::session& sql, const NewOrder& o,
                                      const std::vector<CartLine>& lines, const OrderPlan& plan, Inserted out,
                                      const mail::Mail* mail) {
  const std::string token_hash = sha256_hex(o.cart_token);
  std::vector<long long> ids;
  if (!o.cart_token.empty())
    for (const auto& line : lines) ids.push_back(line.id);
  const std::string line_ids = pg_array(ids), want = lines_json(out.lines);
  const ParcelArrays p(plan);
  std::set<long long> taking;
  for (const auto& line : out.lines)
    if (line.reserved > 0) taking.insert(line.variant_id);
  const long long n = static_cast<long long>(ids.size()), nv = static_cast<long long>(taking.size());
  const mail::Mail none;
  const mail::Mail& m = mail ? *mail : none;
  const int send = mail ? 1 : 0;
  std::string parcels, written, left;
  HeadValues values(o, plan);
  try {
    run_head(
        sql, order_at_once(), o, plan, values,
        [&](const soci::row& r) {
          out.head = head_of(r);
          parcels = db::row_text(r, 30);
          written = db::row_text(r, 31);
          left = db::row_text(r, 32);
        },
        std::tuple(soci::use(token_hash), soci::use(line_ids)),
        std::tuple(soci::use(p.w), soci::use(p.s), soci::use(p.f), soci::use(p.d), soci::use(p.sd),
                   soci::use(want), soci::use(o.at), soci::use(m.to), soci::use(m.subject), soci::use(m.body),
                   soci::use(m.html), soci::use(m.unsubscribe_url), soci::use(o.at), soci::use(send),
                   soci::use(n), soci::use(nv)));
  } catch (const soci::soci_error& e) {
    if (auto refused = refusal(e.what(), o, out.lines)) return *refused;
    throw;
  }
  out.order_id = out.head.id;
  const auto parcel_ids = parcels_written(parcels);
  const auto parcel_of = [&](long long workshop) {
    for (const auto& f : parcel_ids)
      if (f.workshop_id == workshop) return f.id;
    return 0LL;
  };
  for (auto& f : out.fulfilments) f.id = parcel_of(f.workshop_id);
  std::sort(out.fulfilments.begin(), out.fulfilments.end(),
            [](const Fulfilment& a, const Fulfilment& b) { return a.id < b.id; });  // as load_many reads them
  const auto written_rows = boost::json::parse(written), left_rows = boost::json::parse(left);
  for (const auto& row : written_rows.as_array()) {  // [place, id, metal, day, won]
    const auto& r = row.as_array();
    auto& line = out.lines.at(static_cast<size_t>(r.at(0).to_number<long long>()));
    line.id = r.at(1).to_number<long long>();
    line.quote_metal = r.at(2).as_string().c_str();
    line.quote_day = r.at(3).as_string().c_str();
    line.quote_won_per_gram = r.at(4).to_number<long long>();
    line.fulfilment_id = parcel_of(line.workshop_id);
  }
  for (const auto& row : left_rows.as_array()) {  // [variant, stock left]
    const long long variant = row.as_array().at(0).to_number<long long>();
    const int stock = static_cast<int>(row.as_array().at(1).to_number<long long>());
    out.left.push_back({variant, stock});
    for (const auto& line : out.lines)
      if (line.variant_id == variant && line.reserved > 0) {
        out.sold.push_back(line.product_id);
        if (stock == 0) out.sold_out.push_back(line.product_id);
      }
  }
  std::sort(out.left.begin(), out.left.end());
  return out;
}

}  // namespace brilliant::orders::repo
