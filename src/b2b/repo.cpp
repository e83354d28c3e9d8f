#include "b2b/repo.hpp"

namespace brilliant::b2b::repo {
namespace {

const std::string application_columns =
    "SELECT a.user_id, u.name, u.email, a.company, a.country, a.website, a.note, a.status, a.applied_at, "
    "COALESCE(a.decided_at, '') FROM buyer_applications a JOIN users u ON u.id = a.user_id ";

Application application_of(const soci::row& r) {
  Application a;
  a.user_id = db::row_int(r, 0);
  size_t c = 1;
  for (auto* field : {&a.name, &a.email, &a.info.company, &a.info.country, &a.info.website, &a.info.note,
                      &a.status, &a.applied_at, &a.decided_at})
    *field = db::row_text(r, c++);
  return a;
}

const std::string quote_columns =
    "SELECT q.id, q.buyer_id, q.workshop_id, q.product_id, q.variant_id, COALESCE(q.exhibition_id, 0), "
    "q.quantity, q.unit_price, q.min_quantity, q.lead_days, q.number, u.name, u.email, "
    "COALESCE(a.company, ''), COALESCE(a.country, ''), w.name, p.slug, p.title_ko, p.title_en, "
    "COALESCE(e.slug, ''), COALESCE(e.name_ko, ''), COALESCE(e.name_en, ''), q.buyer_note, q.status, "
    "q.valid_until, q.answer_note, q.requested_at, q.sent_at, "
    "q.updated_at, q.reminded_at, COALESCE(o.number, ''), w.name_en FROM quotes q JOIN users u ON u.id = "
    "q.buyer_id "
    "LEFT JOIN buyer_applications a ON a.user_id = q.buyer_id JOIN workshops w ON w.id = q.workshop_id "
    "JOIN products p ON p.id = q.product_id LEFT JOIN exhibitions e ON e.id = q.exhibition_id "
    "LEFT JOIN orders o ON o.id = q.order_id ";

Quote quote_of(const soci::row& r) {
  Quote q;
  size_t c = 0;
  for (auto* field : {&q.id, &q.buyer_id, &q.workshop_id, &q.product_id, &q.variant_id, &q.exhibition_id})
    *field = db::row_int(r, c++);
  q.quantity = static_cast<int>(db::row_int(r, c++));
  q.unit_price = db::row_int(r, c++);
  q.min_quantity = static_cast<int>(db::row_int(r, c++));
  q.lead_days = static_cast<int>(db::row_int(r, c++));
  for (auto* field :
       {&q.number,        &q.buyer_name,    &q.buyer_email, &q.buyer_company, &q.buyer_country,
        &q.workshop,      &q.product_slug,  &q.title_ko,    &q.title_en,      &q.exhibition_slug,
        &q.exhibition_ko, &q.exhibition_en, &q.buyer_note,  &q.status,        &q.valid_until,
        &q.answer_note,   &q.requested_at,  &q.sent_at,     &q.updated_at,    &q.reminded_at,
        &q.order_number,  &q.workshop_en})
    *field = db::row_text(r, c++);
  return q;
}

}  // namespace

std::optional<Application> application(soci::session& sql, long long user_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << application_columns + "WHERE a.user_id = :u", soci::use(user_id));
  for (const auto& r : rows) return application_of(r);
  return std::nullopt;
}

std::vector<Application> applications(soci::session& sql) {
  std::vector<Application> out;
  soci::rowset<soci::row> rows =
      sql.prepare << application_columns +
                         "ORDER BY CASE WHEN a.status = 'pending' THEN 0 ELSE 1 END, a.applied_at DESC";
  for (const auto& r : rows) out.push_back(application_of(r));
  return out;
}

void save_application(soci::session& sql, long long user_id, const ApplicationInput& in,
                      const std::string& now) {
  sql << "DELETE FROM buyer_applications WHERE user_id = :u", soci::use(user_id);
  sql << "INSERT INTO buyer_applications (user_id, company, country, website, note, status, applied_at) "
         "VALUES (:u, :c, :n, :w, :o, 'pending', :a)",
      soci::use(user_id), soci::use(in.company), soci::use(in.country), soci::use(in.website),
      soci::use(in.note), soci::use(now);
}

void decide_application(soci::session& sql, long long user_id, const std::string& status, long long by,
                        const std::string& now) {
  sql << "UPDATE buyer_applications SET status = :s, decided_at = :a, decided_by = :b WHERE user_id = :u",
      soci::use(status), soci::use(now), soci::use(by), soci::use(user_id);
}

std::vector<Quote> quotes(soci::session& sql, long long buyer_id, long long workshop_id, int limit,
                          const std::string& status) {
  std::vector<Quote> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << quote_columns +
                  "WHERE (:b = 0 OR q.buyer_id = :b2) AND (:w = 0 OR q.workshop_id = :w2) AND (:s = '' "
                  "OR q.status = :s2) ORDER BY q.id DESC LIMIT :l",
       soci::use(buyer_id), soci::use(buyer_id), soci::use(workshop_id), soci::use(workshop_id),
       soci::use(status), soci::use(status), soci::use(limit));
  for (const auto& r : rows) out.push_back(quote_of(r));
  return out;
}

std::optional<Quote> quote(soci::session& sql, const std::string& number) {
  soci::rowset<soci::row> rows = (sql.prepare << quote_columns + "WHERE q.number = :n", soci::use(number));
  for (const auto& r : rows) return quote_of(r);
  return std::nullopt;
}

long long insert_quote(soci::session& sql, const Quote& q, const std::string& now) {
  long long id = 0;
  soci::indicator fair = q.exhibition_id ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO quotes (number, buyer_id, workshop_id, product_id, variant_id, exhibition_id, "
         "quantity, "
         "buyer_note, status, requested_at, updated_at) VALUES (:n, :b, :w, :p, :v, :e, :q, :o, 'draft', :r, "
         ":u) RETURNING id",
      soci::use(q.number), soci::use(q.buyer_id), soci::use(q.workshop_id), soci::use(q.product_id),
      soci::use(q.variant_id), soci::use(q.exhibition_id, fair), soci::use(q.quantity),
      soci::use(q.buyer_note), soci::use(now), soci::use(now), soci::into(id);
  return id;
}

bool answer(soci::session& sql, long long id, const std::string& from, const std::string& to, const Answer& a,
            const std::string& valid_until, const std::string& now) {
  const std::string sent_at = to == "sent" ? now : "";
  soci::statement st =
      (sql.prepare << "UPDATE quotes SET status = :t, unit_price = :p, min_quantity = :m, lead_days = :l, "
                      "valid_until = :v, answer_note = :n, sent_at = CASE WHEN :s = '' THEN sent_at ELSE :s2 "
                      "END, updated_at = :u WHERE id = :id AND status = :f",
       soci::use(to), soci::use(a.unit_price), soci::use(a.min_quantity), soci::use(a.lead_days),
       soci::use(valid_until), soci::use(a.note), soci::use(sent_at), soci::use(sent_at), soci::use(now),
       soci::use(id), soci::use(from));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool move(soci::session& sql, long long id, const std::string& from, const std::string& to,
          const std::string& now) {
  soci::statement st = (sql.prepare << "UPDATE quotes SET status = :t, updated_at = :u WHERE id = :id AND "
                                       "status = :f",
                        soci::use(to), soci::use(now), soci::use(id), soci::use(from));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool mark_ordered(soci::session& sql, long long id, long long order_id, const std::string& now) {
  soci::statement st =
      (sql.prepare << "UPDATE quotes SET status = 'ordered', order_id = :o, updated_at = :u WHERE id = :id "
                      "AND status = 'accepted'",
       soci::use(order_id), soci::use(now), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void mark_reminded(soci::session& sql, long long id, const std::string& now) {
  sql << "UPDATE quotes SET reminded_at = :a WHERE id = :id", soci::use(now), soci::use(id);
}

void event(soci::session& sql, long long quote_id, const std::string& status, long long actor,
           const std::string& note, const std::string& now) {
  soci::indicator who = actor ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO quote_events (quote_id, status, actor_id, note, at) VALUES (:q, :s, :a, :n, :t)",
      soci::use(quote_id), soci::use(status), soci::use(actor, who), soci::use(note), soci::use(now);
}

std::vector<std::pair<std::string, std::string>> workshop_people(soci::session& sql, long long workshop_id) {
  std::vector<std::pair<std::string, std::string>> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT u.email, u.locale FROM user_roles r JOIN users u ON u.id = r.user_id WHERE "
                      "r.role = 'vendor_staff' AND r.workshop_id = :w AND u.status = 'active' ORDER BY u.id",
       soci::use(workshop_id));
  for (const auto& r : rows) out.emplace_back(db::row_text(r, 0), db::row_text(r, 1));
  return out;
}

}  // namespace brilliant::b2b::repo
