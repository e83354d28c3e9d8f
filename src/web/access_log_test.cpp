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

// Lines gather and go out in blocks, yet none is lost: every line is on standard output once the log
// is closed, whole and in order.
TEST(AccessLog, EveryLineReachesStandardOutputInOrder) {
  testing::internal::CaptureStdout();
  {
    AccessLog log;
    Request request;
    request.method = Method::get;
    request.remote_ip = "192.0.2.7";
    for (int i = 0; i < 3000; ++i) {
      request.path = "/shop/" + std::to_string(i);
      log.write(request, nullptr, 200, std::chrono::microseconds(250));
    }
  }
  const std::string out = testing::internal::GetCapturedStdout();
  size_t lines = 0, at = 0, last = 0;
  bool ordered = true;
  for (size_t end; (end = out.find('\n', at)) != std::string::npos; at = end + 1, ++lines) {
    const auto line = out.substr(at, end - at);
    const auto path = line.find("GET /shop/");
    ASSERT_NE(path, std::string::npos) << line;
    const size_t n = std::stoul(line.substr(path + 10));
    ordered = ordered && (lines == 0 || n == last + 1);
    last = n;
  }
  EXPECT_EQ(lines, 3000u);
  EXPECT_TRUE(ordered);
}

}  // namespace brilliant::web
