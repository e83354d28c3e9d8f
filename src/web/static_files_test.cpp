#include "web/static_files.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <thread>

namespace brilliant::web {

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = std::filesystem::temp_directory_path() / ("static-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "css");
    std::ofstream(dir / "css" / "app.css") << std::string(2000, 'a') << "body{color:red}";
  }
  void TearDown() override { std::filesystem::remove_all(dir); }
  Request get(std::string path, std::vector<Header> headers = {}) {
    Request r;
    r.path = std::move(path);
    r.headers = std::move(headers);
    return r;
  }
  std::filesystem::path dir;
};

TEST_F(StaticFilesTest, FingerprintedUrlIsImmutable) {
  StaticFiles files(dir);
  auto url = files.url("css/app.css");
  EXPECT_NE(url, "/static/css/app.css");
  auto response = files.serve(get(url));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_NE(response->header("cache-control").find("immutable"), std::string_view::npos);
  EXPECT_EQ(response->header("content-type"), "text/css; charset=utf-8");
}

TEST_F(StaticFilesTest, AServiceWorkerMayControlPagesOutsideStatic) {
  std::filesystem::create_directories(dir / "js");
  std::ofstream(dir / "js" / "booth-sw.js") << "self.addEventListener('fetch', () => {});";
  std::ofstream(dir / "js" / "app.js") << "export {};";
  StaticFiles files(dir);
  EXPECT_EQ(files.serve(get("/static/js/booth-sw.js"))->header("Service-Worker-Allowed"), "/");
  EXPECT_EQ(files.serve(get("/static/js/app.js"))->header("Service-Worker-Allowed"), "");
}

TEST_F(StaticFilesTest, EtagGives304) {
  StaticFiles files(dir);
  auto first = files.serve(get("/static/css/app.css"));
  ASSERT_TRUE(first);
  auto etag = std::string(first->header("etag"));
  auto second = files.serve(get("/static/css/app.css", {{"If-None-Match", etag}}));
  EXPECT_EQ(second->status, 304);
  EXPECT_TRUE(second->body.empty());
}

TEST_F(StaticFilesTest, GzipWhenAccepted) {
  StaticFiles files(dir);
  auto plain = files.serve(get("/static/css/app.css"));
  auto packed = files.serve(get("/static/css/app.css", {{"Accept-Encoding", "gzip, br"}}));
  EXPECT_EQ(packed->header("content-encoding"), "gzip");
  EXPECT_LT(packed->body.size(), plain->body.size());
  // Inflate and compare.
  std::string out(plain->body.size(), '\0');
  z_stream zs{};
  inflateInit2(&zs, 15 + 16);
  zs.next_in = reinterpret_cast<Bytef*>(packed->body.data());
  zs.avail_in = static_cast<uInt>(packed->body.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&zs, Z_FINISH), Z_STREAM_END);
  inflateEnd(&zs);
  EXPECT_EQ(out, plain->body);
}

TEST_F(StaticFilesTest, TheGzipCopyIsMadeOnceThoughManyAskAtOnce) {
  StaticFiles files(dir);
  std::vector<std::string> bodies(8);
  std::vector<std::thread> threads;
  for (auto& body : bodies)
    threads.emplace_back([&] {
      body = files.serve(get("/static/css/app.css", {{"Accept-Encoding", "gzip"}}))->body;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(bodies.front(), gzip_compress(std::string(2000, 'a') + "body{color:red}"));
  for (const auto& body : bodies) EXPECT_EQ(body, bodies.front());
}

TEST_F(StaticFilesTest, SmallOrBinaryFilesAreSentAsTheyAre) {
  std::filesystem::create_directories(dir / "img");
  std::ofstream(dir / "css" / "small.css") << "p{margin:0}";
  std::ofstream(dir / "img" / "dot.png") << std::string(4000, '\0');  // compresses well, but is not text
  StaticFiles files(dir);
  for (const auto* path : {"/static/css/small.css", "/static/img/dot.png"}) {
    auto response = files.serve(get(path, {{"Accept-Encoding", "gzip"}}));
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->header("content-encoding"), "") << path;
  }
  EXPECT_EQ(files.serve(get("/static/img/dot.png"))->body.size(), 4000u);
}

TEST_F(StaticFilesTest, UnknownAndTraversalAre404) {
  StaticFiles files(dir);
  EXPECT_FALSE(files.serve(get("/static/nope.css")));
  EXPECT_FALSE(files.serve(get("/static/../CMakeLists.txt")));
}

}  // namespace brilliant::web
