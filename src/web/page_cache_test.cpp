#include "web/page_cache.hpp"

#include <gtest/gtest.h>

namespace brilliant::web {

TEST(PageCache, PutsEachVisitorsTokenBack) {
  PageCache cache;
  auto page = Response::html("<meta content=\"TOKEN1\"><input value=\"TOKEN1\">");
  cache.put("ko|/shop", page, "TOKEN1");
  auto hit = cache.get("ko|/shop", "OTHER");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->body, "<meta content=\"OTHER\"><input value=\"OTHER\">");
  EXPECT_EQ(hit->header("content-type"), "text/html; charset=utf-8");
  EXPECT_FALSE(cache.get("en|/shop", "x"));
}

TEST(PageCache, SkipsErrorsAndCookiesAndClears) {
  PageCache cache;
  cache.put("a", Response::html("x", 404), "t");
  EXPECT_FALSE(cache.get("a", "t"));
  auto page = Response::html("x");
  page.add("Set-Cookie", "sid=secret");
  cache.put("b", page, "t");
  EXPECT_TRUE(cache.get("b", "t")->header("set-cookie").empty());
  cache.clear();
  EXPECT_EQ(cache.size(), 0u);
}

}  // namespace brilliant::web
