#include "live/repo.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "live/testing.hpp"

namespace brilliant::live {
namespace {

using RepoTest = LiveFixture;

TEST_F(RepoTest, AShowReadsBackWithItsPartsAndItsStartIsKept) {
  db->write([&](soci::session& sql) {
    const long long id =
        repo::insert_show(sql, {"moon-k7q2", "hash", "2026-12-01T00:00:00Z", 1, 3, input({moon()})});
    repo::set_state(sql, id, State::live, "2026-12-01T11:00:00Z");
    repo::set_state(sql, id, State::live, "2026-12-01T11:05:00Z");  // a dropped stream came back
    repo::add_chapter(sql, id, moon(), "2026-12-01T11:01:00Z");
    repo::add_watch(sql, id, 4, 4);
    repo::add_watch(sql, id, 2, 2);
  });
  auto show = db->read([&](soci::session& sql) { return repo::find(sql, "moon-k7q2"); });
  ASSERT_TRUE(show);
  EXPECT_EQ(show->host_name, "달 공방");
  EXPECT_EQ(show->host("en"), "Moon");  // the workshop's English name on English pages
  EXPECT_EQ(show->host("ko"), "달 공방");
  EXPECT_EQ(show->started_at, "2026-12-01T11:00:00Z");
  EXPECT_EQ(show->lineup, std::vector<long long>{moon()});
  EXPECT_EQ(show->chapters.size(), 1u);
  EXPECT_EQ(show->peak_viewers, 4);
  EXPECT_EQ(show->watch_seconds, 6);
  EXPECT_TRUE(db->read([&](soci::session& sql) { return repo::find_by_key(sql, "hash").has_value(); }));
}

TEST_F(RepoTest, UnitsAreClaimedOnlyWhileTheCountdownRunsAndOnlyIfLeft) {
  const auto variant_id = catalog.product("moon-ring")->variants.at(0).id;
  db->write([&](soci::session& sql) {
    const long long show = repo::insert_show(sql, {"moon-a2b3", "h2", "x", 1, 3, input({moon()})});
    const long long deal = repo::insert_deal(sql, {show, variant_id, 90000, 2, 1, 60, "x"});
    EXPECT_FALSE(repo::claim_units(sql, deal, 1, "2026-12-01T11:00:00Z"));  // not started
    EXPECT_TRUE(repo::start_deal(sql, deal, "2026-12-01T11:00:00Z", "2026-12-01T11:01:00Z"));
    EXPECT_FALSE(repo::start_deal(sql, deal, "2026-12-01T11:00:30Z", "2026-12-01T11:01:30Z"));
    EXPECT_FALSE(repo::claim_units(sql, deal, 3, "2026-12-01T11:00:10Z"));  // more than left
    EXPECT_TRUE(repo::claim_units(sql, deal, 2, "2026-12-01T11:00:10Z"));
    EXPECT_FALSE(repo::claim_units(sql, deal, 1, "2026-12-01T11:00:20Z"));  // none left
    EXPECT_EQ(repo::deal(sql, deal)->sold, 2);
  });
}

TEST_F(RepoTest, ChatModerationAndRemindersReadBack) {
  db->write([&](soci::session& sql) {
    const long long show = repo::insert_show(sql, {"moon-c4d5", "h3", "x", 1, 3, input({})});
    const long long first =
        repo::insert_chat(sql, show, {0, 1, "김보석", "안녕", "2026-12-01T11:00:00Z", false});
    repo::insert_chat(sql, show, {0, 3, "장인", "환영합니다", "2026-12-01T11:00:05Z", true});
    EXPECT_EQ(repo::chat(sql, show, 50).size(), 2u);
    EXPECT_TRUE(repo::chat(sql, show, 50).back().host);  // the show's creator
    EXPECT_EQ(repo::chat(sql, show, 50, first).size(), 1u);
    EXPECT_TRUE(repo::delete_chat(sql, show, first, 3));
    EXPECT_FALSE(repo::delete_chat(sql, show, first, 3));
    repo::moderate(sql, show, 1, {"2026-12-01T11:10:00Z", false}, 3, "x");
    repo::moderate(sql, show, 1, {"", true}, 3, "x");
    EXPECT_TRUE(repo::moderation_of(sql, show, 1).banned);
    EXPECT_TRUE(repo::moderation_of(sql, show, 1).muted_until.empty());
    EXPECT_TRUE(repo::add_reminder(sql, show, 1, "x"));
    EXPECT_FALSE(repo::add_reminder(sql, show, 1, "x"));
    EXPECT_EQ(repo::take_due_reminders(sql, "2026-11-01T00:00:00Z", "x").size(), 0u);
    auto due = repo::take_due_reminders(sql, "2027-01-01T00:00:00Z", "x");
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].people.size(), 1u);
    EXPECT_TRUE(repo::take_due_reminders(sql, "2027-01-01T00:00:00Z", "x").empty());
  });
}

}  // namespace
}  // namespace brilliant::live
