#include "ops/inventory.hpp"

#include <gtest/gtest.h>

#include "ops/testing.hpp"

namespace brilliant::ops {
namespace {

TEST(Inventory, CountsEveryTableAndKnowsTheSchema) {
  Installation live;
  live.add_public_blob("one");
  live.database->read([](soci::session& s) {
    const auto counts = count_rows(s);
    bool seen_orders = false, seen_blobs = false;
    for (const auto& t : counts) {
      seen_orders |= t.table == "orders";
      if (t.table == "public_blobs") {
        seen_blobs = true;
        EXPECT_EQ(t.rows, 1);
      }
      EXPECT_FALSE(t.table.starts_with("sqlite_"));
    }
    EXPECT_TRUE(seen_orders);
    EXPECT_TRUE(seen_blobs);
    EXPECT_GE(schema_version(s), 25);
  });
}

TEST(Inventory, FindsBlobsInEveryColumnThatHoldsThemAndInAWorkshopPhotosRenditions) {
  Installation live;
  const std::string a(64, 'a'), b(64, 'b'), c(64, 'c');
  const std::string renditions = "[{\"name\":\"card\",\"hash\":\"" + b + "\"},{\"hash\":\"" + c + "\"}]";
  live.database->write([&](soci::session& s) {
    s << "INSERT INTO workshops (slug, name, created_at, updated_at) VALUES ('w', '공방', "
         "'2026-11-29T00:00:00Z', '2026-11-29T00:00:00Z')";
    s << "INSERT INTO workshop_photos (workshop_id, original_hash, renditions, created_at) VALUES ((SELECT "
         "id FROM "
         "workshops WHERE slug = 'w'), :a, :r, '2026-11-29T00:00:00Z')",
        soci::use(a), soci::use(renditions);
    s << "INSERT INTO public_blobs (hash, content_type) VALUES (:b, 'image/png')", soci::use(b);
    s << "INSERT INTO public_blobs (hash, content_type) VALUES ('not-a-hash', 'image/png')";
  });
  // Every listed column exists (the query would throw otherwise) and repeats are folded.
  const auto blobs = live.database->read([](soci::session& s) { return referenced_blobs(s); });
  EXPECT_EQ(blobs, (std::vector<std::string>{a, b, c}));
}

}  // namespace
}  // namespace brilliant::ops
