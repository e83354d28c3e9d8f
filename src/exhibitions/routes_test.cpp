// The public side: the list of fairs, the line sheet in four languages (wholesale for approved buyers and
// the operator only), its PDF and the booth poster, and the JSON.
#include "exhibitions/routes.hpp"

#include <gtest/gtest.h>

#include "exhibitions/routes_testing.hpp"

namespace brilliant::exhibitions {
namespace {
using web::Method;

TEST_F(ExhibitionRoutesTest, TheLineSheetInFourLanguages) {
  fair_with_gold();
  const std::tuple<const char*, const char*, const char*> pages_[] = {
      {"/exhibitions/{slug}", "ko", "해 반지"},
      {"/exhibitions/{slug}", "en", "Sun ring"},
      {"/zh/exhibitions/{slug}", "ko", "太阳戒指"},
      {"/ja/exhibitions/{slug}", "en", "Sun ring"}};  // no Japanese yet: the English, marked
  for (const auto& [path, locale, title] : pages_) {
    auto r = call(Method::get, path, {{"slug", "hk-2026"}}, shopper, "", false, "", locale);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_NE(r.body.find(title), std::string::npos) << path << " " << locale;
    EXPECT_NE(r.body.find("HK$679.89"), std::string::npos);
    EXPECT_EQ(r.body.find("₩90,000"), std::string::npos) << "a shopper never sees wholesale";
    EXPECT_NE(r.body.find("<svg"), std::string::npos);  // the booth's QR code
  }
  auto r = call(Method::get, "/zh/exhibitions/{slug}", {{"slug", "hk-2026"}}, buyer, "", false);
  EXPECT_NE(r.body.find("₩90,000"), std::string::npos);
  EXPECT_NE(r.body.find("批发价"), std::string::npos);
  EXPECT_EQ(call(Method::get, "/exhibitions/{slug}", {{"slug", "nope"}}, shopper, "", false).status, 404);
}

TEST_F(ExhibitionRoutesTest, JsonAndPdfs) {
  fair_with_gold();
  auto r = call(Method::get, "/api/v1/exhibitions/{slug}", {{"slug", "hk-2026"}}, std::nullopt, "", true,
                "lang=zh");
  ASSERT_EQ(r.status, 200);
  auto o = body_of(r);
  EXPECT_EQ(o.at("pieces").as_array().at(0).at("title").as_string(), "太阳戒指");
  EXPECT_FALSE(o.at("pieces").as_array().at(0).as_object().contains("wholesale"));
  r = call(Method::get, "/api/v1/exhibitions/{slug}", {{"slug", "hk-2026"}}, op, "", true, "lang=ja");
  EXPECT_EQ(body_of(r).at("pieces").as_array().at(0).at("min_quantity").as_string(), "5");
  EXPECT_EQ(
      call(Method::get, "/api/v1/exhibitions/{slug}", {{"slug", "hk-2026"}}, op, "", true, "lang=fr").status,
      400);
  r = call(Method::get, "/api/v1/exhibitions", {}, std::nullopt);
  EXPECT_EQ(body_of(r).at("upcoming").as_array().at(0).at("pieces").as_int64(), 1);
  r = call(Method::get, "/exhibitions/{slug}/linesheet.pdf", {{"slug", "hk-2026"}}, std::nullopt, "", false,
           "lang=ja");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body.substr(0, 5), "%PDF-");
  r = call(Method::get, "/exhibitions/{slug}/poster.pdf", {{"slug", "hk-2026"}}, std::nullopt, "", false);
  EXPECT_EQ(r.body.substr(0, 5), "%PDF-");
  r = call(Method::get, "/exhibitions", {}, std::nullopt, "", false, "", "en");
  EXPECT_NE(r.body.find("Hong Kong Jewellery Show"), std::string::npos);
}

TEST_F(ExhibitionRoutesTest, AWithdrawnPieceLeavesTheSheet) {
  fair_with_gold();
  db->write([](soci::session& sql) { sql << "UPDATE products SET status = 'archived' WHERE id = 1"; });
  catalog.refresh();
  auto r = call(Method::get, "/api/v1/exhibitions/{slug}", {{"slug", "hk-2026"}}, op);
  EXPECT_TRUE(body_of(r).at("pieces").as_array().empty());
}

}  // namespace
}  // namespace brilliant::exhibitions
