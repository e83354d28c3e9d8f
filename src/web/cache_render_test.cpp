#include "web/cache_render.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace brilliant::web {
namespace {

class CacheRenderTest : public ::testing::Test {
 protected:
  std::filesystem::path root = BRILLIANT_SOURCE_DIR;
  I18n i18n{root / "locales"};
  StaticFiles files{root / "static"};
  Renderer renderer{root / "templates", i18n, files, Reload::never};
  PageCache cache;
};

// The page is rendered as nobody's (no person, the marks for token and account area), kept, and given the
// visitor their own; the next visitor's copy from the cache has theirs; the request is as it was.
TEST_F(CacheRenderTest, RendersAsNobodyKeepsThePageAndGivesEachVisitorTheirOwn) {
  Request request;
  request.user = Principal{7, "a@x", "Ann", static_cast<uint32_t>(Role::shopper), 0};
  request.csrf_token = "ANNS-TOKEN";
  bool saw_person = true;
  auto page = render_for_cache(cache, renderer, request, "ko|/cart", "<b>Ann</b>", [&](Request& r) {
    saw_person = r.user.has_value();
    return Response::html("<input value=\"" + r.csrf_token + "\">" + renderer.account_mark());
  });
  EXPECT_FALSE(saw_person);
  EXPECT_EQ(page.body, "<input value=\"ANNS-TOKEN\"><b>Ann</b>");
  ASSERT_TRUE(request.user.has_value());
  EXPECT_EQ(request.user->user_id, 7);
  EXPECT_EQ(request.csrf_token, "ANNS-TOKEN");
  auto next = cache.get("ko|/cart", "BOBS-TOKEN", "<b>Bob</b>");
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->body, "<input value=\"BOBS-TOKEN\"><b>Bob</b>");
}

TEST_F(CacheRenderTest, TheRequestIsPutBackWhenRenderingThrows) {
  Request request;
  request.user = Principal{7, "a@x", "Ann", static_cast<uint32_t>(Role::shopper), 0};
  request.csrf_token = "ANNS-TOKEN";
  EXPECT_THROW(render_for_cache(cache, renderer, request, "ko|/cart", "",
                                [](Request&) -> Response { throw std::runtime_error("template"); }),
               std::runtime_error);
  EXPECT_TRUE(request.user.has_value());
  EXPECT_EQ(request.csrf_token, "ANNS-TOKEN");
  EXPECT_FALSE(cache.get("ko|/cart", "t", "").has_value());
}

}  // namespace
}  // namespace brilliant::web
