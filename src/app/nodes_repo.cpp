#include "app/nodes_repo.hpp"

#include "db/database.hpp"
#include "db/kept.hpp"

namespace brilliant::app {

std::string minute_slot(TimePoint at) { return format_utc(at).substr(0, 16); }
std::string hour_slot(TimePoint at) { return format_utc(at).substr(0, 13); }

bool claim_run(db::Database& db, const std::string& job, const std::string& slot, const std::string& node,
               const std::string& now) {
  return db.write([&](soci::session& sql) {
    soci::statement insert =
        (sql.prepare << "INSERT INTO job_runs (job, slot, node, started_at) VALUES (:job, "
                        ":slot, :node, :now) ON CONFLICT (job, slot) DO NOTHING",
         soci::use(job), soci::use(slot), soci::use(node), soci::use(now));
    insert.execute(true);
    return insert.get_affected_rows() == 1;
  });
}

int forget_old_claims(db::Database& db, const std::string& before, long long before_ms) {
  return db.write([&](soci::session& sql) {
    soci::statement runs = (sql.prepare << "DELETE FROM job_runs WHERE slot < :before", soci::use(before));
    runs.execute(true);
    soci::statement buckets =
        (sql.prepare << "DELETE FROM rate_buckets WHERE updated_ms < :before", soci::use(before_ms));
    buckets.execute(true);
    return static_cast<int>(runs.get_affected_rows() + buckets.get_affected_rows());
  });
}

namespace {

// The bucket refilled for the time since its last take (never above burst); a token taken only when a whole
// one is there, else the row stays as it was (the refill is worked out again at the next take).
const std::string& take_sql(bool pg) {
  static const auto text = [](bool pg) {
    // The binds' types spelled out: PostgreSQL would take the rate for a bigint from the column beside it.
    // Each use of the refill has binds of its own names (SQLite binds a repeated name once).
    const auto refilled = [pg](const std::string& n) {
      const std::string burst = "CAST(:b" + n + " AS DOUBLE PRECISION)",
                        rate = "CAST(:r" + n + " AS DOUBLE PRECISION)",
                        elapsed = "CAST(:n" + n + " AS BIGINT) - rate_buckets.updated_ms";
      return pg ? "LEAST(" + burst + ", rate_buckets.tokens + GREATEST(0, " + elapsed + ") * " + rate + ")"
                : "min(" + burst + ", rate_buckets.tokens + max(0, " + elapsed + ") * " + rate + ")";
    };
    return "INSERT INTO rate_buckets (key, tokens, updated_ms) VALUES (:key, :fresh, :at) ON CONFLICT (key) "
           "DO UPDATE SET tokens = " +
           refilled("1") + " - 1, updated_ms = :at2 WHERE " + refilled("2") + " >= 1 RETURNING tokens";
  };
  static const std::string on_pg = text(true), on_sqlite = text(false);
  return pg ? on_pg : on_sqlite;
}

}  // namespace

std::optional<long long> DatabaseBuckets::take(const std::string& key, TimePoint now, double burst,
                                               double per_second) {
  const long long now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  const double per_ms = per_second / 1000.0, taken_when_new = burst - 1.0;
  const bool pg = db_.backend() == db::Backend::postgresql;
  const std::string& upsert = take_sql(pg);
  auto statement = [&](soci::session& sql) {
    double left = 0;
    return db::run(sql, upsert, soci::use(key), soci::use(taken_when_new), soci::use(now_ms),
                   soci::use(burst), soci::use(now_ms), soci::use(per_ms), soci::use(now_ms),
                   soci::use(burst), soci::use(now_ms), soci::use(per_ms), soci::into(left));
  };
  // One statement is its own transaction on PostgreSQL (its pool is also the writers'); SQLite's writes
  // all go through its one writer.
  const bool took = pg ? db_.read(statement) : db_.write(statement);
  if (took) return std::nullopt;
  web::Bucket bucket{0, now};
  long long updated_ms = now_ms;
  db_.read([&](soci::session& sql) {
    db::run(sql, "SELECT tokens, updated_ms FROM rate_buckets WHERE key = :key", soci::use(key),
            soci::into(bucket.tokens), soci::into(updated_ms));
  });
  bucket.updated = TimePoint{std::chrono::milliseconds(updated_ms)};
  return web::take_token(bucket, now, burst, per_second).value_or(1);
}

}  // namespace brilliant::app
