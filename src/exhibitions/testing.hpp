// For the exhibitions' tests: nine people (ids 1-9), two workshops (1 "gold", 2 "silver") with a published
// ring each (ids 1 and 2: 120,000 and 80,000 won) and a draft one of gold (id 3), the catalog over them, and
// the service.
#pragma once
#include <gtest/gtest.h>

#include "catalog/service.hpp"
#include "db/database.hpp"
#include "db/testing.hpp"
#include "exhibitions/exhibitions.hpp"

namespace brilliant::exhibitions {

class ExhibitionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([](soci::session& s) {
      s << "INSERT INTO workshops (slug, name, name_en, status, created_at, updated_at) VALUES ('gold', '금 "
           "공방', "
           "'Gold Atelier', 'active', 'x', 'x')";
      s << "INSERT INTO workshops (slug, name, name_en, status, created_at, updated_at) VALUES ('silver', "
           "'은 공방', "
           "'Silver Atelier', 'active', 'x', 'x')";
      for (int i = 1; i <= 9; ++i) {  // the people the route tests call as
        const std::string email = "u" + std::to_string(i) + "@x.example";
        s << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES (:e, 'U', '', "
             "'x', 'x')",
            soci::use(email);
      }
    });
    piece(1, "sun-ring", "해 반지", "Sun ring", 120000);
    piece(2, "moon-ring", "달 반지", "Moon ring", 80000);
    piece(1, "draft-ring", "초안 반지", "Draft ring", 50000, catalog::ProductStatus::draft);
    catalog.refresh();
  }
  void piece(long long workshop, const std::string& slug, const std::string& ko, const std::string& en,
             long long price, catalog::ProductStatus status = catalog::ProductStatus::published) {
    catalog::Product p;
    p.workshop_id = workshop;
    p.slug = slug;
    p.status = status;
    p.published_at = "2026-11-01T00:00:00Z";
    p.category = "ring";
    p.title_ko = ko;
    p.title_en = en;
    p.story_ko = ko + " 이야기";
    p.story_en = en + " story";
    p.metal = workshop == 1 ? "gold" : "silver";
    p.purity = workshop == 1 ? 585 : 925;
    p.weight_mg = 2000;
    p.pricing = "fixed";
    p.fixed_price = price;
    p.price = price;
    p.variants.push_back({0, slug + "-1", 0, 520, 0, "", 0, 3, 0});
    auto made = catalog.create(p, catalog.workshop_by_id(workshop));
    ASSERT_TRUE(made.ok()) << made.error().message;
  }
  ExhibitionInput hong_kong() const {
    return {"hk-2026",
            "홍콩 주얼리 쇼",
            "Hong Kong Jewellery Show",
            "Hong Kong",
            "hk",
            "HKCEC",
            "1B-23",
            "2026-03-04",
            "2026-03-08",
            "hkd",
            12000000};
  }

  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  FixedClock clock{TimePoint{} + std::chrono::hours(24 * (365 * 56 + 14))};  // 2026-01-01
  catalog::Catalog catalog{*db, clock,
                           [](const std::string& l, const std::string& k) { return l + ":" + k; }};
  Exhibitions exhibitions{*db, clock};
};

}  // namespace brilliant::exhibitions
