// Parsed application/x-www-form-urlencoded data (query strings and form bodies), decoded by Boost.URL.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

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
  // False when the input was not well-formed, or a key or value is not valid UTF-8 or holds what no
  // person types (safe_text_input: NUL and other controls, bidi overrides).
  bool valid() const { return valid_; }
  // The first field that made the form invalid; empty when the input as a whole was malformed.
  const std::string& invalid_field() const { return invalid_field_; }
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  friend Form parse_form(const std::string& encoded);
  std::vector<std::pair<std::string, std::string>> fields_;
  bool valid_ = true;
  std::string invalid_field_;
};

// Parses "a=1&b=x+y%20z": '+' is a space; malformed escapes mark the form invalid, never throw.
// Takes a std::string because Boost.URL 1.81's parse_query reads its input up to a NUL
// (impl/parse_query.ipp builds a string_view from the bare pointer): found by tests/fuzz/form_fuzz.
Form parse_form(const std::string& encoded);
// Percent-decodes a URL path; nullopt when malformed or not UTF-8.
std::optional<std::string> decode_path(std::string_view encoded);
// Encodes a value for a query string.
std::string url_encode(std::string_view value);

// One page of a list of `total` things, `per_page` to a page: things [first, end) of page `page` of
// `pages` (at least 1). The page asked for is the query's `page` field, 1-based, the first when absent;
// beyond the last (the list has shrunk since the link was made) is the last. Not a whole number from 1:
// an error naming the field.
struct PageWindow {
  long long page = 1, pages = 1;
  size_t first = 0, end = 0;
};
Result<PageWindow> page_window(const Form& query, size_t total, size_t per_page);

}  // namespace brilliant::web
