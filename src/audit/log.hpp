// The audit trail in the database (audit_log): appended to, searched; never changed.
#pragma once
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "core/clock.hpp"
#include "db/fwd.hpp"

namespace brilliant::audit {

struct Filter {
  std::string q;              // in the actor, the route, the target or the values
  std::string kind;           // change | view | empty: both
  std::string from, to;       // Seoul dates YYYY-MM-DD, inclusive; empty: open
  long long workshop_id = 0;  // 0: every entry (the operator); else that workshop's staff only
  long long before_id = 0;    // paging: entries older than this id
  int limit = 100;
};

class Log {
 public:
  Log(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  // Appends (at = now). Never throws for a full disk of audit alone: the caller logs and goes on.
  void record(Entry entry);
  // Newest first.
  std::vector<Entry> search(const Filter& filter);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace brilliant::audit
