#include "live/routes.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "live/testing.hpp"
#include "web/testing.hpp"

namespace brilliant::live {
namespace {

TEST(LiveRoutes, OnlyThisSitesPagesOpenTheSocket) {
  EXPECT_TRUE(same_origin("", "127.0.0.1:8080"));  // not a browser
  EXPECT_TRUE(same_origin("http://127.0.0.1:8080", "127.0.0.1:8080"));
  EXPECT_TRUE(same_origin("https://Brilliant.example", "brilliant.example"));
  EXPECT_FALSE(same_origin("http://evil.example", "brilliant.example"));
  EXPECT_FALSE(same_origin("http://brilliant.example.evil.example", "brilliant.example"));
  EXPECT_FALSE(same_origin("null", "brilliant.example"));
}

TEST(LiveRoutes, TheChecklistReadsTheSegmentLengthOffThePlaylist) {
  EXPECT_EQ(hls_target_duration("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n0.ts\n"),
            2);
  EXPECT_EQ(hls_target_duration("#EXTM3U\n#EXT-X-TARGETDURATION:6\n"), 6);
  EXPECT_EQ(hls_target_duration("#EXTM3U\n"), 0);
  EXPECT_EQ(hls_target_duration(""), 0);
}

TEST(LiveRoutes, OnlyHlsFileNamesAreServed) {
  EXPECT_TRUE(hls_file_name("index.m3u8"));
  EXPECT_TRUE(hls_file_name("12.ts"));
  EXPECT_TRUE(hls_file_name("1701234567-3.ts"));
  EXPECT_FALSE(hls_file_name("../key.ts"));
  EXPECT_FALSE(hls_file_name("other.m3u8"));
  EXPECT_FALSE(hls_file_name(".ts"));
  EXPECT_FALSE(hls_file_name("a/b.ts"));
}

class RoutesTest : public LiveFixture {
 protected:
  web::TestPages pages;
  web::Router router;
  std::filesystem::path hls = std::filesystem::temp_directory_path() / ("brilliant-hls-" + random_token(6));
  Deps deps{live, pages.renderer, orders, "bank", hls, "rtmp://127.0.0.1:1935/live", ""};
  void SetUp() override {
    LiveFixture::SetUp();
    add_routes(router, deps);
  }
  void TearDown() override { std::filesystem::remove_all(hls); }
  // nginx-rtmp's form-encoded callback from `ip`.
  web::Response nginx(const std::string& path, const std::string& body, const std::string& ip = "127.0.0.1") {
    const auto* route = web::find_route(router, web::Method::post, path);
    web::Request r;
    r.method = web::Method::post;
    r.path = path;
    r.body = body;
    r.remote_ip = ip;
    r.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
    return route->handler(r);
  }
};

TEST_F(RoutesTest, TheShowsHlsIsServedAndItsEndKeepsItAsTheReplay) {
  auto made = live.create(maker, 1, input({moon()})).value();
  std::filesystem::create_directories(hls / made.show.slug);
  std::ofstream(hls / made.show.slug / "index.m3u8") << "#EXTM3U\n#EXTINF:2.0,\n0.ts\n";
  std::ofstream(hls / made.show.slug / "0.ts") << "segment";
  auto playlist = web::call_route(router, web::Method::get, "/live/hls/{slug}/{file}",
                                  {{"slug", made.show.slug}, {"file", "index.m3u8"}}, std::nullopt);
  EXPECT_EQ(playlist.status, 200);
  EXPECT_EQ(playlist.header("Content-Type"), "application/vnd.apple.mpegurl");
  EXPECT_EQ(web::call_route(router, web::Method::get, "/live/hls/{slug}/{file}",
                            {{"slug", made.show.slug}, {"file", "../x.ts"}}, std::nullopt)
                .status,
            404);
  EXPECT_EQ(nginx("/live/rtmp/publish", "name=" + made.stream_key, "203.0.113.9").status, 403);  // not local
  auto accepted = nginx("/live/rtmp/publish", "name=" + made.stream_key);
  EXPECT_EQ(accepted.status, 302);
  EXPECT_EQ(accepted.header("Location"), made.show.slug);
  EXPECT_EQ(nginx("/live/rtmp/publish_done", "name=" + made.show.slug).status, 200);
  std::ifstream in(hls / made.show.slug / "index.m3u8");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(text.find("#EXT-X-ENDLIST"), std::string::npos);  // closed: players treat it as on demand
  EXPECT_EQ(live.find(made.show.slug)->replay_url, "/live/hls/" + made.show.slug + "/index.m3u8");
}

TEST_F(RoutesTest, ARehearsalIsSeenOnlyByItsHostAndTheOperator) {
  auto in = input({moon()});
  in.rehearsal = true;
  const auto rehearsal = live.create(maker, 1, in).value();
  const auto open = live.create(maker, 1, input({moon()})).value();
  EXPECT_TRUE(live.find(rehearsal.show.slug)->rehearsal);
  auto list = web::call_route(router, web::Method::get, "/api/v1/live", {}, std::nullopt);
  EXPECT_EQ(list.body.find(rehearsal.show.slug), std::string::npos);
  EXPECT_NE(list.body.find(open.show.slug), std::string::npos);
  const auto page = [&](std::optional<web::Principal> who) {
    return web::call_route(router, web::Method::get, "/api/v1/live/{slug}", {{"slug", rehearsal.show.slug}},
                           who)
        .status;
  };
  EXPECT_EQ(page(std::nullopt), 404);
  EXPECT_EQ(page(shopper), 404);
  EXPECT_EQ(page(who(9, web::Role::vendor_staff, 2)), 404);  // another workshop
  EXPECT_EQ(page(maker), 200);
  EXPECT_EQ(page(op), 200);
}

}  // namespace
}  // namespace brilliant::live
