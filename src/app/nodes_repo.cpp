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

std::optional<long long> DatabaseBuckets::update(const std::string& key, const web::Bucket& fresh,
                                                 const Step& step) {
  return db_.write([&](soci::session& sql) {
    const long long fresh_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(fresh.updated.time_since_epoch()).count();
    // The bucket as it stands (a full one when new), its row locked until the transaction ends: one
    // statement, and the update below a second.
    double tokens = 0;
    long long updated_ms = 0;
    db::run(
        sql,
        "INSERT INTO rate_buckets (key, tokens, updated_ms) VALUES (:key, :tokens, :at) ON CONFLICT (key) "
        "DO UPDATE SET tokens = rate_buckets.tokens RETURNING tokens, updated_ms",
        soci::use(key), soci::use(fresh.tokens), soci::use(fresh_ms), soci::into(tokens),
        soci::into(updated_ms));
    web::Bucket bucket{tokens, TimePoint{std::chrono::milliseconds(updated_ms)}};
    auto wait = step(bucket);
    const long long at_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(bucket.updated.time_since_epoch()).count();
    db::run(sql, "UPDATE rate_buckets SET tokens = :tokens, updated_ms = :at WHERE key = :key",
            soci::use(bucket.tokens), soci::use(at_ms), soci::use(key));
    return wait;
  });
}

}  // namespace brilliant::app
