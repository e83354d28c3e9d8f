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

namespace brilliant::web {

TEST(Response, PrivateFilesStayInTheirBrowserAndKnowTheirType) {
  auto png = private_file(std::string("\x89PNG\r\n\x1a\n....", 12), "", "mark.png");
  EXPECT_EQ(png.header("content-type"), "image/png");
  EXPECT_EQ(png.header("cache-control"), "private, max-age=3600");
  EXPECT_TRUE(png.header("content-disposition").starts_with("inline"));
  EXPECT_NE(png.header("content-security-policy").find("sandbox"), std::string::npos);
  auto jpeg = private_file("\xFF\xD8\xFF\xE0 rest", "", "", 86400, true);
  EXPECT_EQ(jpeg.header("content-type"), "image/jpeg");
  EXPECT_TRUE(jpeg.header("content-disposition").starts_with("attachment"));
  auto pdf = private_file("%PDF-1.7", "application/pdf", "결과.pdf");
  EXPECT_TRUE(pdf.header("content-disposition").starts_with("attachment"));
  EXPECT_EQ(private_file("????", "").header("content-type"), "application/octet-stream");
}

}  // namespace brilliant::web

namespace brilliant::web {
namespace {

TEST(PageSecurityPolicy, FormsMayGoToAPaymentWindowOnlyWhenNamed) {
  EXPECT_NE(page_security_policy().find("form-action 'self';"), std::string::npos);
  EXPECT_NE(page_security_policy("http://127.0.0.1:8091").find("form-action 'self' http://127.0.0.1:8091;"),
            std::string::npos);
  EXPECT_EQ(origin_of("http://127.0.0.1:8091/window?x=1"), "http://127.0.0.1:8091");
  EXPECT_EQ(origin_of("https://pay.example/w"), "https://pay.example");
  EXPECT_EQ(origin_of(""), "");
  EXPECT_EQ(origin_of("javascript:alert(1)"), "");
  EXPECT_EQ(origin_of("/window"), "");
}

TEST(Response, APublicDocumentIsForAnySiteAndAlwaysRevalidated) {
  auto r = public_json(R"({"a":1})", "application/vc+json");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"a":1})");
  EXPECT_EQ(r.header("Content-Type"), "application/vc+json");
  EXPECT_EQ(r.header("Access-Control-Allow-Origin"), "*");
  EXPECT_EQ(r.header("Cache-Control"), "no-cache");
}

}  // namespace
}  // namespace brilliant::web
