#include "app/seed_money.hpp"

#include <spdlog/spdlog.h>

#include "app/app.hpp"
#include "app/seed.hpp"
#include "catalog/views.hpp"
#include "db/database.hpp"

namespace brilliant::app {

namespace {

// The studio's shipped orders of the shopper, oldest first, and whether each came back to the studio.
std::vector<std::pair<std::string, bool>> shipped_orders(App& app, long long shopper) {
  return app.database().read([&](soci::session& sql) {
    std::vector<std::pair<std::string, bool>> out;
    soci::rowset<soci::row> rows =
        (sql.prepare
             << "SELECT o.number, (SELECT COUNT(*) FROM return_inspections r WHERE r.order_number = "
                "o.number) FROM orders o JOIN fulfilments f ON f.order_id = o.id WHERE o.user_id = :u AND "
                "f.status = 'shipped' ORDER BY o.id",
         soci::use(shopper));
    for (const auto& r : rows) out.emplace_back(db::row_text(r, 0), db::row_int(r, 1) > 0);
    return out;
  });
}

// Last month, lived through with a clock of its own: an order placed, paid, shipped, delivered and
// confirmed on its 10th; then the month closed and paid.
Result<void> last_month(App& app, long long shopper, long long op) {
  // The app's clock: the real one in make run; a test's own in tests (so a test's month is never closed).
  const auto month = orders::shift_month(format_seoul(app.clock().now()).substr(0, 7), -1);
  TimePoint tenth;
  if (!parse_utc(month + "-10T03:00:00Z", tenth)) return Error::invalid("month", "month_invalid", month);
  FixedClock then(tenth);
  orders::Carts carts(app.database(), app.catalog(), then);
  orders::Orders past(
      app.database(), app.catalog(), carts, app.brand(), then,
      [](const catalog::Product&, const catalog::Variant& v, const std::string&) { return v.sku; });
  const auto variant = demo_variant_in_stock(app, 1);
  if (!variant) return {};
  const auto added = TRY(carts.add("", shopper, {variant, 1, "", false}));
  const auto order =
      TRY(past.place({.cart_token = added.token,
                      .user_id = shopper,
                      .address = {"김지민", "010-2345-6789", "54538", "전북 익산시 보석로 1", "", ""},
                      .key = "demo-money-last-month"}));
  TRY(past.mark_paid(order.number, op));
  for (const auto& f : order.fulfilments)
    TRY(past.ship(order.number, f.workshop_id, op, "cj", "612345678901"));
  then.advance(std::chrono::hours(48));
  TRY(past.deliver(order.number, 0, op));
  TRY(past.confirm_purchase(order.number, shopper));
  TRY(app.ledger().close(month, op));
  TRY(app.ledger().mark_paid(month, op));
  return {};
}

// One of `variant` bought by the shopper this week, paid, shipped with `waybill` and delivered.
Result<orders::Order> delivered(App& app, long long shopper, long long op, long long variant,
                                const std::string& key, const std::string& waybill) {
  const auto added = TRY(app.carts().add("", shopper, {variant, 1, "", false}));
  const auto order =
      TRY(app.orders().place({.cart_token = added.token,
                              .user_id = shopper,
                              .address = {"김지민", "010-2345-6789", "54538", "전북 익산시 보석로 1", "", ""},
                              .key = key}));
  TRY(app.orders().mark_paid(order.number, op));
  for (const auto& f : order.fulfilments)
    TRY(app.orders().ship(order.number, f.workshop_id, op, "cj", waybill));
  TRY(app.orders().deliver(order.number, 0, op));
  return order;
}

// The shopper asks to send back what `ask` names; the operator approves; it is sent back by CJ with
// `waybill`.
Result<orders::OrderReturn> sent_back(App& app, const std::string& number, const orders::ReturnRequest& ask,
                                      long long shopper, long long op, const std::string& waybill) {
  const auto r = TRY(app.returns().request(*app.orders().find(number), ask, shopper));
  TRY(app.returns().approve(r.id, 0, "CJ대한통운 반품 접수 후 운송장 번호를 알려 주세요", op));
  return app.returns().ship_back(r.id, "cj", waybill, shopper);
}

// A ring bought in the wrong size this week and exchanged: asked for, sent back, received, and its
// replacement parcel in the other size waiting for the workshop to ship (the console's "to ship").
Result<void> exchange(App& app, long long shopper, long long op) {
  const auto [bought, wanted] = app.database().read([](soci::session& sql) {
    long long a = 0, b = 0;
    sql << "SELECT a.id, b.id FROM variants a JOIN variants b ON b.product_id = a.product_id AND b.id > a.id "
           "JOIN products p ON p.id = a.product_id WHERE a.stock > 1 AND b.stock > 1 AND p.status = "
           "'published' AND p.made_to_order = 0 AND p.hub_held = 0 ORDER BY a.id LIMIT 1",
        soci::into(a), soci::into(b);
    return std::pair{a, b};
  });
  if (!bought) return {};
  const auto order = TRY(delivered(app, shopper, op, bought, "demo-money-exchange", "612345670001"));
  orders::ReturnRequest ask;
  ask.line_ids = {order.lines.at(0).id};
  ask.kind = "exchange";
  ask.reason = "wrong_size";
  ask.details = "손가락에 조금 작아요";
  ask.exchange_variant_id = wanted;
  const auto r = TRY(sent_back(app, order.number, ask, shopper, op, "698765430002"));
  TRY(app.returns().receive(r.id, 0, true, "검수 완료: 새 사이즈로 교환 발송", op));
  return {};
}

// A pendant delivered this week that the shopper is sending back: the return approved and on its way with
// its waybill, for the studio's returns station to expect (another workshop's than the maker's).
Result<void> on_its_way(App& app, long long shopper, long long op) {
  const auto variant = app.database().read([](soci::session& sql) {
    long long v = 0;
    sql << "SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id JOIN workshops w ON w.id = "
           "p.workshop_id WHERE v.stock > 1 AND p.status = 'published' AND p.made_to_order = 0 AND "
           "p.hub_held = 0 AND w.slug <> 'iksan-gold' ORDER BY v.id DESC LIMIT 1",
        soci::into(v);
    return v;
  });
  if (!variant) return {};
  const auto order = TRY(delivered(app, shopper, op, variant, "demo-money-on-its-way", "612345670003"));
  orders::ReturnRequest ask;
  ask.line_ids = {order.lines.at(0).id};
  ask.reason = "change_of_mind";
  ask.details = "선물하려 했는데 취향이 달라요";
  ask.refund_account = "국민은행 123401-04-567890 김지민";
  TRY(sent_back(app, order.number, ask, shopper, op, "698765430003"));
  return {};
}

Result<void> seed(App& app, long long shopper, long long op) {
  const auto orders = shipped_orders(app, shopper);
  for (const auto& [number, came_back] : orders) {
    TRY(app.orders().deliver(number, 0, op));
    if (!came_back) {
      TRY(app.orders().confirm_purchase(number, shopper));
      continue;
    }
    const auto order = *app.orders().find(number);
    orders::ReturnRequest ask;
    ask.line_ids = {order.lines.at(0).id};
    ask.reason = "change_of_mind";
    ask.details = "생각했던 색과 달라요";
    ask.refund_account = "국민은행 123401-04-567890 김지민";
    const auto r = TRY(sent_back(app, number, ask, shopper, op, "698765432109"));
    TRY(app.returns().receive(r.id, 0, true, "스튜디오 검수: 사진·무게 일치", op));
    TRY(app.returns().refund(r.id, op));
  }
  TRY(exchange(app, shopper, op));
  TRY(on_its_way(app, shopper, op));
  return last_month(app, shopper, op);
}

}  // namespace

void seed_money(App& app, const std::string& shopper_email, const std::string& operator_email) {
  const bool seeded = app.database().read([](soci::session& sql) {
    long long entries = 0;
    sql << "SELECT COUNT(*) FROM ledger_entries", soci::into(entries);
    return entries > 0;
  });
  const auto shopper = demo_user_id(app, shopper_email), op = demo_user_id(app, operator_email);
  if (seeded || !shopper || !op) return;
  if (auto done = seed(app, shopper, op); !done) spdlog::warn("demo money loop: {}", done.error().message);
}

}  // namespace brilliant::app
