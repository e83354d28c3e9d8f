// Instructors and the operator (routes.hpp): the door's check-in, rosters, totals, and making courses,
// sessions and materials.
#include <boost/json.hpp>

#include "academy/routes.hpp"
#include "academy/views.hpp"
#include "core/text.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"

namespace brilliant::academy {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

Result<int> capacity_of(const std::string& raw) {
  const long long n = web::parse_id(raw);
  if (n <= 0 || n > 1000)
    return Error::invalid("capacity", "capacity_invalid", "capacity must be 1 to 1,000 seats");
  return static_cast<int>(n);
}

class TeachRoutes {
 public:
  explicit TeachRoutes(const Deps& d) : d_(d), a_(d.academy), r_(d.renderer) {}

  catalog::Messages words(const Request& req) const {
    return [this, locale = req.locale](const std::string& key) { return r_.message(locale, key); };
  }
  std::string now() const { return format_utc(d_.clock.now()); }

  // --- check-in at the door ---
  Result<Enrolment> by_token(const Request& req) {
    auto e = a_.enrolment_by_token(std::string(req.param("token")));
    if (!e) return Error::not_found("check-in code");
    return *e;
  }
  json::object checkin_model(const Request& req, const Enrolment& e, bool done) {
    return {{"title", r_.message(req.locale, "academy.checkin_title")},
            {"noindex", true},
            {"token", e.token},
            {"done", done || !e.attended_at.empty()},
            {"enrolment", enrolment_json(e, req.locale, now(), false)}};
  }
  Result<Response> checkin_page(Request& req) {
    const auto e = TRY(by_token(req));
    return r_.page_response(req, "academy/checkin", checkin_model(req, e, false));
  }
  Result<Response> checkin_form(Request& req) {
    const auto e = TRY(by_token(req));
    auto done = a_.check_in(e.token, *req.user);
    if (!done) return r_.page_with_error(req, "academy/checkin", checkin_model(req, e, false), done.error());
    return r_.page_response(req, "academy/checkin", checkin_model(req, *done, true));
  }
  Result<Response> api_checkin(Request& req) {
    const auto done = TRY(a_.check_in(std::string(req.param("token")), *req.user));
    return Response::json(json::serialize(enrolment_json(done, req.locale, now(), false)));
  }

  // --- rosters ---
  json::object teach_model(const Request& req) {
    const auto t = words(req);
    const auto at = now();
    json::array sessions;
    for (const auto& s : a_.teaching(*req.user)) {
      auto course = a_.course(s.course_slug);
      json::array roster;
      for (const auto& e : a_.roster(s.id)) {
        auto o = enrolment_json(e, req.locale, at, false);
        o.erase("session");
        if (course) o["progress"] = progress_json(a_.progress(*course, e.user_id), t);
        roster.push_back(std::move(o));
      }
      auto o = session_json(s, req.locale, at);
      o["has_roster"] = !roster.empty();
      o["roster"] = std::move(roster);
      sessions.push_back(std::move(o));
    }
    json::object m{{"title", r_.message(req.locale, "academy.teach_title")}, {"noindex", true}};
    m["has_sessions"] = !sessions.empty();
    m["sessions"] = std::move(sessions);
    return m;
  }
  Response teach_page(Request& req) { return r_.page_response(req, "academy/teach", teach_model(req)); }
  Response api_teach(Request& req) { return web::page_model_json(teach_model(req)); }

  // --- the operator ---
  json::object operator_model(const Request& req) {
    json::array courses, workshops, choices;
    for (const auto& c : a_.course_totals())
      courses.push_back(json::object{{"slug", c.slug},
                                     {"title", req.locale == "en" ? c.title_en : c.title_ko},
                                     {"sessions", c.sessions},
                                     {"enrolled", c.enrolled},
                                     {"waiting", c.waiting},
                                     {"attended", c.attended},
                                     {"certified", c.certified}});
    for (const auto& w : a_.workshop_totals())
      workshops.push_back(json::object{{"name", in_language(req.locale == "en", w.name, w.name_en)},
                                       {"trainees", w.trainees},
                                       {"attended", w.attended},
                                       {"certified", w.certified}});
    for (const auto& c : a_.courses())
      choices.push_back(json::object{{"id", c.id}, {"title", c.title(req.locale)}});
    json::object m{{"title", r_.message(req.locale, "academy.operator_title")}, {"noindex", true}};
    m["courses"] = std::move(courses);
    m["workshops"] = std::move(workshops);
    m["has_workshops"] = !m["workshops"].as_array().empty();
    if (!req.wants_json()) m["course_choices"] = std::move(choices);
    return m;
  }
  Response operator_page(Request& req) {
    return r_.page_response(req, "academy/operator", operator_model(req));
  }
  Response api_operator(Request& req) { return web::page_model_json(operator_model(req)); }

  Response refused(Request& req, const web::Form& form, const Error& error) {
    auto m = operator_model(req);
    for (const auto& [k, v] : form.fields()) m["form_" + k] = v;
    return r_.page_with_error(req, "academy/operator", std::move(m), error);
  }
  Response course_form(Request& req) {
    const auto f = req.form();
    auto made = a_.create_course({f.get("slug"), f.get("title_ko"), f.get("title_en"), f.get("summary_ko"),
                                  f.get("summary_en"), f.get("tasks")});
    if (!made) return refused(req, f, made.error());
    return Response::redirect(req.locale_prefix() + "/academy/courses/" + made->slug);
  }
  Result<Response> api_course(Request& req) {
    const auto o = TRY(web::parse_json_object(req.body));
    CourseInput in;
    for (auto [field, target] : {std::pair{"slug", &in.slug},
                                 {"title_ko", &in.title_ko},
                                 {"title_en", &in.title_en},
                                 {"summary_ko", &in.summary_ko},
                                 {"summary_en", &in.summary_en},
                                 {"tasks", &in.tasks}})
      *target = TRY(web::json_string(o, field));
    const auto made = TRY(a_.create_course(in));
    return Response::json(json::serialize(course_json(made, req.locale, words(req))), 201);
  }
  Result<Session> add_session(const web::Form& f) {
    // Each TRY on a line of its own: a return from inside a braced list would skip destructors.
    const int capacity = TRY(capacity_of(f.get("capacity")));
    return a_.add_session(
        web::parse_id(f.get("course_id")),
        {f.get("starts_at"), f.get("place"), f.get("video_url"), f.get("instructor_email"), capacity});
  }
  Response session_form(Request& req) {
    const auto f = req.form();
    auto made = add_session(f);
    if (!made) return refused(req, f, made.error());
    return Response::redirect(req.locale_prefix() + "/academy/courses/" + made->course_slug);
  }
  Result<Response> api_session(Request& req) {
    const auto o = TRY(web::parse_json_object(req.body));
    std::vector<std::pair<std::string, std::string>> fields;
    for (const auto& [k, v] : o)
      fields.emplace_back(std::string(k), v.is_string()  ? std::string(v.as_string())
                                          : v.is_int64() ? std::to_string(v.as_int64())
                                                         : std::string());
    const auto made = TRY(add_session(web::Form(std::move(fields))));
    return Response::json(json::serialize(session_json(made, req.locale, now())), 201);
  }
  Response material_form(Request& req) {
    const auto f = req.form();
    const auto course = web::parse_id(f.get("course_id"));
    auto made = a_.add_material(course, f.get("title"), f.get("url"), f.get("kind"));
    if (!made) return refused(req, f, made.error());
    for (const auto& c : a_.courses())
      if (c.id == course) return Response::redirect(req.locale_prefix() + "/academy/courses/" + c.slug);
    return Response::redirect(req.locale_prefix() + "/operator/academy");
  }

 private:
  const Deps d_;
  Academy& a_;
  const web::Renderer& r_;
};

}  // namespace

void add_teach_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<TeachRoutes>(deps), deps.renderer);
  using T = TeachRoutes;
  const auto operator_only = web::require(web::Role::operator_);
  router.get("/academy/checkin/{token}", bind(&T::checkin_page)).access = web::Access::logged_in();
  router.post("/academy/checkin/{token}", bind(&T::checkin_form)).access = web::Access::logged_in();
  router.get("/academy/teach", bind(&T::teach_page)).access = web::Access::logged_in();
  router.get("/operator/academy", bind(&T::operator_page)).access = operator_only;
  router.post("/operator/academy/courses", bind(&T::course_form)).access = operator_only;
  router.post("/operator/academy/sessions", bind(&T::session_form)).access = operator_only;
  router.post("/operator/academy/materials", bind(&T::material_form)).access = operator_only;
  router.post("/api/v1/academy/checkin/{token}", bind(&T::api_checkin)).access = web::Access::logged_in();
  router.get("/api/v1/academy/teach", bind(&T::api_teach)).access = web::Access::logged_in();
  router.get("/api/v1/operator/academy", bind(&T::api_operator)).access = operator_only;
  router.post("/api/v1/operator/academy/courses", bind(&T::api_course)).access = operator_only;
  router.post("/api/v1/operator/academy/sessions", bind(&T::api_session)).access = operator_only;
}

}  // namespace brilliant::academy
