#include "certification/certification.hpp"

#include <sstream>

namespace brilliant::certification {

std::string to_string(ApplicationStatus status) {
  switch (status) {
    case ApplicationStatus::draft:
      return "draft";
    case ApplicationStatus::submitted:
      return "submitted";
    case ApplicationStatus::in_audit:
      return "in_audit";
    case ApplicationStatus::certified:
      return "certified";
    case ApplicationStatus::refused:
      return "refused";
  }
  return "draft";
}

ApplicationStatus application_status(const std::string& text) {
  for (auto s : {ApplicationStatus::submitted, ApplicationStatus::in_audit, ApplicationStatus::certified,
                 ApplicationStatus::refused})
    if (to_string(s) == text) return s;
  return ApplicationStatus::draft;
}

std::vector<std::string> split_words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace brilliant::certification
