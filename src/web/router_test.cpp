#include "web/router.hpp"

#include <gtest/gtest.h>

namespace brilliant::web {

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router.get("/products/{slug}", [](Request& r) { return Response::text(std::string(r.param("slug"))); });
    router.post("/products/{slug}", [](Request&) { return Response::text("posted"); });
    router.get("/", [](Request&) { return Response::text("home"); });
  }
  Router router;
};

TEST_F(RouterTest, CapturesParameters) {
  auto m = router.match(Method::get, "/products/gold-ring");
  ASSERT_NE(m.route, nullptr);
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0].first, "slug");
  EXPECT_EQ(m.params[0].second, "gold-ring");
}

TEST_F(RouterTest, HeadUsesGet) { EXPECT_NE(router.match(Method::head, "/").route, nullptr); }

TEST_F(RouterTest, WrongMethodIsKnownPath) {
  auto m = router.match(Method::delete_, "/products/x");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_known);
  EXPECT_EQ(m.allowed, "GET, POST");
}

TEST_F(RouterTest, UnknownAndEmptySegments) {
  EXPECT_FALSE(router.match(Method::get, "/products/").path_known);
  EXPECT_FALSE(router.match(Method::get, "/products/a/b").path_known);
  EXPECT_FALSE(router.match(Method::get, "/nope").path_known);
}

TEST_F(RouterTest, CsrfDefaultsByMethod) {
  EXPECT_FALSE(router.routes()[0].csrf);
  EXPECT_TRUE(router.routes()[1].csrf);
}

TEST(Router, RejectsRelativePattern) {
  Router router;
  EXPECT_THROW(router.get("products", [](Request&) { return Response{}; }), std::invalid_argument);
}

}  // namespace brilliant::web
