#include "web/pipeline.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

namespace brilliant::web {
namespace {

class FakeSessions final : public SessionResolver {
 public:
  void resolve(Request& request) override {
    ++resolved;
    find(request);
  }
  // With `remembers`, every known session is recalled (as if resolved a moment ago).
  bool recall(Request& request) override { return remembers && find(request); }

  int resolved = 0;
  bool remembers = false;

 private:
  static bool find(Request& request) {
    if (request.cookie("sid") == "operator")
      request.user = Principal{1, "op@x", "Op", static_cast<uint32_t>(Role::operator_), 0};
    if (request.cookie("sid") == "shopper")
      request.user = Principal{2, "s@x", "S", static_cast<uint32_t>(Role::shopper), 0};
    return request.user.has_value();
  }
};

class PipelineTest : public ::testing::Test {
 protected:
  PipelineTest() {
    router.get("/hello", [](Request& r) { return Response::text("hello " + r.locale); });
    router.post("/hello", [](Request&) { return Response::text("posted"); });
    router.get("/ops", [](Request&) { return Response::text("ops"); }).access = require(Role::operator_);
    router.get("/boom", [](Request&) -> Response { throw std::runtime_error("boom"); });
    metrics = std::make_unique<Metrics>(std::vector<std::string>{"a", "b", "c", "d"});
    pipeline = std::make_unique<Pipeline>(router, renderer, files, *metrics, sessions,
                                          PipelineOptions{false, false});
  }

  Response send(Method method, std::string target, std::vector<Header> headers = {}, std::string body = {}) {
    Request r;
    r.method = method;
    r.target = std::move(target);
    r.headers = std::move(headers);
    r.body = std::move(body);
    auto prepared = pipeline->prepare(r);
    auto response = pipeline->run(r, prepared);
    pipeline->finish(r, prepared, response, std::chrono::nanoseconds(1000));
    return response;
  }

  std::filesystem::path root = BRILLIANT_SOURCE_DIR;
  I18n i18n{root / "locales"};
  StaticFiles files{root / "static"};
  Renderer renderer{root / "templates", i18n, files, Reload::never};
  Router router;
  FakeSessions sessions;
  std::unique_ptr<Metrics> metrics;
  std::unique_ptr<Pipeline> pipeline;
};

TEST_F(PipelineTest, LocaleFromPathCookieAndHeader) {
  EXPECT_EQ(send(Method::get, "/en/hello").body, "hello en");
  EXPECT_EQ(send(Method::get, "/hello").body, "hello ko");
  EXPECT_EQ(send(Method::get, "/hello", {{"Cookie", "lang=en"}}).body, "hello en");
  EXPECT_EQ(send(Method::get, "/hello", {{"Accept-Language", "en-US,en;q=0.9"}}).body, "hello en");
}

TEST_F(PipelineTest, NotFoundAndMethodNotAllowed) {
  EXPECT_EQ(send(Method::get, "/nope").status, 404);
  auto r = send(Method::delete_, "/hello");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, POST");
  EXPECT_EQ(send(Method::get, "/%ff").status, 400);
}

TEST_F(PipelineTest, PostNeedsMatchingCsrfToken) {
  EXPECT_EQ(
      send(Method::post, "/hello", {{"Content-Type", "application/x-www-form-urlencoded"}}, "a=1").status,
      403);
  const std::string token(43, 'k');  // the form of random_token()
  auto wrong = send(Method::post, "/hello",
                    {{"Cookie", "csrf=" + token}, {"Content-Type", "application/x-www-form-urlencoded"}},
                    "_csrf=other");
  EXPECT_EQ(wrong.status, 403);
  auto right = send(Method::post, "/hello",
                    {{"Cookie", "csrf=" + token}, {"Content-Type", "application/x-www-form-urlencoded"}},
                    "_csrf=" + token);
  EXPECT_EQ(right.status, 200);
  EXPECT_EQ(right.body, "posted");
  auto header = send(Method::post, "/hello",
                     {{"Cookie", "csrf=" + token + "; sid=x"},
                      {"X-CSRF-Token", token},
                      {"Content-Type", "application/json"}},
                     "{}");
  EXPECT_EQ(header.status, 200);
}

TEST_F(PipelineTest, RoleGuard) {
  EXPECT_EQ(send(Method::get, "/ops").status, 303);  // a page: off to the login form
  EXPECT_EQ(send(Method::get, "/ops", {{"Accept", "application/json"}}).status, 401);
  EXPECT_EQ(send(Method::get, "/ops", {{"Cookie", "sid=shopper"}}).status, 403);
  EXPECT_EQ(send(Method::get, "/ops", {{"Cookie", "sid=operator"}}).status, 200);
}

TEST_F(PipelineTest, FaultBecomes500WithRequestId) {
  auto r = send(Method::get, "/boom", {{"Accept", "application/json"}});
  EXPECT_EQ(r.status, 500);
  EXPECT_FALSE(r.header("x-request-id").empty());
  EXPECT_NE(r.body.find(std::string(r.header("x-request-id"))), std::string::npos);
}

TEST_F(PipelineTest, SecurityHeadersOnPages) {
  auto r = send(Method::get, "/nope");
  EXPECT_NE(r.header("content-security-policy").find("frame-ancestors 'none'"), std::string_view::npos);
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
}

TEST_F(PipelineTest, AHeaderValueWithALineBreakIsRefusedWhateverTheRoute) {
  router.get("/inject", [](Request& r) {
    auto response = Response::redirect(r.query_params().get("to"));
    return response;
  });
  auto r = send(Method::get, "/inject?to=%2Fok%0D%0ASet-Cookie%3A%20sid%3Devil");
  EXPECT_EQ(r.status, 500);
  EXPECT_TRUE(r.header("set-cookie").find("evil") == std::string_view::npos);
  EXPECT_TRUE(r.header("location").empty());
  EXPECT_EQ(send(Method::get, "/inject?to=%2Fok").status, 303);
}

class CachedPipelineTest : public PipelineTest {
 protected:
  CachedPipelineTest() {
    auto& route = router.get("/page", [](Request& r) {
      return Response::html("<div class=\"card\">ring</div><input name=\"_csrf\" value=\"" + r.csrf_token +
                            "\">");
    });
    route.cacheable = true;
    pipeline = std::make_unique<Pipeline>(router, renderer, files, *metrics, sessions,
                                          PipelineOptions{false, false}, &cache);
  }
  PageCache cache;
};

TEST_F(CachedPipelineTest, AVisitorsCookieIsNeverBakedIntoTheCachedPage) {
  // A cookie of the wrong form is not taken back: the visitor gets a fresh token of our own.
  auto attacker = send(Method::get, "/page", {{"Cookie", "csrf=<div class=\"card\">ring</div>"}});
  EXPECT_EQ(attacker.status, 200);
  EXPECT_NE(attacker.header("set-cookie").find("csrf="), std::string_view::npos);
  // A cookie of the right form shows in that visitor's page only.
  const std::string own(43, 'a');
  auto first = send(Method::get, "/page?x=1", {{"Cookie", "csrf=" + own}});
  EXPECT_NE(first.body.find("value=\"" + own + "\""), std::string::npos);
  EXPECT_NE(first.body.find("<div class=\"card\">ring</div>"), std::string::npos);
  const std::string later(43, 'b');
  for (const char* target : {"/page", "/page?x=1"}) {
    auto hit = send(Method::get, target, {{"Cookie", "csrf=" + later}});
    EXPECT_EQ(hit.header("x-cache"), "hit") << target;
    EXPECT_EQ(hit.body, "<div class=\"card\">ring</div><input name=\"_csrf\" value=\"" + later + "\">");
  }
}

// Visitors who miss the same page at once (a cold cache after a catalog change) cost one render: the
// others wait for it and get it from the cache.
TEST_F(CachedPipelineTest, VisitorsMissingOnePageAtOnceCostOneRender) {
  std::atomic<int> renders{0};
  std::promise<void> gate;
  auto open = gate.get_future().share();
  router
      .get("/slow",
           [&](Request&) {
             ++renders;
             open.wait();
             return Response::html("<p>slow page</p>");
           })
      .cacheable = true;
  pipeline = std::make_unique<Pipeline>(router, renderer, files, *metrics, sessions,
                                        PipelineOptions{false, false}, &cache);
  auto first = std::async(std::launch::async, [&] { return send(Method::get, "/slow"); });
  while (renders == 0) std::this_thread::yield();
  auto second = std::async(std::launch::async, [&] { return send(Method::get, "/slow"); });
  while (cache.waiting() == 0) std::this_thread::yield();
  gate.set_value();
  const auto a = first.get(), b = second.get();
  EXPECT_EQ(renders, 1);
  EXPECT_EQ(a.header("x-cache"), "miss");
  EXPECT_EQ(b.header("x-cache"), "hit");
  EXPECT_EQ(a.body, b.body);
}

// A logged-in reader whose session the resolver recalls is answered from the cache while the request is
// prepared (on the I/O thread, no session read); audited staff, unknown sessions and misses go the whole
// way and resolve afresh.
TEST_F(CachedPipelineTest, ARecalledReaderIsAnsweredFromTheCacheWithoutResolvingTheSession) {
  PipelineOptions options{false, false};
  options.audits = [](const Request& r) { return r.user->has(Role::operator_); };
  pipeline = std::make_unique<Pipeline>(router, renderer, files, *metrics, sessions, options, &cache);
  sessions.remembers = true;
  const std::string token(43, 'c');
  const auto visit = [&](const std::string& who) {
    Request r;
    r.target = "/page";
    r.headers = {{"Cookie", "csrf=" + token + "; sid=" + who}};
    auto prepared = pipeline->prepare(r);
    const bool early = prepared.early.has_value();
    auto response = pipeline->run(r, prepared);
    return std::pair{early, response};
  };
  auto [early_miss, miss] = visit("shopper");  // nothing cached yet: the whole way
  EXPECT_FALSE(early_miss);
  EXPECT_EQ(miss.header("x-cache"), "miss");
  EXPECT_EQ(sessions.resolved, 1);
  auto [early_hit, hit] = visit("shopper");
  EXPECT_TRUE(early_hit);
  EXPECT_EQ(hit.header("x-cache"), "hit");
  EXPECT_NE(hit.body.find("value=\"" + token + "\""), std::string::npos);
  EXPECT_EQ(sessions.resolved, 1) << "no session read for the hit";
  auto [early_staff, staff] = visit("operator");  // audited: resolved and recorded the usual way
  EXPECT_FALSE(early_staff);
  EXPECT_EQ(staff.header("x-cache"), "hit");
  EXPECT_EQ(sessions.resolved, 2);
  auto [early_stale, stale] = visit("ended");  // a cookie whose session nobody knows
  EXPECT_FALSE(early_stale);
  EXPECT_EQ(sessions.resolved, 3);
  sessions.remembers = false;  // the recollection ran out: the whole way again
  auto [early_again, again] = visit("shopper");
  EXPECT_FALSE(early_again);
  EXPECT_EQ(again.header("x-cache"), "hit");
  EXPECT_EQ(sessions.resolved, 4);
}

// A page made per visitor that takes a recalled session (the cart) runs its handler with the person the
// resolver recalls, without reading the session; unknown sessions, audited staff, a forgotten recollection
// and writes to it resolve afresh; routes without the mark always do.
TEST_F(PipelineTest, APerVisitorPageTakesTheRecalledSessionAndNothingElseDoes) {
  PipelineOptions options{false, false};
  options.audits = [](const Request& r) { return r.user->has(Role::operator_); };
  pipeline = std::make_unique<Pipeline>(router, renderer, files, *metrics, sessions, options);
  router.get("/mine", [](Request& r) { return Response::text(r.user ? r.user->name : "nobody"); })
      .recalled_session = true;
  router.post("/mine", [](Request& r) { return Response::text(r.user ? r.user->name : "nobody"); })
      .recalled_session = true;
  const std::string token(43, 'c');
  const auto cookie = [&](const std::string& who) {
    return std::vector<Header>{{"Cookie", "csrf=" + token + "; sid=" + who}};
  };
  sessions.remembers = true;
  EXPECT_EQ(send(Method::get, "/mine", cookie("shopper")).body, "S");
  EXPECT_EQ(sessions.resolved, 0) << "recalled: no session read";
  EXPECT_EQ(send(Method::get, "/mine", cookie("operator")).body, "Op");  // audited: read afresh
  EXPECT_EQ(sessions.resolved, 1);
  EXPECT_EQ(send(Method::get, "/mine", cookie("ended")).body, "nobody");
  EXPECT_EQ(sessions.resolved, 2);
  auto form = cookie("shopper");
  form.push_back({"Content-Type", "application/x-www-form-urlencoded"});
  EXPECT_EQ(send(Method::post, "/mine", form, "_csrf=" + token).body, "S");  // a write
  EXPECT_EQ(sessions.resolved, 3);
  EXPECT_EQ(send(Method::get, "/hello", cookie("shopper")).status, 200);  // no mark
  EXPECT_EQ(sessions.resolved, 4);
  sessions.remembers = false;
  EXPECT_EQ(send(Method::get, "/mine", cookie("shopper")).body, "S");
  EXPECT_EQ(sessions.resolved, 5);
}

}  // namespace
}  // namespace brilliant::web

namespace brilliant::web {
namespace {

// An audited change reads the state its route names before and after it runs, as the person making it;
// shoppers (not audited here), refused changes and reads are never read twice.
TEST_F(PipelineTest, AnAuditedChangeSeesItsStateBeforeAndAfter) {
  int price = 100, reads = 0;
  router
      .get("/api/things/{id}",
           [&](Request& r) {
             ++reads;
             return Response::json(R"({"id":")" + std::string(r.param("id")) + R"(","price":)" +
                                   std::to_string(price) + "}");
           })
      .access = require(Role::operator_);
  router
      .post("/things/{id}",
            [&](Request& r) {
              if (r.body == "bad") return Response::text("no", 400);
              price += 5;
              return Response::text("ok");
            })
      .state_from = "/api/things/{id}";
  std::vector<StateChange> seen;
  PipelineOptions options{false, false};
  options.observe = [&](const Request&, const Route&, int, const StateChange& s) { seen.push_back(s); };
  options.audits = [](const Request& r) { return r.user->has(Role::operator_); };
  Pipeline pipeline(router, renderer, files, *metrics, sessions, options);
  const std::string token(43, 'k');
  const auto post = [&](const std::string& who, const std::string& body) {
    Request r;
    r.method = Method::post;
    r.target = "/things/7";
    r.headers = {{"Cookie", "csrf=" + token + "; sid=" + who}, {"X-CSRF-Token", token}};
    r.body = body;
    auto prepared = pipeline.prepare(r);
    return pipeline.run(r, prepared).status;
  };
  ASSERT_EQ(post("operator", "fine"), 200);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].before, R"({"id":"7","price":100})");
  EXPECT_EQ(seen[0].after, R"({"id":"7","price":105})");
  EXPECT_EQ(post("operator", "bad"), 400);
  EXPECT_EQ(seen.back().after, "");  // refused: nothing changed to read
  EXPECT_EQ(reads, 3);
  EXPECT_EQ(post("shopper", "fine"), 200);
  EXPECT_EQ(seen.back().before, "");  // not audited: not read
  EXPECT_EQ(reads, 3);
}

}  // namespace
}  // namespace brilliant::web
