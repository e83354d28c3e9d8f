#include "catalog/repo.hpp"

#include <gtest/gtest.h>

#include "db/testing.hpp"

namespace brilliant::catalog::repo {

class RepoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([&](soci::session& sql) {
      workshop =
          insert_workshop(sql, {0, "w1", "익산 공방", "Iksan Atelier", "", "", "", "", 1990, "active"}, "x");
      add(sql, "milky-ring", "은하수 반지", "Milkyway Ring", "published",
          "은하수 반지 milkyway ring gold 금");
      add(sql, "dawn-ring", "새벽 반지", "Dawn Ring", "published", "새벽 반지 dawn ring silver 은은하게");
      add(sql, "secret-ring", "비밀 반지", "Secret Ring", "draft", "비밀 반지 secret ring milkyway");
    });
  }
  void add(soci::session& sql, const std::string& slug, const std::string& ko, const std::string& en,
           const std::string& status, const std::string& text) {
    Product p;
    p.workshop_id = workshop;
    p.slug = slug;
    p.status = product_status(status).value();
    p.published_at = status == "published" ? "2026-11-25T00:00:00Z" : "";
    p.category = "ring";
    p.title_ko = ko;
    p.title_en = en;
    p.metal = "gold";
    p.purity = 585;
    p.weight_mg = 2000;
    p.stones.push_back({"pearl", "natural", 1});
    p.variants.push_back({0, slug + "-1", 0, 520, 0, "", 0, 1, 0});
    p.new_images.push_back({"image/svg+xml", "<svg/>", ko, en});
    index_for_search(sql, db->backend(), insert_product(sql, p, "x"), text);
  }
  std::vector<std::string> slugs(const std::vector<long long>& ids) {
    auto snap = db->read([](soci::session& sql) { return load_snapshot(sql); });
    std::vector<std::string> out;
    for (auto id : ids) out.push_back(snap.cards[snap.by_id.at(id)].slug);
    return out;
  }
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  long long workshop = 0;
};

TEST_F(RepoTest, SnapshotHoldsOnlyPublishedWithTheirFacts) {
  auto snap = db->read([](soci::session& sql) { return load_snapshot(sql); });
  ASSERT_EQ(snap.cards.size(), 2u);
  const auto& card = snap.cards[snap.by_slug.at("milky-ring")];
  EXPECT_EQ(card.stone_kinds, std::vector<std::string>{"pearl"});
  EXPECT_EQ(card.origins, 1u);
  EXPECT_TRUE(card.in_stock);
  EXPECT_GT(card.image_id, 0);
  EXPECT_EQ(card.workshop_en, "Iksan Atelier");
  auto full = db->read([](soci::session& sql) { return find_product(sql, "secret-ring"); });
  ASSERT_TRUE(full.has_value());  // drafts load by slug (for their owners), not into the snapshot
  EXPECT_EQ(full->status, catalog::ProductStatus::draft);
  EXPECT_EQ(full->variants.size(), 1u);
}

TEST_F(RepoTest, SearchWordsTyposAndShortKoreanWords) {
  auto run = [&](const std::string& q) {
    return slugs(db->read([&](soci::session& sql) { return search(sql, db->backend(), q, 50); }));
  };
  EXPECT_EQ(run("milkyway"), std::vector<std::string>{"milky-ring"});  // the draft never shows
  EXPECT_EQ(run("milkywey").front(), "milky-ring");                    // one letter wrong
  auto short_word = run("은하");     // two syllables: substring scan, title matches first
  ASSERT_EQ(short_word.size(), 2u);  // "은은하게" in the other story matches too
  EXPECT_EQ(short_word.front(), "milky-ring");
  EXPECT_TRUE(run("   ").empty());
}

}  // namespace brilliant::catalog::repo
