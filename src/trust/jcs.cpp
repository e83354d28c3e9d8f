#include "trust/jcs.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <boost/json/basic_parser_impl.hpp>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

namespace brilliant::trust {
namespace json = boost::json;
namespace {

// UTF-8 (valid, as Boost.JSON keeps it) to UTF-16 code units, for RFC 8785 §3.2.3's member order.
std::u16string utf16(std::string_view s) {
  std::u16string out;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    char32_t cp = c;
    size_t n = 1;
    if (c >= 0xF0) {
      cp = c & 0x07;
      n = 4;
    } else if (c >= 0xE0) {
      cp = c & 0x0F;
      n = 3;
    } else if (c >= 0xC0) {
      cp = c & 0x1F;
      n = 2;
    }
    for (size_t k = 1; k < n && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return out;
}

void put_string(std::string& out, std::string_view s) {
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

Result<void> put(std::string& out, const json::value& v) {
  switch (v.kind()) {
    case json::kind::null:
      out += "null";
      return {};
    case json::kind::bool_:
      out += v.get_bool() ? "true" : "false";
      return {};
    case json::kind::int64:
      out += es_number(static_cast<double>(v.get_int64()));
      return {};
    case json::kind::uint64:
      out += es_number(static_cast<double>(v.get_uint64()));
      return {};
    case json::kind::double_:
      if (!std::isfinite(v.get_double()))
        return Error::invalid("json", "number_not_finite", "JSON has no NaN or infinity");
      out += es_number(v.get_double());
      return {};
    case json::kind::string:
      put_string(out, v.get_string());
      return {};
    case json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& item : v.get_array()) {
        if (!first) out += ',';
        first = false;
        TRY(put(out, item));
      }
      out += ']';
      return {};
    }
    case json::kind::object: {
      std::vector<std::pair<std::u16string, const json::key_value_pair*>> members;
      for (const auto& m : v.get_object()) members.emplace_back(utf16(m.key()), &m);
      std::sort(members.begin(), members.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      out += '{';
      bool first = true;
      for (const auto& [key, m] : members) {
        if (!first) out += ',';
        first = false;
        put_string(out, m->key());
        out += ':';
        TRY(put(out, m->value()));
      }
      out += '}';
      return {};
    }
  }
  return {};
}

// Builds values as boost::json::parser does, but reads doubles from their text with std::from_chars
// (correctly rounded), not Boost's fast path.
struct ExactHandler {
  static constexpr std::size_t max_array_size = -1;
  static constexpr std::size_t max_object_size = -1;
  static constexpr std::size_t max_string_size = -1;
  static constexpr std::size_t max_key_size = -1;
  json::value_stack st;
  std::string number;

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_array_begin(json::error_code&) { return true; }
  bool on_array_end(std::size_t n, json::error_code&) {
    st.push_array(n);
    return true;
  }
  bool on_object_begin(json::error_code&) { return true; }
  bool on_object_end(std::size_t n, json::error_code&) {
    st.push_object(n);
    return true;
  }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
    st.push_chars(s);
    return true;
  }
  bool on_string(json::string_view s, std::size_t, json::error_code&) {
    st.push_string(s);
    return true;
  }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    st.push_chars(s);
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code&) {
    st.push_key(s);
    return true;
  }
  bool on_number_part(json::string_view s, json::error_code&) {
    number.append(s.data(), s.size());
    return true;
  }
  bool on_int64(std::int64_t i, json::string_view, json::error_code&) {
    number.clear();
    st.push_int64(i);
    return true;
  }
  bool on_uint64(std::uint64_t u, json::string_view, json::error_code&) {
    number.clear();
    st.push_uint64(u);
    return true;
  }
  bool on_double(double d, json::string_view s, json::error_code&) {
    number.append(s.data(), s.size());
    double exact = d;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), exact);
    number.clear();
    st.push_double(ec == std::errc() ? exact : d);
    return true;
  }
  bool on_bool(bool b, json::error_code&) {
    st.push_bool(b);
    return true;
  }
  bool on_null(json::error_code&) {
    st.push_null();
    return true;
  }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }
};

}  // namespace

Result<json::value> parse_json_exact(std::string_view text) {
  json::basic_parser<ExactHandler> parser(json::parse_options{});
  parser.handler().st.reset();
  json::error_code ec;
  const auto used = parser.write_some(false, text.data(), text.size(), ec);
  if (ec || used != text.size())
    return Error::invalid("json", "json_invalid", "not JSON (at byte " + std::to_string(used) + ")");
  return parser.handler().st.release();
}

std::string es_number(double value) {
  if (value == 0) return "0";  // and -0
  std::string sign = value < 0 ? "-" : "";
  // The shortest digits that read back as the same double (as ECMAScript requires), with their exponent.
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::fabs(value), std::chars_format::scientific);
  const std::string sci(buf, end);  // "d.ddde+XX"
  const auto e_at = sci.find('e');
  std::string digits = sci.substr(0, e_at);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  const int k = static_cast<int>(digits.size());
  const int n = std::stoi(sci.substr(e_at + 1)) + 1;  // value = 0.digits x 10^n
  if (k <= n && n <= 21) return sign + digits + std::string(static_cast<size_t>(n - k), '0');
  if (0 < n && n <= 21) return sign + digits.substr(0, n) + "." + digits.substr(n);
  if (-6 < n && n <= 0) return sign + "0." + std::string(static_cast<size_t>(-n), '0') + digits;
  const int exp = n - 1;
  return sign + digits.substr(0, 1) + (k > 1 ? "." + digits.substr(1) : "") + "e" + (exp >= 0 ? "+" : "-") +
         std::to_string(std::abs(exp));
}

Result<std::string> canonical_json(const json::value& value) {
  std::string out;
  TRY(put(out, value));
  return out;
}

}  // namespace brilliant::trust
