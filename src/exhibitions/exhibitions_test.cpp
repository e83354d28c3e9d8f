// Taking part in a fair: a workshop applies, the operator selects it, it brings its own published pieces
// only, and translates them; refusals name what was wrong.
#include "exhibitions/exhibitions.hpp"

#include <gtest/gtest.h>

#include "exhibitions/testing.hpp"

namespace brilliant::exhibitions {
namespace {

TEST_F(ExhibitionsTest, FromApplicationToPiecesAtTheFair) {
  ASSERT_TRUE(exhibitions.create(hong_kong()).ok());
  EXPECT_EQ(exhibitions.create(hong_kong()).error().code, "slug_taken");
  EXPECT_EQ(exhibitions.apply("nowhere", 1, "").error().kind, ErrorKind::not_found);
  EXPECT_EQ(exhibitions.set_piece("hk-2026", 1, 1, true, 90000, 5).error().kind, ErrorKind::forbidden);
  ASSERT_TRUE(exhibitions.apply("hk-2026", 1, "금 공방의 신작").ok());
  EXPECT_EQ(exhibitions.decide("hk-2026", 2, "selected").error().kind,
            ErrorKind::not_found);  // never applied
  EXPECT_EQ(exhibitions.decide("hk-2026", 1, "maybe").error().field, "state");
  ASSERT_TRUE(exhibitions.decide("hk-2026", 1, "selected").ok());
  EXPECT_EQ(exhibitions.apply("hk-2026", 1, "again").error().code, "already_selected");

  ASSERT_TRUE(exhibitions.set_piece("hk-2026", 1, 1, true, 90000, 5).ok());
  EXPECT_EQ(exhibitions.set_piece("hk-2026", 1, 2, true, 0, 1).error().kind,
            ErrorKind::not_found);  // silver's
  EXPECT_EQ(exhibitions.set_piece("hk-2026", 1, 3, true, 0, 1).error().kind,
            ErrorKind::not_found);  // a draft
  EXPECT_EQ(exhibitions.set_piece("hk-2026", 1, 1, true, -5, 1).error().field, "wholesale_price");
  EXPECT_EQ(exhibitions.set_piece("hk-2026", 1, 1, true, 0, 0).error().field, "min_quantity");
  const auto e = exhibitions.find("hk-2026").value();
  ASSERT_EQ(exhibitions.pieces(e.id).size(), 1u);
  EXPECT_EQ(exhibitions.pieces(e.id)[0].wholesale_price, 90000);
  ASSERT_TRUE(exhibitions.set_piece("hk-2026", 1, 1, false, 0, 1).ok());
  EXPECT_TRUE(exhibitions.pieces(e.id).empty());
  ASSERT_TRUE(exhibitions.decide("hk-2026", 1, "declined").ok());
  EXPECT_EQ(exhibitions.participant(e.id, 1)->state, "declined");
  EXPECT_TRUE(exhibitions.apply("hk-2026", 1, "please reconsider").ok());  // back to applied
  EXPECT_EQ(exhibitions.participant(e.id, 1)->state, "applied");
}

TEST_F(ExhibitionsTest, AWorkshopTranslatesItsOwnPiecesOnly) {
  ASSERT_TRUE(exhibitions.translate(1, 1, "zh", "太阳戒指", "太阳的故事").ok());
  ASSERT_TRUE(exhibitions.translate(1, 1, "ja", "太陽のリング", "", true).ok());
  EXPECT_EQ(exhibitions.translate(2, 1, "zh", "x", "").error().kind, ErrorKind::not_found);
  EXPECT_EQ(exhibitions.translate(1, 1, "fr", "x", "").error().field, "lang");
  EXPECT_EQ(exhibitions.translate(1, 1, "zh", "a\nb", "").error().field, "title");
  EXPECT_EQ(exhibitions.translate(1, 1, "zh", "", "only a story").error().field, "title");
  const auto t = exhibitions.translations({1});
  EXPECT_EQ((t.at({1, "zh"}).story), "太阳的故事");
  EXPECT_TRUE((t.at({1, "ja"}).machine_draft));
  EXPECT_TRUE(exhibitions.translations({2}).empty());
}

}  // namespace
}  // namespace brilliant::exhibitions
