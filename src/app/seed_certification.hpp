// Demo data for the eco certification (issue 11): three workshops certified at levels 1 to 3, one
// suspended with its reason, an application waiting in the auditor's queue, and eco claims on a few
// dozen of the certified workshops' pieces. Goes through the certification service, so every
// certificate is signed and every event and evidence file logged as in real use.
#pragma once
#include <string>

#include "certification/service.hpp"
#include "db/fwd.hpp"

namespace brilliant::app {

// Runs once: does nothing when a certificate exists. `auditor_email` names the demo auditor.
// Returns how many certificates it issued.
int seed_certification(db::Database& db, certification::Certification& certs,
                       const std::string& auditor_email);

}  // namespace brilliant::app
