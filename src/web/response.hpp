// Our own response type; the net layer turns it into bytes.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "web/request.hpp"

namespace brilliant::web {

struct Response {
  int status = 200;
  std::vector<Header> headers;
  std::string body;

  void set(std::string_view name, std::string_view value);
  void add(std::string_view name, std::string_view value) {
    headers.push_back({std::string(name), std::string(value)});
  }
  std::string_view header(std::string_view name) const;

  static Response html(std::string body, int status = 200);
  static Response text(std::string body, int status = 200,
                       std::string_view type = "text/plain; charset=utf-8");
  static Response json(std::string body, int status = 200);
  // 303 See Other: the answer to a form post (post/redirect/get).
  static Response redirect(std::string_view location, int status = 303);
};

struct CookieOptions {
  int max_age_seconds = -1;  // -1: a session cookie; 0: delete
  bool http_only = true;
  bool secure = false;
};

// Appends a Set-Cookie header (SameSite=Lax, Path=/).
void set_cookie(Response& response, std::string_view name, std::string_view value,
                const CookieOptions& options);

}  // namespace brilliant::web
