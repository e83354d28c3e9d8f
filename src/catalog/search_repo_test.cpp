#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "catalog/repo.hpp"
#include "catalog/testing.hpp"
#include "db/testing.hpp"

namespace brilliant::catalog::repo {

// search() (catalog/search_repo.cpp): trigrams of the query, OR'ed and ranked, so pieces sharing more of the
// query come first (Catalog::search then asks every word to match); the limit holds.
TEST(SearchRepo, PiecesSharingMoreOfTheQueryComeFirstAndTheLimitHolds) {
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  std::vector<long long> ids;
  db->write([&](soci::session& sql) {
    const auto workshop = insert_workshop(sql, {0, "w", "공방", "Atelier", "", "", "", "", 0, "active"}, "x");
    for (int i = 0; i < 4; ++i) {
      auto p = sample_ring();
      p.id = 0;
      p.workshop_id = workshop;
      p.slug = "ring-" + std::to_string(i);
      p.published_at = "2026-11-25T00:00:00Z";
      for (auto& v : p.variants) {
        v.id = 0;
        v.sku = p.slug + "-" + v.sku;
      }
      ids.push_back(insert_product(sql, p, "x"));
      index_for_search(sql, db->backend(), ids.back(),
                       std::string("moonlight ring ") + (i % 2 ? "zephyrine" : "quokkaland"));
    }
  });
  auto found = [&](const std::string& q, int limit) {
    return db->read([&](soci::session& sql) { return search(sql, db->backend(), q, limit); });
  };
  EXPECT_EQ(found("moonlight", 50).size(), 4u);
  const auto zephyr = found("zephyrine", 50);  // "rin" is in "ring" too: all found, the two ranked first
  ASSERT_GE(zephyr.size(), 2u);
  EXPECT_EQ(std::set<long long>(zephyr.begin(), zephyr.begin() + 2), (std::set<long long>{ids[1], ids[3]}));
  const auto both = found("moonlight zephyrine", 50);
  ASSERT_EQ(both.size(), 4u);  // any shared trigram finds; the two with both words first
  EXPECT_EQ(std::set<long long>(both.begin(), both.begin() + 2), (std::set<long long>{ids[1], ids[3]}));
  EXPECT_EQ(found("moonlight", 3).size(), 3u);
}

}  // namespace brilliant::catalog::repo
