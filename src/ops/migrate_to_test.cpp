#include "ops/migrate_to.hpp"

#include <gtest/gtest.h>

#include "ops/testing.hpp"

namespace brilliant::ops {
namespace {

TEST(MigrateTo, ParentsComeBeforeTheTablesThatReferToThem) {
  Installation live;
  live.database->read([](soci::session& s) {
    const auto copy = copy_order(s, {"order_lines", "orders", "variants", "products", "workshops", "users"});
    const auto& order = copy.tables;
    auto at = [&](const std::string& t) { return std::find(order.begin(), order.end(), t) - order.begin(); };
    ASSERT_EQ(order.size(), 6u);
    EXPECT_LT(at("workshops"), at("products"));
    EXPECT_LT(at("products"), at("variants"));
    EXPECT_LT(at("orders"), at("order_lines"));
    EXPECT_LT(at("variants"), at("order_lines"));
    EXPECT_LT(at("users"), at("orders"));
    // An order line may name the line it replaces: that column is filled in last.
    EXPECT_EQ(copy.deferred.at("order_lines"), (std::set<std::string>{"replaces_line_id"}));
  });
}

TEST(MigrateTo, ReferencesThatGoRoundAreFilledInLast) {
  Installation live;
  live.database->read([](soci::session& s) {
    const auto copy = copy_order(
        s, {"fulfilments", "order_returns", "orders", "users", "workshops", "variants", "products"});
    ASSERT_EQ(copy.tables.size(), 7u);
    // fulfilments and order_returns name each other: a nullable reference on the circle waits (a return's
    // parcel is required, so the parcel comes first and its "replaces return" is filled in last; the circle
    // broken, the return's replacement parcel is ordered as usual).
    auto at = [&](const std::string& t) {
      return std::find(copy.tables.begin(), copy.tables.end(), t) - copy.tables.begin();
    };
    EXPECT_LT(at("fulfilments"), at("order_returns"));
    EXPECT_EQ(copy.deferred.at("fulfilments"), (std::set<std::string>{"replaces_return_id"}));
    EXPECT_FALSE(copy.deferred.count("order_returns"));
  });
}

TEST(MigrateTo, AChecksumIsTheSameWhateverTheRowOrderAndTellsNullFromEmpty) {
  Installation live;
  live.database->write([](soci::session& s) {
    s << "CREATE TABLE t1 (id INTEGER, word TEXT)";
    s << "CREATE TABLE t2 (id INTEGER, word TEXT)";
    s << "INSERT INTO t1 VALUES (1, 'a'), (2, NULL), (3, 'c')";
    s << "INSERT INTO t2 VALUES (3, 'c'), (1, 'a'), (2, NULL)";
  });
  live.database->read([](soci::session& s) {
    const auto one = table_checksum(s, "t1", {"id", "word"});
    const auto two = table_checksum(s, "t2", {"id", "word"});
    EXPECT_EQ(one.first, 3);
    EXPECT_EQ(one, two);
  });
  live.database->write([](soci::session& s) { s << "UPDATE t2 SET word = '' WHERE id = 2"; });
  live.database->read([](soci::session& s) {
    EXPECT_NE(table_checksum(s, "t1", {"id", "word"}).second, table_checksum(s, "t2", {"id", "word"}).second)
        << "an empty text is not NULL";
  });
}

TEST(MigrateTo, OnlyFromSqliteIntoPostgresql) {
  Installation one, two;
  auto copied =
      copy_database(*one.database, *two.database, std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations");
  ASSERT_FALSE(copied);
  EXPECT_EQ(copied.error().field, "url");
}

}  // namespace
}  // namespace brilliant::ops
