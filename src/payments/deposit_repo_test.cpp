// The deposits' SQL on a migrated database: a row kept once by its fingerprint, moves only from open.
#include "payments/deposit_repo.hpp"

#include <gtest/gtest.h>

#include "db/database.hpp"
#include "db/testing.hpp"

namespace brilliant::payments {
namespace {

class DepositRepoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([](soci::session& s) {
      s << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES ('op@x.kr', "
           "'운영자', 'h', 'x', 'x')";
    });
  }
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
};

TEST_F(DepositRepoTest, ADepositIsKeptOnceAndMovesOnlyFromOpen) {
  const StatementDeposit d{
      7, "2026-11-28 10:00", "김민지", "타행", 35000, "2026-11-28 10:00|김민지|35000||0"};
  db->write([&](soci::session& sql) {
    const auto s1 = deposit_repo::insert_statement(sql, "a.csv", 1, 1, "2026-11-28T01:00:00Z");
    EXPECT_TRUE(deposit_repo::insert_deposit(sql, s1, d));
    deposit_repo::set_new_count(sql, s1, 1);
    const auto s2 = deposit_repo::insert_statement(sql, "a.csv", 1, 1, "2026-11-28T02:00:00Z");
    EXPECT_FALSE(deposit_repo::insert_deposit(sql, s2, d));
  });
  db->read([&](soci::session& sql) {
    const auto open = deposit_repo::open(sql);
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].line, 7);
    EXPECT_EQ(open[0].depositor, "김민지");
    EXPECT_EQ(open[0].memo, "타행");
    EXPECT_EQ(open[0].amount, 35000);
    EXPECT_EQ(open[0].status, "open");
    const auto uploads = deposit_repo::statements(sql, 5);
    ASSERT_EQ(uploads.size(), 2u);
    EXPECT_EQ(uploads[1].deposits_new, 1);
    EXPECT_EQ(uploads[1].uploaded_by, "운영자");
  });
  db->write([&](soci::session& sql) {
    const auto id = deposit_repo::open(sql).at(0).id;
    EXPECT_TRUE(deposit_repo::set_aside(sql, id, "이자", 1, "2026-11-28T03:00:00Z"));
    EXPECT_FALSE(deposit_repo::set_aside(sql, id, "again", 1, "2026-11-28T03:00:00Z"));
    const auto decided = deposit_repo::decided(sql, 10);
    ASSERT_EQ(decided.size(), 1u);
    EXPECT_EQ(decided[0].note, "이자");
    EXPECT_EQ(decided[0].decided_by, "운영자");
    EXPECT_FALSE(deposit_repo::find(sql, id + 100).has_value());
  });
}

}  // namespace
}  // namespace brilliant::payments
