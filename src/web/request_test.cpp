#include "web/request.hpp"

#include <gtest/gtest.h>

namespace brilliant::web {

TEST(Request, CookiesAndHeadersAreFound) {
  Request r;
  r.headers = {{"Cookie", "a=1; sid=abc ; lang=en"}, {"Accept", "application/json"}};
  EXPECT_EQ(r.cookie("sid"), "abc");
  EXPECT_EQ(r.cookie("lang"), "en");
  EXPECT_EQ(r.cookie("missing"), "");
  EXPECT_EQ(r.header("accept"), "application/json");
  EXPECT_TRUE(r.wants_json());
}

TEST(Request, MethodsRoundTrip) {
  for (auto m : {Method::get, Method::head, Method::post, Method::put, Method::patch, Method::delete_,
                 Method::options})
    EXPECT_EQ(parse_method(method_name(m)), m);
  EXPECT_EQ(parse_method("BREW"), Method::other);
}

TEST(Request, LocalePrefix) {
  Request r;
  EXPECT_EQ(r.locale_prefix(), "");
  r.locale = "en";
  EXPECT_EQ(r.locale_prefix(), "/en");
}

}  // namespace brilliant::web

namespace brilliant::web {

TEST(Request, ParamIdAcceptsOnlyPositiveDecimalIds) {
  Request r;
  r.params = {{"id", "42"}, {"zero", "0"}, {"neg", "-3"}, {"word", "12a"}, {"huge", "99999999999999999999"}};
  EXPECT_EQ(r.param_id("id"), 42);
  for (const auto* name : {"zero", "neg", "word", "huge", "missing"}) EXPECT_EQ(r.param_id(name), 0) << name;
}

}  // namespace brilliant::web
