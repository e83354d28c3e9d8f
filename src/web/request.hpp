// Our own request type: routes and tests see this, never Beast (STYLE.md "Request in, response out").
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "web/form.hpp"
#include "web/principal.hpp"

namespace brilliant::web {

enum class Method { get, head, post, put, patch, delete_, options, other };

Method parse_method(std::string_view name);
std::string_view method_name(Method method);

struct Header {
  std::string name;
  std::string value;
};

// A positive decimal id ("42"); 0 for anything else (empty, signs, letters, overflow).
long long parse_id(std::string_view text);

struct Request {
  Method method = Method::get;
  std::string target;  // as received: path and query, percent-encoded
  std::string path;    // decoded path, locale prefix removed by the pipeline
  std::string query;   // raw query string without '?'
  std::vector<Header> headers;
  std::string body;
  std::string remote_ip;

  // Filled by the pipeline before the route runs.
  std::vector<std::pair<std::string, std::string>> params;  // path parameters from the route pattern
  std::string locale = "ko";
  bool locale_in_path = false;  // "/en/..." was given
  std::string request_id;
  std::optional<Principal> user;
  std::string session_token_hash;  // the current browser session, empty when none
  std::string csrf_token;          // the token forms must echo
  bool bearer = false;             // authenticated by an API token rather than a browser cookie

  // Case-insensitive header lookup; empty when absent.
  std::string_view header(std::string_view name) const;
  // Value of a cookie; empty when absent.
  std::string cookie(std::string_view name) const;
  std::string_view param(std::string_view name) const;
  // A route capture that must be a positive decimal id ("/things/{id}"); 0 when it is anything else.
  long long param_id(std::string_view name) const;
  Form query_params() const { return parse_form(query); }
  // Body fields of an application/x-www-form-urlencoded request (JSON bodies are parsed by routes).
  Form form() const { return parse_form(body); }
  bool wants_json() const;  // API path, or Accept prefers application/json
  // Prefix for links in the page's locale: "" for Korean, "/en" for English.
  std::string locale_prefix() const { return locale == "en" ? "/en" : ""; }
};

}  // namespace brilliant::web
