#include "web/form.hpp"

#include <boost/url/decode_view.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/parse_path.hpp>
#include <boost/url/parse_query.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <algorithm>
#include <charconv>

#include "core/text.hpp"

namespace brilliant::web {

std::string Form::get(std::string_view name) const {
  auto value = find(name);
  return value ? *value : std::string();
}

std::optional<std::string> Form::find(std::string_view name) const {
  for (const auto& [key, value] : fields_)
    if (key == name) return value;
  return std::nullopt;
}

std::vector<std::string> Form::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [key, value] : fields_)
    if (key == name) out.push_back(value);
  return out;
}

Form parse_form(const std::string& encoded) {
  Form form;
  if (encoded.empty()) return form;
  auto parsed = boost::urls::parse_query(encoded);
  if (!parsed) {
    form.valid_ = false;
    return form;
  }
  boost::urls::encoding_opts opts;
  opts.space_as_plus = true;
  for (auto param : *parsed) {
    std::string key, value;
    param.key.decode(opts, boost::urls::string_token::assign_to(key));
    if (param.has_value) param.value.decode(opts, boost::urls::string_token::assign_to(value));
    if (key.empty() && value.empty()) continue;
    const bool key_ok = valid_utf8(key) && safe_text_input(key) && single_line(key);
    if (form.valid_ && (!key_ok || !valid_utf8(value) || !safe_text_input(value))) {
      form.valid_ = false;
      if (key_ok) form.invalid_field_ = key;
    }
    form.fields_.emplace_back(std::move(key), std::move(value));
  }
  return form;
}

std::optional<std::string> decode_path(std::string_view encoded) {
  auto parsed = boost::urls::parse_path(encoded);
  if (!parsed) return std::nullopt;
  std::string out;
  out.reserve(encoded.size());
  out.push_back('/');
  bool first = true;
  boost::urls::encoding_opts opts;  // '+' stays '+' in paths
  for (auto segment : *parsed) {
    if (!first) out.push_back('/');
    first = false;
    for (char ch : boost::urls::decode_view(segment, opts)) out.push_back(ch);
  }
  if (!valid_utf8(out)) return std::nullopt;
  return out;
}

std::string url_encode(std::string_view value) {
  boost::urls::encoding_opts opts;
  return boost::urls::encode(value, boost::urls::unreserved_chars, opts);
}

Result<PageWindow> page_window(const Form& query, size_t total, size_t per_page) {
  PageWindow w;
  const auto text = query.get("page");
  if (!text.empty()) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), w.page);
    if (ec != std::errc() || end != text.data() + text.size() || w.page < 1)
      return Error::invalid("page", "number_invalid", "page must be a whole number from 1");
  }
  per_page = std::max<size_t>(per_page, 1);
  w.pages = std::max<long long>(1, static_cast<long long>((total + per_page - 1) / per_page));
  w.page = std::min(w.page, w.pages);
  w.first = std::min(total, static_cast<size_t>(w.page - 1) * per_page);
  w.end = std::min(total, w.first + per_page);
  return w;
}

}  // namespace brilliant::web
