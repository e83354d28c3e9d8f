#include "vendors/joining/application.hpp"

#include "core/text.hpp"

namespace brilliant::vendors {

Result<std::string> check_registration_number(std::string_view text) {
  std::string digits;
  for (char c : trim(text)) {
    if (c >= '0' && c <= '9')
      digits.push_back(c);
    else if (c != '-' && c != ' ')
      return Error::invalid("registration_no", "registration_format",
                            "business registration number holds only digits and hyphens");
  }
  if (digits.size() != 10)
    return Error::invalid("registration_no", "registration_format",
                          "business registration number has 10 digits (123-45-67890)");
  static constexpr int weights[] = {1, 3, 7, 1, 3, 7, 1, 3, 5};
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (digits[i] - '0') * weights[i];
  sum += (digits[8] - '0') * 5 / 10;
  const int check = (10 - sum % 10) % 10;
  if (check != digits[9] - '0')
    return Error::invalid("registration_no", "registration_checksum",
                          "business registration number's check digit does not match: check for a typo");
  return digits;
}

std::string format_registration_number(const std::string& d) {
  return d.size() == 10 ? d.substr(0, 3) + "-" + d.substr(3, 2) + "-" + d.substr(5) : d;
}

Result<Application> check_application(Application a) {
  auto required = [](std::string& value, const char* field, size_t max) -> Result<void> {
    value = std::string(trim(value));
    if (!valid_utf8(value))
      return Error::invalid(field, "text_invalid", std::string(field) + " is not valid text");
    if (value.empty()) return Error::invalid(field, "field_required", std::string(field) + " is required");
    if (!single_line(value))
      return Error::invalid(field, "text_invalid", std::string(field) + " must be one line");
    if (utf8_length(value) > max)
      return Error::invalid(field, "field_long", std::string(field) + " is too long");
    return {};
  };
  TRY(required(a.business_name, "business_name", 80));
  a.registration_no = TRY(check_registration_number(a.registration_no));
  TRY(required(a.representative, "representative", 40));
  TRY(required(a.address, "address", 200));
  if (a.address.find("익산") == std::string::npos &&
      ascii_lower(a.address).find("iksan") == std::string::npos)
    return Error::rule_broken(
        "address", "address_outside_iksan",
        "the joint brand is for workshops in Iksan: the address must be in Iksan (익산)");
  TRY(required(a.phone, "phone", 20));
  TRY(required(a.bank_name, "bank_name", 40));
  TRY(required(a.bank_account, "bank_account", 30));
  for (char c : a.bank_account)
    if (!((c >= '0' && c <= '9') || c == '-'))
      return Error::invalid("bank_account", "bank_account_format",
                            "bank account number holds only digits and hyphens");
  TRY(required(a.account_holder, "account_holder", 40));
  a.story = std::string(trim(a.story));
  if (utf8_length(a.story) > 2000) return Error::invalid("story", "field_long", "story is too long");
  return a;
}

std::optional<ApplicationStatus> application_status(std::string_view name) {
  for (auto s : {ApplicationStatus::submitted, ApplicationStatus::changes_requested,
                 ApplicationStatus::approved, ApplicationStatus::rejected})
    if (name_of(s) == name) return s;
  return std::nullopt;
}

Result<ApplicationStatus> status_after(ApplicationStatus current, Decision decision) {
  if (current != ApplicationStatus::submitted)
    return Error::conflict("status", "application_decided",
                           "this application is " + to_string(current) + ", not waiting for a decision");
  switch (decision) {
    case Decision::approve:
      return ApplicationStatus::approved;
    case Decision::request_changes:
      return ApplicationStatus::changes_requested;
    case Decision::reject:
      return ApplicationStatus::rejected;
  }
  return ApplicationStatus::submitted;
}

std::string decision_kind(Decision decision) {
  switch (decision) {
    case Decision::approve:
      return "approved";
    case Decision::request_changes:
      return "changes_requested";
    case Decision::reject:
      return "rejected";
  }
  return "";
}

}  // namespace brilliant::vendors
