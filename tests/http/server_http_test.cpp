// The server itself: health, metrics, static files, errors, limits and malformed input.
#include <unistd.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "http/harness.hpp"

namespace brilliant::test {
namespace json = boost::json;

using ServerHttp = ServerTest;

TEST_F(ServerHttp, HealthzReportsDatabase) {
  auto r = client()->get("/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(json::parse(r.body).at("database").as_bool(), true);
  EXPECT_FALSE(r.header("x-request-id").empty());
  EXPECT_TRUE(r.header("set-cookie").empty());
}

TEST_F(ServerHttp, MetricsCountRequests) {
  auto c = client();
  c->get("/healthz");
  c->get("/no-such-page");
  auto r = c->get("/metrics");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("brilliant_http_requests_total{route=\"GET /healthz\",status=\"200\"} 1"),
            std::string::npos);
  EXPECT_NE(r.body.find("route=\"unmatched\",status=\"404\""), std::string::npos);
  EXPECT_NE(r.body.find("brilliant_open_connections "), std::string::npos);
  EXPECT_NE(r.body.find("brilliant_pool_queue_depth "), std::string::npos);
}

TEST_F(ServerHttp, KeepAliveReusesTheConnection) {
  auto c = client();
  auto first = c->get("/healthz");
  auto second = c->get("/healthz");
  EXPECT_EQ(first.connects, 1);
  EXPECT_EQ(second.connects, 0);
}

TEST_F(ServerHttp, HomePageIsRenderedWithSecurityHeaders) {
  auto r = client()->get("/");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.header("content-type").find("text/html"), std::string::npos);
  EXPECT_NE(r.header("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("referrer-policy"), "strict-origin-when-cross-origin");
  EXPECT_NE(r.body.find("장인이 빚고"), std::string::npos);
  auto en = client()->get("/en/");
  EXPECT_NE(en.body.find("Shaped by makers"), std::string::npos);
  auto negotiated = client()->get("/", {"Accept-Language: en-US,en;q=0.9"});
  EXPECT_NE(negotiated.body.find("lang=\"en\""), std::string::npos);
}

TEST_F(ServerHttp, LanguageSwitchSetsCookie) {
  auto c = client();
  auto r = c->get("/lang/en?next=/en/signup");
  EXPECT_EQ(r.status, 302);
  EXPECT_EQ(r.header("location"), "/en/signup");
  EXPECT_EQ(c->cookie("lang"), "en");
  EXPECT_NE(c->get("/signup").body.find("lang=\"en\""), std::string::npos);
  auto back = c->get("/lang/ko?next=/en/signup");
  EXPECT_EQ(back.header("location"), "/signup");
  EXPECT_EQ(c->get("/lang/ko?next=//evil.example").header("location"), "/");
}

TEST_F(ServerHttp, StaticFilesWithEtagAndGzip) {
  auto c = client();
  auto page = c->get("/");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("/static/css/app\\.[0-9a-f]+\\.css")));
  auto css = c->get(m[0], {"Accept-Encoding: gzip"});
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.header("content-encoding"), "gzip");
  EXPECT_NE(css.header("cache-control").find("immutable"), std::string::npos);
  auto again = c->get(m[0], {"If-None-Match: " + css.header("etag")});
  EXPECT_EQ(again.status, 304);
  EXPECT_EQ(c->get("/static/nope.css").status, 404);
}

TEST_F(ServerHttp, UnknownPathsAndMethods) {
  auto c = client();
  auto page = c->get("/no/such/page");
  EXPECT_EQ(page.status, 404);
  EXPECT_NE(page.body.find("페이지를 찾을 수 없습니다"), std::string::npos);
  auto api = c->get("/api/v1/nothing");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(json::parse(api.body).at("error").at("code").as_string(), "not_found");
  auto wrong = c->request("DELETE", "/login", "", {});
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.header("allow"), "GET, POST");
  auto head = c->request("HEAD", "/", "", {});
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
}

TEST_F(ServerHttp, InvalidUtf8InFormsAndQueries) {
  auto c = client();
  auto csrf = c->csrf_from("/signup");
  auto r =
      c->request("POST", "/signup", "_csrf=" + csrf + "&name=%FF%FE&email=a%40b.co&password=a-long-password",
                 {"Content-Type: application/x-www-form-urlencoded"});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(c->get("/login?next=%FF").status, 400);
  EXPECT_EQ(c->get("/%FF").status, 400);
}

TEST_F(ServerHttp, OversizedHeadersAndBodies) {
  auto big_header =
      raw_exchange(port, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n");
  EXPECT_EQ(big_header.rfind("HTTP/1.1 431", 0), 0u) << big_header.substr(0, 80);
  auto big_body = client()->request("POST", "/login", std::string(100 * 1024, 'a'),
                                    {"Content-Type: application/x-www-form-urlencoded"});
  EXPECT_EQ(big_body.status, 413);
}

TEST_F(ServerHttp, MalformedRequestGets400) {
  auto garbage = raw_exchange(port, "GARBAGE\r\n\r\n");
  EXPECT_EQ(garbage.rfind("HTTP/1.1 400", 0), 0u) << garbage.substr(0, 80);
  auto bad_version = raw_exchange(port, "GET / HTTP/9.9\r\nHost: x\r\n\r\n");
  EXPECT_EQ(bad_version.rfind("HTTP/1.1 400", 0), 0u) << bad_version.substr(0, 80);
  // The server is still fine afterwards.
  EXPECT_EQ(client()->get("/healthz").status, 200);
}

TEST_F(ServerHttp, StopFinishesCleanly) {
  auto c = client();
  EXPECT_EQ(c->get("/healthz").status, 200);
  app->stop();
  EXPECT_THROW(client()->get("/healthz"), std::runtime_error);
}

// The API document is valid JSON naming every operation with its answers; when the answers are being
// recorded (scripts/test.sh), it is saved beside them for tests/api/validate.mjs and redocly.
TEST_F(ServerHttp, TheApiDocumentDescribesEveryOperationsAnswers) {
  auto r = client()->get("/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  auto doc = boost::json::parse(r.body).as_object();
  size_t operations = 0;
  for (const auto& [path, methods] : doc.at("paths").as_object())
    for (const auto& [method, op] : methods.as_object()) {
      ++operations;
      bool success = false;
      for (const auto& [status, answer] : op.at("responses").as_object())
        success = success ||
                  (status.starts_with("2") && (status == "204" || answer.as_object().contains("content")));
      EXPECT_TRUE(success) << method << " " << path << ": no success answer with a schema";
      EXPECT_TRUE(op.as_object().contains("operationId")) << method << " " << path;
    }
  EXPECT_GT(operations, 60u);
  if (const char* prefix = std::getenv("BRILLIANT_API_RECORD")) {
    const std::string file = std::string(prefix) + ".openapi.json";
    const std::string part = file + "." + std::to_string(getpid());
    std::ofstream(part) << r.body;
    std::filesystem::rename(part, file);  // whole, even with both databases' runs at once
  }
}

}  // namespace brilliant::test
