// Account pages (/signup, /login, /logout, /account, /password/...) and JSON API (/api/v1/auth, /me,
// /tokens), plus the session resolver the pipeline uses to find the caller.
#pragma once
#include <boost/json/array.hpp>
#include <chrono>
#include <functional>
#include <string>

#include "accounts/service.hpp"
#include "core/recent.hpp"
#include "web/pipeline.hpp"
#include "web/rate_limit.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::accounts {

inline constexpr std::string_view session_cookie = "sid";

struct RateLimits {
  web::RateLimiter login_by_ip;
  web::RateLimiter login_by_account;
  web::RateLimiter signup_by_ip;
};

struct WebDeps {
  Accounts& accounts;
  const web::Renderer& renderer;
  RateLimits& limits;
  std::string base_url;  // "http://127.0.0.1:8080", for links in mails
  bool secure_cookies = false;
  std::chrono::hours session_lifetime{24 * 30};
  mail::SmtpSender* sender = nullptr;  // woken after a mail is queued; may be null
  // Personal data (issue 15; privacy_routes.cpp), wired by the app: the versions of the terms and privacy
  // policy people agree to, the account's orders for its data export, and the orders' step when it
  // closes (personal data reduced; refused while an order is open).
  std::string terms_version, privacy_version;
  std::function<boost::json::array(long long user_id, const std::string& locale)> orders_export;
  std::function<Result<int>(long long user_id)> forget_orders;
  // The account's latest orders for its page (rows of its orders list), wired by the app; empty: none.
  std::function<boost::json::array(const web::Request& req)> recent_orders;
};

void add_routes(web::Router& router, WebDeps& deps);
// The consent, export and closing routes (privacy_routes.cpp); add_routes calls it.
void add_privacy_routes(web::Router& router, WebDeps& deps);
// The account page's privacy panel: marketing consent, the consents given, the links (privacy_routes.cpp).
void add_privacy_model(const WebDeps& deps, const web::Request& req, boost::json::object& model);

class CookieSessions final : public web::SessionResolver {
 public:
  explicit CookieSessions(Accounts& accounts, std::chrono::milliseconds fresh_for = std::chrono::seconds(1))
      : accounts_(accounts), found_(fresh_for, 50000) {}
  void resolve(web::Request& request) override;
  // What resolve() last found for this cookie's session, when under `fresh_for` ago: a logged-out,
  // revoked or changed session shows on cached storefront pages for at most that long (on any node).
  bool recall(web::Request& request) override;

 private:
  Accounts& accounts_;
  Recent<web::Principal> found_;  // by session token hash
};

}  // namespace brilliant::accounts
