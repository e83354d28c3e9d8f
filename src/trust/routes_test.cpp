#include "trust/routes.hpp"

#include <gtest/gtest.h>

namespace brilliant::trust {

TEST(TrustRoutes, TheIssuerIsDidWebOfTheBaseUrlsHost) {
  EXPECT_EQ(did_web("https://brilliant.example"), "did:web:brilliant.example");
  EXPECT_EQ(did_web("https://brilliant.example/shop"), "did:web:brilliant.example");
  EXPECT_EQ(did_web("http://127.0.0.1:8080"), "did:web:127.0.0.1%3A8080");
}

}  // namespace brilliant::trust
