// Applications to join the joint brand: applicants submit and resubmit, the operator approves, asks for
// changes or rejects, with reasons; approval creates the workshop and makes the applicant its owner
// (vendor staff bound to it). Every step is an application event (history). Thread safe.
#pragma once
#include <optional>
#include <vector>

#include "core/clock.hpp"
#include "db/fwd.hpp"
#include "vendors/events.hpp"
#include "vendors/joining/application.hpp"

namespace brilliant::vendors {

class Applications {
 public:
  Applications(db::Database& db, const Clock& clock);

  // New application, or a resubmission of the applicant's application that needs changes.
  // Errors: invalid fields; conflict when the applicant already has one waiting or approved.
  Result<long long> submit(long long applicant_id, Application application);
  std::optional<Application> latest_of(long long applicant_id);
  std::optional<Application> find(long long id);
  std::vector<Application> by_status(const std::string& status);
  std::vector<VendorEvent> history(long long id);
  // Operator's decision. A reason is required to request changes or reject. On approval returns the
  // new workshop's slug.
  Result<std::string> decide(long long id, long long operator_id, Decision decision,
                             const std::string& reason);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace brilliant::vendors
