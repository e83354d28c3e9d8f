// Small text utilities shared by every module.
#pragma once
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
// Case-insensitive ASCII comparison.
bool iequals(std::string_view a, std::string_view b);

}  // namespace brilliant
