// What several nodes on one database share (issue 16): claims on background jobs' runs, so each runs once
// across nodes, and the rate limits' buckets.
#pragma once
#include <string>

#include "core/clock.hpp"
#include "db/fwd.hpp"
#include "web/rate_limit.hpp"

namespace brilliant::app {

// Claims job's run for slot (a minute "2026-12-01T09:05", an hour "2026-12-01T09"): true when this node
// made the claim and so runs it; false when another node (or this one) already had.
bool claim_run(db::Database& db, const std::string& job, const std::string& slot, const std::string& node,
               const std::string& now);
// Removes claims older than `before` (a slot in the same form) and buckets untouched since `before_ms`.
int forget_old_claims(db::Database& db, const std::string& before, long long before_ms);

// The wall-clock slot a job runs in: "YYYY-MM-DDTHH:MM" (minute) or "YYYY-MM-DDTHH" (hour), UTC.
std::string minute_slot(TimePoint at);
std::string hour_slot(TimePoint at);

// Rate-limit buckets in the database: a take is one statement (an upsert that refills and takes a token
// only when one is there, its arithmetic in SQL), atomic under the key's row lock on PostgreSQL and on
// SQLite's one writer. A refusal reads the bucket once more for the wait it answers.
class DatabaseBuckets final : public web::BucketStore {
 public:
  explicit DatabaseBuckets(db::Database& db) : db_(db) {}
  std::optional<long long> take(const std::string& key, TimePoint now, double burst,
                                double per_second) override;

 private:
  db::Database& db_;
};

}  // namespace brilliant::app
