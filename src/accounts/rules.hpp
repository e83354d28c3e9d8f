// Pure account rules: what a valid email, name and password are.
#pragma once
#include <string>
#include <string_view>

#include "accounts/user.hpp"
#include "core/result.hpp"

namespace brilliant::accounts {

inline constexpr size_t min_password_length = 10;
inline constexpr size_t max_password_length = 256;

// Trimmed, lower-cased email; an Error on field "email" when it is not a plausible address.
Result<std::string> normalize_email(std::string_view email);
// Error on field "password" when too short, too long, or not UTF-8.
Result<void> check_password(std::string_view password, std::string_view field = "password");
// Trimmed display name, 1 to 80 characters.
Result<std::string> normalize_name(std::string_view name);
// Validates and normalises a sign-up form.
Result<SignupInput> check_signup(SignupInput input);

}  // namespace brilliant::accounts
