// The academy's JSON for pages and the API alike: courses, sessions (times in Seoul, seats left), a
// trainee's progress with each task's evidence, certificates. Words come from the message catalog.
#pragma once
#include <boost/json/object.hpp>

#include "academy/academy.hpp"
#include "catalog/views.hpp"

namespace brilliant::academy {

boost::json::object course_json(const Course& c, const std::string& locale, const catalog::Messages& t);
boost::json::object session_json(const Session& s, const std::string& locale, const std::string& now);
boost::json::object material_json(const Material& m);
boost::json::object progress_json(const Progress& p, const catalog::Messages& t);
// An enrolment as its trainee or their owner sees it (the check-in token only when `with_token`).
boost::json::object enrolment_json(const Enrolment& e, const std::string& locale, const std::string& now,
                                   bool with_token);
boost::json::object certificate_json(const Certificate& c, const std::string& locale);

}  // namespace brilliant::academy
