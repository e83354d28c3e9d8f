// One interface over SOCI with two backends (DESIGN.md §3, §5):
//   SQLite ("sqlite:var/brilliant.db"): WAL, foreign keys on, busy timeout; one writer connection and
//     a pool of readers.
//   PostgreSQL ("postgresql://user@host:port/db"): one connection pool for reads and writes.
// Only repos (and db/) include this header; domain values and logic never see SOCI.
// Thread safety: read() and write() may be called from any number of threads at once.
#pragma once
#include <soci/soci.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "db/kept.hpp"

namespace brilliant::db {

enum class Backend { sqlite, postgresql };

class Database {
 public:
  // Opens the database named by url; throws std::runtime_error with the reason when it cannot.
  static std::unique_ptr<Database> open(const std::string& url, int readers);
  ~Database();

  Backend backend() const { return backend_; }

  // Runs fn with a pooled session, outside any transaction.
  template <class F>
  auto read(F&& fn) {
    Lease lease(*readers_, kept_readers_);
    return fn(lease.session());
  }

  // Runs fn inside a transaction: commits when fn returns, rolls back when it throws or returns a
  // failed Result (anything with ok() == false), so "all or nothing" needs no exceptions. The whole fn is
  // repeated (up to 5 times) on SQLite "busy" and PostgreSQL serialization failures and deadlocks, so
  // fn must not have side effects outside the database.
  template <class F>
  auto write(F&& fn) {
    using R = decltype(fn(std::declval<soci::session&>()));
    if constexpr (std::is_void_v<R>) {
      run_write([&](soci::session& s) {
        fn(s);
        return true;
      });
    } else {
      std::optional<R> result;
      run_write([&](soci::session& s) {
        result.emplace(fn(s));
        if constexpr (requires { result->ok(); }) return static_cast<bool>(result->ok());
        return true;
      });
      return std::move(*result);
    }
  }

  // True when a trivial query answers (for /healthz).
  bool ping();

 private:
  // A pooled session for this thread, with its kept statements (db/kept.hpp).
  class Lease {
   public:
    Lease(soci::connection_pool& pool, std::vector<std::unique_ptr<Kept>>& kept)
        : pool_(pool), index_(pool.lease()), scope_(kept[index_].get()) {}
    ~Lease() { pool_.give_back(index_); }
    soci::session& session() { return pool_.at(index_); }

   private:
    soci::connection_pool& pool_;
    std::size_t index_;
    KeptScope scope_;
  };

  Database(Backend backend, std::unique_ptr<soci::connection_pool> readers, std::size_t readers_size,
           std::unique_ptr<soci::connection_pool> writers, std::size_t writers_size);
  // fn returns true to commit, false to roll back.
  void run_write(const std::function<bool(soci::session&)>& fn);
  // SQLite's one writer: transactions that queue while one commits go in together (database.cpp).
  struct Queued;
  struct Group;
  void run_group(std::vector<Queued*>& batch);
  std::unique_ptr<Group> group_;

  Backend backend_;
  std::unique_ptr<soci::connection_pool> readers_;
  std::unique_ptr<soci::connection_pool> writers_;  // SQLite: one connection; PostgreSQL: the readers
  // Each pooled session's kept statements, by its place in its pool (let go before the sessions close).
  std::vector<std::unique_ptr<Kept>> kept_readers_, kept_writers_;
};

// A write whose loss in a crash breaks no promise (a cart's lines: the order that takes them commits
// durably, and that commit makes every earlier one durable with it) need not wait for the disk. Called in a
// write(): on PostgreSQL this transaction alone commits without waiting for its log to be flushed
// (synchronous_commit off until it ends; what a crash can lose is its last fraction of a second, never
// a half-written row); on SQLite nothing (its one writer's commits share their sync). Decision 019.
void commit_without_waiting(soci::session& sql);
// The same for one PostgreSQL statement that commits by itself (outside write()): a FROM item to join to
// it, one row.
inline constexpr const char* pg_no_wait_from =
    "(SELECT set_config('synchronous_commit', 'off', true)) AS no_wait";

// libpq's keyword form of a postgresql:// URL (SOCI 4.0 mangles URIs); for connections of one's own.
std::string pg_keywords(const std::string& url);

// Reads an integer column of a dynamic row whatever SOCI made of it (int on SQLite INTEGER, long long
// on PostgreSQL bigint, string for SQLite expressions); 0 for NULL. Domain code never calls row::get.
long long row_int(const soci::row& row, std::size_t column);
// Reads a text column; empty for NULL.
std::string row_text(const soci::row& row, std::size_t column);

}  // namespace brilliant::db
