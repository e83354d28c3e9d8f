#include "core/text.hpp"

#include <cstdlib>

#include <charconv>

#include <cstdint>

namespace brilliant {

bool valid_utf8(std::string_view text) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<uint8_t>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else
      return false;
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<uint8_t>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr uint32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

std::string markup_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (auto& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view text) {
  const auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
  };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

size_t utf8_length(std::string_view text) {
  size_t count = 0;
  for (char ch : text)
    if ((static_cast<uint8_t>(ch) & 0xC0) != 0x80) ++count;
  return count;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string thousands(long long value) {
  const std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out = value < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string scaled_text(long long value, int decimals) {
  long long unit = 1;
  for (int i = 0; i < decimals; ++i) unit *= 10;
  std::string out = (value < 0 ? "-" : "") + std::to_string(std::llabs(value) / unit);
  if (decimals == 0) return out;
  auto frac = std::to_string(std::llabs(value) % unit);
  frac = std::string(static_cast<size_t>(decimals) - frac.size(), '0') + frac;
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  return frac.empty() ? out : out + "." + frac;
}

std::optional<long long> parse_scaled(std::string_view text, int decimals) {
  std::string digits;
  for (char c : text)
    if (c != ',' && c != ' ') digits.push_back(c);
  if (digits.empty()) return std::nullopt;
  const auto dot = digits.find('.');
  std::string whole = digits.substr(0, dot), frac = dot == std::string::npos ? "" : digits.substr(dot + 1);
  if (frac.size() > static_cast<size_t>(decimals) || (whole.empty() && frac.empty())) return std::nullopt;
  frac += std::string(static_cast<size_t>(decimals) - frac.size(), '0');
  const auto all = (whole.empty() ? "0" : whole) + frac;
  long long value = 0;
  auto [end, ec] = std::from_chars(all.data(), all.data() + all.size(), value);
  if (ec != std::errc() || end != all.data() + all.size() || value < 0) return std::nullopt;
  return value;
}

bool safe_text_input(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto ch = static_cast<unsigned char>(text[i]);
    if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7f) return false;
    if (ch == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xa0) return false;
    if (ch == 0xe2 && i + 2 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]), b2 = static_cast<unsigned char>(text[i + 2]);
      if (b1 == 0x80 && b2 >= 0xaa && b2 <= 0xae) return false;  // U+202A..U+202E
      if (b1 == 0x81 && b2 >= 0xa6 && b2 <= 0xa9) return false;  // U+2066..U+2069
    }
  }
  return true;
}

bool single_line(std::string_view text) { return text.find_first_of("\t\r\n") == std::string_view::npos; }

std::string_view utf8_prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80) --end;  // a continuation byte
  return text.substr(0, end);
}

char32_t utf8_code_point_at(std::string_view text, size_t i) {
  const auto b = [&](size_t k) {
    return i + k < text.size() ? static_cast<char32_t>(static_cast<unsigned char>(text[i + k])) : char32_t{0};
  };
  if (b(0) < 0x80) return b(0);
  if (b(0) < 0xe0) return ((b(0) & 0x1f) << 6) | (b(1) & 0x3f);
  if (b(0) < 0xf0) return ((b(0) & 0x0f) << 12) | ((b(1) & 0x3f) << 6) | (b(2) & 0x3f);
  return ((b(0) & 0x07) << 18) | ((b(1) & 0x3f) << 12) | ((b(2) & 0x3f) << 6) | (b(3) & 0x3f);
}

std::u32string utf8_decode(std::string_view text) {
  std::u32string out;
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80) out += utf8_code_point_at(text, i);
  return out;
}

namespace {

// Code points that belong to the grapheme before them (UAX #29's Extend, ZWJ and Hangul V/T jamo, in
// the ranges a shop's texts meet): a cut never falls just before one.
bool extends_grapheme(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff) ||
         (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp == 0x200d ||
         (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

}  // namespace

std::string utf8_shorten(std::string_view text, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xc0) == 0x80 || extends_grapheme(utf8_code_point_at(text, i)))
      continue;
    if (chars++ == max_chars) return std::string(trim(text.substr(0, i))) + "…";
  }
  return std::string(text);
}

std::string clean_file_name(const std::string& raw, const std::string& fallback) {
  const auto slash = raw.find_last_of("/\\");
  std::string out;
  for (char c : raw.substr(slash == std::string::npos ? 0 : slash + 1))
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out.push_back(c);
  if (out.empty() || !valid_utf8(out)) return fallback;
  return std::string(utf8_prefix(out, 120));
}

}  // namespace brilliant
