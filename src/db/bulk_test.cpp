// Multi-row inserts (bulk.cpp): every row arrives, in chunks, with integers stored as integers.
#include "db/bulk.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/secret.hpp"
#include "db/database.hpp"

namespace brilliant::db {

TEST(Bulk, RowsArriveWholeInChunks) {
  auto path = std::filesystem::temp_directory_path() / ("bulk-" + random_token(6) + ".db");
  {
    auto db = Database::open("sqlite:" + path.string(), 1);
    db->write([](soci::session& s) { s << "CREATE TABLE t (n INTEGER NOT NULL, word TEXT NOT NULL)"; });
    std::vector<std::vector<std::string>> rows;
    for (int i = 0; i < 1001; ++i) rows.push_back({std::to_string(i), "w'\"" + std::to_string(i)});
    db->write([&](soci::session& s) { insert_rows(s, "t", {"n", "word"}, rows, 100); });
    long long count = 0, sum = 0;
    std::string last;
    db->read([&](soci::session& s) {
      s << "SELECT COUNT(*), SUM(n) FROM t", soci::into(count), soci::into(sum);
      s << "SELECT word FROM t WHERE n = 1000", soci::into(last);
    });
    EXPECT_EQ(count, 1001);
    EXPECT_EQ(sum, 1000 * 1001 / 2);  // summed as numbers
    EXPECT_EQ(last, "w'\"1000");
    db->write([](soci::session& s) { insert_rows(s, "t", {"n", "word"}, {}); });  // nothing: no statement
  }
  std::filesystem::remove(path);
}

TEST(Bulk, IdsMakeAnInList) {
  EXPECT_EQ(id_list({3, 5, 8}), "3,5,8");
  EXPECT_EQ(id_list({-1}), "-1");
  EXPECT_EQ(id_list({}), "");
  EXPECT_EQ(and_in("p.id", id_list({3, 5})), " AND p.id IN (3,5)");
  EXPECT_EQ(and_in("p.id", ""), "");
}

}  // namespace brilliant::db
