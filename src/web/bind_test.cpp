#include "web/bind.hpp"

#include <gtest/gtest.h>

namespace brilliant::web {
namespace {

struct Counter {
  int calls = 0;
  Response plain(Request&) {
    ++calls;
    return Response::text("plain");
  }
  Result<Response> checked(Request& req) {
    ++calls;
    if (req.query_params().get("n").empty()) return Error::invalid("n", "field_required", "n is required");
    return Response::text("n=" + req.query_params().get("n"));
  }
};

}  // namespace

// One object serves every route bound from it; a Result handler's error becomes the renderer's answer.
TEST(Bind, HandlersShareTheirObjectAndResultErrorsAreRendered) {
  const std::filesystem::path root = BRILLIANT_SOURCE_DIR;
  I18n i18n{root / "locales"};
  StaticFiles files{root / "static"};
  Renderer renderer{root / "templates", i18n, files, Reload::never};
  auto counter = std::make_shared<Counter>();
  const Bind bind(counter, renderer);
  Request req;
  req.path = "/api/v1/things";
  EXPECT_EQ(bind(&Counter::plain)(req).body, "plain");
  auto refused = bind(&Counter::checked)(req);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("\"field\":\"n\""), std::string::npos);
  req.query = "n=3";
  EXPECT_EQ(bind(&Counter::checked)(req).body, "n=3");
  EXPECT_EQ(counter->calls, 3);
}

}  // namespace brilliant::web
