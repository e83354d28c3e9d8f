// Our own response type; the net layer turns it into bytes.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "web/request.hpp"
#include "web/socket.hpp"

namespace brilliant::web {

struct Response {
  int status = 200;
  std::vector<Header> headers;
  std::string body;
  // Set by upgrade(): the net layer completes the WebSocket handshake and hands the connection to it.
  std::shared_ptr<SocketSession> socket;

  // Both throw std::invalid_argument (a fault: the pipeline answers 500) when the name or value holds
  // CR, LF, NUL or another control character but TAB: no route can split a header or forge another
  // (RFC 9110 §5.5: field values are visible characters, spaces and tabs).
  void set(std::string_view name, std::string_view value);
  void add(std::string_view name, std::string_view value);
  std::string_view header(std::string_view name) const;

  static Response html(std::string body, int status = 200);
  static Response text(std::string body, int status = 200,
                       std::string_view type = "text/plain; charset=utf-8");
  static Response json(std::string body, int status = 200);
  // 303 See Other: the answer to a form post (post/redirect/get).
  static Response redirect(std::string_view location, int status = 303);
  // 101 Switching Protocols: the request was a WebSocket handshake the route accepts.
  static Response upgrade(std::shared_ptr<SocketSession> session);
};

// True when value may stand in a header field: no CR, LF, NUL or other control character but TAB.
bool header_value_safe(std::string_view value);

// `next` when it is a path on this site ("/account?x=1"), else `fallback`. Refused: anything not
// starting with one "/", "//host" and "/\\host" (other sites), and any control character, since
// browsers strip TAB, CR and LF from URLs ("/\t/evil" would become "//evil").
std::string local_redirect_target(std::string_view next, std::string_view fallback);

// The policy every HTML page gets (the pipeline adds it unless a page set its own). extra_form_targets:
// more origins forms may go to, also through redirects (a payment window's, e.g. "http://127.0.0.1:8091").
std::string page_security_policy(std::string_view extra_form_targets = "");
// "http://127.0.0.1:8091" of "http://127.0.0.1:8091/window?x=1"; empty for anything but an http(s) URL.
std::string origin_of(std::string_view url);

// Marks a response whose bytes a user uploaded (a document, a mark, a logo, a photo): served from our
// origin, so it runs nothing there. "Content-Security-Policy: sandbox" gives it a unique origin with
// scripts, forms and plugins off; PDFs go out as attachments (browsers' PDF viewers do not run
// sandboxed), images inline. The name is sent RFC 8187-encoded.
enum class Disposition { inline_, attachment };
void as_user_file(Response& response, Disposition disposition, std::string_view filename = "");
// A private file for whoever may see it: 200 with its bytes, cached only by that browser for `max_age`
// seconds, sent as user content (as_user_file). Images show inline, anything else downloads. An empty
// content type is read from the bytes' signature (JPEG, PNG, WebP, HEIF, PDF).
Response private_file(std::string bytes, std::string content_type, std::string_view filename = "",
                      int max_age = 3600, bool download = false);

// A document anyone's verifier may fetch from any site (Access-Control-Allow-Origin: *), always
// revalidated (no-cache): signed credentials and log proofs.
Response public_json(std::string body, std::string_view type = "application/json");

struct CookieOptions {
  int max_age_seconds = -1;  // -1: a session cookie; 0: delete
  bool http_only = true;
  bool secure = false;
};

// Appends a Set-Cookie header (SameSite=Lax, Path=/).
void set_cookie(Response& response, std::string_view name, std::string_view value,
                const CookieOptions& options);

}  // namespace brilliant::web
