#include "exhibitions/leads_repo.hpp"

#include <sstream>

namespace brilliant::exhibitions::leads_repo {
namespace {

const std::string columns =
    "SELECT id, exhibition_id, client_id, name, company, email, phone, country, interests, rating, notes, "
    "consent, source, captured_at, version, conflict, created_at, updated_at FROM exhibition_leads ";

std::string ids_text(const std::vector<long long>& ids) {
  std::string out;
  for (long long id : ids) out += (out.empty() ? "" : " ") + std::to_string(id);
  return out;
}

Lead lead_of(const soci::row& r) {
  Lead l;
  l.id = db::row_int(r, 0);
  l.exhibition_id = db::row_int(r, 1);
  auto& f = l.fields;
  size_t c = 2;
  for (auto* field : {&f.client_id, &f.name, &f.company, &f.email, &f.phone, &f.country})
    *field = db::row_text(r, c++);
  std::istringstream interests(db::row_text(r, c++));
  for (long long id; interests >> id;) f.interests.push_back(id);
  f.rating = static_cast<int>(db::row_int(r, c++));
  f.notes = db::row_text(r, c++);
  f.consent = db::row_int(r, c++) != 0;
  l.source = db::row_text(r, c++);
  f.captured_at = db::row_text(r, c++);
  l.version = static_cast<int>(db::row_int(r, c++));
  f.base_version = l.version;
  l.conflict = db::row_text(r, c++);
  l.created_at = db::row_text(r, c++);
  l.updated_at = db::row_text(r, c);
  return l;
}

std::optional<Lead> first(soci::rowset<soci::row>& rows) {
  for (const auto& r : rows) return lead_of(r);
  return std::nullopt;
}

}  // namespace

std::optional<Lead> by_client(soci::session& sql, long long exhibition_id, const std::string& client_id) {
  soci::rowset<soci::row> rows = (sql.prepare << columns + "WHERE exhibition_id = :e AND client_id = :c",
                                  soci::use(exhibition_id), soci::use(client_id));
  return first(rows);
}

std::optional<Lead> by_id(soci::session& sql, long long exhibition_id, long long id) {
  soci::rowset<soci::row> rows = (sql.prepare << columns + "WHERE exhibition_id = :e AND id = :i",
                                  soci::use(exhibition_id), soci::use(id));
  return first(rows);
}

std::vector<Lead> of(soci::session& sql, long long exhibition_id) {
  std::vector<Lead> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << columns + "WHERE exhibition_id = :e ORDER BY captured_at, id",
       soci::use(exhibition_id));
  for (const auto& r : rows) out.push_back(lead_of(r));
  return out;
}

long long insert(soci::session& sql, long long exhibition_id, const LeadInput& in, const std::string& source,
                 long long user, const std::string& now) {
  long long id = 0;
  const std::string interests = ids_text(in.interests);
  const int consent = in.consent ? 1 : 0;
  soci::indicator by = user ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO exhibition_leads (exhibition_id, client_id, name, company, email, phone, country, "
         "interests, "
         "rating, notes, consent, source, captured_by, captured_at, created_at, updated_at) VALUES (:e, :c, "
         ":n, :co, "
         ":em, :p, :cn, :i, :r, :no, :cs, :s, :by, :at, :a, :u) RETURNING id",
      soci::use(exhibition_id), soci::use(in.client_id), soci::use(in.name), soci::use(in.company),
      soci::use(in.email), soci::use(in.phone), soci::use(in.country), soci::use(interests),
      soci::use(in.rating), soci::use(in.notes), soci::use(consent), soci::use(source), soci::use(user, by),
      soci::use(in.captured_at), soci::use(now), soci::use(now), soci::into(id);
  return id;
}

void update(soci::session& sql, long long id, const LeadInput& in, int version, const std::string& conflict,
            const std::string& now) {
  const std::string interests = ids_text(in.interests);
  const int consent = in.consent ? 1 : 0;
  sql << "UPDATE exhibition_leads SET name = :n, company = :co, email = :em, phone = :p, country = :cn, "
         "interests = "
         ":i, rating = :r, notes = :no, consent = :cs, version = :v, conflict = :cf, updated_at = :u WHERE "
         "id = :id",
      soci::use(in.name), soci::use(in.company), soci::use(in.email), soci::use(in.phone),
      soci::use(in.country), soci::use(interests), soci::use(in.rating), soci::use(in.notes),
      soci::use(consent), soci::use(version), soci::use(conflict), soci::use(now), soci::use(id);
}

void set_conflict(soci::session& sql, long long id, const std::string& conflict, const std::string& now) {
  sql << "UPDATE exhibition_leads SET conflict = :c, updated_at = :u WHERE id = :id", soci::use(conflict),
      soci::use(now), soci::use(id);
}

}  // namespace brilliant::exhibitions::leads_repo
