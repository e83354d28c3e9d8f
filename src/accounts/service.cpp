#include "accounts/service.hpp"

#include "db/database.hpp"

#include "accounts/repo.hpp"
#include "accounts/rules.hpp"
#include "core/secret.hpp"
#include "core/text.hpp"

namespace brilliant::accounts {
namespace {

// A fixed hash to verify against when the email is unknown, so both paths take the same time.
const std::string& decoy_hash(Cost cost) {
  static const std::string interactive = hash_password("decoy-password-never-used", Cost::interactive);
  static const std::string minimum = hash_password("decoy-password-never-used", Cost::minimum);
  return cost == Cost::interactive ? interactive : minimum;
}

Error bad_credentials() {
  return Error{ErrorKind::unauthenticated, "bad_credentials", "email or password is wrong", "password"};
}

}  // namespace

Accounts::Accounts(db::Database& db, const Clock& clock, AccountsSettings settings)
    : db_(db), clock_(clock), settings_(settings) {}

NewSession Accounts::open_session(soci::session& sql, const User& user, const std::string& ip,
                                  const std::string& ua) {
  NewSession session{random_token(), user};
  const auto expires = format_utc(clock_.now() + settings_.session_lifetime);
  repo::insert_session(sql, sha256_hex(session.token), user.id, now(), expires, ip,
                       valid_utf8(ua) ? std::string(utf8_prefix(ua, 200)) : std::string());
  repo::record_event(sql, user.id, "login", ip, now());
  return session;
}

Result<NewSession> Accounts::sign_up(SignupInput input, const std::string& ip,
                                     const std::string& user_agent) {
  auto checked = TRY(check_signup(std::move(input)));
  User user;
  user.email = checked.email;
  user.name = checked.name;
  user.locale = checked.locale;
  user.password_hash =
      hash_password(checked.password, settings_.password_cost);  // slow: outside the transaction
  user.roles = static_cast<uint32_t>(web::Role::shopper);
  return db_.write([&](soci::session& sql) -> Result<NewSession> {
    if (repo::find_by_email(sql, user.email))
      return Error::conflict("email", "email_taken",
                             "an account with this email exists already; log in instead");
    user.id = repo::insert_user(sql, user, now());
    repo::grant_role(sql, user.id, web::Role::shopper, 0, now());
    repo::record_event(sql, user.id, "signup", ip, now());
    if (!checked.terms_version.empty()) {
      repo::record_consent(sql, user.id, {"terms", checked.terms_version, true, "signup", now()});
      repo::record_consent(sql, user.id, {"privacy", checked.privacy_version, true, "signup", now()});
      repo::record_consent(sql, user.id,
                           {"marketing", checked.privacy_version, checked.marketing, "signup", now()});
    }
    return open_session(sql, user, ip, user_agent);
  });
}

Result<NewSession> Accounts::log_in(const std::string& email, const std::string& password,
                                    const std::string& ip, const std::string& user_agent) {
  auto normalized = normalize_email(email);
  if (!normalized) return normalized.error();
  auto user = db_.read([&](soci::session& sql) { return repo::find_by_email(sql, *normalized); });
  const bool matches =
      verify_password(password, user ? user->password_hash : decoy_hash(settings_.password_cost));
  if (!user || !matches) return bad_credentials();
  return db_.write([&](soci::session& sql) { return open_session(sql, *user, ip, user_agent); });
}

void Accounts::log_out(const std::string& token_hash) {
  db_.write([&](soci::session& sql) { repo::delete_session(sql, token_hash); });
}

std::optional<User> Accounts::user_for_session(const std::string& token_hash) {
  return db_.read([&](soci::session& sql) { return repo::find_by_session(sql, token_hash, now()); });
}

std::optional<User> Accounts::user_for_api_token(const std::string& token_hash) {
  if (auto kept = tokens_.get(token_hash)) {
    const auto on_clock = clock_.now() - kept->read_on;
    if (on_clock >= TimePoint::duration::zero() && on_clock < std::chrono::seconds(1)) return kept->user;
  }
  const long long forgets = tokens_.forgets();
  const auto read_at = Recent<KeptToken>::Clock::now();
  const auto read_on = clock_.now();
  auto user = db_.read([&](soci::session& sql) { return repo::find_by_api_token(sql, token_hash, now()); });
  if (user && user->roles == static_cast<uint32_t>(web::Role::shopper))
    tokens_.put_unless_forgotten(token_hash, {*user, read_on}, forgets, read_at);
  else
    tokens_.forget(token_hash);  // staff, workshops and buyers are read every time
  return user;
}

void Accounts::forget_tokens() { tokens_.forget_all(); }

Result<void> Accounts::change_password(long long user_id, const std::string& current, const std::string& next,
                                       const std::string& ip, const std::string& keep_session) {
  TRY(check_password(next, "new_password"));
  auto user = db_.read([&](soci::session& sql) { return repo::find_by_id(sql, user_id); });
  if (!user) return Error::not_found("account");
  if (!verify_password(current, user->password_hash))
    return Error::invalid("current_password", "current_password_wrong", "current password is wrong");
  const auto hash = hash_password(next, settings_.password_cost);
  db_.write([&](soci::session& sql) {
    repo::set_password(sql, user_id, hash, now());
    repo::delete_sessions_of(sql, user_id, keep_session);
    repo::revoke_api_tokens_of(sql, user_id, now());
    repo::record_event(sql, user_id, "password_changed", ip, now());
  });
  forget_tokens();
  return {};
}

void Accounts::request_reset(const std::string& email, const ResetMailComposer& compose) {
  auto normalized = normalize_email(email);
  if (!normalized) return;
  db_.write([&](soci::session& sql) {
    auto user = repo::find_by_email(sql, *normalized);
    if (!user) return;
    const auto token = random_token();
    repo::insert_reset(sql, user->id, sha256_hex(token), now(),
                       format_utc(clock_.now() + settings_.reset_lifetime));
    mail::enqueue(sql, compose(*user, token), clock_);
  });
}

Result<void> Accounts::reset_password(const std::string& token, const std::string& next) {
  TRY(check_password(next, "password"));
  const auto hash = hash_password(next, settings_.password_cost);
  auto reset = db_.write([&](soci::session& sql) -> Result<void> {
    auto user_id = repo::consume_reset(sql, sha256_hex(token), now());
    if (!user_id)
      return Error::invalid("token", "reset_token_invalid",
                            "this reset link is invalid, used or expired; ask for a new one");
    repo::set_password(sql, *user_id, hash, now());
    repo::delete_sessions_of(sql, *user_id);
    repo::revoke_api_tokens_of(sql, *user_id, now());
    repo::record_event(sql, *user_id, "password_reset", "", now());
    return Result<void>{};
  });
  forget_tokens();
  return reset;
}

std::string Accounts::create_api_token(long long user_id, const std::string& name) {
  auto token = "brl_" + random_token();
  const auto expires = format_utc(clock_.now() + settings_.api_token_lifetime);
  db_.write([&](soci::session& sql) {
    repo::insert_api_token(sql, user_id, name, sha256_hex(token), now(), expires);
    repo::record_event(sql, user_id, "api_token_created", "", now());
  });
  return token;
}

std::vector<ApiToken> Accounts::api_tokens(long long user_id) {
  return db_.read([&](soci::session& sql) { return repo::api_tokens_of(sql, user_id, now()); });
}

Result<void> Accounts::revoke_api_token(long long user_id, long long token_id) {
  auto revoked = db_.write([&](soci::session& sql) -> Result<void> {
    if (!repo::revoke_api_token(sql, user_id, token_id, now())) return Error::not_found("token");
    repo::record_event(sql, user_id, "api_token_revoked", "", now());
    return Result<void>{};
  });
  forget_tokens();
  return revoked;
}

Result<User> Accounts::add_user(const SignupInput& input, web::Role role, const std::string& workshop_slug) {
  auto checked = TRY(check_signup(input));
  const auto hash = hash_password(checked.password, settings_.password_cost);
  return db_.write([&](soci::session& sql) -> Result<User> {
    long long workshop = 0;
    if (role == web::Role::vendor_staff) {
      auto id = repo::workshop_id_by_slug(sql, workshop_slug);
      if (!id)
        return Error::invalid("workshop", "workshop_unknown",
                              "vendor staff need an existing --workshop slug");
      workshop = *id;
    }
    auto existing = repo::find_by_email(sql, checked.email);
    User user = existing ? *existing : User{};
    if (!existing) {
      user.email = checked.email;
      user.name = checked.name;
      user.locale = checked.locale;
      user.password_hash = hash;
      user.id = repo::insert_user(sql, user, now());
      repo::grant_role(sql, user.id, web::Role::shopper, 0, now());
    } else {
      repo::set_password(sql, user.id, hash, now());
    }
    repo::grant_role(sql, user.id, role, workshop, now());
    return *repo::find_by_id(sql, user.id);
  });
}

std::vector<Consent> Accounts::consents(long long user_id) {
  return db_.read([&](soci::session& sql) { return repo::consents_of(sql, user_id); });
}

bool Accounts::marketing_allowed(long long user_id) {
  bool allowed = false;
  for (const auto& c : consents(user_id))
    if (c.item == "marketing") allowed = c.agreed;
  return allowed;
}

void Accounts::set_marketing(long long user_id, bool agreed, const std::string& version,
                             const std::string& source) {
  db_.write([&](soci::session& sql) {
    repo::record_consent(sql, user_id, {"marketing", version, agreed, source, now()});
  });
}

std::optional<Accounts::Own> Accounts::own_data(long long user_id) {
  return db_.read([&](soci::session& sql) -> std::optional<Own> {
    auto user = repo::find_by_id(sql, user_id);
    if (!user) return std::nullopt;
    return Own{*user, repo::consents_of(sql, user_id), repo::events_of(sql, user_id),
               repo::views_of(sql, user_id)};
  });
}

Result<User> Accounts::close_account(long long user_id, const std::string& password,
                                     const std::function<Result<int>()>& before,
                                     const std::function<mail::Mail(const User&)>& goodbye) {
  auto user = db_.read([&](soci::session& sql) { return repo::find_by_id(sql, user_id); });
  if (!user || user->status == "deleted") return Error::not_found("account");
  if (!verify_password(password, user->password_hash))
    return Error::invalid("password", "password_wrong", "the password is not this account's");
  if (before)
    if (auto done = before(); !done) return done.error();
  db_.write([&](soci::session& sql) {
    repo::erase_user(sql, user_id, now());
    if (goodbye) mail::enqueue(sql, goodbye(*user), clock_);
  });
  forget_tokens();
  return *user;
}

}  // namespace brilliant::accounts
