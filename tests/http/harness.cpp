#include "http/harness.hpp"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>

#include "core/secret.hpp"

namespace brilliant::test {

void ServerTest::SetUp() {
  spdlog::set_level(spdlog::level::warn);
  const char* backend = std::getenv("BRILLIANT_TEST_BACKEND");
  app::Config config;
  config.root = BRILLIANT_SOURCE_DIR;
  config.server.port = 0;
  config.server.io_threads = 2;
  config.server.pool_threads = 4;
  config.server.body_limit = 64 * 1024;
  config.server.header_limit = 8 * 1024;
  config.password_cost = accounts::Cost::minimum;
  config.access_log = false;
  config.database_readers = 4;
  config.photo_workers = 1;
  blob_dir = (std::filesystem::temp_directory_path() / ("brilliant-blobs-" + random_token(8))).string();
  config.blob_root = blob_dir;
  if (backend && std::string(backend) == "pg") {
    const char* url = std::getenv("BRILLIANT_TEST_PG_URL");
    if (!url || !*url) {
      const char* required = std::getenv("BRILLIANT_REQUIRE_PG");
      if (required && std::string(required) == "1") FAIL() << "BRILLIANT_TEST_PG_URL is not set";
      GTEST_SKIP() << "no PostgreSQL for this run (BRILLIANT_TEST_PG_URL unset)";
    }
    config.database_url = url;
  } else {
    sqlite_file =
        (std::filesystem::temp_directory_path() / ("brilliant-http-" + random_token(8) + ".db")).string();
    config.database_url = "sqlite:" + sqlite_file;
  }
  TimePoint start;
  parse_utc("2026-11-25T00:00:00Z", start);
  clock = std::make_unique<FixedClock>(start);
  app = std::make_unique<app::App>(config, *clock);
  app->migrate();
  port = app->start();
}

void ServerTest::TearDown() {
  app.reset();
  if (!blob_dir.empty()) std::filesystem::remove_all(blob_dir);
  if (!sqlite_file.empty())
    for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(sqlite_file + suffix);
}

std::string ServerTest::unique_email(const std::string& hint) {
  auto token = random_token(6);
  for (auto& c : token) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return hint + "-" + token + "@example.com";
}

std::unique_ptr<HttpClient> ServerTest::logged_in(web::Role role, const std::string& workshop_slug,
                                                  std::string* email) {
  auto user = app->accounts().add_user({unique_email("user"), "테스트 사용자", "user-password", "ko"}, role,
                                       workshop_slug);
  EXPECT_TRUE(user.ok()) << (user.ok() ? "" : user.error().message);
  if (!user.ok()) return client();
  if (email) *email = user->email;
  auto c = client();
  auto token = c->csrf_from("/login");
  EXPECT_EQ(c->post_form("/login", {{"_csrf", token}, {"email", user->email}, {"password", "user-password"}})
                .status,
            303);
  return c;
}

std::unique_ptr<HttpClient> ServerTest::signed_up(const std::string& email, const std::string& password,
                                                  const std::string& name) {
  auto c = client();
  auto csrf = c->csrf_from("/signup");
  auto r =
      c->post_form("/signup", {{"_csrf", csrf}, {"email", email}, {"name", name}, {"password", password}});
  EXPECT_EQ(r.status, 303) << r.body;
  return c;
}

}  // namespace brilliant::test
