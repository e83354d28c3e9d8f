#include "web/access_log.hpp"

#include <gtest/gtest.h>

#include "web/router.hpp"

namespace brilliant::web {

TEST(AccessLog, SecretsInTheQueryAndPathNeverReachTheLog) {
  Request order;
  order.path = "/orders/B26-ABC";
  order.query = "key=GuestSecretKey123&placed=1";
  EXPECT_EQ(loggable_target(order, nullptr), "/orders/B26-ABC?key=***&placed=1");
  Request reset;
  reset.path = "/password/reset";
  reset.locale_in_path = true;
  reset.query = "token=abc";
  EXPECT_EQ(loggable_target(reset, nullptr), "/en/password/reset?token=***");
  Router router;
  router.get("/invitations/{token}", [](Request&) { return Response::text("x"); });
  Request invitation;
  invitation.path = "/invitations/SecretInvitation";
  auto match = router.match(Method::get, invitation.path);
  invitation.params = match.params;
  EXPECT_EQ(loggable_target(invitation, match.route), "/invitations/{token}");
  Request search;
  search.path = "/search";
  search.query = "q=%EB%B0%98%EC%A7%80";
  EXPECT_EQ(loggable_target(search, nullptr), "/search?q=%EB%B0%98%EC%A7%80");
}

}  // namespace brilliant::web
