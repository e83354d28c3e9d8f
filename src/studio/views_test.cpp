// The studio's JSON: a return's comparison as the station shows it, and an order's evidence as the
// shopper sees it (photo links under the order's own address with a guest's key; no staff names).
#include "studio/views.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "studio/testing.hpp"
#include "web/testing.hpp"

namespace brilliant::studio {

using StudioViews = StudioFixture;

TEST_F(StudioViews, ReturnsAndEvidenceReadAsThePagesNeed) {
  web::TestPages pages;
  auto& renderer = pages.renderer;
  web::Request req;
  req.locale = "en";
  const auto serial = packed_order();
  const auto r = studio.open_return(1, serial, "3.15").value();
  const auto x = return_json(r, renderer, req);
  EXPECT_EQ(x.at("weight_diff_text").as_string(), "-0.05 g");
  EXPECT_EQ(x.at("views").as_array().size(), 2u);
  EXPECT_TRUE(x.at("views").at(0).at("has_packed").as_bool());
  EXPECT_FALSE(x.at("views").at(0).at("has_returned").as_bool());
  EXPECT_EQ(x.at("views").at(0).at("text").as_string(), "The piece");
  // An item and a packing session name their workshop in the page's language.
  EXPECT_EQ(item_json(*studio.item(serial), renderer, req).at("workshop").as_string(), "Workshop");
  req.locale = "ko";
  EXPECT_EQ(item_json(*studio.item(serial), renderer, req).at("workshop").as_string(), "공방");
  req.locale = "en";

  const auto e = evidence_json(studio.evidence("B-1"), renderer, req, "/orders/B-1/evidence", "key=k", false);
  const auto& photos = e.at("photos").as_array();
  ASSERT_EQ(photos.size(), 4u);
  const std::string url(photos.at(0).at("url").as_string());
  EXPECT_TRUE(url.starts_with("/orders/B-1/evidence/photos/")) << url;
  EXPECT_TRUE(url.ends_with("?key=k")) << url;
  EXPECT_EQ(e.at("proof_url").as_string(), "/orders/B-1/evidence/proof.json?key=k");
  for (const auto& ev : e.at("items").at(0).at("events").as_array())
    EXPECT_EQ(ev.at("actor").as_string(), "");  // the shopper does not see the staff's names
  const auto staff =
      evidence_json(studio.evidence("B-1"), renderer, req, "/operator/orders/B-1/evidence", "", true);
  EXPECT_EQ(staff.at("items").at(0).at("events").at(0).at("actor").as_string(), "Station");
}

}  // namespace brilliant::studio
