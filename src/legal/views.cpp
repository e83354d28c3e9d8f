#include "legal/views.hpp"

#include <boost/json.hpp>

#include "core/text.hpp"
#include "vendors/joining/application.hpp"

namespace brilliant::legal {

namespace json = boost::json;

namespace {

json::array processors_json(const std::string& text) {
  json::array out;
  size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line(trim(std::string_view(text).substr(start, end - start)));
    start = end + 1;
    if (line.empty()) continue;
    const auto colon = line.find(':');
    out.push_back(json::object{
        {"name", std::string(trim(line.substr(0, colon)))},
        {"purpose", colon == std::string::npos ? "" : std::string(trim(line.substr(colon + 1)))}});
  }
  return out;
}

}  // namespace

json::object business_json(const BusinessInfo& b) {
  return {{"company", b.company},
          {"representative", b.representative},
          {"registration_no", b.registration_no},
          {"registration_display", vendors::format_registration_number(b.registration_no)},
          {"mail_order_no", b.mail_order_no},
          {"address", b.address},
          {"phone", b.phone},
          {"email", b.email},
          {"hosting", b.hosting},
          {"arrangement", std::string(name_of(b.arrangement))},
          {"mediator", b.arrangement == Arrangement::mediator},
          {"privacy_officer", b.privacy_officer},
          {"privacy_email", b.privacy_email},
          {"processors_text", b.processors},
          {"processors", processors_json(b.processors)}};
}

json::object footer_json(const std::optional<BusinessInfo>& info) {
  if (!info) return {{"missing", true}};
  return business_json(*info);
}

}  // namespace brilliant::legal
