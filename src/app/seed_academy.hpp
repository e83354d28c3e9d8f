// The demo academy (issue 13), so that `make run` shows courses with trainees at different stages: three
// courses with past and coming sessions (one full, with a waiting list), materials, and the demo
// workshop's people: the owner (maker@) attended "Campaigns and coupons" and has its practice tasks to do,
// an apprentice waits for a seat, a designer finished a course and holds a signed certificate. Once:
// nothing when courses exist. Returns whether it seeded.
#pragma once
#include <string>

namespace brilliant::app {
class App;

bool seed_academy(App& app, const std::string& workshop_slug, const std::string& owner_email,
                  const std::string& instructor_email);

}  // namespace brilliant::app
