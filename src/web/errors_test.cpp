#include "web/errors.hpp"

#include <gtest/gtest.h>

namespace brilliant::web {

TEST(Errors, OneTableFromKindToStatus) {
  EXPECT_EQ(http_status(ErrorKind::invalid), 400);
  EXPECT_EQ(http_status(ErrorKind::unauthenticated), 401);
  EXPECT_EQ(http_status(ErrorKind::forbidden), 403);
  EXPECT_EQ(http_status(ErrorKind::not_found), 404);
  EXPECT_EQ(http_status(ErrorKind::conflict), 409);
  EXPECT_EQ(http_status(ErrorKind::rule_broken), 422);
  EXPECT_EQ(http_status(ErrorKind::too_many), 429);
  EXPECT_EQ(http_status(ErrorKind::internal), 500);
}

TEST(Errors, JsonNamesTheFieldOnlyWhenThereIsOne) {
  EXPECT_EQ(error_json(Error::invalid("email", "email_invalid", "bad \"email\"")),
            R"({"error":{"code":"email_invalid","message":"bad \"email\"","field":"email"}})");
  EXPECT_EQ(error_json(Error::not_found("page")),
            R"({"error":{"code":"not_found","message":"page not found"}})");
}

TEST(Errors, JsonCarriesTheReadersTextBesideTheEnglishMessage) {
  EXPECT_EQ(
      error_json(Error::invalid("email", "email_invalid", "bad email"), "이메일 주소가 올바르지 않습니다."),
      R"({"error":{"code":"email_invalid","message":"bad email","field":"email","text":"이메일 주소가 올바르지 않습니다."}})");
  EXPECT_EQ(error_json(Error::not_found("page"), "page not found"), error_json(Error::not_found("page")));
}

}  // namespace brilliant::web
