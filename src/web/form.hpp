// Parsed application/x-www-form-urlencoded data (query strings and form bodies), decoded by Boost.URL.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace brilliant::web {

class Form {
 public:
  Form() = default;
  explicit Form(std::vector<std::pair<std::string, std::string>> fields) : fields_(std::move(fields)) {}

  // First value of a field; empty when absent.
  std::string get(std::string_view name) const;
  std::optional<std::string> find(std::string_view name) const;
  std::vector<std::string> all(std::string_view name) const;
  bool has(std::string_view name) const { return find(name).has_value(); }
  // False when a key or value is not valid UTF-8 or the input was not well-formed.
  bool valid() const { return valid_; }
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  friend Form parse_form(const std::string& encoded);
  std::vector<std::pair<std::string, std::string>> fields_;
  bool valid_ = true;
};

// Parses "a=1&b=x+y%20z": '+' is a space; malformed escapes mark the form invalid, never throw.
// Takes a std::string because Boost.URL 1.81's parse_query reads its input up to a NUL
// (impl/parse_query.ipp builds a string_view from the bare pointer): found by tests/fuzz/form_fuzz.
Form parse_form(const std::string& encoded);
// Percent-decodes a URL path; nullopt when malformed or not UTF-8.
std::optional<std::string> decode_path(std::string_view encoded);
// Encodes a value for a query string.
std::string url_encode(std::string_view value);

}  // namespace brilliant::web
