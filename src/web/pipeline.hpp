// What happens to every request between the socket and the route (DESIGN.md §4): path decoding,
// locale, route choice, session, CSRF, role guard, the handler, errors, security headers, metrics and
// the access log. Knows nothing of Beast: the net layer calls prepare() on its I/O thread, run() on the
// blocking pool (or inline for Runs::inline_ routes), and finish() before writing.
#pragma once
#include <atomic>
#include <chrono>
#include <functional>
#include <optional>

#include "web/access_log.hpp"
#include "web/metrics.hpp"
#include "web/page_cache.hpp"
#include "web/render.hpp"
#include "web/router.hpp"
#include "web/static_files.hpp"

namespace brilliant::web {

// Finds who is calling from the session cookie or an API token (accounts/ implements it).
class SessionResolver {
 public:
  virtual ~SessionResolver() = default;
  // Sets request.user, session_token_hash and bearer when a live session or token is presented.
  virtual void resolve(Request& request) = 0;
  // Without blocking: sets request.user and session_token_hash from what resolve() found for this session
  // cookie when that was under a second ago, and says so; false when it knows nothing that recent. Used
  // only for a logged-in visitor's storefront page: answered from the page cache on the I/O thread, or
  // made per visitor by a route marked recalled_session (the cart); every other request resolves afresh.
  virtual bool recall(Request&) { return false; }
};

// The state an audited change changed, as the JSON answers of its route's state_from read before and
// after its handler ran (empty when the route names none or the read failed).
struct StateChange {
  std::string before, after;
};

struct PipelineOptions {
  bool secure_cookies = false;  // behind TLS: cookies get Secure
  bool access_log = true;
  // Called after a logged-in person's request ran its handler, with the answer's status and, for a change
  // whose route names a state_from that `audits` asked for, that state's JSON before and after it (the
  // audit trail listens here); empty: nothing is called.
  std::function<void(const Request&, const Route&, int status, const StateChange& state)> observe;
  // Whether a logged-in person's change is recorded (its state is read only then); empty: never read.
  std::function<bool(const Request&)> audits;
  // Where the access log goes: standard output, or with a folder one file a local day, kept this many
  // days (web::AccessLog).
  std::filesystem::path access_log_dir;
  int access_log_days = 90;
};

class Pipeline {
 public:
  Pipeline(const Router& router, const Renderer& renderer, const StaticFiles& files, Metrics& metrics,
           SessionResolver& sessions, PipelineOptions options, PageCache* cache = nullptr);

  struct Prepared {
    Match match;
    std::optional<Response> early;  // answered already (static file, 404, 405, bad path)
    // run() may be called on the I/O thread (the route is Runs::inline_).
    bool runs_inline() const { return match.route && match.route->runs == Runs::inline_; }
  };

  // Cheap and non-blocking: decodes the path, picks locale and route, answers static files and
  // unknown paths at once.
  Prepared prepare(Request& request) const;
  // May block (database). Never throws: faults become a 500 carrying the request id.
  Response run(Request& request, const Prepared& prepared) const;
  // Adds security headers and the request id, counts metrics, writes the access log line.
  void finish(const Request& request, const Prepared& prepared, Response& response,
              std::chrono::nanoseconds elapsed) const;

  Response error(const Request& request, const Error& error) const;

  // Asked by the net layer after the header of a request whose body is larger than ordinary requests
  // may send (photo and document uploads), before reading it: a 401 unless the caller has a live
  // session or API token, so nobody unknown makes the server read 48 MiB. May block (database).
  std::optional<Response> refuse_upload(Request& head) const;

 private:
  Response guarded(Request& request, const Route& route) const;
  // The JSON answer of route.state_from for this request (its params filled from the request's), read as
  // the request's own person; empty when there is none, the person may not read it, or it fails.
  std::string read_state(const Request& request, const Route& route) const;
  // The visitor's CSRF token from the cookie; a fresh one (and true) when the cookie is missing.
  std::pair<std::string, bool> csrf_for(const Request& request) const;
  void give_csrf_cookie(Response& response, const std::string& token) const;
  static bool anonymous_get(const Request& request);
  // A logged-in reader whose session the resolver recalls without blocking (request.user set), for the
  // page cache on the I/O thread.
  bool recalled_reader(Request& request) const;
  // A cacheable page for a visitor with a session (or a stale cookie): the cached page with their own
  // token and account area, rendered for the cache (as nobody's) on a miss.
  Response cached_for(Request& request, const Route& route) const;

  const Router& router_;
  const Renderer& renderer_;
  const StaticFiles& files_;
  Metrics& metrics_;
  SessionResolver& sessions_;
  PipelineOptions options_;
  PageCache* cache_;
  mutable std::atomic<unsigned long long> next_request_{0};
  std::string node_tag_;
  std::unique_ptr<AccessLog> access_log_;  // null when the access log is off
};

}  // namespace brilliant::web
