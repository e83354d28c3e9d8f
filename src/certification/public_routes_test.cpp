// Public certification routes: anyone, no login; machine documents without a session.
#include "certification/routes_testing.hpp"

namespace brilliant::certification {

TEST_F(CertificationRoutesTest, PublicPagesAndDocumentsNeedNoLogin) {
  for (const char* p :
       {"/eco", "/certificates", "/certificates/{certificate}", "/certificates/{certificate}/credential.json",
        "/certificates/{certificate}/proof.json", "/certificates/{certificate}/qr.svg",
        "/certificates/{certificate}/qr.png", "/certificates/{certificate}/tag",
        "/certificates/status/{purpose}", "/api/v1/certificates", "/api/v1/certificates/{certificate}",
        "/api/v1/certification/scheme"}) {
    const auto* r = route(web::Method::get, p);
    ASSERT_NE(r, nullptr) << p;
    EXPECT_FALSE(r->access.login) << p;
  }
  EXPECT_FALSE(route(web::Method::get, "/certificates/{certificate}/credential.json")->session);
  EXPECT_FALSE(route(web::Method::get, "/certificates/status/{purpose}")->session);
  // The status list comes before the certificate pattern, so "status" is never read as a number.
  EXPECT_LT(route(web::Method::get, "/certificates/status/{purpose}")->index,
            route(web::Method::get, "/certificates/{certificate}")->index);
}

}  // namespace brilliant::certification
