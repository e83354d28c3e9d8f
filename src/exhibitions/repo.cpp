#include "exhibitions/repo.hpp"

namespace brilliant::exhibitions::repo {
namespace {

const std::string columns =
    "SELECT id, slug, name_ko, name_en, city, country, venue, booth, starts_on, ends_on, currency, cost FROM "
    "exhibitions ";

Exhibition exhibition_of(const soci::row& r) {
  Exhibition e;
  e.id = db::row_int(r, 0);
  auto& i = e.info;
  size_t c = 1;
  for (auto* field : {&i.slug, &i.name_ko, &i.name_en, &i.city, &i.country, &i.venue, &i.booth, &i.starts_on,
                      &i.ends_on, &i.currency})
    *field = db::row_text(r, c++);
  i.cost = db::row_int(r, c);
  return e;
}

}  // namespace

long long insert(soci::session& sql, const ExhibitionInput& in, const std::string& now) {
  long long id = 0;
  sql << "INSERT INTO exhibitions (slug, name_ko, name_en, city, country, venue, booth, starts_on, ends_on, "
         "currency, cost, created_at, updated_at) VALUES (:s, :nk, :ne, :c, :co, :v, :b, :st, :en, :cu, "
         ":cost, "
         ":a, :u) RETURNING id",
      soci::use(in.slug), soci::use(in.name_ko), soci::use(in.name_en), soci::use(in.city),
      soci::use(in.country), soci::use(in.venue), soci::use(in.booth), soci::use(in.starts_on),
      soci::use(in.ends_on), soci::use(in.currency), soci::use(in.cost), soci::use(now), soci::use(now),
      soci::into(id);
  return id;
}

std::vector<Exhibition> all(soci::session& sql) {
  std::vector<Exhibition> out;
  soci::rowset<soci::row> rows = sql.prepare << columns + "ORDER BY starts_on DESC, id DESC";
  for (const auto& r : rows) out.push_back(exhibition_of(r));
  return out;
}

std::optional<Exhibition> find(soci::session& sql, const std::string& slug) {
  soci::rowset<soci::row> rows = (sql.prepare << columns + "WHERE slug = :s", soci::use(slug));
  for (const auto& r : rows) return exhibition_of(r);
  return std::nullopt;
}

std::vector<Participant> participants(soci::session& sql, long long exhibition_id) {
  std::vector<Participant> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT p.workshop_id, w.slug, w.name, w.name_en, p.state, p.note, p.created_at FROM "
              "exhibition_workshops p JOIN workshops w ON w.id = p.workshop_id WHERE p.exhibition_id = :e "
              "ORDER BY w.name",
       soci::use(exhibition_id));
  for (const auto& r : rows)
    out.push_back({db::row_int(r, 0), db::row_text(r, 1), db::row_text(r, 2), db::row_text(r, 3),
                   db::row_text(r, 4), db::row_text(r, 5), db::row_text(r, 6)});
  return out;
}

void upsert_participant(soci::session& sql, long long exhibition_id, long long workshop_id,
                        const std::string& state, const std::string& note, const std::string& now,
                        bool decided) {
  long long known = 0;
  sql << "SELECT COUNT(*) FROM exhibition_workshops WHERE exhibition_id = :e AND workshop_id = :w",
      soci::use(exhibition_id), soci::use(workshop_id), soci::into(known);
  if (!known)
    sql << "INSERT INTO exhibition_workshops (exhibition_id, workshop_id, state, note, created_at) VALUES "
           "(:e, :w, "
           ":s, :n, :a)",
        soci::use(exhibition_id), soci::use(workshop_id), soci::use(state), soci::use(note), soci::use(now);
  else if (decided)
    sql << "UPDATE exhibition_workshops SET state = :s, decided_at = :a WHERE exhibition_id = :e AND "
           "workshop_id = :w",
        soci::use(state), soci::use(now), soci::use(exhibition_id), soci::use(workshop_id);
  else
    sql << "UPDATE exhibition_workshops SET state = :s, note = :n, decided_at = NULL WHERE exhibition_id = "
           ":e AND "
           "workshop_id = :w",
        soci::use(state), soci::use(note), soci::use(exhibition_id), soci::use(workshop_id);
}

std::vector<Piece> pieces(soci::session& sql, long long exhibition_id) {
  std::vector<Piece> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT x.product_id, x.workshop_id, p.slug, x.wholesale_price, x.min_quantity FROM "
              "exhibition_pieces x JOIN products p ON p.id = x.product_id WHERE x.exhibition_id = :e ORDER "
              "BY x.workshop_id, x.created_at, x.product_id",
       soci::use(exhibition_id));
  for (const auto& r : rows)
    out.push_back({db::row_int(r, 0), db::row_int(r, 1), db::row_text(r, 2), db::row_int(r, 3),
                   static_cast<int>(db::row_int(r, 4))});
  return out;
}

void set_piece(soci::session& sql, long long exhibition_id, const Piece& p, bool bring,
               const std::string& now) {
  sql << "DELETE FROM exhibition_pieces WHERE exhibition_id = :e AND product_id = :p",
      soci::use(exhibition_id), soci::use(p.product_id);
  if (!bring) return;
  sql << "INSERT INTO exhibition_pieces (exhibition_id, product_id, workshop_id, wholesale_price, "
         "min_quantity, "
         "created_at) VALUES (:e, :p, :w, :wp, :m, :a)",
      soci::use(exhibition_id), soci::use(p.product_id), soci::use(p.workshop_id),
      soci::use(p.wholesale_price), soci::use(p.min_quantity), soci::use(now);
}

std::pair<long long, std::string> product_owner(soci::session& sql, long long product_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT workshop_id, status FROM products WHERE id = :p", soci::use(product_id));
  for (const auto& r : rows) return {db::row_int(r, 0), db::row_text(r, 1)};
  return {0, ""};
}

std::vector<std::pair<std::string, std::string>> lead_countries_and_interests(soci::session& sql,
                                                                              long long exhibition_id,
                                                                              long long* visitors) {
  std::vector<std::pair<std::string, std::string>> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT country, interests, source FROM exhibition_leads WHERE exhibition_id = :e",
       soci::use(exhibition_id));
  for (const auto& r : rows) {
    out.emplace_back(db::row_text(r, 0), db::row_text(r, 1));
    if (visitors && db::row_text(r, 2) == "visitor") ++*visitors;
  }
  return out;
}

std::vector<FairSale> fair_sales(soci::session& sql, long long exhibition_id, const std::string& slug) {
  std::vector<FairSale> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT o.id, f.workshop_id, f.subtotal, COALESCE(a.country, '') FROM orders o JOIN "
                      "fulfilments f "
                      "ON f.order_id = o.id LEFT JOIN quotes q ON q.order_id = o.id LEFT JOIN "
                      "buyer_applications a ON "
                      "a.user_id = q.buyer_id WHERE o.status = 'paid' AND f.status <> 'cancelled' AND "
                      "((o.utm_source = "
                      "'exhibition' AND o.utm_campaign = :s) OR q.exhibition_id = :e) ORDER BY o.id",
       soci::use(slug), soci::use(exhibition_id));
  for (const auto& r : rows)
    out.push_back({db::row_int(r, 0), db::row_int(r, 1), db::row_int(r, 2), db::row_text(r, 3)});
  return out;
}

FairItems fair_items(soci::session& sql, const std::string& slug) {
  FairItems out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT kind, COUNT(DISTINCT item_id) FROM item_events WHERE note = :s AND kind IN "
                      "('sent_to_fair', 'back_from_fair', 'sold_at_fair') GROUP BY kind",
       soci::use(slug));
  for (const auto& r : rows) {
    const auto kind = db::row_text(r, 0);
    (kind == "sent_to_fair" ? out.sent : kind == "back_from_fair" ? out.back : out.sold) = db::row_int(r, 1);
  }
  return out;
}

std::vector<std::pair<long long, std::string>> fair_quotes(soci::session& sql, long long exhibition_id) {
  std::vector<std::pair<long long, std::string>> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT q.workshop_id, COALESCE(a.country, '') FROM quotes q LEFT JOIN buyer_applications "
              "a ON a.user_id = q.buyer_id WHERE q.exhibition_id = :e ORDER BY q.id",
       soci::use(exhibition_id));
  for (const auto& r : rows) out.emplace_back(db::row_int(r, 0), db::row_text(r, 1));
  return out;
}

void set_translation(soci::session& sql, long long product_id, const std::string& lang, const Translation& t,
                     const std::string& now) {
  const int draft = t.machine_draft ? 1 : 0;
  sql << "DELETE FROM product_translations WHERE product_id = :p AND lang = :l", soci::use(product_id),
      soci::use(lang);
  if (t.title.empty()) return;
  sql << "INSERT INTO product_translations (product_id, lang, title, story, machine_draft, updated_at) "
         "VALUES (:p, "
         ":l, :t, :s, :m, :u)",
      soci::use(product_id), soci::use(lang), soci::use(t.title), soci::use(t.story), soci::use(draft),
      soci::use(now);
}

std::map<std::pair<long long, std::string>, Translation> translations(soci::session& sql) {
  std::map<std::pair<long long, std::string>, Translation> out;
  soci::rowset<soci::row> rows =
      sql.prepare << "SELECT product_id, lang, title, story, machine_draft FROM product_translations";
  for (const auto& r : rows)
    out[{db::row_int(r, 0), db::row_text(r, 1)}] = {db::row_text(r, 2), db::row_text(r, 3),
                                                    db::row_int(r, 4) != 0};
  return out;
}

}  // namespace brilliant::exhibitions::repo
