#include "web/response.hpp"

#include <gtest/gtest.h>

namespace brilliant::web {

TEST(Response, CookiesCarryTheSecurityAttributes) {
  Response r;
  set_cookie(r, "sid", "abc", {.max_age_seconds = 60, .http_only = true, .secure = true});
  EXPECT_EQ(r.header("set-cookie"), "sid=abc; Path=/; SameSite=Lax; Max-Age=60; HttpOnly; Secure");
  Response gone;
  set_cookie(gone, "sid", "", {.max_age_seconds = 0, .http_only = true, .secure = false});
  EXPECT_EQ(gone.header("set-cookie"), "sid=; Path=/; SameSite=Lax; Max-Age=0; HttpOnly");
}

TEST(Response, HelpersSetTypeAndStatus) {
  EXPECT_EQ(Response::html("<p>").header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(Response::json("{}", 201).status, 201);
  auto r = Response::redirect("/account");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/account");
  r.set("Location", "/other");
  EXPECT_EQ(r.header("LOCATION"), "/other");
  EXPECT_EQ(r.headers.size(), 1u);
}

}  // namespace brilliant::web
