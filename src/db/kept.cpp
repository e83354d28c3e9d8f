#include "db/kept.hpp"

#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <exception>

namespace brilliant::db {
namespace {

thread_local Kept* current = nullptr;

}  // namespace

Kept::~Kept() { statements_.clear(); }  // before the session closes: PostgreSQL deallocates each

soci::statement* Kept::find(const std::string& query) {
  if (auto it = statements_.find(query); it != statements_.end()) return it->second.get();
  if (statements_.size() >= most_) return nullptr;
  auto st = std::make_unique<soci::statement>(session_);
  st->alloc();
  st->prepare(query);
  return statements_.emplace(query, std::move(st)).first->second.get();
}

void Kept::finish(soci::statement& st) {
  st.bind_clean_up();
  if (!sqlite_) return;  // PostgreSQL's result was read whole; nothing stays open on the server
  auto* backend = static_cast<soci::sqlite3_statement_backend*>(st.get_backend());
  sqlite_api::sqlite3_reset(backend->stmt_);
  sqlite_api::sqlite3_clear_bindings(backend->stmt_);  // the bound buffers were just let go
}

void Kept::drop(const std::string& query) { statements_.erase(query); }

Kept* kept_of(soci::session& sql) { return current && &current->session() == &sql ? current : nullptr; }

KeptScope::KeptScope(Kept* kept) : previous_(current) { current = kept; }
KeptScope::~KeptScope() { current = previous_; }

namespace detail {

Use::Use(soci::session& sql, const std::string& query, bool keep)
    : kept_(keep ? kept_of(sql) : nullptr), query_(query), uncaught_(std::uncaught_exceptions()) {
  if (kept_) st_ = kept_->find(query);
  if (!st_) {
    own_ = std::make_unique<soci::statement>(sql);
    own_->alloc();
    own_->prepare(query, soci::details::st_one_time_query);
    st_ = own_.get();
  }
}

Use::~Use() {
  if (own_ || !kept_) return;
  if (std::uncaught_exceptions() > uncaught_) {
    kept_->drop(query_);  // its state after a failure is unknown; prepared again next time
    return;
  }
  try {
    kept_->finish(*st_);
  } catch (...) {
    kept_->drop(query_);
  }
}

}  // namespace detail
}  // namespace brilliant::db
