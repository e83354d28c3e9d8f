#include "marketing/coupons.hpp"

#include <algorithm>

#include "db/database.hpp"
#include "db/kept.hpp"
#include "marketing/customer_repo.hpp"

namespace brilliant::marketing {
namespace {

constexpr const char* coupon_columns =
    "c.id, COALESCE(c.code, ''), c.name_ko, c.name_en, c.kind, c.value, c.max_discount, c.min_subtotal, "
    "c.categories, COALESCE(c.workshop_id, 0), c.bearer, c.first_order, c.budget, c.spent, c.per_customer, "
    "c.starts_at, c.ends_at, c.paused, COALESCE(c.segment_id, 0)";

Coupon coupon_of(const soci::row& r) {
  Coupon c;
  c.id = db::row_int(r, 0);
  c.code = db::row_text(r, 1);
  c.name_ko = db::row_text(r, 2);
  c.name_en = db::row_text(r, 3);
  const auto kind = db::row_text(r, 4);
  c.kind = kind == "fixed"           ? CouponKind::fixed
           : kind == "free_shipping" ? CouponKind::free_shipping
                                     : CouponKind::percent;
  c.value = db::row_int(r, 5);
  c.max_discount = db::row_int(r, 6);
  c.min_subtotal = db::row_int(r, 7);
  const std::string categories = db::row_text(r, 8);
  for (std::string_view rest = categories; !rest.empty();) {
    const auto comma = rest.find(',');
    c.categories.emplace_back(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? "" : rest.substr(comma + 1);
  }
  c.workshop_id = db::row_int(r, 9);
  c.workshop_bears = db::row_text(r, 10) == "workshop";
  c.first_order = db::row_int(r, 11) != 0;
  c.budget = db::row_int(r, 12);
  c.spent = db::row_int(r, 13);
  c.per_customer = static_cast<int>(db::row_int(r, 14));
  c.starts_at = db::row_text(r, 15);
  c.ends_at = db::row_text(r, 16);
  c.paused = db::row_int(r, 17) != 0;
  c.segment_id = db::row_int(r, 18);
  return c;
}

// The coupons with their results (orders not cancelled, paid ones and their revenue); `where` filters c.
std::vector<CouponRow> select_rows(soci::session& sql, const std::string& where, long long id) {
  soci::rowset<soci::row> rows =
      (sql.prepare
           << std::string("SELECT ") + coupon_columns +
                  ", COALESCE(w.name, ''), COALESCE(w.name_en, ''), "
                  "(SELECT COUNT(*) FROM coupon_uses u WHERE u.coupon_id = c.id AND u.released = 0), "
                  "(SELECT COUNT(*) FROM coupon_uses u JOIN orders o ON o.id = u.order_id "
                  "WHERE u.coupon_id = c.id AND o.status = 'paid'), "
                  "(SELECT CAST(COALESCE(SUM(o.total), 0) AS BIGINT) FROM coupon_uses u JOIN orders o "
                  "ON o.id = u.order_id WHERE u.coupon_id = c.id AND o.status = 'paid'), COALESCE(s.name, "
                  "'') "
                  "FROM coupons c LEFT JOIN workshops w ON w.id = c.workshop_id LEFT JOIN segments s ON s.id "
                  "= "
                  "c.segment_id WHERE " +
                  where + " ORDER BY c.id DESC LIMIT 500",
       soci::use(id));
  std::vector<CouponRow> out;
  for (const auto& r : rows) {
    CouponRow row{coupon_of(r), {}, db::row_text(r, 19), db::row_text(r, 20)};
    row.results = {db::row_int(r, 21), db::row_int(r, 22), db::row_int(r, 23), row.coupon.spent};
    row.segment = db::row_text(r, 24);
    row.coupon.orders = row.results.orders;
    out.push_back(std::move(row));
  }
  return out;
}

// What checkout checks a coupon against.
Basket basket_of(const std::vector<orders::CartLine>& lines, const orders::OrderPlan& plan) {
  Basket b;
  for (const auto& l : lines)
    b.lines.push_back({l.product ? l.product->workshop_id : 0, l.product ? l.product->category : "",
                       l.now ? orders::line_total(*l.now) : 0});
  b.parcels = plan.parcels;
  return b;
}

// The shopper's uses of a coupon (not released) and their earlier orders (not cancelled, not `except`).
ShopperRecord record_of(soci::session& sql, long long coupon_id, const orders::Shopper& shopper,
                        long long except_order = 0) {
  ShopperRecord r;
  const std::string key = shopper.key();
  if (key.empty()) {
    r.anonymous = true;
    return r;
  }
  sql << "SELECT COUNT(*) FROM coupon_uses WHERE coupon_id = :c AND customer = :k AND released = 0",
      soci::use(coupon_id), soci::use(key), soci::into(r.uses);
  if (shopper.user_id)
    sql << "SELECT COUNT(*) FROM orders WHERE user_id = :u AND status <> 'cancelled' AND id <> :o",
        soci::use(shopper.user_id), soci::use(except_order), soci::into(r.earlier_orders);
  else
    sql << "SELECT COUNT(*) FROM orders WHERE guest_email = :e AND status <> 'cancelled' AND id <> :o",
        soci::use(shopper.email), soci::use(except_order), soci::into(r.earlier_orders);
  return r;
}

// Whether an account is in a saved segment now (its rules over everyone's orders, as customers.hpp says).
bool member_of(soci::session& sql, long long segment_id, long long user_id, TimePoint now) {
  const auto segment = repo::segment(sql, segment_id);
  if (!segment || !user_id) return false;
  const auto members = repo::segment_members(sql, segment->rules, now);
  return std::any_of(members.begin(), members.end(),
                     [&](const CustomerFacts& c) { return c.user_id == user_id; });
}

}  // namespace

Result<Coupon> Coupons::create(const CouponInput& input, long long workshop_id, long long actor_id) {
  auto c = TRY(check_coupon(input));
  c.workshop_id = workshop_id;
  if (workshop_id) c.workshop_bears = true;
  std::string categories;
  for (const auto& cat : c.categories) categories += (categories.empty() ? "" : ",") + cat;
  const std::string kind(name_of(c.kind)), bearer = c.workshop_bears ? "workshop" : "hub";
  const std::string at = format_utc(clock_.now());
  const int first = c.first_order;
  auto made = db_.write([&](soci::session& sql) -> Result<Coupon> {
    if (!c.code.empty()) {
      int taken = 0;
      sql << "SELECT COUNT(*) FROM coupons WHERE code = :c", soci::use(c.code), soci::into(taken);
      if (taken) return Error::conflict("code", "coupon_code_taken", "another coupon has the code " + c.code);
    }
    if (c.segment_id) {
      if (workshop_id)  // segments are the hub's view of every customer
        return Error::invalid("segment_id", "segment_unknown",
                              "a workshop's coupon cannot be limited to a segment");
      if (!repo::segment(sql, c.segment_id))
        return Error::invalid("segment_id", "segment_unknown", "no such segment");
    }
    soci::indicator code_ind = c.code.empty() ? soci::i_null : soci::i_ok;
    soci::indicator workshop_ind = workshop_id ? soci::i_ok : soci::i_null;
    soci::indicator segment_ind = c.segment_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO coupons (code, name_ko, name_en, kind, value, max_discount, min_subtotal, "
           "categories, workshop_id, bearer, first_order, budget, per_customer, starts_at, ends_at, "
           "created_by, "
           "created_at, segment_id) "
           "VALUES (:code, :nk, :ne, :k, :v, :m, :min, :cat, :w, :b, :f, :bu, :pc, :s, :e, :by, :at, :sg) "
           "RETURNING id",
        soci::use(c.code, code_ind), soci::use(c.name_ko), soci::use(c.name_en), soci::use(kind),
        soci::use(c.value), soci::use(c.max_discount), soci::use(c.min_subtotal), soci::use(categories),
        soci::use(workshop_id, workshop_ind), soci::use(bearer), soci::use(first), soci::use(c.budget),
        soci::use(c.per_customer), soci::use(c.starts_at), soci::use(c.ends_at), soci::use(actor_id),
        soci::use(at), soci::use(c.segment_id, segment_ind), soci::into(c.id);
    return c;
  });
  forget_automatic();
  return made;
}

std::vector<std::pair<long long, std::string>> Coupons::segments() {
  std::vector<std::pair<long long, std::string>> out;
  for (const auto& s : db_.read([](soci::session& sql) { return repo::segments(sql); }))
    out.push_back({s.id, s.name});
  return out;
}

std::vector<CouponRow> Coupons::list(long long workshop_id) {
  return db_.read([&](soci::session& sql) {
    return select_rows(sql, workshop_id ? "c.workshop_id = :w" : "0 = :w", workshop_id);
  });
}

std::optional<CouponRow> Coupons::find(long long id) {
  auto rows = db_.read([&](soci::session& sql) { return select_rows(sql, "c.id = :id", id); });
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

Result<CouponRow> Coupons::set_paused(long long id, bool paused, long long workshop_id) {
  auto row = find(id);
  if (!row || (workshop_id && row->coupon.workshop_id != workshop_id)) return Error::not_found("coupon");
  const int flag = paused;
  db_.write([&](soci::session& sql) {
    sql << "UPDATE coupons SET paused = :p WHERE id = :id", soci::use(flag), soci::use(id);
  });
  forget_automatic();
  return *find(id);
}

orders::CouponAnswer Coupons::best(const std::vector<orders::CartLine>& lines, const orders::OrderPlan& plan,
                                   const orders::Shopper& shopper, const std::string& raw_code) {
  const std::string now = format_utc(clock_.now());
  const Basket basket = basket_of(lines, plan);
  orders::CouponAnswer answer;
  const bool typed = !std::string_view(raw_code).empty();
  std::string code;
  if (typed) {
    auto checked = coupon_code(raw_code);
    if (!checked) {
      answer.refused = checked.error();
      return answer;
    }
    code = *checked;
  }
  std::vector<Coupon> found;
  if (!typed)
    for (auto& c : automatic())
      if (c.starts_at <= now && (c.ends_at.empty() || c.ends_at > now)) found.push_back(std::move(c));
  if (!typed && found.empty()) return answer;  // no automatic coupon runs now: nothing to read
  db_.read([&](soci::session& sql) {
    if (typed)
      db::each(
          sql, std::string("SELECT ") + coupon_columns + " FROM coupons c WHERE c.code = :c",
          [&](const soci::row& r) { found.push_back(coupon_of(r)); }, soci::use(code));
    if (typed && found.empty())
      answer.refused = Error::rule_broken("coupon_code", "coupon_unknown", "no coupon has the code " + code);
    long long best_amount = 0;
    for (const auto& c : found) {
      auto record = record_of(sql, c.id, shopper);
      record.in_segment = !c.segment_id || member_of(sql, c.segment_id, shopper.user_id, clock_.now());
      auto d = discount_for(c, basket, record, now);
      if (!d) {
        if (typed) answer.refused = d.error();
        continue;
      }
      if (const long long amount = amount_of(*d); amount > best_amount) {
        best_amount = amount;
        answer.discount = std::move(*d);
      }
    }
  });
  return answer;
}

std::vector<Coupon> Coupons::automatic() {
  return automatic_.get_or("", [&] {
    std::vector<Coupon> found;
    db_.read([&](soci::session& sql) {
      db::each(sql,
               std::string("SELECT ") + coupon_columns +
                   " FROM coupons c WHERE c.code IS NULL AND c.paused = 0 ORDER BY c.id",
               [&](const soci::row& r) { found.push_back(coupon_of(r)); });
    });
    return found;
  });
}

Result<void> Coupons::claim(soci::session& sql, const orders::PlanDiscount& d, long long order_id,
                            const orders::Shopper& shopper, long long amount) {
  const std::string now = format_utc(clock_.now());
  // The row lock this takes orders every claim of the coupon: the checks below see the ones before.
  soci::statement take =
      (sql.prepare
           << "UPDATE coupons SET spent = spent + :a WHERE id = :id AND paused = 0 AND starts_at <= :n "
              "AND (ends_at = '' OR ends_at > :n2) AND (budget = 0 OR spent + :a2 <= budget)",
       soci::use(amount), soci::use(d.coupon_id), soci::use(now), soci::use(now), soci::use(amount));
  take.execute(true);
  forget_automatic();
  if (take.get_affected_rows() != 1)
    return Error::conflict("coupon_code", "coupon_budget_used",
                           "the coupon was used up or ended just now: check the total again");
  int per_customer = 0, first_order = 0;
  sql << "SELECT per_customer, first_order FROM coupons WHERE id = :id", soci::use(d.coupon_id),
      soci::into(per_customer), soci::into(first_order);
  const auto record = record_of(sql, d.coupon_id, shopper, order_id);
  if (per_customer > 0 && record.uses >= per_customer)
    return Error::conflict("coupon_code", "coupon_used", "you have already used this coupon");
  if (first_order && record.earlier_orders > 0)
    return Error::conflict("coupon_code", "coupon_first_order", "this coupon is for a first order only");
  const std::string key = shopper.key(), at = now;
  sql << "INSERT INTO coupon_uses (coupon_id, order_id, customer, amount, created_at) VALUES (:c, :o, :k, "
         ":a, :at)",
      soci::use(d.coupon_id), soci::use(order_id), soci::use(key), soci::use(amount), soci::use(at);
  return {};
}

void Coupons::release(soci::session& sql, long long order_id) {
  long long coupon_id = 0, amount = 0;
  sql << "SELECT coupon_id, amount FROM coupon_uses WHERE order_id = :o AND released = 0",
      soci::use(order_id), soci::into(coupon_id), soci::into(amount);
  if (!sql.got_data()) return;
  sql << "UPDATE coupons SET spent = spent - :a WHERE id = :c", soci::use(amount), soci::use(coupon_id);
  forget_automatic();
  sql << "UPDATE coupon_uses SET released = 1 WHERE order_id = :o", soci::use(order_id);
}

}  // namespace brilliant::marketing
