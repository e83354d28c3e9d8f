#include "academy/routes.hpp"

#include <boost/json.hpp>

#include "academy/certificate_pdf.hpp"
#include "academy/views.hpp"
#include "media/qr.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"

namespace brilliant::academy {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

Result<long long> id_field(const json::object& o, std::string_view field) {
  auto it = o.find(field);
  if (it == o.end() || !it->value().is_int64() || it->value().as_int64() <= 0)
    return Error::invalid(std::string(field), std::string(field) + "_invalid",
                          std::string(field) + " must be a positive whole number");
  return it->value().as_int64();
}

class AcademyRoutes {
 public:
  explicit AcademyRoutes(const Deps& d) : d_(d), a_(d.academy), r_(d.renderer) {}

  catalog::Messages words(const Request& req) const {
    return [this, locale = req.locale](const std::string& key) { return r_.message(locale, key); };
  }
  std::string now() const { return format_utc(d_.clock.now()); }

  Result<Course> course_in_path(const Request& req) {
    auto c = a_.course(std::string(req.param("slug")));
    if (!c) return Error::not_found("course");
    return *c;
  }

  json::object courses_model(const Request& req) {
    json::array list;
    const auto t = words(req);
    const auto at = now();
    for (const auto& c : a_.courses()) {
      auto o = course_json(c, req.locale, t);
      json::array upcoming;
      for (const auto& s : a_.sessions(c.id))
        if (s.starts_at > at) upcoming.push_back(session_json(s, req.locale, at));
      o["has_upcoming"] = !upcoming.empty();
      o["sessions"] = std::move(upcoming);
      list.push_back(std::move(o));
    }
    return {{"title", r_.message(req.locale, "academy.title")}, {"courses", std::move(list)}};
  }
  Response index(Request& req) { return r_.page_response(req, "academy/index", courses_model(req)); }
  Response api_courses(Request& req) { return web::page_model_json(courses_model(req)); }

  // A course with its sessions and materials; for a workshop's owner, their staff and enrolments; for
  // workshop staff, their progress.
  json::object course_model(const Request& req, const Course& c) {
    const auto t = words(req);
    const auto at = now();
    json::object m{{"title", c.title(req.locale)}, {"description", c.summary(req.locale)}};
    m["course"] = course_json(c, req.locale, t);
    json::array sessions, open;
    const auto held = a_.sessions(c.id);
    for (const auto& s : held) {
      sessions.push_back(session_json(s, req.locale, at));
      if (s.starts_at > at) open.push_back(session_json(s, req.locale, at));
    }
    m["has_open"] = !open.empty();
    m["sessions"] = std::move(sessions);
    m["open_sessions"] = std::move(open);
    json::array materials;
    for (const auto& x : a_.materials(c.id)) {
      auto o = material_json(x);
      o["kind_text"] = r_.message(req.locale, "academy.kind_" + x.kind);
      materials.push_back(std::move(o));
    }
    m["has_materials"] = !materials.empty();
    m["materials"] = std::move(materials);
    const auto* user = req.user ? &*req.user : nullptr;
    if (user && user->has(web::Role::vendor_staff))
      m["progress"] = progress_json(a_.progress(c, user->user_id), t);
    if (user && user->has(web::Role::vendor_staff) && user->workshop_owner) {
      json::array staff, enrolled;
      for (const auto& [id, name] : a_.staff_of(user->workshop_id))
        staff.push_back(json::object{{"id", id}, {"name", name}});
      for (const auto& s : held)
        for (const auto& e : a_.roster(s.id))
          if (e.workshop_id == user->workshop_id)
            enrolled.push_back(enrolment_json(e, req.locale, at, false));
      m["owner"] = true;
      m["staff"] = std::move(staff);
      m["has_team"] = !enrolled.empty();
      m["team"] = std::move(enrolled);
    }
    return m;
  }
  Result<Response> course_page(Request& req) {
    const auto c = TRY(course_in_path(req));
    return r_.page_response(req, "academy/course", course_model(req, c));
  }
  Result<Response> api_course(Request& req) {
    const auto c = TRY(course_in_path(req));
    return web::page_model_json(course_model(req, c));
  }

  Result<Response> enrol_form(Request& req) {
    const auto c = TRY(course_in_path(req));
    const auto form = req.form();
    auto made =
        a_.enrol(web::parse_id(form.get("session_id")), web::parse_id(form.get("user_id")), *req.user);
    if (!made) return r_.page_with_error(req, "academy/course", course_model(req, c), made.error());
    return Response::redirect(req.locale_prefix() + "/academy/courses/" + c.slug +
                              "?enrolled=" + made->state + "#team");
  }
  Result<Response> api_enrol(Request& req) {
    const auto body = TRY(web::parse_json_object(req.body));
    const long long session_id = TRY(id_field(body, "session_id")), user_id = TRY(id_field(body, "user_id"));
    const auto made = TRY(a_.enrol(session_id, user_id, *req.user));
    return Response::json(json::serialize(enrolment_json(made, req.locale, now(), false)), 201);
  }
  Result<Response> cancel_form(Request& req) {
    const auto done = TRY(a_.cancel(web::parse_id(req.param("id")), *req.user));
    const auto back = req.form().get("back");
    return Response::redirect(req.locale_prefix() +
                              (back == "console" ? std::string("/console/academy")
                                                 : "/academy/courses/" + done.session.course_slug + "#team"));
  }
  Result<Response> api_cancel(Request& req) {
    const auto done = TRY(a_.cancel(web::parse_id(req.param("id")), *req.user));
    return Response::json(json::serialize(enrolment_json(done, req.locale, now(), false)));
  }

  // --- the trainee ---
  json::object console_model(const Request& req) {
    const auto t = words(req);
    const auto at = now();
    json::array courses;
    for (const auto& e : a_.enrolments_of(req.user->user_id)) {
      auto c = a_.course(e.session.course_slug);
      if (!c) continue;
      auto o = enrolment_json(e, req.locale, at, true);
      o["course"] = course_json(*c, req.locale, t);
      o["progress"] = progress_json(a_.progress(*c, req.user->user_id), t);
      if (auto held = a_.certificate_of(c->id, req.user->user_id))
        o["certificate"] = certificate_json(*held, req.locale);
      if (auto qr = media::qr_encode(r_.base_url() + "/academy/checkin/" + e.token); qr && !req.wants_json())
        o["qr"] = media::qr_svg(*qr);
      courses.push_back(std::move(o));
    }
    json::object m{{"title", r_.message(req.locale, "academy.console_title")}, {"noindex", true}};
    m["has_courses"] = !courses.empty();
    m["enrolments"] = std::move(courses);
    return m;
  }
  Response console_page(Request& req) { return r_.page_response(req, "academy/console", console_model(req)); }
  Response api_console(Request& req) { return web::page_model_json(console_model(req)); }

  Result<Response> claim_form(Request& req) {
    const auto c = TRY(course_in_path(req));
    auto held = a_.claim(c, req.user->user_id);
    if (!held) return r_.page_with_error(req, "academy/console", console_model(req), held.error());
    return Response::redirect(req.locale_prefix() + "/academy/certificates/" + held->number);
  }
  Result<Response> api_claim(Request& req) {
    const auto c = TRY(course_in_path(req));
    const auto held = TRY(a_.claim(c, req.user->user_id));
    auto o = certificate_json(held, req.locale);
    o["credential"] = json::parse(held.credential);
    return Response::json(json::serialize(o), 201);
  }

  // --- certificates ---
  Result<Certificate> certificate_in_path(const Request& req, std::string_view suffix = "") {
    std::string number(req.param("number"));
    if (!suffix.empty() && number.ends_with(suffix)) number.resize(number.size() - suffix.size());
    auto c = a_.certificate(number);
    if (!c) return Error::not_found("certificate");
    return *c;
  }
  Result<Response> certificate_page(Request& req) {
    if (std::string_view(req.param("number")).ends_with(".pdf")) return certificate_pdf_response(req);
    const auto c = TRY(certificate_in_path(req));
    auto o = certificate_json(c, req.locale);
    o["credential_url"] = "/academy/certificates/" + c.number + "/credential.json";
    o["proof_url"] = "/academy/certificates/" + c.number + "/proof.json";
    if (auto qr = media::qr_encode(r_.base_url() + "/academy/certificates/" + c.number))
      o["qr"] = media::qr_svg(*qr);
    json::object m{{"title", r_.message(req.locale, "academy.certificate") + " " + c.number},
                   {"description", c.name + " · " + (req.locale == "en" ? c.title_en : c.title_ko)},
                   {"certificate", std::move(o)},
                   {"issuer_did", d_.issuer_did},
                   {"issuer_key", d_.issuer_key}};
    return r_.page_response(req, "academy/certificate", std::move(m));
  }
  Result<Response> certificate_pdf_response(Request& req) {
    const auto c = TRY(certificate_in_path(req, ".pdf"));
    auto response = Response::text(certificate_pdf(c, r_.base_url() + "/academy/certificates/" + c.number),
                                   200, "application/pdf");
    response.add("Content-Disposition", "inline; filename=\"" + c.number + ".pdf\"");
    return response;
  }
  Result<Response> credential(Request& req) {
    const auto c = TRY(certificate_in_path(req));
    auto response = web::public_json(c.credential, "application/vc+json");
    response.add("Content-Disposition", "inline; filename=\"" + c.number + ".json\"");
    return response;
  }
  Result<Response> proof(Request& req) {
    const auto c = TRY(certificate_in_path(req));
    return web::public_json(TRY(a_.proof_bundle(c, d_.log)));
  }

 private:
  const Deps d_;
  Academy& a_;
  const web::Renderer& r_;
};

}  // namespace

void add_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<AcademyRoutes>(deps), deps.renderer);
  using A = AcademyRoutes;
  const auto staff = web::require(web::Role::vendor_staff);
  const auto enrollers = web::require_any({web::Role::vendor_staff, web::Role::operator_});
  router.get("/academy", bind(&A::index));
  router.get("/academy/courses/{slug}", bind(&A::course_page));
  router.post("/academy/courses/{slug}/enrol", bind(&A::enrol_form)).access = enrollers;
  router.post("/academy/enrolments/{id}/cancel", bind(&A::cancel_form)).access = web::Access::logged_in();
  router.get("/academy/certificates/{number}", bind(&A::certificate_page));
  router.get("/academy/certificates/{number}/credential.json", bind(&A::credential)).session = false;
  router.get("/academy/certificates/{number}/proof.json", bind(&A::proof)).session = false;
  router.get("/console/academy", bind(&A::console_page)).access = staff;
  router.post("/console/academy/courses/{slug}/certificate", bind(&A::claim_form)).access = staff;
  router.get("/api/v1/academy/courses", bind(&A::api_courses));
  router.get("/api/v1/academy/courses/{slug}", bind(&A::api_course));
  router.post("/api/v1/academy/enrolments", bind(&A::api_enrol)).access = enrollers;
  router.post("/api/v1/academy/enrolments/{id}/cancel", bind(&A::api_cancel)).access =
      web::Access::logged_in();
  router.get("/api/v1/console/academy", bind(&A::api_console)).access = staff;
  router.post("/api/v1/console/academy/courses/{slug}/certificate", bind(&A::api_claim)).access = staff;
}

}  // namespace brilliant::academy
