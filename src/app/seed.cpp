#include "app/seed.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <functional>

#include "accounts/repo.hpp"
#include "app/seed_academy.hpp"
#include "app/seed_b2b.hpp"
#include "app/seed_catalog.hpp"
#include "app/seed_certification.hpp"
#include "app/seed_customers.hpp"
#include "app/seed_deposits.hpp"
#include "app/seed_exhibitions.hpp"
#include "app/seed_live.hpp"
#include "app/seed_marketing.hpp"
#include "app/seed_money.hpp"
#include "app/seed_studio.hpp"
#include "core/clock.hpp"
#include "legal/business.hpp"

namespace brilliant::app {

namespace {

// The demo hub's business particulars, until the operator enters its own (an installation from before
// they existed gets them too).
void seed_legal(App& app) {
  if (seed_sellers(app.database(), app.clock())) app.catalog().refresh();
  app.legal().load();
  if (app.legal().current()->has_value()) return;
  if (auto saved = app.legal().save(legal::demo_business(), 0); !saved)
    spdlog::error("demo business particulars: {}", saved.error().message);
}

// Google's product taxonomy numbers for our categories (Apparel & Accessories > Jewelry > Rings 200, ...),
// so the demo's Google feed is complete; Naver's and Kakao's are the operator's to fill in.
void seed_channels(App& app) {
  if (!app.channels().mapping("ko").at(0).external.at("google").empty()) return;
  const std::pair<const char*, const char*> google[] = {
      {"ring", "200"},     {"necklace", "196"}, {"pendant", "192"}, {"earrings", "194"},
      {"bracelet", "191"}, {"anklet", "189"},   {"brooch", "197"},  {"set", "6463"}};
  for (const auto& [category, id] : google)
    if (auto set = app.channels().set_mapping("google", category, id); !set)
      spdlog::error("demo channel mapping: {}", set.error().message);
}

// The demo's parts in order, each timed in the log (with a big catalog it shows which part is slow). On a
// database that already holds people (`fresh` false), each part adds only what it finds missing, and
// the catalog is reloaded after a part that changed it; a fresh one is reloaded once, before the parts
// that work over the pieces on sale.
void seed_parts(App& app, const StudioDemo& who, int products, bool fresh) {
  const auto timed = [](const char* part, const std::function<void()>& run) {
    const auto started = std::chrono::steady_clock::now();
    run();
    spdlog::info(
        "demo {}: {:.0f} ms", part,
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
  };
  timed("catalog", [&] {
    if (seed_catalog(app.database(), app.catalog(), app.quotes(), app.clock(), products) && !fresh)
      app.catalog().refresh();
  });
  timed("certification", [&] {
    if (seed_certification(app.database(), app.certification(), "auditor@brilliant.example") && !fresh)
      app.catalog().refresh();
  });
  timed("studio", [&] { seed_studio(app, who); });
  timed("money", [&] { seed_money(app, who.shopper_email, who.operator_email); });
  timed("legal", [&] { seed_legal(app); });
  timed("live", [&] { seed_live(app, who.operator_email, who.shopper_email); });
  if (fresh) timed("catalog reload", [&] { app.catalog().refresh(); });
  timed("marketing", [&] { seed_marketing(app); });  // over the pieces now on sale
  timed("coupons", [&] { seed_coupons(app, who.operator_email); });
  timed("customers", [&] { seed_customers(app, who.operator_email); });
  timed("deposits", [&] { seed_deposits(app); });
  timed("academy", [&] { seed_academy(app, "iksan-gold", "maker@brilliant.example", who.operator_email); });
  timed("channels", [&] { seed_channels(app); });
  timed("exhibitions", [&] { seed_exhibitions(app); });
  timed("b2b", [&] { seed_b2b(app, "buyer@brilliant.example", who.operator_email); });
}

}  // namespace

long long demo_user_id(App& app, const std::string& email) {
  return app.database().read([&](soci::session& sql) {
    long long id = 0;
    sql << "SELECT id FROM users WHERE email = :e", soci::use(email), soci::into(id);
    return id;
  });
}

long long demo_variant_in_stock(App& app, int more_than) {
  return app.database().read([&](soci::session& sql) {
    long long id = 0;
    sql << "SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id WHERE v.stock > :n AND "
           "p.status = 'published' AND p.made_to_order = 0 ORDER BY v.id DESC LIMIT 1",
        soci::use(more_than), soci::into(id);
    return id;
  });
}

std::vector<DemoLogin> seed_demo(App& app, int products) {
  // Who, and for vendor staff their workshop: two workshops' people, so that what one workshop's console
  // shows and what it may not touch (the other's pieces, parcels and settlements) can both be tried.
  const std::vector<std::tuple<web::Role, std::string, std::string, std::string>> people = {
      {web::Role::operator_, "operator@brilliant.example", "허브 운영자", ""},
      {web::Role::vendor_staff, "maker@brilliant.example", "보석공방 장인", "iksan-gold"},
      {web::Role::vendor_staff, "mireuk@brilliant.example", "미륵사 주얼리 공방장", "mireuk-jewelry"},
      {web::Role::shopper, "shopper@brilliant.example", "김지민", ""},
      {web::Role::auditor, "auditor@brilliant.example", "인증 심사원", ""},
      {web::Role::station_staff, "station@brilliant.example", "스튜디오 촬영팀", ""},
      {web::Role::buyer, "buyer@brilliant.example", "Buyer Tanaka", ""},
  };
  const StudioDemo studio_demo{"station@brilliant.example", "shopper@brilliant.example",
                               "operator@brilliant.example"};
  std::vector<DemoLogin> logins;
  for (const auto& [role, email, name, workshop] : people)
    logins.push_back({std::string(web::role_name(role)), email, demo_password});
  const bool empty =
      app.database().read([](soci::session& sql) { return accounts::repo::count_users(sql) == 0; });
  if (empty) {
    const auto now = format_utc(std::chrono::system_clock::now());
    // The staff's two workshops first (the catalog's seed gives them their stories and pieces).
    app.database().write([&](soci::session& sql) {
      sql << "INSERT INTO workshops (slug, name, status, created_at, updated_at) "
             "VALUES ('iksan-gold', '익산 금세공방', 'active', :a, :b), "
             "('mireuk-jewelry', '미륵사 주얼리', 'active', :c, :d)",
          soci::use(now), soci::use(now), soci::use(now), soci::use(now);
    });
    for (const auto& [role, email, name, workshop] : people) {
      auto user = app.accounts().add_user({email, name, demo_password, "ko"}, role, workshop);
      if (!user) spdlog::error("demo user {}: {}", email, user.error().message);
    }
  }
  seed_parts(app, studio_demo, products, empty);
  if (empty) spdlog::info("demo data loaded");
  return logins;
}

}  // namespace brilliant::app
