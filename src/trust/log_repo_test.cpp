#include "trust/log_repo.hpp"

#include <gtest/gtest.h>

#include "db/testing.hpp"

namespace brilliant::trust::repo {

TEST(LogRepo, EntriesKeepTheirOrderAndOneCheckpointPerSizeStays) {
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  const auto a = leaf_hash("a"), b = leaf_hash("b");
  EXPECT_EQ(db->write([&](soci::session& sql) { return append(sql, "a", a, "now"); }), 0u);
  EXPECT_EQ(db->write([&](soci::session& sql) { return append(sql, "b", b, "now"); }), 1u);
  EXPECT_EQ(leaves_from(*db, 0), (std::vector<Hash>{a, b}));
  EXPECT_EQ(leaves_from(*db, 1), (std::vector<Hash>{b}));
  EXPECT_EQ(entry(*db, 1).value(), "b");
  EXPECT_FALSE(entry(*db, 2).has_value());
  EXPECT_FALSE(latest_checkpoint(*db).has_value());
  save_checkpoint(*db, {2, to_hex(a), "first"}, "now");
  save_checkpoint(*db, {2, to_hex(b), "second"}, "now");  // the same size again: the first stays
  save_checkpoint(*db, {1, to_hex(a), "older"}, "now");
  EXPECT_EQ(latest_checkpoint(*db)->note, "first");
  EXPECT_EQ(checkpoints(*db).size(), 2u);
  EXPECT_EQ(from_hex(to_hex(b)), b);
  EXPECT_FALSE(from_hex("zz").has_value());
}

}  // namespace brilliant::trust::repo
