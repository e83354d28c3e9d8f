// Checks of free text a person typed, shared by the modules' services.
#pragma once
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/text.hpp"

namespace brilliant {

// At most `max` characters of valid UTF-8 text (code points, as a browser's maxlength counts them); else
// an invalid Error naming `field`, with `code`.
inline Result<void> check_length(const std::string& field, std::string_view text, size_t max,
                                 const std::string& code = "too_long") {
  if (utf8_length(text) <= max) return {};
  return Error::invalid(field, code, field + ": at most " + std::to_string(max) + " characters");
}

// At most `max` characters (code points, as a browser's maxlength counts them) of UTF-8; `required`
// refuses blank text. Errors name `field`.
inline Result<void> check_text(const std::string& field, const std::string& text, bool required,
                               size_t max = 2000) {
  if (required && trim(text).empty())
    return Error::invalid(field, field + "_required", field + " is required");
  if (!valid_utf8(text)) return Error::invalid(field, "utf8_invalid", field + " is not UTF-8 text");
  return check_length(field, text, max, field + "_too_long");
}

}  // namespace brilliant
