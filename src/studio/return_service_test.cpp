// The returns station's work (return_service.cpp and return_repo.cpp): a returned piece is received only
// when it was shipped, its shots are compared with its packing shots, and a person decides; the same
// piece re-shot moved and relit matches, another piece does not.
#include <gtest/gtest.h>

#include "studio/testing.hpp"

namespace brilliant::studio {

using StudioReturns = StudioFixture;

TEST_F(StudioReturns, OnlyAShippedPieceCanComeBackAndTheInspectionResumes) {
  EXPECT_EQ(studio.open_return(1, "IT-0000-0000", "3.2").error().field, "serial");
  const auto stay = studio.intake(1, "BR-1-13", "3.20", "", "").value();
  EXPECT_EQ(studio.open_return(1, stay.serial, "3.2").error().code, "not_shipped");
  const auto serial = packed_order();
  EXPECT_EQ(studio.open_return(1, serial, "heavy").error().field, "weight");
  const auto opened = studio.open_return(1, serial, "3.19").value();
  EXPECT_EQ(opened.order_number, "B-1");
  EXPECT_EQ(opened.packed_cg, 320);
  EXPECT_EQ(opened.weight_cg, 319);
  EXPECT_TRUE(opened.open());
  EXPECT_EQ(studio.item(serial)->status, "return_received");
  // Scanning it again resumes the same inspection.
  EXPECT_EQ(studio.open_return(1, serial, "3.19").value().id, opened.id);
  EXPECT_EQ(studio.recent_returns(5).size(), 1u);
}

TEST_F(StudioReturns, TheSamePieceReShotMatchesAnotherDoesNot) {
  const auto serial = packed_order();
  auto r = studio.open_return(1, serial, "3.20").value();
  EXPECT_EQ(studio.add_return_photo(r.id, "box", piece_photo(300, 300, 100)).error().field, "view");
  // Moved, nearer the camera and under dimmer light: still the same piece.
  ASSERT_TRUE(studio.add_return_photo(r.id, "piece", piece_photo(460, 280, 140, false, 224)).ok());
  ASSERT_TRUE(studio.add_return_photo(r.id, "serial", piece_photo(360, 330, 100, true, 226)).ok());
  r = studio.inspection(r.id).value();
  ASSERT_EQ(r.match.views.size(), 2u);
  for (const auto& v : r.match.views) EXPECT_TRUE(v.match) << v.view << " " << v.distance;
  EXPECT_TRUE(r.match.match);
  EXPECT_GE(r.match.score, 75);
  // Accepting a match needs no reason; the decision is final and logged.
  r = studio.decide(1, r.id, "accept", "").value();
  EXPECT_EQ(r.decision, "accept");
  EXPECT_FALSE(r.open());
  EXPECT_NE(log.entry(static_cast<uint64_t>(r.log_index)).find("return.decided"), std::string::npos);
  EXPECT_EQ(studio.decide(1, r.id, "reject", "changed my mind").error().code, "return_decided");
  EXPECT_EQ(studio.add_return_photo(r.id, "piece", piece_photo(300, 300, 100)).error().code,
            "return_decided");
  EXPECT_EQ(studio.item(serial)->status, "inspected");
}

TEST_F(StudioReturns, AnotherPieceDoesNotMatchAndNeedsAReason) {
  const auto serial = packed_order();
  auto r = studio.open_return(1, serial, "2.60").value();
  EXPECT_EQ(studio.decide(1, r.id, "reject", "swapped").error().code, "shot_missing");
  EXPECT_EQ(studio.decide(1, r.id, "maybe", "").error().field, "decision");
  // A bar came back where a disc was sent, and a disc where the bar was: and 0.6 g lighter.
  ASSERT_TRUE(studio.add_return_photo(r.id, "piece", piece_photo(400, 300, 120, true)).ok());
  ASSERT_TRUE(studio.add_return_photo(r.id, "serial", piece_photo(400, 300, 120)).ok());
  r = studio.inspection(r.id).value();
  EXPECT_FALSE(r.match.match);
  EXPECT_FALSE(r.match.weight_ok);
  for (const auto& v : r.match.views) EXPECT_FALSE(v.match) << v.view << " " << v.distance;
  EXPECT_LT(r.match.score, 50);
  EXPECT_EQ(studio.decide(1, r.id, "accept", " ").error().field, "reason");
  // Escalated, it stays open and is decided again later.
  r = studio.decide(1, r.id, "escalate", "looks swapped: ask the operator").value();
  EXPECT_TRUE(r.open());
  r = studio.decide(1, r.id, "reject", "not the piece we sent").value();
  EXPECT_EQ(r.decision, "reject");
  EXPECT_EQ(r.reason, "not the piece we sent");
}

}  // namespace brilliant::studio
