#include "accounts/repo.hpp"

#include "db/kept.hpp"

namespace brilliant::accounts::repo {
namespace {

// The statement that reads a person and their roles (and workshop), a row per role. `from` names the
// tables (the person is `u`), `where` the condition on them. Each caller builds its own once.
std::string person_query(const std::string& from, const std::string& where) {
  return "SELECT u.id, u.email, u.name, u.password_hash, u.locale, u.status, u.created_at, COALESCE(r.role, "
         "''), COALESCE(r.workshop_id, 0), COALESCE(r.workshop_role, ''), COALESCE(w.status, '') FROM " +
         from +
         " LEFT JOIN user_roles r ON r.user_id = u.id LEFT JOIN workshops w ON w.id = r.workshop_id WHERE " +
         where;
}

// The person person_query reads; nothing for an account that is not active.
template <class... Uses>
std::optional<User> load(soci::session& sql, const std::string& query, const Uses&... keys) {
  std::optional<User> found;
  db::each(
      sql, query,
      [&](const soci::row& r) {
        if (!found)
          found = User{.id = db::row_int(r, 0),
                       .email = db::row_text(r, 1),
                       .name = db::row_text(r, 2),
                       .password_hash = db::row_text(r, 3),
                       .locale = db::row_text(r, 4),
                       .status = db::row_text(r, 5),
                       .created_at = db::row_text(r, 6)};
        web::Role role;
        if (!web::parse_role(db::row_text(r, 7), role)) return;
        found->roles |= static_cast<uint32_t>(role);
        if (role == web::Role::vendor_staff) {
          found->workshop_id = db::row_int(r, 8);
          found->workshop_owner = db::row_text(r, 9) == "owner";
          found->workshop_suspended = db::row_text(r, 10) == "suspended";
        }
      },
      soci::use(keys)...);
  if (found && found->status != "active") return std::nullopt;
  return found;
}

}  // namespace

std::optional<User> find_by_email(soci::session& sql, const std::string& email) {
  static const std::string query = person_query("users u", "u.email = :key");
  return load(sql, query, email);
}

std::optional<User> find_by_id(soci::session& sql, long long id) {
  static const std::string query = person_query("users u", "u.id = :key");
  return load(sql, query, id);
}

// (Every request with a session or a token asks: one statement each.)
std::optional<User> find_by_session(soci::session& sql, const std::string& token_hash,
                                    const std::string& now) {
  static const std::string query = person_query("sessions s JOIN users u ON u.id = s.user_id",
                                                "s.token_hash = :hash AND s.expires_at > :now");
  return load(sql, query, token_hash, now);
}

std::optional<User> find_by_api_token(soci::session& sql, const std::string& token_hash,
                                      const std::string& now) {
  static const std::string query =
      person_query("api_tokens t JOIN users u ON u.id = t.user_id",
                   "t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now");
  return load(sql, query, token_hash, now);
}

long long insert_user(soci::session& sql, const User& user, const std::string& now) {
  long long id = 0;
  sql << "INSERT INTO users (email, name, password_hash, locale, status, created_at, updated_at) "
         "VALUES (:email, :name, :hash, :locale, 'active', :now, :now2) RETURNING id",
      soci::use(user.email), soci::use(user.name), soci::use(user.password_hash), soci::use(user.locale),
      soci::use(now), soci::use(now), soci::into(id);
  return id;
}

void set_password(soci::session& sql, long long user_id, const std::string& hash, const std::string& now) {
  sql << "UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id", soci::use(hash),
      soci::use(now), soci::use(user_id);
}

void grant_role(soci::session& sql, long long user_id, web::Role role, long long workshop_id,
                const std::string& now) {
  const std::string name(web::role_name(role));
  soci::indicator ind = workshop_id ? soci::i_ok : soci::i_null;
  sql << "DELETE FROM user_roles WHERE user_id = :id AND role = :role", soci::use(user_id), soci::use(name);
  sql << "INSERT INTO user_roles (user_id, role, workshop_id, created_at) VALUES (:id, :role, :w, :now)",
      soci::use(user_id), soci::use(name), soci::use(workshop_id, ind), soci::use(now);
}

std::optional<long long> workshop_id_by_slug(soci::session& sql, const std::string& slug) {
  long long id = 0;
  sql << "SELECT id FROM workshops WHERE slug = :slug", soci::use(slug), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return id;
}

void insert_session(soci::session& sql, const std::string& token_hash, long long user_id,
                    const std::string& now, const std::string& expires_at, const std::string& ip,
                    const std::string& user_agent) {
  sql << "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, ip, user_agent) "
         "VALUES (:hash, :user, :now, :exp, :ip, :ua)",
      soci::use(token_hash), soci::use(user_id), soci::use(now), soci::use(expires_at), soci::use(ip),
      soci::use(user_agent);
}

void delete_session(soci::session& sql, const std::string& token_hash) {
  sql << "DELETE FROM sessions WHERE token_hash = :hash", soci::use(token_hash);
}

void delete_sessions_of(soci::session& sql, long long user_id, const std::string& keep) {
  sql << "DELETE FROM sessions WHERE user_id = :id AND token_hash <> :keep", soci::use(user_id),
      soci::use(keep);
}

void revoke_api_tokens_of(soci::session& sql, long long user_id, const std::string& now) {
  sql << "UPDATE api_tokens SET revoked_at = :now WHERE user_id = :id AND revoked_at IS NULL", soci::use(now),
      soci::use(user_id);
}

std::vector<ApiToken> api_tokens_of(soci::session& sql, long long user_id, const std::string& now) {
  std::vector<ApiToken> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT id, name, created_at, expires_at, revoked_at FROM api_tokens WHERE user_id = :id "
              "ORDER BY id DESC LIMIT 100",
       soci::use(user_id));
  for (const auto& r : rows) {
    ApiToken token{db::row_int(r, 0), db::row_text(r, 1), db::row_text(r, 2), db::row_text(r, 3),
                   r.get_indicator(4) == soci::i_ok ? db::row_text(r, 4) : std::string()};
    token.live = token.revoked_at.empty() && token.expires_at > now;  // ISO-8601 UTC text sorts as time
    out.push_back(std::move(token));
  }
  return out;
}

bool revoke_api_token(soci::session& sql, long long user_id, long long token_id, const std::string& now) {
  soci::statement update =
      (sql.prepare << "UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND user_id = "
                      ":user AND revoked_at IS NULL",
       soci::use(now), soci::use(token_id), soci::use(user_id));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

void insert_api_token(soci::session& sql, long long user_id, const std::string& name,
                      const std::string& token_hash, const std::string& now, const std::string& expires_at) {
  sql << "INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at) VALUES (:user, :name, "
         ":hash, :now, :exp)",
      soci::use(user_id), soci::use(name), soci::use(token_hash), soci::use(now), soci::use(expires_at);
}

void insert_reset(soci::session& sql, long long user_id, const std::string& token_hash,
                  const std::string& now, const std::string& expires_at) {
  sql << "INSERT INTO password_resets (user_id, token_hash, created_at, expires_at) VALUES (:user, :hash, "
         ":now, :exp)",
      soci::use(user_id), soci::use(token_hash), soci::use(now), soci::use(expires_at);
}

std::optional<long long> consume_reset(soci::session& sql, const std::string& token_hash,
                                       const std::string& now) {
  long long user_id = 0;
  sql << "SELECT user_id FROM password_resets WHERE token_hash = :hash AND used_at IS NULL AND expires_at > "
         ":now",
      soci::use(token_hash), soci::use(now), soci::into(user_id);
  if (!sql.got_data()) return std::nullopt;
  sql << "UPDATE password_resets SET used_at = :now WHERE token_hash = :hash", soci::use(now),
      soci::use(token_hash);
  return user_id;
}

void record_event(soci::session& sql, long long user_id, const std::string& kind, const std::string& ip,
                  const std::string& now) {
  sql << "INSERT INTO account_events (user_id, kind, ip, created_at) VALUES (:user, :kind, :ip, :now)",
      soci::use(user_id), soci::use(kind), soci::use(ip), soci::use(now);
}

long long count_users(soci::session& sql) {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM users", soci::into(n);
  return n;
}

void record_consent(soci::session& sql, long long user_id, const Consent& c) {
  const int agreed = c.agreed ? 1 : 0;
  sql << "INSERT INTO consents (user_id, item, version, agreed, source, created_at) VALUES (:u, :i, :v, :a, "
         ":s, "
         ":at)",
      soci::use(user_id), soci::use(c.item), soci::use(c.version), soci::use(agreed), soci::use(c.source),
      soci::use(c.created_at);
}

std::vector<Consent> consents_of(soci::session& sql, long long user_id) {
  std::vector<Consent> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT item, version, agreed, source, created_at FROM consents WHERE user_id = :u ORDER BY id",
       soci::use(user_id));
  for (const auto& r : rows)
    out.push_back({db::row_text(r, 0), db::row_text(r, 1), db::row_int(r, 2) != 0, db::row_text(r, 3),
                   db::row_text(r, 4)});
  return out;
}

void erase_user(soci::session& sql, long long user_id, const std::string& now) {
  const std::string email = "deleted-" + std::to_string(user_id) + "@deleted.invalid";
  sql << "UPDATE users SET email = :e, name = '', password_hash = '!', status = 'deleted', updated_at = :now "
         "WHERE id = :u",
      soci::use(email), soci::use(now), soci::use(user_id);
  for (const char* table :
       {"sessions", "api_tokens", "password_resets", "user_roles", "account_events", "customer_views"})
    sql << std::string("DELETE FROM ") + table + " WHERE user_id = :u", soci::use(user_id);
}

std::vector<std::tuple<std::string, std::string, long long>> views_of(soci::session& sql, long long user_id) {
  std::vector<std::tuple<std::string, std::string, long long>> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT p.slug, v.day, v.views FROM customer_views v JOIN products p ON p.id = v.product_id "
              "WHERE v.user_id = :u ORDER BY v.day DESC, p.slug LIMIT 5000",
       soci::use(user_id));
  for (const auto& r : rows) out.emplace_back(db::row_text(r, 0), db::row_text(r, 1), db::row_int(r, 2));
  return out;
}

std::vector<std::tuple<std::string, std::string, std::string>> events_of(soci::session& sql,
                                                                         long long user_id) {
  std::vector<std::tuple<std::string, std::string, std::string>> out;
  soci::rowset<soci::row> rows = (sql.prepare << "SELECT kind, ip, created_at FROM account_events WHERE "
                                                 "user_id = :u ORDER BY id DESC LIMIT 1000",
                                  soci::use(user_id));
  for (const auto& r : rows) out.emplace_back(db::row_text(r, 0), db::row_text(r, 1), db::row_text(r, 2));
  return out;
}

}  // namespace brilliant::accounts::repo
