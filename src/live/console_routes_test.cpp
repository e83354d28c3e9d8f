// The host's side over JSON (console_routes.cpp), called as the pipeline would after its role check.
#include <gtest/gtest.h>

#include "live/routes.hpp"
#include "live/testing.hpp"
#include "web/testing.hpp"

namespace brilliant::live {
namespace {

namespace json = boost::json;

class ConsoleRoutesTest : public LiveFixture {
 protected:
  web::TestPages pages;
  web::Router router;
  Deps deps{live, pages.renderer, orders, "bank", {}, "rtmp://127.0.0.1:1935/live", ""};
  void SetUp() override {
    LiveFixture::SetUp();
    add_console_routes(router, deps);
  }
  web::Response call(web::Method m, const std::string& pattern, const web::Principal& p,
                     const std::string& body = "",
                     std::vector<std::pair<std::string, std::string>> params = {}) {
    return web::call_route(router, m, pattern, std::move(params), p, body);
  }
};

TEST_F(ConsoleRoutesTest, AHostSchedulesEditsAndEndsAShow) {
  auto made = call(web::Method::post, "/api/v1/console/live", maker,
                   R"({"title_ko":"달빛","title_en":"Moon","scheduled_at":"2026-12-01T20:00","lineup":[)" +
                       std::to_string(moon()) + "]}");
  ASSERT_EQ(made.status, 201) << made.body;
  auto o = json::parse(made.body).as_object();
  const std::string slug(o.at("slug").as_string());
  EXPECT_EQ(o.at("stream_key").as_string().size(), 32u);
  EXPECT_EQ(o.at("rtmp_url"), "rtmp://127.0.0.1:1935/live");
  auto bad = call(web::Method::post, "/api/v1/console/live", maker,
                  R"({"title_ko":"a","title_en":"b","lineup":"1"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("lineup"), std::string::npos);
  auto list = json::parse(call(web::Method::get, "/api/v1/console/live", maker).body);
  EXPECT_EQ(list.at("shows").as_array().size(), 1u);
  auto stranger = who(9, web::Role::vendor_staff, 2);
  EXPECT_EQ(call(web::Method::get, "/api/v1/console/live/{slug}", stranger, "", {{"slug", slug}}).status,
            403);
  auto ended = call(web::Method::post, "/api/v1/console/live/{slug}/end", maker, "{}", {{"slug", slug}});
  ASSERT_EQ(ended.status, 200);
  EXPECT_EQ(json::parse(ended.body).at("state"), "cancelled");  // it never went live
}

TEST_F(ConsoleRoutesTest, ModerationNamesWhatItRefuses) {
  auto made = live.create(maker, 1, input({moon()})).value();
  auto r = call(web::Method::post, "/api/v1/console/live/{slug}/moderation", maker, R"({"action":"shout"})",
                {{"slug", made.show.slug}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("action"), std::string::npos);
  r = call(web::Method::post, "/api/v1/console/live/{slug}/moderation", maker,
           R"({"action":"mute","user_id":1,"seconds":"long"})", {{"slug", made.show.slug}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("seconds"), std::string::npos);
}

}  // namespace
}  // namespace brilliant::live
