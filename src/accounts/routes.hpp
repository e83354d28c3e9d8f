// Account pages (/signup, /login, /logout, /account, /password/...) and JSON API (/api/v1/auth, /me,
// /tokens), plus the session resolver the pipeline uses to find the caller.
#pragma once
#include <string>

#include "accounts/service.hpp"
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
};

void add_routes(web::Router& router, WebDeps& deps);

class CookieSessions final : public web::SessionResolver {
 public:
  explicit CookieSessions(Accounts& accounts) : accounts_(accounts) {}
  void resolve(web::Request& request) override;

 private:
  Accounts& accounts_;
};

}  // namespace brilliant::accounts
