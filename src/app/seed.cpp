#include "app/seed.hpp"

#include <spdlog/spdlog.h>

#include "accounts/repo.hpp"
#include "app/seed_catalog.hpp"
#include "app/seed_certification.hpp"
#include "core/clock.hpp"

namespace brilliant::app {

namespace {

// A dozen pieces received at the studio's intake (serials, labels, one weight far off), once.
void seed_items(App& app) {
  const auto skus = app.database().read([](soci::session& sql) {
    std::vector<std::pair<std::string, long long>> out;
    long long items = 0;
    sql << "SELECT COUNT(*) FROM items", soci::into(items);
    if (items > 0) return out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT v.sku, CASE WHEN v.weight_mg > 0 THEN v.weight_mg ELSE p.weight_mg END FROM "
                        "variants v JOIN products p ON p.id = v.product_id ORDER BY v.id LIMIT 12");
    for (const auto& r : rows) out.emplace_back(db::row_text(r, 0), db::row_int(r, 1));
    return out;
  });
  const auto station = app.database().read([](soci::session& sql) {
    long long id = 0;
    sql << "SELECT id FROM users WHERE email = 'studio@brilliant.example'", soci::into(id);
    return id;
  });
  int n = 0;
  for (const auto& [sku, mg] : skus) {
    const long long measured = ++n == 5 ? mg * 13 / 10 : mg + (n % 3) * 10;  // the fifth is 30 % heavier
    const auto grams = std::to_string(measured / 1000) + "." + std::to_string(measured % 1000 / 100) +
                       std::to_string(measured % 100 / 10);
    if (auto item = app.studio().intake(station, sku, grams, "925", ""); !item)
      spdlog::warn("demo item {}: {}", sku, item.error().message);
  }
}

}  // namespace

std::vector<DemoLogin> seed_demo(App& app, int products) {
  const std::vector<std::tuple<web::Role, std::string, std::string>> people = {
      {web::Role::operator_, "operator@brilliant.example", "허브 운영자"},
      {web::Role::vendor_staff, "maker@brilliant.example", "보석공방 장인"},
      {web::Role::shopper, "shopper@brilliant.example", "김지민"},
      {web::Role::auditor, "auditor@brilliant.example", "인증 심사원"},
      {web::Role::station_staff, "studio@brilliant.example", "스튜디오 촬영팀"},
      {web::Role::buyer, "buyer@brilliant.example", "Buyer Tanaka"},
  };
  std::vector<DemoLogin> logins;
  for (const auto& [role, email, name] : people)
    logins.push_back({std::string(web::role_name(role)), email, demo_password});
  const bool empty =
      app.database().read([](soci::session& sql) { return accounts::repo::count_users(sql) == 0; });
  if (!empty) {
    if (seed_catalog(app.database(), app.catalog(), app.quotes(), app.clock(), products))
      app.catalog().refresh();
    if (seed_certification(app.database(), app.certification(), "auditor@brilliant.example"))
      app.catalog().refresh();
    seed_items(app);
    return logins;
  }
  const auto now = format_utc(std::chrono::system_clock::now());
  app.database().write([&](soci::session& sql) {
    sql << "INSERT INTO workshops (slug, name, status, created_at, updated_at) "
           "VALUES ('iksan-gold', '익산 금세공방', 'active', :a, :b)",
        soci::use(now), soci::use(now);
  });
  for (const auto& [role, email, name] : people) {
    auto user = app.accounts().add_user({email, name, demo_password, "ko"}, role, "iksan-gold");
    if (!user) spdlog::error("demo user {}: {}", email, user.error().message);
  }
  seed_catalog(app.database(), app.catalog(), app.quotes(), app.clock(), products);
  seed_certification(app.database(), app.certification(), "auditor@brilliant.example");
  seed_items(app);
  app.catalog().refresh();
  spdlog::info("demo data loaded");
  return logins;
}

}  // namespace brilliant::app
