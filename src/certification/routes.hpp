// The certification's routes (issue 11), one Deps for the module:
//   public (no login): /eco, /certificates (registry, ?q=), /certificates/{certificate} and its
//     credential.json, proof.json, qr.svg, qr.png, tag card; /certificates/status/{purpose};
//     JSON under /api/v1/certificates and /api/v1/certification/scheme.
//   workshops: /console/certification (application, self-assessment, evidence, corrective actions),
//     /console/products/{slug}/claims (a piece's eco claims).
//   auditors: /audit (queue, scoring, audits, non-conformities, decisions, status changes).
//   operators: /operator/certification (scheme versions: drafts, criteria, publishing).
#pragma once

namespace brilliant {
class Clock;
}
namespace brilliant::trust {
class TransparencyLog;
}
namespace brilliant::web {
class Renderer;
class Router;
}  // namespace brilliant::web

namespace brilliant::certification {
class Certification;

struct Deps {
  Certification& certification;
  trust::TransparencyLog& log;
  const web::Renderer& renderer;
  const Clock& clock;
};

void add_all_routes(web::Router& router, Deps& deps);
void add_public_routes(web::Router& router, Deps& deps);
void add_workshop_routes(web::Router& router, Deps& deps);
void add_audit_routes(web::Router& router, Deps& deps);

}  // namespace brilliant::certification
