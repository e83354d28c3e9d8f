// Workshop applications: values and the pure rules for them (no SQL, no HTTP).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace brilliant::vendors {

// Where an application is: submitted (waiting for the operator), changes_requested (back with the
// applicant), approved (a workshop exists), rejected. Names only in SQL and JSON.
enum class ApplicationStatus { submitted, changes_requested, approved, rejected };
constexpr std::string_view name_of(ApplicationStatus s) {
  switch (s) {
    case ApplicationStatus::submitted:
      return "submitted";
    case ApplicationStatus::changes_requested:
      return "changes_requested";
    case ApplicationStatus::approved:
      return "approved";
    case ApplicationStatus::rejected:
      return "rejected";
  }
  return "";
}
inline std::string to_string(ApplicationStatus s) { return std::string(name_of(s)); }
// The state a stored name names; nothing for a name that is not one.
std::optional<ApplicationStatus> application_status(std::string_view name);

struct Application {
  long long id = 0;
  long long applicant_id = 0;
  std::string business_name, registration_no, representative, address, phone, bank_name, bank_account,
      account_holder, story;
  ApplicationStatus status = ApplicationStatus::submitted;
  long long workshop_id = 0;
  std::string created_at, updated_at;
  std::string applicant_email;
};

enum class Decision { approve, request_changes, reject };

// Korean business registration number (사업자등록번호): 10 digits, hyphens allowed (123-45-67890);
// the last digit is a checksum (weights 1,3,7,1,3,7,1,3,5, plus the tens of the ninth digit x 5).
// Returns the 10 digits, or an Error on field "registration_no" saying what is wrong.
Result<std::string> check_registration_number(std::string_view text);
// "1234567890" -> "123-45-67890".
std::string format_registration_number(const std::string& digits);
// Checks and normalises every field; errors name the field.
Result<Application> check_application(Application application);
// Who may move an application where: an operator decides a submitted one; an applicant resubmits one
// the operator asked to change.
Result<ApplicationStatus> status_after(ApplicationStatus current, Decision decision);
std::string decision_kind(Decision decision);

}  // namespace brilliant::vendors
