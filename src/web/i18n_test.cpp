#include "web/i18n.hpp"

#include <gtest/gtest.h>

namespace brilliant::web {

TEST(Negotiate, CookieWinsOverHeader) { EXPECT_EQ(negotiate_locale("en", "ko-KR"), "en"); }

TEST(Negotiate, HonoursQualityValues) {
  EXPECT_EQ(negotiate_locale("", "ko;q=0.4, en-US;q=0.9"), "en");
  EXPECT_EQ(negotiate_locale("", "en;q=0.2, ko-KR"), "ko");
  EXPECT_EQ(negotiate_locale("", "fr, de"), "ko");
  EXPECT_EQ(negotiate_locale("xx", ""), "ko");
}

TEST(I18n, CatalogsLoadWithSameKeys) {
  I18n i18n(std::string(BRILLIANT_SOURCE_DIR) + "/locales");
  EXPECT_EQ(i18n.text("en", "nav.login"), "Log in");
  EXPECT_EQ(i18n.text("ko", "nav.login"), "로그인");
  EXPECT_EQ(i18n.text("ko", "no.such.key"), "no.such.key");
}

}  // namespace brilliant::web
