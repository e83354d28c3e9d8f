// The academy over HTTP (issue 13).
//   Everyone: /academy (courses), /academy/courses/{slug} (sessions with seats, materials, the practice
//     tasks; a workshop owner enrols their staff there), /academy/certificates/{number} (checked in the
//     browser like the eco certificates; ".pdf" the printable certificate; credential.json, proof.json).
//   A trainee: /console/academy (their sessions, the QR to show at the door, each task's progress from
//     what they did, the certificate once complete).
//   Instructors: /academy/checkin/{token} (what the door's QR opens), /academy/teach (rosters with
//     attendance and progress). The operator: /operator/academy (totals per course and per workshop;
//     courses, sessions and materials).
// The same as JSON under /api/v1/academy, /api/v1/console/academy and /api/v1/operator/academy.
#pragma once
#include <string>

#include "academy/academy.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::trust {
class TransparencyLog;
}

namespace brilliant::academy {

struct Deps {
  Academy& academy;
  const web::Renderer& renderer;
  trust::TransparencyLog& log;
  std::string issuer_did, issuer_key;  // the hub's did:web and public Multikey, for the verify panel
  const Clock& clock;
};

void add_routes(web::Router& router, const Deps& deps);        // courses, console, certificates
void add_teach_routes(web::Router& router, const Deps& deps);  // check-in, teach, operator

}  // namespace brilliant::academy
