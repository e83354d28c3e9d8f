// Small text utilities shared by every module.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace brilliant {

// True when text is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view text);
// True when UTF-8 text a person typed may be stored: no NUL or other C0 control but TAB, LF and CR, no
// DEL, no C1 control (U+0080-U+009F), no bidi embedding, override or isolate (U+202A-U+202E,
// U+2066-U+2069: "Trojan Source" reordering of what a reader sees). Assumes valid UTF-8.
bool safe_text_input(std::string_view text);
// True when text holds no TAB, LF or CR: what a one-line field (a name, a title) must be.
bool single_line(std::string_view text);
// The longest prefix of valid UTF-8 text of at most max_bytes bytes that ends on a code-point boundary.
std::string_view utf8_prefix(std::string_view text, size_t max_bytes);
// text cut to at most max_chars code points, with "…" appended when something was cut.
std::string utf8_shorten(std::string_view text, size_t max_chars);
// The code point that starts at byte i of valid UTF-8 text.
char32_t utf8_code_point_at(std::string_view text, size_t i);
// Valid UTF-8 text as code points.
std::u32string utf8_decode(std::string_view text);
// ASCII-only lower-casing (for emails, header names, slugs).
std::string ascii_lower(std::string_view text);
// Text made safe inside XML or HTML text and double-quoted attributes: & < > " escaped.
std::string markup_escape(std::string_view text);
// Trims ASCII whitespace at both ends.
std::string_view trim(std::string_view text);
// A file name as uploaded, made safe to show and to send back: no folders, no control characters,
// valid UTF-8, at most 120 bytes; `fallback` when nothing is left.
std::string clean_file_name(const std::string& raw, const std::string& fallback);
// Number of Unicode code points in valid UTF-8.
size_t utf8_length(std::string_view text);
// An integer with thousands separators: 1234567 -> "1,234,567", -1234 -> "-1,234".
std::string thousands(long long value);
// A fixed-point integer as a decimal: 2400 with 3 decimals -> "2.4", 50 with 2 -> "0.5", 7 with 0 -> "7".
std::string scaled_text(long long value, int decimals);
// A decimal read exactly (no floating point) as a fixed-point integer: "2.4" with 3 decimals -> 2400.
// Commas and spaces (thousands separators) are ignored; signs, exponents, more than `decimals`
// fraction digits and overflow give nullopt.
std::optional<long long> parse_scaled(std::string_view text, int decimals);
// Case-insensitive ASCII comparison.
bool iequals(std::string_view a, std::string_view b);
// A name kept in Korean and English, as a reader sees it: the English one on English pages where there is
// one, else the Korean (a workshop's, a piece's title).
inline std::string in_language(bool english, const std::string& ko, const std::string& en) {
  return english && !en.empty() ? en : ko;
}

}  // namespace brilliant
