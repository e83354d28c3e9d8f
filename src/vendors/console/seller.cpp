#include "vendors/console/seller.hpp"

#include "catalog/repo.hpp"
#include "core/text.hpp"
#include "db/database.hpp"
#include "vendors/joining/application.hpp"

namespace brilliant::vendors {

Result<catalog::Seller> check_seller(catalog::Seller s) {
  for (auto [field, value, max] : {std::tuple{"company", &s.company, size_t{100}},
                                   {"representative", &s.representative, size_t{60}},
                                   {"address", &s.address, size_t{200}},
                                   {"phone", &s.phone, size_t{30}},
                                   {"email", &s.email, size_t{120}}}) {
    if (!valid_utf8(*value) || !single_line(*value))
      return Error::invalid(field, "text_invalid", std::string(field) + " must be one line of text");
    *value = std::string(trim(*value));
    if (value->empty() && std::string_view(field) != "email")
      return Error::invalid(field, "field_required", std::string(field) + " is required");
    if (utf8_length(*value) > max)
      return Error::invalid(field, "text_too_long",
                            std::string(field) + " is at most " + std::to_string(max) + " characters");
  }
  if (!s.email.empty() && (s.email.find('@') == std::string::npos || s.email.find(' ') != std::string::npos))
    return Error::invalid("email", "email_invalid", "email is not an email address");
  s.registration_no = TRY(check_registration_number(s.registration_no));
  return s;
}

Result<catalog::Seller> save_seller(db::Database& db, const Clock& clock, long long workshop_id,
                                    const catalog::Seller& seller) {
  auto checked = TRY(check_seller(seller));
  const auto now = format_utc(clock.now());
  db.write([&](soci::session& sql) { catalog::repo::set_seller(sql, workshop_id, checked, now); });
  return checked;
}

}  // namespace brilliant::vendors
