#include "audit/audit.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "web/principal.hpp"

namespace brilliant::audit {
namespace {

TEST(Audited, StaffWorkshopsAuditorsAndTheOperatorButNotShoppers) {
  using web::Role;
  EXPECT_FALSE(audited(static_cast<uint32_t>(Role::shopper)));
  EXPECT_FALSE(audited(static_cast<uint32_t>(Role::shopper) | static_cast<uint32_t>(Role::buyer)));
  for (auto role : {Role::operator_, Role::vendor_staff, Role::auditor, Role::station_staff})
    EXPECT_TRUE(audited(static_cast<uint32_t>(Role::shopper) | static_cast<uint32_t>(role)));
}

TEST(KindOf, ChangesThatSucceededAndViewsOfPersonalData) {
  EXPECT_EQ(kind_of("POST", false, 303), "change");
  EXPECT_EQ(kind_of("PUT", false, 200), "change");
  EXPECT_EQ(kind_of("DELETE", false, 204), "change");
  EXPECT_EQ(kind_of("POST", false, 400), "");  // refused: nothing changed
  EXPECT_EQ(kind_of("GET", false, 200), "");
  EXPECT_EQ(kind_of("GET", true, 200), "view");
  EXPECT_EQ(kind_of("GET", true, 403), "");
}

TEST(DetailOf, FormAndJsonFieldsWithoutSecrets) {
  EXPECT_EQ(detail_of("application/x-www-form-urlencoded",
                      "_csrf=abc&price=120000&current_password=hunter2&note=%EC%95%88%EB%85%95%0Aline"),
            "price=120000\ncurrent_password=***\nnote=안녕 line");
  EXPECT_EQ(
      detail_of("application/json", R"({"status":"paid","api_key":"sk_live","rates":[{"rate_bp":1500}]})"),
      "status=paid\napi_key=***\nrates=[{\"rate_bp\":1500}]");
  EXPECT_EQ(detail_of("image/jpeg", std::string(5000, 'x')), "(5000 bytes, image/jpeg)");
  EXPECT_EQ(detail_of("application/json", ""), "");
  const auto long_form = detail_of("application/x-www-form-urlencoded", "story=" + std::string(500, 'a'));
  EXPECT_LE(long_form.size(), 220u);
  std::string many;
  for (int i = 0; i < 100; ++i) many += "f" + std::to_string(i) + "=" + std::string(100, 'v') + "&";
  EXPECT_LE(detail_of("application/x-www-form-urlencoded", many).size(), 2100u);
}

}  // namespace
}  // namespace brilliant::audit

namespace brilliant::audit {

TEST(AuditChanges, NamesEachValueThatChangedWithItsBeforeAndAfter) {
  const std::string before =
      R"({"title":"Edit","slug":"moon","price":120000,"price_text":"120,000원","status":"draft",)"
      R"("variants":[{"sku":"R-13","stock":2,"price":120000},{"sku":"R-15","stock":0}],"engraving":true,)"
      R"("api_key":"old","tags":["a","b"]})";
  const std::string after =
      R"({"title":"Edit","slug":"moon","price":130000,"price_text":"130,000원","status":"draft",)"
      R"("variants":[{"sku":"R-15","stock":0},{"sku":"R-13","stock":1,"price":120000},{"sku":"R-17","stock":4}],)"
      R"("api_key":"new","tags":["a"]})";
  EXPECT_EQ(changes(before, after),
            "price: 120000 → 130000\n"
            "variants[sku=R-13].stock: 2 → 1\n"
            "engraving: true → ∅\n"
            "api_key: *** → ***\n"
            "tags[1]: b → ∅\n"
            "variants[sku=R-17].stock: ∅ → 4");
}

TEST(AuditChanges, NothingWhenASideIsMissingOrUnchangedAndAtMostFortyLines) {
  EXPECT_EQ(changes("", R"({"a":1})"), "");
  EXPECT_EQ(changes(R"({"a":1})", "not json"), "");
  EXPECT_EQ(changes(R"({"a":1,"updated_at":"x","url":"/a"})", R"({"a":1,"updated_at":"y","url":"/b"})"), "");
  std::string before = "{", after = "{";
  for (int i = 0; i < 45; ++i) {
    before += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
    after += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i + 1);
  }
  const auto out = changes(before + "}", after + "}");
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 40);
  EXPECT_TRUE(out.ends_with("… 5 more"));
  EXPECT_TRUE(out.starts_with("k0: 0 → 1\n"));
}

}  // namespace brilliant::audit
