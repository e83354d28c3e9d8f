#include "app/seed_b2b.hpp"

#include <spdlog/spdlog.h>

#include "app/app.hpp"
#include "app/seed.hpp"
#include "studio/item.hpp"

namespace brilliant::app {
namespace {

// Buyers met at the booth: name, company, country, rating.
struct Met {
  const char *name, *company, *country;
  int rating;
};
constexpr Met met[] = {{"Tanaka Hiroshi", "Tanaka Trading", "JP", 5},
                       {"Chan Mei Ling", "Pearl Lane HK", "HK", 4},
                       {"Somchai Rattana", "Siam Gems", "TH", 3},
                       {"Lena Wagner", "Atelier Nord", "DE", 4},
                       {"Wong Ka Fai", "Harbour Gold", "HK", 2}};

void leads(App& app, const exhibitions::Exhibition& fair, const std::vector<long long>& pieces,
           long long operator_id) {
  int i = 0;
  for (const auto& m : met) {
    exhibitions::LeadInput in;
    in.client_id = "demo-lead-" + std::to_string(++i);
    in.name = m.name;
    in.company = m.company;
    in.country = m.country;
    in.rating = m.rating;
    in.consent = true;
    in.captured_at = format_utc(app.clock().now() - std::chrono::hours(24 * (238 - i % 3)));
    if (!pieces.empty()) in.interests = {pieces[static_cast<size_t>(i) % pieces.size()]};
    (void)app.leads().sync(fair.id, in, operator_id, false, pieces);
  }
}

// Two of the studio's pieces on the shelf went to the fair: one was sold there, one came back.
void travel(App& app, const std::string& fair, long long operator_id) {
  int sent = 0;
  for (const auto& item : app.studio().recent(100)) {
    if (sent == 2) break;
    if (studio::stock_delta(item.status, "sent_to_fair") != -1) continue;  // not on the shelf
    if (!app.studio().record(operator_id, item.serial, studio::Station::fair, "sent_to_fair", fair)) continue;
    (void)app.studio().record(operator_id, item.serial, studio::Station::fair,
                              sent == 0 ? "sold_at_fair" : "back_from_fair", fair);
    ++sent;
  }
}

}  // namespace

int seed_b2b(App& app, const std::string& buyer_email, const std::string& operator_email) {
  auto& b = app.b2b();
  if (!b.all().empty()) return 0;
  const auto buyer = demo_user_id(app, buyer_email), op = demo_user_id(app, operator_email);
  const auto fair = app.exhibitions().find("hong-kong-jewellery-fair");
  if (!buyer || !op || !fair) return 0;
  (void)b.apply(buyer, {"Tanaka Trading Co., Ltd.", "JP", "https://tanaka-trading.example",
                        "Select shop in Ginza and Osaka; gold and pearl pieces."});
  (void)b.decide(buyer, "approved", op);
  std::vector<exhibitions::Piece> pieces = app.exhibitions().pieces(fair->id);
  std::vector<long long> ids;
  for (const auto& p : pieces) ids.push_back(p.product_id);
  leads(app, *fair, ids, op);
  travel(app, fair->info.slug, op);
  int made = 0;
  // The states a person meets, one piece each: ordered and paid, accepted, sent, waiting for the workshop.
  for (size_t i = 0; i < pieces.size() && made < 4; ++i) {
    const auto& p = pieces[i];
    auto q = b.request(buyer, {p.slug, 0, p.min_quantity + 2,
                               made == 0 ? "For the spring window in Ginza." : "", fair->info.slug});
    if (!q) continue;
    ++made;
    if (made == 4) break;  // not yet answered
    const long long price = p.wholesale_price ? p.wholesale_price : 100000;
    if (!b.answer(p.workshop_id, q->number,
                  {price, p.min_quantity, made == 1 ? 21 : 14, 30, "Ex works Iksan."}, true, 0))
      continue;
    if (made == 3) continue;  // sent, waiting for the buyer
    if (!b.accept(buyer, q->number) || made == 2) continue;
    auto order = b.order(buyer, q->number,
                         {{"Tanaka Trading (Seoul forwarder)", "02-123-4567", "04524",
                           "서울특별시 중구 세종대로 110", "3층", "Forward to Tokyo"},
                          0,
                          "demo-b2b-order-" + q->number,
                          "en"});
    if (!order) {
      spdlog::error("demo B2B order: {}", order.error().message);
      continue;
    }
    (void)app.orders().mark_paid(order->number, op);
  }
  return made;
}

}  // namespace brilliant::app
