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

// Routes are looked up by their first segment, but the table's order still decides: a route whose first
// segment is a capture, listed before a literal one, wins the paths both match, and loses when after it.
TEST(RouterOrder, TheTablesOrderDecidesBetweenCapturesAndLiterals) {
  Router r;
  auto answer = [](const char* text) { return [text](Request&) { return Response::text(text); }; };
  r.get("/{lang}/shop", answer("captured"));
  r.get("/en/shop", answer("literal"));
  r.get("/en/about", answer("literal about"));
  r.get("/{lang}/about", answer("captured about"));
  r.post("/{lang}/about", answer("posted"));
  Request req;
  EXPECT_EQ(r.match(Method::get, "/en/shop").route->handler(req).body, "captured");
  EXPECT_EQ(r.match(Method::get, "/en/about").route->handler(req).body, "literal about");
  EXPECT_EQ(r.match(Method::get, "/ko/about").route->handler(req).body, "captured about");
  const auto put = r.match(Method::put, "/en/about");
  EXPECT_EQ(put.route, nullptr);
  EXPECT_TRUE(put.path_known);
  EXPECT_EQ(put.allowed, "GET, GET, POST");
  EXPECT_FALSE(r.match(Method::get, "/en").path_known);
  EXPECT_FALSE(r.match(Method::get, "no-slash").path_known);
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
