// The channels' routes called as their users would: crawlers read the feeds (typed, cacheable), the
// operator sees counts and maps categories by form and by JSON; pages render in both languages.
#include "channels/routes.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "channels/testing.hpp"
#include "web/testing.hpp"

namespace brilliant::channels {
namespace {
namespace json = boost::json;
using web::Method;
using web::Role;

class ChannelRoutesTest : public ChannelsTest {
 protected:
  void SetUp() override {
    ChannelsTest::SetUp();
    add_routes(router, {channels, pages.renderer});
  }
  web::Response call(Method m, const std::string& pattern,
                     std::vector<std::pair<std::string, std::string>> params = {}, std::string body = "",
                     bool json = true, std::string query = "") {
    return web::call_route(router, m, pattern, std::move(params), op, std::move(body), std::move(query),
                           json);
  }
  web::TestPages pages;
  web::Router router;
  web::Principal op = web::person(1, Role::operator_);
};

TEST_F(ChannelRoutesTest, FeedsAreTypedAndCacheable) {
  piece("moon-ring");
  auto r = call(Method::get, "/feeds/naver-ep.tsv", {}, "", false);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type"), "text/tab-separated-values; charset=utf-8");
  EXPECT_EQ(r.header("Cache-Control"), "public, max-age=300");
  EXPECT_EQ(r.body.rfind("id\ttitle\tprice_pc", 0), 0u);
  for (const char* path : {"/feeds/google.xml", "/feeds/kakao.xml"}) {
    r = call(Method::get, path, {}, "", false);
    EXPECT_EQ(r.header("Content-Type"), "application/xml; charset=utf-8");
    EXPECT_NE(r.body.find("moon-ring"), std::string::npos);
  }
  r = call(Method::get, "/feeds/naver-ep-incremental.tsv", {}, "", false);
  EXPECT_NE(r.body.find("class\tupdate_time"), std::string::npos);
  r = call(Method::get, "/feeds/naver-ep-incremental.tsv", {}, "", true, "since=soon");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("since"), std::string::npos);
  const auto* feed = web::find_route(router, Method::get, "/feeds/google.xml");
  ASSERT_NE(feed, nullptr);
  EXPECT_FALSE(feed->session);
}

TEST_F(ChannelRoutesTest, AFeedImageIsAJpeg) {
  piece("moon-ring");
  auto r = call(Method::get, "/feeds/images/{id}", {{"id", "1"}}, "", false);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("Content-Type"), "image/jpeg");
  EXPECT_EQ(call(Method::get, "/feeds/images/{id}", {{"id", "99"}}).status, 404);
}

TEST_F(ChannelRoutesTest, TheOperatorMapsCategoriesByJsonAndForm) {
  piece("moon-ring");
  auto r = call(Method::put, "/api/v1/operator/channels/{channel}/categories/{category}",
                {{"channel", "google"}, {"category", "ring"}}, R"({"external":"200"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body).at("google").as_string(), "200");
  r = call(Method::put, "/api/v1/operator/channels/{channel}/categories/{category}",
           {{"channel", "naver"}, {"category", "ring"}}, R"({"external":"반지"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("external"), std::string::npos);
  r = call(Method::get, "/api/v1/operator/channels");
  ASSERT_EQ(r.status, 200);
  const auto o = json::parse(r.body).as_object();
  EXPECT_EQ(o.at("listed").as_int64(), 1);
  EXPECT_EQ(o.at("feeds").as_array().size(), 4u);
  EXPECT_EQ(o.at("mapping").as_array().at(0).at("google").as_string(), "200");

  r = call(Method::post, "/operator/channels", {}, "naver_ring=50000436&kakao_necklace=%EB%AA%A9", false);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(channels.mapping("ko")[0].external.at("naver"), "50000436");
  r = call(Method::post, "/operator/channels", {}, "google_ring=x", false);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("google_ring"), std::string::npos);
}

TEST_F(ChannelRoutesTest, ThePageRendersInBothLanguages) {
  piece("moon-ring");
  for (const char* locale : {"ko", "en"}) {
    const auto r = web::call_route(router, Method::get, "/operator/channels", {}, op, "", "", false, locale);
    EXPECT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("/feeds/naver-ep.tsv"), std::string::npos);
    EXPECT_NE(r.body.find(std::string(locale) == "ko" ? "네이버" : "Naver"), std::string::npos);
  }
}

}  // namespace
}  // namespace brilliant::channels
