#include "app/seed_deposits.hpp"

#include <spdlog/spdlog.h>

#include "app/app.hpp"
#include "app/seed.hpp"
#include "db/database.hpp"

namespace brilliant::app {

namespace {

struct Customer {
  long long id = 0;
  std::string name;
};

// Two of the demo's customers (seed_customers).
std::vector<Customer> two_customers(App& app) {
  return app.database().read([](soci::session& sql) {
    std::vector<Customer> out;
    soci::rowset<soci::row> rows = sql.prepare << "SELECT id, name FROM users WHERE email LIKE "
                                                  "'%@customers.brilliant.example' ORDER BY id LIMIT 2";
    for (const auto& r : rows) out.push_back({db::row_int(r, 0), db::row_text(r, 1)});
    return out;
  });
}

Result<orders::Order> order_for(App& app, const Customer& c, long long variant,
                                orders::TransferDetails transfer) {
  const auto added = TRY(app.carts().add("", c.id, {variant, 1, "", false}));
  return app.orders().place({.cart_token = added.token,
                             .user_id = c.id,
                             .address = {c.name, "010-3456-7890", "54538", "전북 익산시 보석로 7", "", ""},
                             .key = "demo-deposit-" + std::to_string(c.id),
                             .transfer = std::move(transfer)});
}

Result<int> seed(App& app, long long op) {
  const auto customers = two_customers(app);
  const auto variant = demo_variant_in_stock(app, 2);
  if (customers.size() < 2 || !variant) return 0;
  const auto a = TRY(order_for(app, customers[0], variant, {"한빛주얼리", "expense", "220-81-62517"}));
  const auto b = TRY(order_for(app, customers[1], variant, {}));
  const auto day = format_seoul(app.clock().now()).substr(0, 10);
  const auto amount = std::to_string(a.total);
  const std::string csv = "거래일시,기재내용,찾으신금액,맡기신금액,거래후잔액\n" + day +
                          " 09:12:40,한빛주얼리,0," + amount + ",\n" + day + " 10:03:05," +
                          customers[1].name + ",0," + std::to_string(b.total) + ",\n" + day +
                          " 11:30:00,이서진,0," + amount + ",\n" + day + " 12:00:00,예금이자,0,12,\n";
  const auto kept = TRY(app.deposits().import(csv, "농협_거래내역_" + day + ".csv", op));
  return kept.deposits_new;
}

}  // namespace

int seed_deposits(App& app) {
  const bool seeded = app.database().read([](soci::session& sql) {
    long long statements = 0;
    sql << "SELECT COUNT(*) FROM bank_statements", soci::into(statements);
    return statements > 0;
  });
  const auto op = seeded ? 0 : demo_user_id(app, "operator@brilliant.example");
  if (!op) return 0;
  auto kept = seed(app, op);
  if (!kept) {
    spdlog::warn("demo deposits: {}", kept.error().message);
    return 0;
  }
  return *kept;
}

}  // namespace brilliant::app
