#include "accounts/rules.hpp"

#include "core/text.hpp"

namespace brilliant::accounts {

web::Principal to_principal(const User& user) {
  return {user.id,
          user.email,
          user.name,
          user.roles,
          user.workshop_id,
          user.workshop_owner,
          user.workshop_suspended};
}

Result<std::string> normalize_email(std::string_view email) {
  auto value = ascii_lower(trim(email));
  const auto at = value.find('@');
  const bool plausible = valid_utf8(value) && value.size() <= 254 && at != std::string::npos && at > 0 &&
                         value.find('@', at + 1) == std::string::npos &&
                         value.find('.', at) != std::string::npos && value.back() != '.' &&
                         value.find_first_of(" \t\r\n<>,;\"") == std::string::npos;
  if (value.empty()) return Error::invalid("email", "email_required", "email is required");
  if (!plausible) return Error::invalid("email", "email_invalid", "email is not a valid address");
  return value;
}

Result<void> check_password(std::string_view password, std::string_view field) {
  if (!valid_utf8(password))
    return Error::invalid(std::string(field), "password_invalid", "password is not valid text");
  const auto length = utf8_length(password);
  if (length < min_password_length)
    return Error::invalid(std::string(field), "password_short",
                          "password must be at least " + std::to_string(min_password_length) + " characters");
  if (password.size() > max_password_length)
    return Error::invalid(std::string(field), "password_long",
                          "password must be at most " + std::to_string(max_password_length) + " bytes");
  return {};
}

Result<std::string> normalize_name(std::string_view name) {
  auto value = std::string(trim(name));
  if (!valid_utf8(value)) return Error::invalid("name", "name_invalid", "name is not valid text");
  if (value.empty()) return Error::invalid("name", "name_required", "name is required");
  if (!single_line(value)) return Error::invalid("name", "name_invalid", "name must be one line");
  if (utf8_length(value) > 80)
    return Error::invalid("name", "name_long", "name must be at most 80 characters");
  return value;
}

Result<SignupInput> check_signup(SignupInput input) {
  input.email = TRY(normalize_email(input.email));
  input.name = TRY(normalize_name(input.name));
  TRY(check_password(input.password));
  if (input.locale != "en") input.locale = "ko";
  return input;
}

}  // namespace brilliant::accounts
