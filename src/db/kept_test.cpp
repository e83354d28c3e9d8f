#include "db/kept.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <thread>

#include "core/secret.hpp"
#include "db/database.hpp"

namespace brilliant::db {

// The same checks on SQLite and, when the test run started one, PostgreSQL.
class KeptTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    table_ = "kept_" + random_token(6);
    for (char& c : table_)
      if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    if (GetParam() == "sqlite") {
      path_ = std::filesystem::temp_directory_path() / ("kept-" + random_token(6) + ".db");
      db_ = Database::open("sqlite:" + path_.string(), 2);
    } else {
      const char* url = std::getenv("BRILLIANT_TEST_PG_URL");
      if (!url) GTEST_SKIP() << "no PostgreSQL for this run (BRILLIANT_TEST_PG_URL unset)";
      db_ = Database::open(url, 2);
    }
    db_->write([&](soci::session& s) {
      s << "CREATE TABLE " + table_ + " (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n BIGINT NOT NULL)";
    });
  }
  void TearDown() override {
    if (db_ && GetParam() != "sqlite") db_->write([&](soci::session& s) { s << "DROP TABLE " + table_; });
    db_.reset();
    if (!path_.empty())
      for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  std::string q(const std::string& sql) {  // the test's own table in a query
    std::string out = sql;
    out.replace(out.find("{T}"), 3, table_);
    return out;
  }
  std::string table_;
  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

TEST_P(KeptTest, ARepeatedStatementIsPreparedOnceAndBindsFreshValuesEachTime) {
  const auto insert = q("INSERT INTO {T} (id, name, n) VALUES (:id, :name, :n)");
  std::size_t kept_after_first = 0, kept_after_all = 0;
  db_->write([&](soci::session& s) {
    for (int id = 1; id <= 5; ++id) {
      const std::string name = "piece-" + std::to_string(id);
      const long long n = 5000000000LL + id;
      EXPECT_EQ(run_count(s, insert, soci::use(id), soci::use(name), soci::use(n)), 1);
      if (id == 1) kept_after_first = kept_of(s)->size();
    }
    kept_after_all = kept_of(s)->size();
  });
  EXPECT_EQ(kept_after_first, 1u);
  EXPECT_EQ(kept_after_all, 1u);
  const auto select = q("SELECT name, n FROM {T} WHERE id = :id");
  for (int id : {3, 5, 1}) {
    auto [name, n] = db_->read([&](soci::session& s) {
      std::string name;
      long long n = 0;
      EXPECT_TRUE(run(s, select, soci::use(id), soci::into(name), soci::into(n)));
      return std::pair{name, n};
    });
    EXPECT_EQ(name, "piece-" + std::to_string(id));
    EXPECT_EQ(n, 5000000000LL + id);
  }
  int missing = 99;
  std::string none = "untouched";
  long long zero = 0;
  EXPECT_FALSE(db_->read([&](soci::session& s) {
    return run(s, select, soci::use(missing), soci::into(none), soci::into(zero));
  }));
  EXPECT_EQ(none, "untouched");
}

TEST_P(KeptTest, EachReadsEveryRowInOrderAndAReaderSeesWhatIsCommittedAfterItsLastUse) {
  const auto insert = q("INSERT INTO {T} (id, name, n) VALUES (:id, :name, :n)");
  const auto rows = q("SELECT id, name FROM {T} WHERE n >= :least ORDER BY id");
  auto add = [&](int id) {
    db_->write([&](soci::session& s) {
      const std::string name = "p" + std::to_string(id);
      const long long n = id;
      run_count(s, insert, soci::use(id), soci::use(name), soci::use(n));
    });
  };
  auto read = [&] {
    return db_->read([&](soci::session& s) {
      std::vector<std::string> names;
      const long long least = 2;
      each(
          s, rows, [&](const soci::row& r) { names.push_back(row_text(r, 1)); }, soci::use(least));
      return names;
    });
  };
  for (int id : {1, 2, 3}) add(id);
  EXPECT_EQ(read(), (std::vector<std::string>{"p2", "p3"}));
  // A kept SELECT left no snapshot open: what another connection commits next is seen.
  add(4);
  EXPECT_EQ(read(), (std::vector<std::string>{"p2", "p3", "p4"}));
  // A kept statement that stopped at its first row (a count) leaves no read open on its connection either:
  // the next lease's one-time query sees the row committed in between.
  const auto count = q("SELECT COUNT(*) FROM {T} WHERE n >= :least");
  const long long any = 0;
  auto counts = [&] {
    return db_->read([&](soci::session& s) {
      long long kept = 0, fresh = 0;
      s << "SELECT COUNT(*) FROM " + table_, soci::into(fresh);
      run(s, count, soci::use(any), soci::into(kept));
      return std::pair{kept, fresh};
    });
  };
  EXPECT_EQ(counts(), std::pair(4LL, 4LL));
  add(5);
  EXPECT_EQ(counts(), std::pair(5LL, 5LL));
  const long long none_left = 100;
  EXPECT_TRUE(db_->read([&](soci::session& s) {
                   std::vector<long long> ids;
                   each(
                       s, rows, [&](const soci::row& r) { ids.push_back(row_int(r, 0)); },
                       soci::use(none_left));
                   return ids;
                 })
                  .empty());
}

TEST_P(KeptTest, AFailedStatementRollsItsTransactionBackAndIsPreparedAgainNextTime) {
  const auto insert = q("INSERT INTO {T} (id, name, n) VALUES (:id, :name, :n)");
  auto put = [&](int id) {
    db_->write([&](soci::session& s) {
      const std::string name = "x";
      const long long n = 1;
      run_count(s, insert, soci::use(id), soci::use(name), soci::use(n));
    });
  };
  put(1);
  EXPECT_THROW(put(1), soci::soci_error);  // the same primary key
  put(2);
  const auto count = q("SELECT COUNT(*) FROM {T} WHERE n = :n");
  const long long n = 1;
  long long rows = db_->read([&](soci::session& s) {
    long long c = 0;
    run(s, count, soci::use(n), soci::into(c));
    return c;
  });
  EXPECT_EQ(rows, 2);
}

struct Refused {
  bool ok() const { return false; }
};

// A statement first prepared inside a transaction that rolls back is still there for the next one (on
// PostgreSQL a prepared statement belongs to the connection, not the transaction).
TEST_P(KeptTest, AStatementPreparedInATransactionThatRolledBackServesTheNextOne) {
  const auto insert = q("INSERT INTO {T} (id, name, n) VALUES (:id, :name, :n)");
  const auto select = q("SELECT name FROM {T} WHERE id = :id");
  const int id = 1;
  const std::string name = "kept";
  const long long n = 1;
  db_->write([&](soci::session& s) {
    run_count(s, insert, soci::use(id), soci::use(name), soci::use(n));
    std::string seen;
    EXPECT_TRUE(run(s, select, soci::use(id), soci::into(seen)));
    return Refused{};
  });
  db_->write([&](soci::session& s) { run_count(s, insert, soci::use(id), soci::use(name), soci::use(n)); });
  std::string found;
  EXPECT_TRUE(db_->write([&](soci::session& s) { return run(s, select, soci::use(id), soci::into(found)); }));
  EXPECT_EQ(found, "kept");
}

TEST_P(KeptTest, ASessionNotLeasedFromTheDatabaseRunsTheSameStatementsOneTime) {
  soci::session* leased = nullptr;
  db_->read([&](soci::session& s) {
    leased = &s;
    EXPECT_NE(kept_of(s), nullptr);
  });
  ASSERT_NE(leased, nullptr);
  EXPECT_EQ(kept_of(*leased), nullptr);  // outside read(): this thread no longer holds it
  const auto insert = q("INSERT INTO {T} (id, name, n) VALUES (:id, :name, :n)");
  const int id = 7;
  const std::string name = "outside";
  const long long n = 3;
  EXPECT_EQ(run_count(*leased, insert, soci::use(id), soci::use(name), soci::use(n)), 1);
  std::string found;
  EXPECT_TRUE(run(*leased, q("SELECT name FROM {T} WHERE id = :id"), soci::use(id), soci::into(found)));
  EXPECT_EQ(found, "outside");
}

TEST_P(KeptTest, ManyThreadsUseTheirOwnConnectionsStatementsAtOnce) {
  const auto insert = q("INSERT INTO {T} (id, name, n) VALUES (:id, :name, :n)");
  const auto select = q("SELECT n FROM {T} WHERE id = :id");
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const int id = t * 100 + i;
        const std::string name = "t";
        const long long n = id * 2;
        db_->write(
            [&](soci::session& s) { run_count(s, insert, soci::use(id), soci::use(name), soci::use(n)); });
        long long back = db_->read([&](soci::session& s) {
          long long v = -1;
          run(s, select, soci::use(id), soci::into(v));
          return v;
        });
        if (back != n) ++wrong;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, KeptTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace brilliant::db
