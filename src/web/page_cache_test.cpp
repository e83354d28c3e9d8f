#include "web/page_cache.hpp"

#include <gtest/gtest.h>

#include <future>
#include <thread>

namespace brilliant::web {

TEST(PageCache, PutsEachVisitorsTokenBack) {
  PageCache cache;
  auto page = Response::html("<meta content=\"TOKEN1\"><input value=\"TOKEN1\">");
  cache.put("ko|/shop", page, "TOKEN1", "t");
  auto hit = cache.get("ko|/shop", "OTHER");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->body, "<meta content=\"OTHER\"><input value=\"OTHER\">");
  EXPECT_EQ(hit->header("content-type"), "text/html; charset=utf-8");
  EXPECT_FALSE(cache.get("en|/shop", "x"));
}

TEST(PageCache, SkipsErrorsAndCookiesAndClears) {
  PageCache cache;
  cache.put("a", Response::html("x", 404), "t", "t");
  EXPECT_FALSE(cache.get("a", "t"));
  auto page = Response::html("x");
  page.add("Set-Cookie", "sid=secret");
  cache.put("b", page, "t", "t");
  EXPECT_TRUE(cache.get("b", "t")->header("set-cookie").empty());
  cache.clear();
  EXPECT_EQ(cache.size(), 0u);
}

TEST(PageCache, AFloodOfQueryStringsEvictsOnlyTheOldestQueryPages) {
  PageCache cache(10, 3);
  cache.put("ko|/", Response::html("home"), "P", "t");
  cache.put("ko|/shop", Response::html("shop"), "P", "t");
  for (int i = 0; i < 100; ++i) cache.put("ko|/shop?x=" + std::to_string(i), Response::html("q"), "P", "t");
  EXPECT_TRUE(cache.get("ko|/", "t"));
  EXPECT_TRUE(cache.get("ko|/shop", "t"));
  EXPECT_FALSE(cache.get("ko|/shop?x=96", "t"));
  EXPECT_TRUE(cache.get("ko|/shop?x=97", "t"));
  EXPECT_TRUE(cache.get("ko|/shop?x=99", "t"));
  EXPECT_EQ(cache.size(), 5u);
}

TEST(PageCache, PlainPagesBeyondTheLimitEvictTheOldestOneNotAll) {
  PageCache cache(2, 2);
  cache.put("a", Response::html("a"), "P", "t");
  cache.put("b", Response::html("b"), "P", "t");
  cache.put("a", Response::html("a2"), "P", "t");  // a replacement is not a new page
  cache.put("c", Response::html("c"), "P", "t");
  EXPECT_FALSE(cache.get("a", "t"));
  EXPECT_EQ(cache.get("b", "t")->body, "b");
  EXPECT_EQ(cache.get("c", "t")->body, "c");
}

TEST(PageCache, PutGivesTheAskingVisitorTheirTokenWhateverTheStatus) {
  PageCache cache;
  EXPECT_EQ(cache.put("a", Response::html("<i value=\"P\">P</i>"), "P", "tok"), "<i value=\"tok\">tok</i>");
  EXPECT_EQ(cache.put("b", Response::html("<i>P</i>", 404), "P", "tok"), "<i>tok</i>");
  EXPECT_FALSE(cache.get("b", "t"));
  EXPECT_EQ(cache.put("c", Response::html("nothing"), "P", "tok"), "nothing");
}

TEST(PageCache, ForgetsOnePiecesPagesWithAndWithoutQueryAndKeepsTheRest) {
  PageCache cache;
  const auto page = Response::html("x");
  for (const auto* key : {"ko|/products/moon", "en|/products/moon", "ko|/products/moon?size=12",
                          "ko|/products/moonlight", "ko|/products/moonlight?size=1", "ko|/shop"})
    cache.put(key, page, "t", "t");
  cache.forget({"ko|/products/moon", "en|/products/moon"});
  EXPECT_FALSE(cache.get("ko|/products/moon", "t"));
  EXPECT_FALSE(cache.get("en|/products/moon", "t"));
  EXPECT_FALSE(cache.get("ko|/products/moon?size=12", "t"));
  EXPECT_TRUE(cache.get("ko|/products/moonlight", "t"));
  EXPECT_TRUE(cache.get("ko|/products/moonlight?size=1", "t"));
  EXPECT_TRUE(cache.get("ko|/shop", "t"));
  // Put back after being forgotten, a page is served again.
  cache.put("ko|/products/moon?size=12", page, "t", "t");
  EXPECT_TRUE(cache.get("ko|/products/moon?size=12", "t"));
  cache.forget({"ko|/products/moon"});
  EXPECT_FALSE(cache.get("ko|/products/moon?size=12", "t"));
}

}  // namespace brilliant::web

namespace brilliant::web {

// Logged-in visitors (issue 16): one cached page, each visitor's token and account area put back.
TEST(PageCache, PutsEachVisitorsAccountAreaBackBesideTheirToken) {
  PageCache cache;
  Response page = Response::html("<header>[ACC]</header><form><input value=\"[TOK]\"></form><p>[TOK]</p>");
  const auto first = cache.put("ko|/shop", page, "[TOK]", "t1", "[ACC]", "<a>로그인</a>");
  EXPECT_EQ(first, "<header><a>로그인</a></header><form><input value=\"t1\"></form><p>t1</p>");
  auto kim = cache.get("ko|/shop", "t2", "<a>김보석</a><form><input value=\"t2\"></form>");
  ASSERT_TRUE(kim);
  EXPECT_EQ(kim->body,
            "<header><a>김보석</a><form><input value=\"t2\"></form></header><form><input "
            "value=\"t2\"></form><p>t2</p>");
  auto plain = cache.get("ko|/shop", "t3");  // no area given: empty where it stood
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->body, "<header></header><form><input value=\"t3\"></form><p>t3</p>");
}

}  // namespace brilliant::web

namespace brilliant::web {

// One render per missing page (issue 16): the second visitor to miss waits for the first one's render.
TEST(PageCache, ASecondMissWaitsForTheFirstRenderOfThatPage) {
  PageCache cache;
  ASSERT_TRUE(cache.claim("ko|/search?q=ring"));
  EXPECT_TRUE(cache.claim("ko|/shop")) << "another page renders at the same time";
  auto second = std::async(std::launch::async, [&] { return cache.claim("ko|/search?q=ring"); });
  while (cache.waiting() == 0) std::this_thread::yield();  // the second visitor is waiting
  cache.put("ko|/search?q=ring", Response::html("<p>t</p>"), "t", "t");
  cache.release("ko|/search?q=ring");
  EXPECT_FALSE(second.get()) << "it waited rather than rendering";
  EXPECT_TRUE(cache.get("ko|/search?q=ring", "u")) << "and finds the page there";
  EXPECT_EQ(cache.waiting(), 0u);
  // Released, the page may be claimed again (after the cache was emptied, say); a claim nobody releases
  // holds others back only for the patience given.
  EXPECT_TRUE(cache.claim("ko|/search?q=ring"));
  EXPECT_FALSE(cache.claim("ko|/search?q=ring", std::chrono::milliseconds(0)));
  cache.release("ko|/search?q=ring");
  cache.release("ko|/shop");
}

}  // namespace brilliant::web
