// Auditors' and operators' certification routes.
#include "certification/routes_testing.hpp"

namespace brilliant::certification {

TEST_F(CertificationRoutesTest, AuditsAreForAuditorsStatusChangesAlsoForOperatorsSchemesForOperators) {
  int checked = 0;
  for (const auto& r : router.routes()) {
    const auto& p = r.pattern;
    if (p.starts_with("/audit/certificates") ||
        (p.starts_with("/api/v1/certificates/") && r.method == web::Method::post)) {
      EXPECT_EQ(r.access.any_of, bit(web::Role::auditor) | bit(web::Role::operator_)) << p;
    } else if ((p.starts_with("/audit") || p.starts_with("/api/v1/audit")) && r.method == web::Method::post) {
      EXPECT_EQ(r.access.any_of, bit(web::Role::auditor)) << p;  // only auditors score and decide
    } else if (p.starts_with("/audit") || p.starts_with("/api/v1/audit")) {
      EXPECT_EQ(r.access.any_of, bit(web::Role::auditor) | bit(web::Role::operator_))
          << p;  // operators may look
    } else if (p.starts_with("/operator/certification") || p == "/api/v1/certification/schemes") {
      EXPECT_EQ(r.access.any_of, bit(web::Role::operator_)) << p;
    } else {
      continue;
    }
    ++checked;
  }
  EXPECT_GE(checked, 18);
}

}  // namespace brilliant::certification
