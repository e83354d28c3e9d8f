// Checks of free text shared by the certification's service files (not a public interface).
#pragma once
#include <string>

#include "core/result.hpp"
#include "core/text.hpp"

namespace brilliant::certification {

// At most 2,000 bytes of UTF-8; `required` refuses blank text. Errors name `field`.
inline Result<void> check_text(const std::string& field, const std::string& text, bool required) {
  if (required && trim(text).empty())
    return Error::invalid(field, field + "_required", field + " is required");
  if (text.size() > 2000) return Error::invalid(field, field + "_too_long", field + ": at most 2,000 bytes");
  if (!valid_utf8(text)) return Error::invalid(field, "utf8_invalid", field + " is not UTF-8 text");
  return {};
}

}  // namespace brilliant::certification
