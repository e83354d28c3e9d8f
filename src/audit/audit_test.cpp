#include "audit/audit.hpp"

#include <gtest/gtest.h>

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
