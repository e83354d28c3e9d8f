#include "vendors/events.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace brilliant::vendors {

void record_event(soci::session& sql, EventLog log, long long owner, long long author,
                  const std::string& kind, const std::string& message, const std::string& now) {
  soci::indicator by = author ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO " + std::string(log.table) + " (" + log.owner +
             ", author_id, kind, message, created_at) VALUES (:o, :a, :k, :m, :now)",
      soci::use(owner), soci::use(author, by), soci::use(kind), soci::use(message), soci::use(now);
}

std::vector<VendorEvent> read_events(soci::session& sql, EventLog log, long long owner, bool newest_first) {
  std::vector<VendorEvent> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT e.kind, e.message, COALESCE(u.name, ''), e.created_at FROM " +
                          std::string(log.table) + " e LEFT JOIN users u ON u.id = e.author_id WHERE e." +
                          log.owner + " = :o ORDER BY e.id" + (newest_first ? " DESC" : ""),
       soci::use(owner));
  for (const auto& r : rows)
    out.push_back({db::row_text(r, 0), db::row_text(r, 1), db::row_text(r, 2), db::row_text(r, 3)});
  return out;
}

boost::json::array events_json(const std::vector<VendorEvent>& events,
                               const std::function<std::string(const std::string& kind)>& text) {
  boost::json::array out;
  for (const auto& e : events) {
    const std::string seoul = format_seoul(e.created_at);
    boost::json::object o{{"kind", e.kind},
                          {"kind_text", text(e.kind)},
                          {"author", e.author},
                          {"at", seoul.empty() ? e.created_at : seoul}};
    if (!e.message.empty()) o["message"] = e.message;
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace brilliant::vendors
