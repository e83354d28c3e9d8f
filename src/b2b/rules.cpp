#include "b2b/rules.hpp"

#include <cctype>

#include "core/text.hpp"

namespace brilliant::b2b {
namespace {

Result<std::string> line(const std::string& raw, const std::string& field, size_t most, bool required) {
  std::string value(trim(raw));
  if (required && value.empty()) return Error::invalid(field, "field_required", field + " is required");
  if (!valid_utf8(value) || !single_line(value) || !safe_text_input(value) || utf8_length(value) > most)
    return Error::invalid(field, "field_invalid",
                          field + " must be one line of at most " + std::to_string(most) + " characters");
  return value;
}

Result<long long> range(long long v, const std::string& field, long long least, long long most) {
  if (v < least || v > most)
    return Error::invalid(field, "number_invalid",
                          field + " must be " + std::to_string(least) + " to " + std::to_string(most));
  return v;
}

}  // namespace

Result<ApplicationInput> check_application(ApplicationInput in) {
  in.company = TRY(line(in.company, "company", 120, true));
  in.country = TRY(line(in.country, "country", 2, true));
  if (in.country.size() != 2 || !std::isalpha(static_cast<unsigned char>(in.country[0])) ||
      !std::isalpha(static_cast<unsigned char>(in.country[1])))
    return Error::invalid("country", "country_invalid", "country must be two letters (ISO 3166), e.g. TH");
  for (char& c : in.country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  in.website = TRY(line(in.website, "website", 200, false));
  if (!in.website.empty() && !in.website.starts_with("https://") && !in.website.starts_with("http://"))
    return Error::invalid("website", "website_invalid", "website must start with https:// or http://");
  in.note = TRY(check_note(in.note, "note"));
  return in;
}

Result<int> check_quantity(long long quantity, const std::string& field) {
  return static_cast<int>(TRY(range(quantity, field, 1, 100000)));
}

Result<std::string> check_note(const std::string& raw, const std::string& field) {
  std::string note(trim(raw));
  if (!valid_utf8(note) || !safe_text_input(note) || utf8_length(note) > 1000)
    return Error::invalid(field, "note_invalid", field + " must be text of at most 1,000 characters");
  return note;
}

Result<Answer> check_answer(Answer in) {
  TRY(range(in.unit_price, "unit_price", 1, 1000000000));
  TRY(range(in.min_quantity, "min_quantity", 1, 100000));
  TRY(range(in.lead_days, "lead_days", 0, 365));
  TRY(range(in.valid_days, "valid_days", 1, 90));
  in.note = TRY(check_note(in.note, "note"));
  return in;
}

Result<void> allowed(Action action, std::string_view status) {
  bool ok = false;
  const char* what = "";
  switch (action) {
    case Action::answer:  // a draft kept, or a sent answer revised before the buyer accepts
    case Action::send:
      ok = status == "draft" || status == "sent";
      what = "only a quote not yet accepted can be answered";
      break;
    case Action::accept:
      ok = status == "sent";
      what = "only a sent quote still valid can be accepted";
      break;
    case Action::order:
      ok = status == "accepted";
      what = "only an accepted quote can be ordered";
      break;
    case Action::decline:
      ok = status == "draft" || status == "sent" || status == "accepted";
      what = "an ordered, expired or declined quote cannot be declined";
      break;
  }
  if (ok) return {};
  return Error::rule_broken("status", "quote_" + std::string(status), what);
}

std::string effective_status(std::string_view stored, const std::string& valid_until, TimePoint now) {
  TimePoint until;
  if (stored == "sent" && parse_utc(valid_until, until) && until <= now) return "expired";
  return std::string(stored);
}

bool reminder_due(std::string_view status, const std::string& requested_at, const std::string& reminded_at,
                  TimePoint now) {
  TimePoint asked, last;
  if (status != "draft" || !parse_utc(requested_at, asked) || now - asked < std::chrono::hours(48))
    return false;
  return !parse_utc(reminded_at, last) || now - last >= std::chrono::hours(24);
}

std::string quote_number(std::string_view seoul_day, std::string_view random_part) {
  std::string day;
  for (char c : seoul_day.substr(2))
    if (c != '-') day += c;
  return "Q-" + day + "-" + std::string(random_part);
}

bool looks_like_quote_number(std::string_view text) {
  if (text.size() != 15 || !text.starts_with("Q-") || text[8] != '-') return false;
  for (size_t i = 2; i < 8; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  for (char c : text.substr(9))
    if (quote_alphabet.find(c) == std::string_view::npos) return false;
  return true;
}

}  // namespace brilliant::b2b
