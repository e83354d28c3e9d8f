#include "db/notices.hpp"

#include <gtest/gtest.h>

#include <condition_variable>
#include <cstdlib>
#include <mutex>

#include "db/database.hpp"

namespace brilliant::db {
namespace {

TEST(Notices, TextRoundTripsAndRejectsWhatIsNotANotice) {
  const Notice n{"node-a", "stock", "12 13"};
  auto back = parse_notice(notice_text(n));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->node, "node-a");
  EXPECT_EQ(back->topic, "stock");
  EXPECT_EQ(back->data, "12 13");
  auto empty_data = parse_notice(notice_text({"b", "catalog", ""}));
  ASSERT_TRUE(empty_data);
  EXPECT_EQ(empty_data->topic, "catalog");
  EXPECT_EQ(empty_data->data, "");
  EXPECT_FALSE(parse_notice("no tabs here"));
  EXPECT_FALSE(parse_notice("\tcatalog\t"));   // no node
  EXPECT_FALSE(parse_notice("node\t\tdata"));  // no topic
}

TEST(Notices, IdsAreSplitIntoPiecesThatFitANotice) {
  std::vector<long long> ids;
  for (long long i = 1000000; i < 1003000; ++i) ids.push_back(i);  // 3,000 eight-byte ids: ~24 KB
  const auto chunks = id_chunks(ids, 7000);
  ASSERT_GT(chunks.size(), 3u);
  std::vector<long long> back;
  for (const auto& c : chunks) {
    EXPECT_LE(c.size(), 7000u);
    for (long long id : parse_ids(c)) back.push_back(id);
  }
  EXPECT_EQ(back, ids);
  EXPECT_TRUE(id_chunks({}).empty());
  // In groups of three: a group is never cut, however small the pieces.
  const auto triples = id_chunks({1, 22, 333, 4, 55, 666, 7}, 9, 3);
  EXPECT_EQ(triples, (std::vector<std::string>{"1 22 333", "4 55 666", "7"}));
  EXPECT_EQ(parse_ids("4 5  6"), (std::vector<long long>{4, 5, 6}));
  EXPECT_EQ(parse_ids("7 x 8"), (std::vector<long long>{7}));  // stops at what is not a number
}

// What a node heard, waited for with a deadline.
struct Heard {
  std::mutex mutex;
  std::condition_variable cv;
  std::vector<Notice> notices;
  void add(const Notice& n) {
    std::lock_guard lock(mutex);
    notices.push_back(n);
    cv.notify_all();
  }
  bool wait_for(const std::string& topic, std::chrono::seconds within = std::chrono::seconds(10)) {
    std::unique_lock lock(mutex);
    return cv.wait_for(lock, within, [&] {
      return std::any_of(notices.begin(), notices.end(), [&](const Notice& n) { return n.topic == topic; });
    });
  }
  size_t count() {
    std::lock_guard lock(mutex);
    return notices.size();
  }
};

class NoticesOnPostgres : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("BRILLIANT_TEST_PG_URL");
    if (!url) GTEST_SKIP() << "no PostgreSQL for this run (BRILLIANT_TEST_PG_URL unset)";
    url_ = url;
    db_ = Database::open(url_, 2);
  }
  std::string url_;
  std::unique_ptr<Database> db_;
};

TEST_F(NoticesOnPostgres, AnotherNodeOfTheClusterHearsWhatOneTellsButNeverItsOwn) {
  Heard on_a, on_b;
  Notices a(*db_, url_, "test-a", "node-a"), b(*db_, url_, "test-a", "node-b"),
      elsewhere(*db_, url_, "test-b");
  a.start([&](const Notice& n) { on_a.add(n); });
  b.start([&](const Notice& n) { on_b.add(n); });
  Heard other_cluster;
  elsewhere.start([&](const Notice& n) { other_cluster.add(n); });
  ASSERT_TRUE(a.listening());
  ASSERT_TRUE(b.listening());
  a.publish("stock", "41 42");
  ASSERT_TRUE(on_b.wait_for("stock"));
  {
    std::lock_guard lock(on_b.mutex);
    EXPECT_EQ(on_b.notices.front().node, "node-a");
    EXPECT_EQ(parse_ids(on_b.notices.front().data), (std::vector<long long>{41, 42}));
  }
  b.publish("catalog");  // a hears b's notice; b's own did not come back to b
  ASSERT_TRUE(on_a.wait_for("catalog"));
  EXPECT_EQ(on_b.count(), 1u);
  EXPECT_EQ(on_a.count(), 1u);
  elsewhere.publish(
      "legal");  // another cluster's notices reach neither; its own listener hears none of theirs
  b.publish("brand");
  ASSERT_TRUE(on_a.wait_for("brand"));
  EXPECT_EQ(on_a.count(), 2u);
  EXPECT_EQ(other_cluster.count(), 0u);
}

TEST_F(NoticesOnPostgres, AListenerWhoseConnectionBrokeReconnectsAndAsksForAResync) {
  Heard heard;
  Notices listener(*db_, url_, "test-resync", "listener"), teller(*db_, url_, "test-resync", "teller");
  listener.start([&](const Notice& n) { heard.add(n); });
  ASSERT_TRUE(listener.listening());
  // The database ends the listener's connection (as a restart or a failover would).
  db_->read([](soci::session& sql) {
    sql << "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN \"test-resync\"' "
           "AND pid <> pg_backend_pid()";
  });
  ASSERT_TRUE(heard.wait_for("resync", std::chrono::seconds(15)));
  teller.publish("brand");
  ASSERT_TRUE(heard.wait_for("brand"));
}

}  // namespace
}  // namespace brilliant::db
