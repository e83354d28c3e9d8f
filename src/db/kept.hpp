// Statements prepared once per pooled connection and kept (issue 16). A checkout runs the same forty-odd
// statements every time; prepared afresh, each cost SQLite a parse (half a busy checkout's time) and
// PostgreSQL a PREPARE and a DEALLOCATE round trip on top of the query for every rowset. Kept, a repeat
// is one step on SQLite and one round trip on PostgreSQL, its plan made once.
//
//   bool found = db::run(sql, "SELECT id FROM carts WHERE token_hash = :h", soci::use(hash), soci::into(id));
//   long long changed = db::run_count(sql, "DELETE FROM cart_lines WHERE id = :id", soci::use(line));
//   db::each(sql, "SELECT id, slug FROM products WHERE workshop_id = :w",
//            [&](const soci::row& r) { ... }, soci::use(workshop));
//
// The query text is the key. A session this thread leased from db::Database (inside read() or write())
// keeps its statements; any other session (a test's own, a LISTEN connection) runs them as one-time
// queries, with the same results. The same rule as soci::use applies: never bind a temporary.
#pragma once
#include <soci/soci.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

namespace brilliant::db {

// One connection's kept statements. At most `most` are kept; past that they run one-time.
class Kept {
 public:
  Kept(soci::session& session, bool sqlite, std::size_t most = 256)
      : session_(session), sqlite_(sqlite), most_(most) {}
  ~Kept();
  Kept(const Kept&) = delete;
  Kept& operator=(const Kept&) = delete;

  soci::session& session() { return session_; }
  // The statement for query, prepared on first use; null when the connection keeps as many as it may.
  soci::statement* find(const std::string& query);
  // Readies a kept statement for its next use (its binds let go; SQLite's cursor reset, so a reader
  // holds no snapshot between uses).
  void finish(soci::statement& st);
  // Forgets a statement whose use failed (it may be in any state).
  void drop(const std::string& query);
  std::size_t size() const { return statements_.size(); }

 private:
  soci::session& session_;
  bool sqlite_;
  std::size_t most_;
  std::unordered_map<std::string, std::unique_ptr<soci::statement>> statements_;
};

// The kept statements of `sql` when this thread holds it through db::Database; else null.
Kept* kept_of(soci::session& sql);

// While alive, `kept` belongs to this thread's use of its session (db::Database's leases set it).
class KeptScope {
 public:
  explicit KeptScope(Kept* kept);
  ~KeptScope();
  KeptScope(const KeptScope&) = delete;
  KeptScope& operator=(const KeptScope&) = delete;

 private:
  Kept* previous_;
};

namespace detail {

// One use of a statement: kept or one-time; cleaned up after, forgotten if the use threw.
class Use {
 public:
  Use(soci::session& sql, const std::string& query, bool keep = true);
  ~Use();
  Use(const Use&) = delete;
  Use& operator=(const Use&) = delete;
  soci::statement& statement() { return *st_; }

 private:
  Kept* kept_;
  const std::string& query_;
  soci::statement* st_ = nullptr;
  std::unique_ptr<soci::statement> own_;
  int uncaught_;
};

}  // namespace detail

// Runs query with its soci::use / soci::into binds; fills the intos from the first row. True when a row came.
template <class... Binds>
bool run(soci::session& sql, const std::string& query, Binds&&... binds) {
  detail::Use use(sql, query);
  auto& st = use.statement();
  (st.exchange(std::forward<Binds>(binds)), ...);
  st.define_and_bind();
  return st.execute(true);
}

// Runs an INSERT, UPDATE or DELETE with its binds; the number of rows it changed.
template <class... Binds>
long long run_count(soci::session& sql, const std::string& query, Binds&&... binds) {
  detail::Use use(sql, query);
  auto& st = use.statement();
  (st.exchange(std::forward<Binds>(binds)), ...);
  st.define_and_bind();
  st.execute(true);
  return st.get_affected_rows();
}

// each() and each_once(): a kept statement or a one-time one.
template <class OnRow, class... Uses>
void each_of(soci::session& sql, const std::string& query, bool keep, OnRow&& on_row, Uses&&... uses) {
  soci::row row;  // outlives the use, whose clean-up lets go of it
  detail::Use use(sql, query, keep);
  auto& st = use.statement();
  (st.exchange(std::forward<Uses>(uses)), ...);
  st.exchange(soci::into(row));
  st.define_and_bind();
  if (!st.execute(true)) return;
  do on_row(static_cast<const soci::row&>(row));
  while (st.fetch());
}

// Runs query with its soci::use binds and calls on_row with each row it returns, in order. `keep` false: a
// query made for this one call (an IN list of ids) runs one-time and is not kept (on PostgreSQL still one
// round trip, where a soci::rowset takes three).
template <class OnRow, class... Uses>
void each(soci::session& sql, const std::string& query, OnRow&& on_row, Uses&&... uses) {
  each_of(sql, query, true, std::forward<OnRow>(on_row), std::forward<Uses>(uses)...);
}
template <class OnRow, class... Uses>
void each_once(soci::session& sql, const std::string& query, OnRow&& on_row, Uses&&... uses) {
  each_of(sql, query, false, std::forward<OnRow>(on_row), std::forward<Uses>(uses)...);
}
}  // namespace brilliant::db
