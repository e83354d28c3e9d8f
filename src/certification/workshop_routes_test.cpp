// The workshop's certification routes: vendor staff for the console; claims and evidence files for the
// logged in, with ownership checked by the service.
#include "certification/routes_testing.hpp"

namespace brilliant::certification {

TEST_F(CertificationRoutesTest, TheConsoleIsForVendorStaffAndClaimsForTheirWorkshopOrOperators) {
  for (const auto& r : router.routes()) {
    if (r.pattern.starts_with("/console/certification") ||
        r.pattern.starts_with("/api/v1/console/certification")) {
      EXPECT_EQ(r.access.any_of, bit(web::Role::vendor_staff)) << r.pattern;
    }
    if (r.pattern.find("/claims") != std::string::npos) {
      EXPECT_EQ(r.access.any_of, bit(web::Role::vendor_staff) | bit(web::Role::operator_)) << r.pattern;
    }
  }
  const auto* file = route(web::Method::get, "/certification/evidence/{id}");
  ASSERT_NE(file, nullptr);
  EXPECT_TRUE(file->access.login);
  EXPECT_NE(route(web::Method::put, "/api/v1/console/products/{slug}/claims"), nullptr);
}

}  // namespace brilliant::certification
