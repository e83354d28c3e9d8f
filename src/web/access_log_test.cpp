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

#include <unistd.h>

#include <fstream>

namespace brilliant::web {

// In a folder the log keeps one file a local day and deletes the days past what it keeps; a file that is
// not a day's log is never touched.
TEST(AccessLogFiles, OneFileADayAndOldDaysDeleted) {
  const auto dir = std::filesystem::temp_directory_path() / ("access-logs-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const char* name : {"access-2026-08-01.log", "access-2026-09-01.log", "access-2026-11-29.log",
                           "notes.txt", "access-2026-13-01.log"})
    std::ofstream(dir / name) << "x\n";
  EXPECT_EQ(trim_access_logs(dir, "2026-11-30", 90), 1);  // August only: September 1 is 90 days back
  EXPECT_FALSE(std::filesystem::exists(dir / "access-2026-08-01.log"));
  EXPECT_TRUE(std::filesystem::exists(dir / "access-2026-09-01.log"));
  EXPECT_TRUE(std::filesystem::exists(dir / "notes.txt"));
  EXPECT_TRUE(std::filesystem::exists(dir / "access-2026-13-01.log"));  // no such day: not ours
  EXPECT_EQ(trim_access_logs(dir, "not a day", 1), 0);

  std::ofstream(dir / "access-2000-01-01.log") << "x\n";
  {
    AccessLog log(dir, 1);  // keeps yesterday and today: older days go when it opens today's file
    Request r;
    r.method = Method::get;
    r.path = "/hello";
    r.remote_ip = "10.0.0.1";
    r.request_id = "req-1";
    log.write(r, nullptr, 200, std::chrono::milliseconds(3));
  }
  const time_t now = std::time(nullptr);
  tm local{};
  localtime_r(&now, &local);
  char today[32];
  std::strftime(today, sizeof today, "access-%Y-%m-%d.log", &local);
  std::ifstream in(dir / today);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_NE(line.find("10.0.0.1 GET /hello 200"), std::string::npos) << line;
  EXPECT_FALSE(std::filesystem::exists(dir / "access-2000-01-01.log"));
  std::filesystem::remove_all(dir);
}

}  // namespace brilliant::web
