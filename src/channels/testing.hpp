// For the channels' tests: a catalog with one workshop and pieces made on demand (published, a drawn SVG
// picture, stock as asked), and the channels reading it with plain words and a 3,000 won shipping fee
// (free from 50,000 won).
#pragma once
#include <gtest/gtest.h>

#include "catalog/service.hpp"
#include "channels/channels.hpp"
#include "db/database.hpp"
#include "db/testing.hpp"

namespace brilliant::channels {

class ChannelsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([](soci::session& s) {
      s << "INSERT INTO workshops (slug, name, name_en, status, created_at, updated_at) VALUES ('w', '익산 "
           "공방', 'Iksan Atelier', 'active', 'x', 'x')";
    });
  }
  // A published ring; its id.
  long long piece(const std::string& slug, int stock = 2, const std::string& title = "달빛 반지") {
    catalog::Product p;
    p.workshop_id = 1;
    p.slug = slug;
    p.status = catalog::ProductStatus::published;
    p.published_at = "2026-11-25T00:00:00Z";
    p.category = "ring";
    p.title_ko = title;
    p.title_en = "Moonlight Ring";
    p.story_ko = "밤하늘의\t달을\n담았습니다 & <빛>";
    p.metal = "gold";
    p.purity = 585;
    p.weight_mg = 2000;
    p.pricing = "fixed";
    p.fixed_price = 120000;
    p.price = 120000;
    p.stones.push_back({"pearl", "natural", 1});
    p.variants.push_back({0, slug + "-13", 0, 520, 0, "", 0, stock, 0});
    p.new_images.push_back({"image/svg+xml",
                            "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='40'><circle cx='20' "
                            "cy='20' r='15' fill='gold'/></svg>",
                            "", ""});
    auto id = catalog.create(p, {1, "w", "익산 공방", "Iksan Atelier"});
    EXPECT_TRUE(id.ok()) << (id ? "" : id.error().message);
    catalog.refresh();
    return id ? *id : 0;
  }
  void sql(const std::string& statement) {
    db->write([&](soci::session& s) { s << statement; });
    catalog.refresh();
  }

  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  FixedClock clock{TimePoint{} + std::chrono::hours(24 * 365 * 57)};
  catalog::Catalog catalog{*db, clock,
                           [](const std::string& l, const std::string& k) { return l + ":" + k; }};
  Channels channels{*db, clock, catalog,
                    Sources{[](const std::string& l, const std::string& k) { return l + ":" + k; },
                            [] {
                              return Shop{"브릴리언트", "https://brilliant.example", "익산의 보석"};
                            },
                            [](long long price) { return price >= 50000 ? 0LL : 3000LL; }}};
};

}  // namespace brilliant::channels
