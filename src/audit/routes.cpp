#include "audit/routes.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "web/bind.hpp"
#include "web/form.hpp"

namespace brilliant::audit {

namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

json::object entry_json(const Entry& e) {
  return {{"id", e.id},
          {"at", e.at},
          {"at_seoul", format_seoul(e.at)},
          {"actor_id", e.actor_id},
          {"actor", e.actor},
          {"roles", e.roles},
          {"workshop_id", e.workshop_id},
          {"kind", e.kind},
          {"view", e.kind == "view"},
          {"method", e.method},
          {"route", e.route},
          {"target", e.target},
          {"detail", e.detail},
          {"status", e.status},
          {"ip", e.ip},
          {"changes", e.changes},
          {"has_changes", !e.changes.empty()}};
}

class AuditRoutes {
 public:
  explicit AuditRoutes(Deps d) : log(d.log), r(d.renderer) {}

  Response operator_page(Request& req) { return page(req, 0, "/operator/audit"); }
  Response operator_api(Request& req) { return api(req, 0); }
  Response console_page(Request& req) {
    if (!req.user->workshop_owner)
      return r.error(req, Error::forbidden("only the workshop's owner sees its audit trail"));
    return page(req, req.user->workshop_id, "/console/audit");
  }
  Response console_api(Request& req) {
    if (!req.user->workshop_owner)
      return r.error(req, Error::forbidden("only the workshop's owner sees its audit trail"));
    return api(req, req.user->workshop_id);
  }

 private:
  Filter filter_of(const Request& req, long long workshop) {
    const auto q = req.query_params();
    Filter f;
    f.q = q.get("q");
    f.kind = q.get("kind") == "change" || q.get("kind") == "view" ? q.get("kind") : "";
    f.from = q.get("from");
    f.to = q.get("to");
    f.workshop_id = workshop;
    const auto before = q.get("before");
    std::from_chars(before.data(), before.data() + before.size(), f.before_id);
    return f;
  }

  json::array entries(const Filter& f, long long& last_id) {
    json::array out;
    last_id = 0;
    for (const auto& e : log.search(f)) {
      out.push_back(entry_json(e));
      last_id = e.id;
    }
    return out;
  }

  Response api(Request& req, long long workshop) {
    const auto f = filter_of(req, workshop);
    long long last = 0;
    auto list = entries(f, last);
    json::object out{{"entries", list}};
    if (static_cast<int>(list.size()) == f.limit) out["next_before"] = last;
    return Response::json(json::serialize(out));
  }

  Response page(Request& req, long long workshop, const std::string& path) {
    const auto f = filter_of(req, workshop);
    long long last = 0;
    auto list = entries(f, last);
    json::object m{{"title", r.message(req.locale, "audit.title")},
                   {"noindex", true},
                   {"path", path},
                   {"q", f.q},
                   {"from", f.from},
                   {"to", f.to},
                   {"kind_change", f.kind == "change"},
                   {"kind_view", f.kind == "view"},
                   {"has_entries", !list.empty()},
                   {"entries", list},
                   {"workshop_only", workshop != 0}};
    if (static_cast<int>(list.size()) == f.limit)
      m["next"] = path + "?before=" + std::to_string(last) + "&q=" + web::url_encode(f.q) +
                  "&kind=" + f.kind + "&from=" + f.from + "&to=" + f.to;
    return r.page_response(req, "operator/audit", std::move(m));
  }

  Log& log;
  const web::Renderer& r;
};

}  // namespace

void add_routes(web::Router& router, Deps deps) {
  const web::Bind bind(std::make_shared<AuditRoutes>(deps), deps.renderer);
  const auto operator_only = web::require(web::Role::operator_);
  const auto vendor = web::require(web::Role::vendor_staff);
  router.get("/operator/audit", bind(&AuditRoutes::operator_page)).access = operator_only;
  router.get("/api/v1/operator/audit", bind(&AuditRoutes::operator_api)).access = operator_only;
  router.get("/console/audit", bind(&AuditRoutes::console_page)).access = vendor;
  router.get("/api/v1/console/audit", bind(&AuditRoutes::console_api)).access = vendor;
}

}  // namespace brilliant::audit
