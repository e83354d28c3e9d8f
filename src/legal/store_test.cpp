#include "legal/store.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <boost/json.hpp>

#include "db/testing.hpp"

namespace brilliant::legal {
namespace {

struct LegalStoreTest : ::testing::Test {
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  FixedClock clock{TimePoint{}};
  LegalStore store{*db, clock};
  long long history() {
    long long n = 0;
    db->read([&](soci::session& s) { s << "SELECT COUNT(*) FROM brand_history", soci::into(n); });
    return n;
  }
};

TEST_F(LegalStoreTest, NothingUntilSavedThenEveryFieldReadsBack) {
  store.load();
  EXPECT_FALSE(store.current()->has_value());
  EXPECT_EQ(store.footer()->at("missing"), true);
  int changes = 0;
  store.on_change([&] { ++changes; });
  auto b = demo_business();
  b.arrangement = Arrangement::seller;
  b.registration_no = "120-81-47521";
  ASSERT_TRUE(store.save(b, 0));
  EXPECT_EQ(changes, 1);
  EXPECT_EQ(history(), 1);
  LegalStore again(*db, clock);
  again.load();
  ASSERT_TRUE(again.current()->has_value());
  const auto& read = **again.current();
  EXPECT_EQ(read.company, b.company);
  EXPECT_EQ(read.registration_no, "1208147521");
  EXPECT_EQ(read.processors, b.processors);
  EXPECT_EQ(read.arrangement, Arrangement::seller);
  EXPECT_EQ(boost::json::value_to<std::string>(again.footer()->at("company")), b.company);
}

TEST_F(LegalStoreTest, ABadSaveChangesNothing) {
  ASSERT_TRUE(store.save(demo_business(), 0));
  auto b = demo_business();
  b.company = "새 상호";
  b.email = "not-an-email";
  const auto saved = store.save(b, 0);
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().field, "email");
  EXPECT_EQ((*store.current())->company, demo_business().company);
  EXPECT_EQ(history(), 1);
}

}  // namespace
}  // namespace brilliant::legal
