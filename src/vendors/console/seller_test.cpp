#include "vendors/console/seller.hpp"

#include <gtest/gtest.h>

#include "catalog/repo.hpp"
#include "db/testing.hpp"

namespace brilliant::vendors {
namespace {

catalog::Seller sample_seller() {
  return {" 달빛 공방 ", "김장인", "220-81-62517", "익산시 왕궁면 1", "063-111-2222", ""};
}

TEST(CheckSeller, NormalisesAndNamesTheFieldThatIsWrong) {
  const auto ok = check_seller(sample_seller());
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->company, "달빛 공방");
  EXPECT_EQ(ok->registration_no, "2208162517");
  auto bad = sample_seller();
  bad.registration_no = "220-81-62518";
  EXPECT_EQ(check_seller(bad).error().field, "registration_no");
  bad = sample_seller();
  bad.representative = " ";
  EXPECT_EQ(check_seller(bad).error().field, "representative");
  bad = sample_seller();
  bad.email = "not an email";
  EXPECT_EQ(check_seller(bad).error().field, "email");
  bad = sample_seller();
  bad.address = "line one\nline two";
  EXPECT_EQ(check_seller(bad).error().field, "address");
}

TEST(SaveSeller, ReplacesTheParticularsTheCatalogReads) {
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  FixedClock clock{TimePoint{}};
  const auto id = db->write([](soci::session& s) {
    return catalog::repo::insert_workshop(s, {0, "moon", "달빛", "Moon"}, "2026-11-29T00:00:00Z");
  });
  ASSERT_TRUE(save_seller(*db, clock, id, sample_seller()));
  auto changed = sample_seller();
  changed.phone = "063-999-0000";
  ASSERT_TRUE(save_seller(*db, clock, id, changed));
  const auto w = db->read([](soci::session& s) { return catalog::repo::find_workshop(s, "moon"); });
  ASSERT_TRUE(w && w->seller);
  EXPECT_EQ(w->seller->phone, "063-999-0000");
  EXPECT_FALSE(save_seller(*db, clock, id, catalog::Seller{}));
}

}  // namespace
}  // namespace brilliant::vendors
