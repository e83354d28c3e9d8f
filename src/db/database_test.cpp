#include "db/database.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "core/result.hpp"

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

// Writers that queue while one commits go in together (group commit); each keeps its own outcome: one
// that throws or asks to roll back undoes only its own rows, and its caller alone hears of it.
TEST_F(DatabaseTest, TransactionsCommittedTogetherKeepTheirOwnOutcomes) {
  std::vector<std::thread> threads;
  std::atomic<int> thrown{0}, committed{0};
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 40; ++i) {
        const long long v = t * 1000 + i;
        try {
          auto outcome = db->write([&](soci::session& s) {
            s << "INSERT INTO n (v) VALUES (:v)", soci::use(v);
            if (i % 5 == 3) throw std::runtime_error("refused");
            s << "INSERT INTO n (v) VALUES (:v)", soci::use(v);  // two rows: all or nothing
            return Outcome{i % 5 != 4};
          });
          if (outcome.ok()) ++committed;
        } catch (const std::runtime_error&) {
          ++thrown;
        }
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(thrown.load(), 8 * 8);
  EXPECT_EQ(committed.load(), 8 * 24);
  auto [rows, odd] = db->read([](soci::session& s) {
    long long n = 0, unpaired = 0;
    s << "SELECT COUNT(*) FROM n", soci::into(n);
    s << "SELECT COUNT(*) FROM (SELECT v FROM n GROUP BY v HAVING COUNT(*) <> 2) x", soci::into(unpaired);
    return std::pair{n, unpaired};
  });
  EXPECT_EQ(rows, 2 * 8 * 24);
  EXPECT_EQ(odd, 0);
}

TEST(DatabaseOpen, RejectsUnknownUrl) { EXPECT_THROW(Database::open("mysql://x", 1), std::runtime_error); }

// Every part of a postgresql:// URL reaches libpq, over TCP or a Unix socket (a host that is a folder,
// given as a parameter or percent-encoded in the authority), quotes and backslashes escaped.
TEST(PgKeywords, SpellsEveryPartOfTheUrl) {
  EXPECT_EQ(
      pg_keywords("postgresql://shop:it%27s@db.internal:5433/brilliant?sslmode=require"),
      "host='db.internal' port='5433' user='shop' password='it\\'s' dbname='brilliant' sslmode='require'");
  EXPECT_EQ(pg_keywords("postgresql://brilliant@/brilliant?host=/var/run/postgresql&port=5433"),
            "user='brilliant' dbname='brilliant' host='/var/run/postgresql' port='5433'");
  EXPECT_EQ(pg_keywords("postgresql://brilliant@%2Fvar%2Frun%2Fpostgresql/brilliant"),
            "host='/var/run/postgresql' user='brilliant' dbname='brilliant'");
  EXPECT_THROW(pg_keywords("postgresql://a b"), std::runtime_error);
}

// A node on PostgreSQL's own machine reaches it over its Unix socket (docs/SCALING.md): the URL the
// test run's throwaway cluster names that way opens, reads and writes.
TEST(PgKeywords, OpensPostgresqlOverItsUnixSocket) {
  const char* url = std::getenv("BRILLIANT_TEST_PG_SOCKET_URL");
  if (!url) GTEST_SKIP() << "no PostgreSQL for this run (BRILLIANT_TEST_PG_SOCKET_URL unset)";
  auto db = Database::open(url, 2);
  const std::string transport = db->read([](soci::session& s) {
    std::string family;
    s << "SELECT CASE WHEN inet_client_addr() IS NULL THEN 'unix' ELSE 'tcp' END", soci::into(family);
    return family;
  });
  EXPECT_EQ(transport, "unix");
  const long long written = db->write([](soci::session& s) {
    long long n = 0;
    s << "SELECT CAST(txid_current() AS BIGINT)", soci::into(n);
    return n;
  });
  EXPECT_GT(written, 0);
}

// Two tabs submitting at once on PostgreSQL: a write checks a key is free, another connection inserts it
// before this one does, and this one's insert meets the unique key. The write runs again and its check
// answers (here a conflict), as it would have had it come second; nothing reaches the caller as an
// exception.
TEST(PgWrites, ACheckThenInsertThatLosesARaceRunsAgainAndSeesTheRow) {
  const char* url = std::getenv("BRILLIANT_TEST_PG_URL");
  if (!url) GTEST_SKIP() << "no PostgreSQL for this run (BRILLIANT_TEST_PG_URL unset)";
  auto db = Database::open(url, 2);
  const std::string table = "race_" + std::to_string(::getpid()) + "_" + std::to_string(std::rand() % 100000);
  db->write([&](soci::session& s) { s << "CREATE TABLE " + table + " (k TEXT PRIMARY KEY)"; });
  int attempts = 0;
  auto outcome = db->write([&](soci::session& s) -> Result<std::string> {
    ++attempts;
    long long taken = 0;
    s << "SELECT COUNT(*) FROM " + table + " WHERE k = 'a'", soci::into(taken);
    if (taken) return Error::conflict("k", "k_taken", "k is taken");
    if (attempts == 1)  // the other tab, on another connection, committed at once
      db->read([&](soci::session& other) { other << "INSERT INTO " + table + " (k) VALUES ('a')"; });
    s << "INSERT INTO " + table + " (k) VALUES ('a')";
    return std::string("mine");
  });
  EXPECT_EQ(attempts, 2);
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().code, "k_taken");
  const long long rows = db->read([&](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return n;
  });
  EXPECT_EQ(rows, 1);
  db->write([&](soci::session& s) { s << "DROP TABLE " + table; });
}

// A cart's writes commit without waiting for the disk (decision 019): in a write() its transaction alone,
// and a statement on its own with the FROM item; the session the pool hands out next waits again.
TEST(PgWrites, ACommitWithoutWaitingIsItsTransactionsAlone) {
  const char* url = std::getenv("BRILLIANT_TEST_PG_URL");
  if (!url) GTEST_SKIP() << "no PostgreSQL for this run (BRILLIANT_TEST_PG_URL unset)";
  auto db = Database::open(url, 1);  // one session: every read and write below is on it
  const auto setting = [](soci::session& s) {
    std::string value;
    s << "SELECT current_setting('synchronous_commit')", soci::into(value);
    return value;
  };
  const std::string inside = db->write([&](soci::session& s) {
    commit_without_waiting(s);
    return setting(s);
  });
  EXPECT_EQ(inside, "off");
  EXPECT_EQ(db->read(setting), "on");
  const std::string statement = db->read([](soci::session& s) {
    std::string value;
    run(s, std::string("SELECT current_setting('synchronous_commit') FROM ") + pg_no_wait_from,
        soci::into(value));
    return value;
  });
  EXPECT_EQ(statement, "off");
  EXPECT_EQ(db->read(setting), "on");
}

}  // namespace brilliant::db
