// Small text utilities shared by every module.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace brilliant {

// True when text is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view text);
// ASCII-only lower-casing (for emails, header names, slugs).
std::string ascii_lower(std::string_view text);
// Trims ASCII whitespace at both ends.
std::string_view trim(std::string_view text);
// Number of Unicode code points in valid UTF-8.
size_t utf8_length(std::string_view text);
// A fixed-point integer as a decimal: 2400 with 3 decimals -> "2.4", 50 with 2 -> "0.5", 7 with 0 -> "7".
std::string scaled_text(long long value, int decimals);
// A decimal read exactly (no floating point) as a fixed-point integer: "2.4" with 3 decimals -> 2400.
// Commas and spaces (thousands separators) are ignored; signs, exponents, more than `decimals`
// fraction digits and overflow give nullopt.
std::optional<long long> parse_scaled(std::string_view text, int decimals);
// Case-insensitive ASCII comparison.
bool iequals(std::string_view a, std::string_view b);

}  // namespace brilliant
