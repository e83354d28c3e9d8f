// Live commerce's wiring (live_wiring.cpp): the reminder mail in the person's language, and a Redis
// that cannot be reached stops the start with its address rather than leaving nodes deaf to each other.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "app/app.hpp"
#include "app/testing.hpp"
#include "db/database.hpp"
#include "mail/outbox.hpp"

namespace brilliant::app {

TEST(LiveWiring, ReminderMailsSayTheShowItsHostAndWhereToWatch) {
  TimePoint start;
  parse_utc("2026-12-01T10:55:00Z", start);
  FixedClock clock(start);
  TempApp temp(clock, "live-wiring");
  App& app = *temp;
  auto user =
      app.accounts().add_user({"fan@example.com", "팬", "a-long-password", "en"}, web::Role::shopper, "");
  ASSERT_TRUE(user);
  web::Principal op{1, "op@x", "Op", static_cast<uint32_t>(web::Role::operator_)};
  auto made =
      app.live().create(op, 0, {"허브 라이브", "Hub live", "", "", "2026-12-01T20:00", {}, 0, "", ""});
  ASSERT_TRUE(made) << made.error().message;
  ASSERT_TRUE(app.live().remind(made->show.slug, user->id));
  EXPECT_EQ(app.live().send_reminders(), 1);
  const auto mails = app.database().read([](soci::session& sql) { return mail::recent(sql, 5); });
  ASSERT_FALSE(mails.empty());
  EXPECT_EQ(mails[0].mail.to, "fan@example.com");
  EXPECT_NE(mails[0].mail.subject.find("Hub live"), std::string::npos);  // English, as the person chose
  EXPECT_NE(mails[0].mail.body.find("/en/live/" + made->show.slug), std::string::npos);
}

TEST(LiveWiring, AnUnreachableRedisStopsTheStart) {
  Config config;
  config.root = BRILLIANT_SOURCE_DIR;
  const auto dir = std::filesystem::temp_directory_path() / ("live-redis-" + random_token(6));
  config.database_url = "sqlite:" + (dir.string() + ".db");
  config.blob_root = dir / "blobs";
  config.issuer_key = dir / "issuer.key";
  config.live.redis_url = "redis://127.0.0.1:1";
  SystemClock clock;
  EXPECT_THROW(App(config, clock), std::runtime_error);
  std::filesystem::remove_all(dir);
  std::filesystem::remove(dir.string() + ".db");
}

}  // namespace brilliant::app
