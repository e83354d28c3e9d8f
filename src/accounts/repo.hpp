// SQL for accounts. Every function takes the session it runs on, so callers choose the transaction.
#pragma once
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "accounts/user.hpp"
#include "db/database.hpp"

namespace brilliant::accounts::repo {

std::optional<User> find_by_email(soci::session& sql, const std::string& email);
std::optional<User> find_by_id(soci::session& sql, long long id);
// The user of a live session (expires_at after now), or nullopt.
std::optional<User> find_by_session(soci::session& sql, const std::string& token_hash,
                                    const std::string& now);
// The user of a live token: not revoked, not expired at `now`.
std::optional<User> find_by_api_token(soci::session& sql, const std::string& token_hash,
                                      const std::string& now);
long long insert_user(soci::session& sql, const User& user, const std::string& now);
void set_password(soci::session& sql, long long user_id, const std::string& hash, const std::string& now);
void grant_role(soci::session& sql, long long user_id, web::Role role, long long workshop_id,
                const std::string& now);
std::optional<long long> workshop_id_by_slug(soci::session& sql, const std::string& slug);

void insert_session(soci::session& sql, const std::string& token_hash, long long user_id,
                    const std::string& now, const std::string& expires_at, const std::string& ip,
                    const std::string& user_agent);
void delete_session(soci::session& sql, const std::string& token_hash);
// Ends the user's sessions but the one whose hash is keep (empty: all).
void delete_sessions_of(soci::session& sql, long long user_id, const std::string& keep = "");
// Revokes every live API token of the user (a password change or reset).
void revoke_api_tokens_of(soci::session& sql, long long user_id, const std::string& now);
// The user's tokens, newest first; `live` is judged at `now`.
std::vector<ApiToken> api_tokens_of(soci::session& sql, long long user_id, const std::string& now);
// Revokes one token of the user; false when the user has no such live token.
bool revoke_api_token(soci::session& sql, long long user_id, long long token_id, const std::string& now);
void insert_api_token(soci::session& sql, long long user_id, const std::string& name,
                      const std::string& token_hash, const std::string& now, const std::string& expires_at);
void insert_reset(soci::session& sql, long long user_id, const std::string& token_hash,
                  const std::string& now, const std::string& expires_at);
// Marks an unused, unexpired reset token used and returns its user; nullopt when no such token.
std::optional<long long> consume_reset(soci::session& sql, const std::string& token_hash,
                                       const std::string& now);
void record_event(soci::session& sql, long long user_id, const std::string& kind, const std::string& ip,
                  const std::string& now);
long long count_users(soci::session& sql);

void record_consent(soci::session& sql, long long user_id, const Consent& consent);
// Oldest first.
std::vector<Consent> consents_of(soci::session& sql, long long user_id);
// Closes an account for good: the row stays (orders, reviews and logs refer to it) with its email, name
// and password replaced so nothing identifies or opens it; sessions, tokens, resets, roles and account
// events go.
void erase_user(soci::session& sql, long long user_id, const std::string& now);
// The account's sign-in history (kind, ip, time), newest first: what an export of one's data shows.
std::vector<std::tuple<std::string, std::string, std::string>> events_of(soci::session& sql,
                                                                         long long user_id);
// The pieces they looked at while logged in (customer_views): slug, Seoul day, times; newest first.
std::vector<std::tuple<std::string, std::string, long long>> views_of(soci::session& sql, long long user_id);

}  // namespace brilliant::accounts::repo
