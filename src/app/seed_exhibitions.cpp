#include "app/seed_exhibitions.hpp"

#include <spdlog/spdlog.h>

#include "app/app.hpp"
#include "exhibitions/views.hpp"

namespace brilliant::app {
namespace {

// The day `days` from now in Seoul, YYYY-MM-DD.
std::string day(const Clock& clock, int days) {
  return format_seoul(clock.now() + std::chrono::hours(24 * days)).substr(0, 10);
}

// The workshop brings its first four pieces in stock at 70 % of retail, three at least, with machine-drafted
// Chinese and Japanese names.
void bring(App& app, const std::string& slug, const catalog::Workshop& w) {
  int brought = 0;
  for (const auto& c : app.catalog().snapshot()->cards) {
    if (c.workshop_slug != w.slug || !c.in_stock || brought == 4) continue;
    auto& x = app.exhibitions();
    if (!x.set_piece(slug, w.id, c.id, true, c.price * 7 / 10 / 1000 * 1000, 3)) continue;
    ++brought;
    const auto product = app.catalog().product(c.slug);
    for (const char* lang : {"zh", "ja"})
      if (product) (void)x.translate(w.id, c.id, lang, exhibitions::draft_title(*product, lang), "", true);
  }
}

}  // namespace

int seed_exhibitions(App& app) {
  auto& x = app.exhibitions();
  if (!x.all().empty()) return 0;
  (void)app.quotes().set_rate("HKD", "176.5");
  (void)app.quotes().set_rate("THB", "39.2");
  const auto& clock = app.clock();
  auto past = x.create({"hong-kong-jewellery-fair", "홍콩 주얼리 & 보석 박람회",
                        "Hong Kong Jewellery & Gem Fair", "Hong Kong", "HK", "AsiaWorld-Expo", "5G-12",
                        day(clock, -240), day(clock, -236), "HKD", 18500000});
  auto next =
      x.create({"bangkok-gems-fair", "방콕 보석 박람회", "Bangkok Gems & Jewelry Fair", "Bangkok", "TH",
                "IMPACT Muang Thong Thani", "", day(clock, 75), day(clock, 79), "THB", 9800000});
  if (!past || !next) {
    spdlog::error("demo exhibitions: {}", (!past ? past.error() : next.error()).message);
    return 0;
  }
  // The demo workshop and one more showed at the past fair.
  std::vector<catalog::Workshop> chosen;
  for (const auto& w : app.catalog().snapshot()->workshops)
    if (w.slug == "iksan-gold")
      chosen.insert(chosen.begin(), w);
    else if (chosen.size() < 2 && w.status == "active")
      chosen.push_back(w);
  if (chosen.size() > 2) chosen.resize(2);
  for (const auto& w : chosen) {
    (void)x.apply(past->info.slug, w.id, "");
    (void)x.decide(past->info.slug, w.id, "selected");
    bring(app, past->info.slug, w);
  }
  if (!chosen.empty())
    (void)x.apply(next->info.slug, chosen.front().id, "신작 반지와 귀걸이를 가져가고 싶습니다.");
  return 2;
}

}  // namespace brilliant::app
