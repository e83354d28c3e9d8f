// Account operations over the database: sign-up, log-in, sessions, API tokens, password change and
// reset. Returns Result values for expected failures; throws only on database faults.
// Thread safe: its one piece of state, the shoppers' API tokens it keeps for a second, is under a lock.
#pragma once
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "accounts/password.hpp"
#include "accounts/user.hpp"
#include "core/clock.hpp"
#include "core/recent.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"
#include "mail/outbox.hpp"

namespace brilliant::accounts {

struct AccountsSettings {
  Cost password_cost = Cost::interactive;
  std::chrono::hours session_lifetime{24 * 30};
  std::chrono::minutes reset_lifetime{60};
  std::chrono::hours api_token_lifetime{24 * 90};
};

struct NewSession {
  std::string token;  // for the cookie; only its hash is stored
  User user;
};

// Composes the reset mail for a user and a raw token (the web layer knows URLs and languages).
using ResetMailComposer = std::function<mail::Mail(const User&, const std::string& token)>;

class Accounts {
 public:
  Accounts(db::Database& db, const Clock& clock, AccountsSettings settings);

  // Creates a shopper account and logs it in. Errors: invalid fields, conflict on a taken email.
  Result<NewSession> sign_up(SignupInput input, const std::string& ip, const std::string& user_agent);
  // Checks credentials and opens a new session (a fresh token: session rotation). One error for a
  // wrong email or password alike, so accounts cannot be probed.
  Result<NewSession> log_in(const std::string& email, const std::string& password, const std::string& ip,
                            const std::string& user_agent);
  void log_out(const std::string& token_hash);
  std::optional<User> user_for_session(const std::string& token_hash);
  // Who an API token is. A shopper's (no role beyond shopper) is kept for at most a second, as a busy
  // shopper's client asks on every request: a revocation, a password change or reset and a closed account
  // made here forget them at once; made on another node, they hold there within the second. Tokens of
  // anyone with more rights (staff, workshops, buyers) are read every time.
  std::optional<User> user_for_api_token(const std::string& token_hash);

  // Ends every other session of the user (keeps the one whose hash is keep_session) and revokes every
  // API token: whoever learnt the old password keeps nothing.
  Result<void> change_password(long long user_id, const std::string& current, const std::string& next,
                               const std::string& ip, const std::string& keep_session = "");
  // Queues a reset mail when the email belongs to an account; silent otherwise.
  void request_reset(const std::string& email, const ResetMailComposer& compose);
  // Sets a new password from a reset token, ends all sessions and revokes all API tokens. Errors: token
  // invalid or used.
  Result<void> reset_password(const std::string& token, const std::string& next);

  // Returns the raw token, shown once; it works until api_token_lifetime passes or it is revoked.
  std::string create_api_token(long long user_id, const std::string& name);
  std::vector<ApiToken> api_tokens(long long user_id);
  // Errors: not_found when the user has no such live token (another user's token included).
  Result<void> revoke_api_token(long long user_id, long long token_id);
  // --- personal data (issue 15) ---
  std::vector<Consent> consents(long long user_id);
  // Whether the person may be sent marketing now: their latest marketing decision.
  bool marketing_allowed(long long user_id);
  // Records a marketing opt-in or withdrawal (effective at once) under the privacy policy's version.
  void set_marketing(long long user_id, bool agreed, const std::string& version, const std::string& source);
  // The account as it was, its consents and sign-in history: for the person's own data export.
  struct Own {
    User user;
    std::vector<Consent> consents;
    std::vector<std::tuple<std::string, std::string, std::string>> events;  // kind, ip, at
    std::vector<std::tuple<std::string, std::string, long long>> views;     // piece's slug, day, times
  };
  std::optional<Own> own_data(long long user_id);
  // Closes the account when the password matches: `before` runs first (the orders keep their record with
  // the personal data reduced; its error, such as an open order, stops the closing), then in one
  // transaction the account is erased (repo::erase_user) and `goodbye` (composed from the account as it
  // was) is queued to its old address. Errors: the password (field "password"), or before's.
  Result<User> close_account(long long user_id, const std::string& password,
                             const std::function<Result<int>()>& before,
                             const std::function<mail::Mail(const User&)>& goodbye);

  // For `brilliant user add` and the demo seed. workshop_slug binds vendor staff to a workshop.
  Result<User> add_user(const SignupInput& input, web::Role role, const std::string& workshop_slug);

 private:
  std::string now() const { return format_utc(clock_.now()); }
  NewSession open_session(soci::session& sql, const User& user, const std::string& ip, const std::string& ua);

  void forget_tokens();

  db::Database& db_;
  const Clock& clock_;
  AccountsSettings settings_;
  struct KeptToken {
    User user;
    TimePoint read_on;  // by the clock (a token's expiry follows it; tests move it)
  };
  Recent<KeptToken> tokens_{std::chrono::seconds(1), 50000};  // by token hash: shoppers' only
};

}  // namespace brilliant::accounts
