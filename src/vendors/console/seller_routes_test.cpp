#include "vendors/console/seller_routes.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "vendors/console/seller.hpp"

namespace brilliant::vendors {
namespace {

boost::json::object parse(const char* text) { return boost::json::parse(text).as_object(); }

TEST(SellerJson, ReadsTheTextFieldsAndNamesOneThatIsNot) {
  auto s = seller_from_json(parse(R"({"company":"달빛 금공방","representative":"김장인",
    "registration_no":"1208147521","address":"익산시 보석로 7","phone":"063-123-4567","email":"a@b.kr"})"));
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->company, "달빛 금공방");
  EXPECT_EQ(s->email, "a@b.kr");
  EXPECT_TRUE(check_seller(*s));
  EXPECT_EQ(seller_from_json(parse(R"({"phone":63})")).error().field, "phone");
  EXPECT_TRUE(
      seller_from_json(parse(R"({})"))->company.empty());  // absent: empty, for check_seller to refuse
}

TEST(SellerJson, TheAnswerShowsTheRegistrationNumberAsPeopleReadIt) {
  catalog::Seller s;
  s.company = "달빛 금공방";
  s.registration_no = "1208147521";
  auto o = seller_json(s);
  EXPECT_EQ(o.at("company"), "달빛 금공방");
  EXPECT_EQ(o.at("registration_no"), "1208147521");
  EXPECT_EQ(o.at("registration_display"), "120-81-47521");
  EXPECT_EQ(o.at("email"), "");
}

}  // namespace
}  // namespace brilliant::vendors
