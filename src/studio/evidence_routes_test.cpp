// An order's evidence routes: each scope asks who may see the order (the shopper's own, the workshop's
// parcel, the operator's) before anything is read; the JSON, the proof bundle and the photos follow.
#include <gtest/gtest.h>

#include "studio/routes_testing.hpp"

namespace brilliant::studio {

using EvidenceRoutes = StudioRoutesTest;

TEST_F(EvidenceRoutes, OnlyThoseWhoMaySeeTheOrderGetItsEvidence) {
  size_t evidence = 0;
  for (const auto& r : router.routes())
    if (r.pattern.find("/evidence") != std::string::npos) {
      ++evidence;
      const bool console = r.pattern.find("console/") != std::string::npos;
      const bool op = r.pattern.find("operator/") != std::string::npos;
      EXPECT_EQ(r.access.any_of, console ? bit(web::Role::vendor_staff)
                                 : op    ? bit(web::Role::operator_)
                                         : 0u)
          << r.pattern;
    }
  EXPECT_EQ(evidence, 12u);

  packed_order();
  const std::vector<std::pair<std::string, std::string>> b1{{"number", "B-1"}};
  const auto shopper = person(7, web::Role::shopper), stranger = person(8, web::Role::shopper);
  auto mine = call(web::Method::get, "/api/v1/orders/{number}/evidence", b1, shopper);
  ASSERT_EQ(mine.status, 200) << mine.body;
  const auto photos = json_of(mine).at("photos").as_array();
  ASSERT_EQ(photos.size(), 4u);
  EXPECT_EQ(call(web::Method::get, "/api/v1/orders/{number}/evidence", b1, stranger).status, 404);
  EXPECT_EQ(call(web::Method::get, "/orders/{number}/evidence/proof.json", b1, stranger).status, 404);
  auto proof = call(web::Method::get, "/orders/{number}/evidence/proof.json", b1, shopper);
  ASSERT_EQ(proof.status, 200);
  EXPECT_EQ(proof.header("content-type"), "application/json");
  EXPECT_NE(proof.body.find("BrilliantOrderEvidence"), std::string::npos);
  // The workshop of the parcel sees it and its photos; another workshop does not.
  const std::string hash(photos.at(0).at("sha256").as_string());
  const auto maker = person(9, web::Role::vendor_staff, 1), rival = person(10, web::Role::vendor_staff, 2);
  EXPECT_EQ(call(web::Method::get, "/api/v1/console/orders/{number}/evidence", b1, maker).status, 200);
  EXPECT_EQ(call(web::Method::get, "/api/v1/console/orders/{number}/evidence", b1, rival).status, 404);
  EXPECT_EQ(call(web::Method::get, "/console/orders/{number}/evidence/photos/{sha256}",
                 {{"number", "B-1"}, {"sha256", hash}}, maker, "", "thumb=1")
                .status,
            200);
  EXPECT_EQ(call(web::Method::get, "/orders/{number}/evidence/photos/{sha256}",
                 {{"number", "B-1"}, {"sha256", std::string(64, 'a')}}, shopper)
                .status,
            404);
  const auto op = person(11, web::Role::operator_);
  EXPECT_EQ(call(web::Method::get, "/api/v1/operator/orders/{number}/evidence", b1, op).status, 200);
  EXPECT_EQ(
      call(web::Method::get, "/api/v1/operator/orders/{number}/evidence", {{"number", "B-2"}}, op).status,
      404);
}

}  // namespace brilliant::studio
