#include "db/database.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

namespace brilliant::db {

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path = std::filesystem::temp_directory_path() / ("db-" + std::to_string(::getpid()) + ".db");
    db = Database::open("sqlite:" + path.string(), 4);
    db->write([](soci::session& s) { s << "CREATE TABLE n (id INTEGER PRIMARY KEY, v BIGINT NOT NULL)"; });
  }
  void TearDown() override {
    db.reset();
    for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  }
  std::filesystem::path path;
  std::unique_ptr<Database> db;
};

TEST_F(DatabaseTest, WriteCommitsAndThrowRollsBack) {
  db->write([](soci::session& s) { s << "INSERT INTO n (v) VALUES (5000000000)"; });
  EXPECT_THROW(db->write([](soci::session& s) {
    s << "INSERT INTO n (v) VALUES (1)";
    throw std::runtime_error("abort");
  }),
               std::runtime_error);
  auto values = db->read([](soci::session& s) {
    long long sum = 0, count = 0;
    s << "SELECT COALESCE(SUM(v), 0), COUNT(*) FROM n", soci::into(sum), soci::into(count);
    return std::pair{sum, count};
  });
  EXPECT_EQ(values.first, 5000000000LL);
  EXPECT_EQ(values.second, 1);
}

TEST_F(DatabaseTest, RowIntReadsEveryRepresentation) {
  db->write([](soci::session& s) { s << "INSERT INTO n (v) VALUES (42)"; });
  db->read([](soci::session& s) {
    soci::row row;
    s << "SELECT id, v, COUNT(*) AS c, id + 0 AS e FROM n GROUP BY id, v", soci::into(row);
    EXPECT_EQ(row_int(row, 0), 1);
    EXPECT_EQ(row_int(row, 1), 42);
    EXPECT_EQ(row_int(row, 2), 1);
    EXPECT_EQ(row_int(row, 3), 1);
  });
}

TEST_F(DatabaseTest, ConcurrentWritersAreSerialised) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([this] {
      for (int i = 0; i < 25; ++i) db->write([](soci::session& s) { s << "INSERT INTO n (v) VALUES (1)"; });
    });
  for (auto& t : threads) t.join();
  long long count = db->read([](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM n", soci::into(n);
    return n;
  });
  EXPECT_EQ(count, 100);
  EXPECT_TRUE(db->ping());
}

struct Outcome {
  bool good;
  bool ok() const { return good; }
};

TEST_F(DatabaseTest, FailedResultRollsBack) {
  db->write([](soci::session& s) {
    s << "INSERT INTO n (v) VALUES (7)";
    return Outcome{false};
  });
  long long count = db->read([](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM n", soci::into(n);
    return n;
  });
  EXPECT_EQ(count, 0);
}

TEST(DatabaseOpen, RejectsUnknownUrl) { EXPECT_THROW(Database::open("mysql://x", 1), std::runtime_error); }

}  // namespace brilliant::db
