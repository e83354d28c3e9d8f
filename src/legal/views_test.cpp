#include "legal/views.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace brilliant::legal {
namespace {

TEST(LegalViews, ShowsTheRegistrationNumberAndListsTheProcessors) {
  auto b = demo_business();
  b.processors = "CJ대한통운: 상품 배송\n\n  토스페이먼츠 : 카드 결제  \nno purpose given";
  const auto o = business_json(b);
  EXPECT_EQ(o.at("registration_display"), "120-81-47521");
  EXPECT_EQ(o.at("mediator"), true);
  const auto& p = o.at("processors").as_array();
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].at("name"), "CJ대한통운");
  EXPECT_EQ(p[0].at("purpose"), "상품 배송");
  EXPECT_EQ(p[1].at("name"), "토스페이먼츠");
  EXPECT_EQ(p[1].at("purpose"), "카드 결제");
  EXPECT_EQ(p[2].at("purpose"), "");
}

TEST(LegalViews, AStoreWithoutParticularsSaysSo) {
  EXPECT_EQ(footer_json(std::nullopt).at("missing"), true);
  auto b = demo_business();
  b.arrangement = Arrangement::seller;
  const auto o = footer_json(b);
  EXPECT_FALSE(o.contains("missing"));
  EXPECT_EQ(o.at("mediator"), false);
  EXPECT_EQ(o.at("arrangement"), "seller");
}

}  // namespace
}  // namespace brilliant::legal
