#include "live/repo.hpp"

#include <unordered_map>

#include <soci/soci.h>

#include <algorithm>

#include "db/database.hpp"

namespace brilliant::live::repo {

namespace {

constexpr const char* show_columns =
    "s.id, s.slug, COALESCE(s.workshop_id, 0), COALESCE(w.name, ''), s.title_ko, s.title_en, "
    "s.description_ko, "
    "s.description_en, s.scheduled_at, s.state, COALESCE(s.started_at, ''), COALESCE(s.ended_at, ''), "
    "s.replay_url, s.slow_mode_seconds, s.banned_words, s.notice, s.peak_viewers, s.watch_seconds, "
    "s.rehearsal, COALESCE(w.name_en, '') "
    "FROM live_shows s LEFT JOIN workshops w ON w.id = s.workshop_id ";

Show show_of(const soci::row& r) {
  Show s;
  s.id = db::row_int(r, 0);
  s.slug = db::row_text(r, 1);
  s.workshop_id = db::row_int(r, 2);
  s.host_name = db::row_text(r, 3);
  s.title_ko = db::row_text(r, 4);
  s.title_en = db::row_text(r, 5);
  s.description_ko = db::row_text(r, 6);
  s.description_en = db::row_text(r, 7);
  s.scheduled_at = db::row_text(r, 8);
  s.state = parse_state(db::row_text(r, 9)).value_or(State::ended);
  s.started_at = db::row_text(r, 10);
  s.ended_at = db::row_text(r, 11);
  s.replay_url = db::row_text(r, 12);
  s.slow_mode_seconds = static_cast<int>(db::row_int(r, 13));
  s.banned_words = db::row_text(r, 14);
  s.notice = db::row_text(r, 15);
  s.peak_viewers = static_cast<int>(db::row_int(r, 16));
  s.watch_seconds = db::row_int(r, 17);
  s.rehearsal = db::row_int(r, 18) != 0;
  s.host_name_en = db::row_text(r, 19);
  return s;
}

constexpr const char* deal_columns =
    "d.id, d.show_id, d.variant_id, v.product_id, d.price, v.price, d.quantity, d.sold, d.per_customer, "
    "d.duration_seconds, COALESCE(d.starts_at, ''), COALESCE(d.ends_at, ''), p.title_ko, p.slug, v.sku "
    "FROM live_deals d JOIN variants v ON v.id = d.variant_id JOIN products p ON p.id = v.product_id ";

Deal deal_of(const soci::row& r) {
  Deal d;
  d.id = db::row_int(r, 0);
  d.show_id = db::row_int(r, 1);
  d.variant_id = db::row_int(r, 2);
  d.product_id = db::row_int(r, 3);
  d.price = db::row_int(r, 4);
  d.regular_price = db::row_int(r, 5);
  d.quantity = static_cast<int>(db::row_int(r, 6));
  d.sold = static_cast<int>(db::row_int(r, 7));
  d.per_customer = static_cast<int>(db::row_int(r, 8));
  d.duration_seconds = static_cast<int>(db::row_int(r, 9));
  d.starts_at = db::row_text(r, 10);
  d.ends_at = db::row_text(r, 11);
  d.product_name = db::row_text(r, 12);
  d.product_slug = db::row_text(r, 13);
  d.variant_label = db::row_text(r, 14);
  return d;
}

void load_parts(soci::session& sql, Show& s) {
  soci::rowset<soci::row> lineup =
      (sql.prepare << "SELECT product_id FROM live_lineup WHERE show_id = :s ORDER BY position",
       soci::use(s.id));
  for (const auto& r : lineup) s.lineup.push_back(db::row_int(r, 0));
  soci::rowset<soci::row> chapters =
      (sql.prepare << "SELECT product_id, at FROM live_chapters WHERE show_id = :s ORDER BY id",
       soci::use(s.id));
  for (const auto& r : chapters) s.chapters.push_back({db::row_int(r, 0), db::row_text(r, 1)});
  soci::rowset<soci::row> deals =
      (sql.prepare << std::string("SELECT ") + deal_columns + "WHERE d.show_id = :s ORDER BY d.id",
       soci::use(s.id));
  for (const auto& r : deals) s.deals.push_back(deal_of(r));
  soci::rowset<soci::row> moderators =
      (sql.prepare << "SELECT user_id FROM live_moderators WHERE show_id = :s ORDER BY user_id",
       soci::use(s.id));
  for (const auto& r : moderators) s.moderator_ids.push_back(db::row_int(r, 0));
}

std::optional<Show> find_where(soci::session& sql, const std::string& where, const std::string& value) {
  std::optional<Show> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string("SELECT ") + show_columns + where, soci::use(value));
  for (const auto& r : rows) out = show_of(r);
  if (out) load_parts(sql, *out);
  return out;
}

void replace_lineup(soci::session& sql, long long show_id, const std::vector<long long>& lineup) {
  sql << "DELETE FROM live_lineup WHERE show_id = :s", soci::use(show_id);
  for (size_t i = 0; i < lineup.size(); ++i) {
    const int position = static_cast<int>(i);
    sql << "INSERT INTO live_lineup (show_id, product_id, position) VALUES (:s, :p, :n)", soci::use(show_id),
        soci::use(lineup[i]), soci::use(position);
  }
}

}  // namespace

long long insert_show(soci::session& sql, const NewShow& n) {
  long long id = 0;
  const auto& in = n.input;
  soci::indicator host = n.workshop_id ? soci::i_ok : soci::i_null;
  long long workshop = n.workshop_id;
  const int rehearsal = in.rehearsal ? 1 : 0;
  sql << "INSERT INTO live_shows (slug, workshop_id, title_ko, title_en, description_ko, description_en, "
         "scheduled_at, stream_key_hash, slow_mode_seconds, banned_words, notice, created_by, created_at, "
         "rehearsal) VALUES "
         "(:slug, :w, :tk, :te, :dk, :de, :at, :key, :slow, :words, :notice, :by, :now, :r) RETURNING id",
      soci::use(n.slug), soci::use(workshop, host), soci::use(in.title_ko), soci::use(in.title_en),
      soci::use(in.description_ko), soci::use(in.description_en), soci::use(in.scheduled_at),
      soci::use(n.key_hash), soci::use(in.slow_mode_seconds), soci::use(in.banned_words),
      soci::use(in.notice), soci::use(n.created_by), soci::use(n.at), soci::use(rehearsal), soci::into(id);
  replace_lineup(sql, id, in.lineup);
  return id;
}

void update_show(soci::session& sql, long long id, const ShowInput& in) {
  const int rehearsal = in.rehearsal ? 1 : 0;
  sql << "UPDATE live_shows SET title_ko = :tk, title_en = :te, description_ko = :dk, description_en = :de, "
         "scheduled_at = :at, slow_mode_seconds = :slow, banned_words = :words, notice = :notice, rehearsal "
         "= :r "
         "WHERE id = :id",
      soci::use(in.title_ko), soci::use(in.title_en), soci::use(in.description_ko),
      soci::use(in.description_en), soci::use(in.scheduled_at), soci::use(in.slow_mode_seconds),
      soci::use(in.banned_words), soci::use(in.notice), soci::use(rehearsal), soci::use(id);
  replace_lineup(sql, id, in.lineup);
}

std::optional<Show> find(soci::session& sql, const std::string& slug) {
  return find_where(sql, "WHERE s.slug = :v", slug);
}

std::optional<Show> find_by_key(soci::session& sql, const std::string& key_hash) {
  return find_where(sql, "WHERE s.stream_key_hash = :v", key_hash);
}

std::vector<Show> list(soci::session& sql, long long workshop_id, int limit) {
  std::vector<Show> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << std::string("SELECT ") + show_columns +
                  "WHERE (:w = 0 OR s.workshop_id = :w2) ORDER BY s.scheduled_at DESC, s.id DESC LIMIT " +
                  std::to_string(limit),
       soci::use(workshop_id), soci::use(workshop_id));
  for (const auto& r : rows) out.push_back(show_of(r));
  // Every listed show's line-up in one query, not one per show.
  std::unordered_map<long long, Show*> by_id;
  for (auto& s : out) by_id[s.id] = &s;
  soci::rowset<soci::row> lineups =
      (sql.prepare << "SELECT l.show_id, l.product_id FROM live_lineup l JOIN (SELECT s.id FROM live_shows s "
                      "WHERE (:w = 0 OR s.workshop_id = :w2) ORDER BY s.scheduled_at DESC, s.id DESC LIMIT " +
                          std::to_string(limit) + ") x ON x.id = l.show_id ORDER BY l.show_id, l.position",
       soci::use(workshop_id), soci::use(workshop_id));
  for (const auto& r : lineups)
    if (auto it = by_id.find(db::row_int(r, 0)); it != by_id.end())
      it->second->lineup.push_back(db::row_int(r, 1));
  return out;
}

void set_key(soci::session& sql, long long show_id, const std::string& key_hash) {
  sql << "UPDATE live_shows SET stream_key_hash = :k WHERE id = :id", soci::use(key_hash), soci::use(show_id);
}

void set_state(soci::session& sql, long long show_id, State state, const std::string& at) {
  const std::string name(state_name(state));
  if (state == State::live)
    sql << "UPDATE live_shows SET state = :s, started_at = COALESCE(started_at, :at) WHERE id = :id",
        soci::use(name), soci::use(at), soci::use(show_id);
  else
    sql << "UPDATE live_shows SET state = :s, ended_at = :at WHERE id = :id", soci::use(name), soci::use(at),
        soci::use(show_id);
}

void set_replay(soci::session& sql, long long show_id, const std::string& url) {
  sql << "UPDATE live_shows SET replay_url = :u WHERE id = :id", soci::use(url), soci::use(show_id);
}

void add_chapter(soci::session& sql, long long show_id, long long product_id, const std::string& at) {
  sql << "INSERT INTO live_chapters (show_id, product_id, at) VALUES (:s, :p, :at)", soci::use(show_id),
      soci::use(product_id), soci::use(at);
}

void add_watch(soci::session& sql, long long show_id, int viewers, long long seconds) {
  sql << "UPDATE live_shows SET watch_seconds = watch_seconds + :w, peak_viewers = CASE WHEN peak_viewers < "
         ":v "
         "THEN :v2 ELSE peak_viewers END WHERE id = :id",
      soci::use(seconds), soci::use(viewers), soci::use(viewers), soci::use(show_id);
}

long long insert_deal(soci::session& sql, const NewDeal& d) {
  long long id = 0;
  sql << "INSERT INTO live_deals (show_id, variant_id, price, quantity, per_customer, duration_seconds, "
         "created_at) VALUES (:s, :v, :p, :q, :pc, :ds, :at) RETURNING id",
      soci::use(d.show_id), soci::use(d.variant_id), soci::use(d.price), soci::use(d.quantity),
      soci::use(d.per_customer), soci::use(d.duration_seconds), soci::use(d.at), soci::into(id);
  return id;
}

std::optional<Deal> deal(soci::session& sql, long long deal_id) {
  std::optional<Deal> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string("SELECT ") + deal_columns + "WHERE d.id = :id", soci::use(deal_id));
  for (const auto& r : rows) out = deal_of(r);
  return out;
}

bool start_deal(soci::session& sql, long long deal_id, const std::string& starts, const std::string& ends) {
  soci::statement st =
      (sql.prepare << "UPDATE live_deals SET starts_at = :s, ends_at = :e WHERE id = :id AND "
                      "starts_at IS NULL",
       soci::use(starts), soci::use(ends), soci::use(deal_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool claim_units(soci::session& sql, long long deal_id, int quantity, const std::string& now) {
  soci::statement st =
      (sql.prepare << "UPDATE live_deals SET sold = sold + :q WHERE id = :id AND sold + :q2 <= quantity AND "
                      "starts_at <= :now AND ends_at > :now2",
       soci::use(quantity), soci::use(deal_id), soci::use(quantity), soci::use(now), soci::use(now));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

int bought_by(soci::session& sql, long long deal_id, long long user_id) {
  long long n = 0;
  sql << "SELECT COALESCE(SUM(quantity), 0) FROM live_deal_orders WHERE deal_id = :d AND user_id = :u",
      soci::use(deal_id), soci::use(user_id), soci::into(n);
  return static_cast<int>(n);
}

void record_purchase(soci::session& sql, long long deal_id, long long user_id, long long order_id,
                     int quantity, const std::string& at) {
  sql << "INSERT INTO live_deal_orders (deal_id, user_id, order_id, quantity, created_at) VALUES (:d, :u, "
         ":o, "
         ":q, :at)",
      soci::use(deal_id), soci::use(user_id), soci::use(order_id), soci::use(quantity), soci::use(at);
}

long long insert_chat(soci::session& sql, long long show_id, const ChatLine& line) {
  long long id = 0;
  sql << "INSERT INTO live_chat (show_id, user_id, name, body, at) VALUES (:s, :u, :n, :b, :at) RETURNING id",
      soci::use(show_id), soci::use(line.user_id), soci::use(line.name), soci::use(line.text),
      soci::use(line.at), soci::into(id);
  return id;
}

std::vector<ChatLine> chat(soci::session& sql, long long show_id, int limit, long long after_id) {
  std::vector<ChatLine> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT c.id, c.user_id, c.name, c.body, c.at, CASE WHEN c.user_id = s.created_by THEN 1 "
              "ELSE 0 END FROM live_chat c JOIN live_shows s ON s.id = c.show_id WHERE c.show_id = :s AND "
              "c.deleted_by IS NULL AND c.id > :a ORDER BY c.id DESC LIMIT " +
                  std::to_string(limit),
       soci::use(show_id), soci::use(after_id));
  for (const auto& r : rows)
    out.push_back({db::row_int(r, 0), db::row_int(r, 1), db::row_text(r, 2), db::row_text(r, 3),
                   db::row_text(r, 4), db::row_int(r, 5) != 0});
  std::reverse(out.begin(), out.end());
  return out;
}

bool delete_chat(soci::session& sql, long long show_id, long long message_id, long long by) {
  soci::statement st =
      (sql.prepare << "UPDATE live_chat SET deleted_by = :by WHERE id = :id AND show_id = :s AND "
                      "deleted_by IS NULL",
       soci::use(by), soci::use(message_id), soci::use(show_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

Moderation moderation_of(soci::session& sql, long long show_id, long long user_id) {
  Moderation m;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT COALESCE(muted_until, ''), banned FROM live_moderation WHERE show_id = :s AND "
                      "user_id = :u",
       soci::use(show_id), soci::use(user_id));
  for (const auto& r : rows) m = {db::row_text(r, 0), db::row_int(r, 1) != 0};
  return m;
}

void moderate(soci::session& sql, long long show_id, long long user_id, const Moderation& m, long long by,
              const std::string& at) {
  soci::indicator muted = m.muted_until.empty() ? soci::i_null : soci::i_ok;
  const int banned = m.banned ? 1 : 0;
  sql << "DELETE FROM live_moderation WHERE show_id = :s AND user_id = :u", soci::use(show_id),
      soci::use(user_id);
  sql << "INSERT INTO live_moderation (show_id, user_id, muted_until, banned, by_user, at) VALUES (:s, :u, "
         ":m, "
         ":b, :by, :at)",
      soci::use(show_id), soci::use(user_id), soci::use(m.muted_until, muted), soci::use(banned),
      soci::use(by), soci::use(at);
}

bool add_reminder(soci::session& sql, long long show_id, long long user_id, const std::string& at) {
  soci::statement st =
      (sql.prepare << "INSERT INTO live_reminders (show_id, user_id, created_at) VALUES (:s, :u, "
                      ":at) ON CONFLICT DO NOTHING",
       soci::use(show_id), soci::use(user_id), soci::use(at));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool has_reminder(soci::session& sql, long long show_id, long long user_id) {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM live_reminders WHERE show_id = :s AND user_id = :u", soci::use(show_id),
      soci::use(user_id), soci::into(n);
  return n > 0;
}

std::vector<Due> take_due_reminders(soci::session& sql, const std::string& before, const std::string& at) {
  std::vector<Due> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string("SELECT ") + show_columns +
                          "WHERE s.state = 'scheduled' AND s.rehearsal = 0 AND s.reminded_at IS NULL AND "
                          "s.scheduled_at <= :b",
       soci::use(before));
  for (const auto& r : rows) out.push_back({show_of(r), {}});
  for (auto& due : out) {
    soci::rowset<soci::row> people =
        (sql.prepare
             << "SELECT u.email, u.locale FROM live_reminders r JOIN users u ON u.id = r.user_id WHERE "
                "r.show_id = :s AND u.status = 'active' ORDER BY r.created_at",
         soci::use(due.show.id));
    for (const auto& p : people) due.people.emplace_back(db::row_text(p, 0), db::row_text(p, 1));
    sql << "UPDATE live_shows SET reminded_at = :at WHERE id = :id", soci::use(at), soci::use(due.show.id);
  }
  return out;
}

Totals totals(soci::session& sql, long long show_id) {
  Totals t;
  sql << "SELECT COUNT(DISTINCT o.id), COALESCE(SUM(o.total), 0) FROM live_deal_orders l JOIN live_deals d "
         "ON "
         "d.id = l.deal_id JOIN orders o ON o.id = l.order_id WHERE d.show_id = :s AND o.status <> "
         "'cancelled'",
      soci::use(show_id), soci::into(t.orders), soci::into(t.revenue);
  sql << "SELECT COUNT(*) FROM live_chat WHERE show_id = :s", soci::use(show_id), soci::into(t.chat_messages);
  return t;
}

long long user_by_email(soci::session& sql, const std::string& email) {
  long long id = 0;
  sql << "SELECT id FROM users WHERE lower(email) = lower(:e)", soci::use(email), soci::into(id);
  return sql.got_data() ? id : 0;
}

void add_moderator(soci::session& sql, long long show_id, long long user_id, long long by,
                   const std::string& at) {
  int known = 0;
  sql << "SELECT COUNT(*) FROM live_moderators WHERE show_id = :s AND user_id = :u", soci::use(show_id),
      soci::use(user_id), soci::into(known);
  if (known) return;
  sql << "INSERT INTO live_moderators (show_id, user_id, added_by, created_at) VALUES (:s, :u, :b, :at)",
      soci::use(show_id), soci::use(user_id), soci::use(by), soci::use(at);
}

bool remove_moderator(soci::session& sql, long long show_id, long long user_id) {
  soci::statement st = (sql.prepare << "DELETE FROM live_moderators WHERE show_id = :s AND user_id = :u",
                        soci::use(show_id), soci::use(user_id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

bool runs_shows_of(soci::session& sql, long long user_id, long long workshop_id) {
  int n = 0;
  sql << "SELECT COUNT(*) FROM user_roles WHERE user_id = :u AND (role = 'operator' OR "
         "(role = 'vendor_staff' AND workshop_id = :w))",
      soci::use(user_id), soci::use(workshop_id), soci::into(n);
  return n > 0;
}

std::vector<Moderator> moderators(soci::session& sql, long long show_id) {
  std::vector<Moderator> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT u.id, u.name, u.email FROM live_moderators m JOIN users u ON u.id = m.user_id "
                      "WHERE m.show_id = :s ORDER BY u.name, u.id",
       soci::use(show_id));
  for (const auto& r : rows) out.push_back({db::row_int(r, 0), db::row_text(r, 1), db::row_text(r, 2)});
  return out;
}

long long insert_push_target(soci::session& sql, long long show_id, const PushTargetInput& in,
                             const std::string& key_sealed, long long by, const std::string& at) {
  long long id = 0;
  const std::string hint = key_hint(in.key);
  sql << "INSERT INTO live_push_targets (show_id, label, url, key_sealed, key_hint, updated_at, added_by, "
         "created_at) VALUES (:s, :l, :u, :k, :h, :at, :b, :at2) RETURNING id",
      soci::use(show_id), soci::use(in.label), soci::use(in.url), soci::use(key_sealed), soci::use(hint),
      soci::use(at), soci::use(by), soci::use(at), soci::into(id);
  return id;
}

std::vector<PushTarget> push_targets(soci::session& sql, long long show_id) {
  std::vector<PushTarget> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT id, show_id, label, url, key_hint, state, detail, updated_at FROM live_push_targets "
              "WHERE show_id = :s ORDER BY id",
       soci::use(show_id));
  for (const auto& r : rows)
    out.push_back({db::row_int(r, 0), db::row_int(r, 1), db::row_text(r, 2), db::row_text(r, 3),
                   db::row_text(r, 4), db::row_text(r, 5), db::row_text(r, 6), db::row_text(r, 7)});
  return out;
}

std::vector<SealedTarget> sealed_targets(soci::session& sql, long long show_id, long long target_id) {
  std::vector<SealedTarget> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT id, url, key_sealed FROM live_push_targets WHERE show_id = :s AND (:t = 0 OR id = :t2) "
              "ORDER BY id",
       soci::use(show_id), soci::use(target_id), soci::use(target_id));
  for (const auto& r : rows) out.push_back({db::row_int(r, 0), db::row_text(r, 1), db::row_text(r, 2)});
  return out;
}

bool remove_push_target(soci::session& sql, long long show_id, long long target_id) {
  soci::statement st = (sql.prepare << "DELETE FROM live_push_targets WHERE show_id = :s AND id = :t",
                        soci::use(show_id), soci::use(target_id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

void set_push_state(soci::session& sql, long long target_id, const std::string& state,
                    const std::string& detail, const std::string& at) {
  sql << "UPDATE live_push_targets SET state = :st, detail = :d, updated_at = :at WHERE id = :t",
      soci::use(state), soci::use(detail), soci::use(at), soci::use(target_id);
}

}  // namespace brilliant::live::repo
