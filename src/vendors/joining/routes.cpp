#include "vendors/joining/routes.hpp"

#include "web/bind.hpp"

#include "web/form.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "web/errors.hpp"

namespace brilliant::vendors {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

json::object application_json(const Application& a, const web::Renderer& r, const Request& req) {
  json::object o{{"id", a.id},
                 {"business_name", a.business_name},
                 {"registration_no", format_registration_number(a.registration_no)},
                 {"representative", a.representative},
                 {"address", a.address},
                 {"phone", a.phone},
                 {"bank_name", a.bank_name},
                 {"bank_account", a.bank_account},
                 {"account_holder", a.account_holder},
                 {"story", a.story},
                 {"status", to_string(a.status)},
                 {"status_text", r.message(req.locale, "vendors.status." + to_string(a.status))},
                 {"applicant", a.applicant_email},
                 {"created_at", a.created_at}};
  o["is_" + to_string(a.status)] = true;
  return o;
}

json::array application_events_json(const std::vector<VendorEvent>& events, const web::Renderer& r,
                                    const Request& req) {
  return events_json(events,
                     [&](const std::string& kind) { return r.message(req.locale, "vendors.event." + kind); });
}

json::object file_json(const ApplicationFile& f) {
  return {{"id", f.id},
          {"kind", f.kind},
          {"name", f.name},
          {"content_type", f.content_type},
          {"bytes", f.bytes},
          {"size_kb", (f.bytes + 1023) / 1024},
          {"pages", f.pages},
          {"is_mark", f.kind == "mark"},
          {"url", "/applications/files/" + std::to_string(f.id)},
          {"preview_url", "/applications/files/" + std::to_string(f.id) + "?preview=1"}};
}

// The applicant's files for a page: the mark apart, the documents as a list.
void add_files(json::object& model, const std::vector<ApplicationFile>& files) {
  json::array documents;
  for (const auto& f : files) {
    if (f.kind == "mark")
      model["mark"] = file_json(f);
    else
      documents.push_back(file_json(f));
  }
  model["documents"] = std::move(documents);
}

Application from_form(const web::Form& f) {
  Application a;
  a.business_name = f.get("business_name");
  a.registration_no = f.get("registration_no");
  a.representative = f.get("representative");
  a.address = f.get("address");
  a.phone = f.get("phone");
  a.bank_name = f.get("bank_name");
  a.bank_account = f.get("bank_account");
  a.account_holder = f.get("account_holder");
  a.story = f.get("story");
  return a;
}

Response with_errors(const web::Renderer& r, const Request& req, const char* page, json::object model,
                     const Error& e) {
  return r.page_with_error(req, page, std::move(model), e);
}

std::optional<Decision> parse_decision(const std::string& text) {
  if (text == "approve") return Decision::approve;
  if (text == "request_changes") return Decision::request_changes;
  if (text == "reject") return Decision::reject;
  return std::nullopt;
}

// Joining: the applicant's /join and files, the operator's queue and decision.
class JoinRoutes {
 public:
  explicit JoinRoutes(Deps& d)
      : apps(d.applications), files(d.files), r(d.renderer), after_approval(d.catalog_changed) {}

  Response join_page(Request& req) {
    json::object model{{"title", r.message(req.locale, "vendors.join_title")}, {"noindex", true}};
    if (auto mine = apps.latest_of(req.user->user_id)) {
      model["application"] = application_json(*mine, r, req);
      model["events"] = application_events_json(apps.history(mine->id), r, req);
      model["form"] = application_json(*mine, r, req);
      model["can_edit"] =
          mine->status == ApplicationStatus::changes_requested || mine->status == ApplicationStatus::rejected;
    } else {
      model["can_edit"] = true;
    }
    add_files(model, files.of(req.user->user_id));
    auto mine = apps.latest_of(req.user->user_id);
    model["can_attach"] =
        !mine || (mine->status != ApplicationStatus::approved && mine->status != ApplicationStatus::rejected);
    return r.page_response(req, "vendors/join", std::move(model));
  }

  Response join_form(Request& req) {
    auto form = req.form();
    auto submitted = apps.submit(req.user->user_id, from_form(form));
    if (!submitted) {
      json::object values;
      for (const auto& [k, v] : form.fields())
        if (k != "_csrf") values[k] = v;
      json::object model{{"title", r.message(req.locale, "vendors.join_title")},
                         {"form", values},
                         {"can_edit", true},
                         {"can_attach", true}};
      add_files(model, files.of(req.user->user_id));
      return with_errors(r, req, "vendors/join", std::move(model), submitted.error());
    }
    return Response::redirect(req.locale_prefix() + "/join");
  }

  Response operator_applications_page(Request& req) {
    json::object model{{"title", r.message(req.locale, "vendors.queue_title")}, {"noindex", true}};
    for (const auto* status : {"submitted", "changes_requested", "approved", "rejected"}) {
      json::array list;
      for (const auto& a : apps.by_status(status)) list.push_back(application_json(a, r, req));
      model[status] = std::move(list);
    }
    return r.page_response(req, "vendors/queue", std::move(model));
  }

  Response application_page(Request& req) {
    const long long id = req.param_id("id");
    auto a = apps.find(id);
    if (!a) return r.error(req, Error::not_found("application"));
    json::object model{{"title", a->business_name},
                       {"noindex", true},
                       {"application", application_json(*a, r, req)},
                       {"events", application_events_json(apps.history(id), r, req)}};
    add_files(model, files.of(a->applicant_id));
    return r.page_response(req, "vendors/review", std::move(model));
  }

  Response operator_applications_decision_form(Request& req) {
    const long long id = req.param_id("id");
    auto form = req.form();
    auto decision = parse_decision(form.get("decision"));
    if (!decision)
      return r.error(req, Error::invalid("decision", "decision_invalid",
                                         "decision must be approve, request_changes or reject"));
    auto done = apps.decide(id, req.user->user_id, *decision, form.get("reason"));
    if (!done) {
      auto a = apps.find(id);
      if (!a) return r.error(req, done.error());
      json::object model{{"title", a->business_name},
                         {"application", application_json(*a, r, req)},
                         {"events", application_events_json(apps.history(id), r, req)},
                         {"reason", form.get("reason")}};
      add_files(model, files.of(a->applicant_id));
      return with_errors(r, req, "vendors/review", std::move(model), done.error());
    }
    if (*decision == Decision::approve && after_approval) after_approval();
    return Response::redirect(req.locale_prefix() + "/operator/applications");
  }

  Response api_applications(Request& req) {
    auto status = req.query_params().get("status");
    json::array list;
    for (const auto& a : apps.by_status(status.empty() ? "submitted" : status))
      list.push_back(application_json(a, r, req));
    return Response::json(json::serialize(json::object{{"applications", std::move(list)}}));
  }

  Response api_applications_mine(Request& req) {
    auto mine = apps.latest_of(req.user->user_id);
    if (!mine) return r.error(req, Error::not_found("application"));
    auto o = application_json(*mine, r, req);
    o["events"] = application_events_json(apps.history(mine->id), r, req);
    return Response::json(json::serialize(o));
  }

  Response api_applications_files_post(Request& req) {
    const auto q = req.query_params();
    auto added = files.add(req.user->user_id, q.get("kind"), q.get("name"), req.body);
    if (!added) return r.error(req, added.error());
    return Response::json(json::serialize(file_json(*added)), 201);
  }

  Response api_applications_files(Request& req) {
    json::array out;
    for (const auto& f : files.of(req.user->user_id)) out.push_back(file_json(f));
    return Response::json(json::serialize(json::object{{"files", std::move(out)}}));
  }

  Response api_applications_files_delete(Request& req) {
    auto done = files.remove(req.user->user_id, req.param_id("id"));
    if (!done) return r.error(req, done.error());
    return Response::json(R"({"removed":true})");
  }

  Response join_files_remove_form(Request& req) {
    auto done = files.remove(req.user->user_id, req.param_id("id"));
    if (!done) return r.error(req, done.error());
    return Response::redirect(req.locale_prefix() + "/join");
  }

  Response application_file(Request& req) {
    auto file = files.find(req.param_id("id"));
    if (!file || (file->applicant_id != req.user->user_id && !req.user->has(web::Role::operator_)))
      return r.error(req, Error::not_found("file"));
    const bool preview = req.query_params().get("preview") == "1" && !file->preview_hash.empty();
    auto bytes = files.content(*file, preview);
    if (!bytes) return r.error(req, Error::not_found("file"));
    return web::private_file(std::move(*bytes), preview ? "image/png" : file->content_type, file->name);
  }

 private:
  Applications& apps;
  ApplicationFiles& files;
  const web::Renderer& r;
  std::function<void()> after_approval;
};

}  // namespace

void add_join_routes(web::Router& router, Deps& deps) {
  const web::Bind bind(std::make_shared<JoinRoutes>(deps), deps.renderer);
  router.get("/join", bind(&JoinRoutes::join_page)).access = web::Access::logged_in();

  router.post("/join", bind(&JoinRoutes::join_form)).access = web::Access::logged_in();

  const auto operator_only = web::require(web::Role::operator_);
  router.get("/operator/applications", bind(&JoinRoutes::operator_applications_page)).access = operator_only;

  router.get("/operator/applications/{id}", bind(&JoinRoutes::application_page)).access = operator_only;

  router.post("/operator/applications/{id}/decision", bind(&JoinRoutes::operator_applications_decision_form))
      .access = operator_only;

  router.get("/api/v1/applications", bind(&JoinRoutes::api_applications)).access = operator_only;

  router.get("/api/v1/applications/mine", bind(&JoinRoutes::api_applications_mine)).access =
      web::Access::logged_in();

  // --- the maker's mark and documents -------------------------------------------------------------
  // The file is the request body (as photos are), its kind and name in the query.
  router.post("/api/v1/applications/files", bind(&JoinRoutes::api_applications_files_post)).access =
      web::Access::logged_in();
  router.get("/api/v1/applications/files", bind(&JoinRoutes::api_applications_files)).access =
      web::Access::logged_in();
  router
      .add(web::Method::delete_, "/api/v1/applications/files/{id}",
           bind(&JoinRoutes::api_applications_files_delete))
      .access = web::Access::logged_in();
  router.post("/join/files/{id}/remove", bind(&JoinRoutes::join_files_remove_form)).access =
      web::Access::logged_in();
  // Private: the applicant and operators only; anyone else gets the same 404 as a missing file.
  router.get("/applications/files/{id}", bind(&JoinRoutes::application_file)).access =
      web::Access::logged_in();
}

}  // namespace brilliant::vendors
