#include "audit/log.hpp"

#include <soci/soci.h>

#include <algorithm>

#include "db/database.hpp"

namespace brilliant::audit {

void Log::record(Entry e) {
  e.at = format_utc(clock_.now());
  db_.write([&](soci::session& sql) {
    sql << "INSERT INTO audit_log (at, actor_id, actor, roles, workshop_id, kind, method, route, target, "
           "detail, status, ip, changes) VALUES (:at, :aid, :a, :r, :w, :k, :m, :ro, :t, :d, :s, :ip, :c)",
        soci::use(e.at), soci::use(e.actor_id), soci::use(e.actor), soci::use(e.roles),
        soci::use(e.workshop_id), soci::use(e.kind), soci::use(e.method), soci::use(e.route),
        soci::use(e.target), soci::use(e.detail), soci::use(e.status), soci::use(e.ip), soci::use(e.changes);
  });
}

namespace {

// A Seoul date's first instant in UTC text ("2026-11-29" -> "2026-11-28T15:00:00Z"); empty when unreadable.
std::string seoul_day_start(const std::string& date, int add_days = 0) {
  TimePoint t;
  if (date.size() != 10 || !parse_utc(date + "T00:00:00Z", t)) return "";
  return format_utc(t - std::chrono::hours(9) + std::chrono::hours(24) * add_days);
}

}  // namespace

std::vector<Entry> Log::search(const Filter& f) {
  const std::string like = "%" + f.q + "%";
  const std::string from = seoul_day_start(f.from), to = seoul_day_start(f.to, 1);
  const long long before = f.before_id > 0 ? f.before_id : (1LL << 62);
  const std::string sql_text =
      "SELECT id, at, actor_id, actor, roles, workshop_id, kind, method, route, target, detail, status, ip, "
      "changes FROM audit_log WHERE (:q = '' OR actor LIKE :q1 OR route LIKE :q2 OR target LIKE :q3 OR "
      "detail LIKE :q4 OR changes LIKE :q5) "
      "AND (:k = '' OR kind = :k2) AND (:f = '' OR at >= :f2) AND (:t = '' OR at < :t2) "
      "AND (:w = 0 OR workshop_id = :w2) AND id < :b ORDER BY id DESC LIMIT " +
      std::to_string(std::clamp(f.limit, 1, 500));
  return db_.read([&](soci::session& sql) {
    std::vector<Entry> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << sql_text, soci::use(f.q), soci::use(like), soci::use(like), soci::use(like),
         soci::use(like), soci::use(like), soci::use(f.kind), soci::use(f.kind), soci::use(from),
         soci::use(from), soci::use(to), soci::use(to), soci::use(f.workshop_id), soci::use(f.workshop_id),
         soci::use(before));
    for (const auto& r : rows) {
      Entry e;
      e.id = db::row_int(r, 0);
      e.at = db::row_text(r, 1);
      e.actor_id = db::row_int(r, 2);
      e.actor = db::row_text(r, 3);
      e.roles = db::row_text(r, 4);
      e.workshop_id = db::row_int(r, 5);
      e.kind = db::row_text(r, 6);
      e.method = db::row_text(r, 7);
      e.route = db::row_text(r, 8);
      e.target = db::row_text(r, 9);
      e.detail = db::row_text(r, 10);
      e.status = static_cast<int>(db::row_int(r, 11));
      e.ip = db::row_text(r, 12);
      e.changes = db::row_text(r, 13);
      out.push_back(std::move(e));
    }
    return out;
  });
}

}  // namespace brilliant::audit
