#include "academy/views.hpp"

#include <boost/json.hpp>

namespace brilliant::academy {
namespace json = boost::json;

json::object course_json(const Course& c, const std::string& locale, const catalog::Messages& t) {
  json::array tasks;
  for (const auto task : c.tasks) {
    const std::string code(task_code(task));
    tasks.push_back(json::object{
        {"code", code}, {"name", t("academy.task." + code)}, {"how", t("academy.task_how." + code)}});
  }
  return {{"slug", c.slug},         {"title", c.title(locale)},     {"title_ko", c.title_ko},
          {"title_en", c.title_en}, {"summary", c.summary(locale)}, {"tasks", std::move(tasks)}};
}

json::object session_json(const Session& s, const std::string& locale, const std::string& now) {
  const int left = std::max(0, s.capacity - s.enrolled);
  return {{"id", s.id},
          {"course", s.course_slug},
          {"course_title", locale == "en" ? s.course_title_en : s.course_title_ko},
          {"starts_at", s.starts_at},
          {"starts", format_seoul(s.starts_at)},
          {"place", s.place},
          {"video_url", s.video_url},
          {"instructor", s.instructor},
          {"capacity", s.capacity},
          {"enrolled", s.enrolled},
          {"waiting", s.waiting},
          {"attended", s.attended},
          {"seats_left", left},
          {"full", left == 0},
          {"upcoming", s.starts_at > now}};
}

json::object material_json(const Material& m) {
  return {{"id", m.id}, {"title", m.title}, {"url", m.url}, {"kind", m.kind}};
}

json::object progress_json(const Progress& p, const catalog::Messages& t) {
  json::array tasks;
  for (const auto& s : p.tasks) {
    const std::string code(task_code(s.task));
    tasks.push_back(json::object{{"code", code},
                                 {"name", t("academy.task." + code)},
                                 {"how", t("academy.task_how." + code)},
                                 {"done", s.done},
                                 {"evidence", s.evidence},
                                 {"at", format_seoul(s.at)}});
  }
  return {{"enrolled", p.enrolled},   {"attended", p.attended},
          {"tasks_done", p.done()},   {"tasks_total", static_cast<int>(p.tasks.size())},
          {"percent", p.percent()},   {"complete", p.complete()},
          {"tasks", std::move(tasks)}};
}

json::object enrolment_json(const Enrolment& e, const std::string& locale, const std::string& now,
                            bool with_token) {
  json::object o{{"id", e.id},
                 {"state", e.state},
                 {"waiting", e.state == "waiting"},
                 {"attended", !e.attended_at.empty()},
                 {"attended_at", format_seoul(e.attended_at)},
                 {"name", e.name},
                 {"workshop", e.workshop},
                 {"session", session_json(e.session, locale, now)}};
  if (with_token) o["checkin_token"] = e.token;
  return o;
}

json::object certificate_json(const Certificate& c, const std::string& locale) {
  return {{"number", c.number},
          {"name", c.name},
          {"workshop", c.workshop},
          {"course", c.course_slug},
          {"course_title", locale == "en" ? c.title_en : c.title_ko},
          {"course_title_ko", c.title_ko},
          {"course_title_en", c.title_en},
          {"issued_at", c.issued_at},
          {"issued", format_seoul(c.issued_at).substr(0, 10)},
          {"url", "/academy/certificates/" + c.number},
          {"pdf_url", "/academy/certificates/" + c.number + ".pdf"}};
}

}  // namespace brilliant::academy
