#include "web/i18n.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/text.hpp"

namespace brilliant::web {
namespace json = boost::json;
namespace {

json::object load(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  auto value = json::parse(text.str(), ec);
  if (ec || !value.is_object()) throw std::runtime_error(file.string() + ": not a JSON object");
  return value.as_object();
}

void collect_keys(const json::object& obj, const std::string& prefix, std::vector<std::string>& out) {
  for (const auto& [key, value] : obj) {
    std::string full = prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
    if (value.is_object())
      collect_keys(value.as_object(), full, out);
    else
      out.push_back(full);
  }
}

}  // namespace

I18n::I18n(const std::filesystem::path& dir) : ko_(load(dir / "ko.json")), en_(load(dir / "en.json")) {
  std::vector<std::string> ko_keys, en_keys;
  collect_keys(ko_, "", ko_keys);
  collect_keys(en_, "", en_keys);
  std::sort(ko_keys.begin(), ko_keys.end());
  std::sort(en_keys.begin(), en_keys.end());
  if (ko_keys != en_keys) {
    std::vector<std::string> diff;
    std::set_symmetric_difference(ko_keys.begin(), ko_keys.end(), en_keys.begin(), en_keys.end(),
                                  std::back_inserter(diff));
    throw std::runtime_error("locale catalogs differ, e.g. key " + diff.front());
  }
}

const json::object& I18n::messages(std::string_view locale) const { return locale == "en" ? en_ : ko_; }

std::string I18n::text(std::string_view locale, std::string_view key) const {
  const json::object* obj = &messages(locale);
  std::string_view rest = key;
  while (true) {
    auto dot = rest.find('.');
    auto it = obj->find(rest.substr(0, dot));
    if (it == obj->end()) return std::string(key);
    if (dot == std::string_view::npos)
      return it->value().is_string() ? std::string(it->value().get_string()) : std::string(key);
    if (!it->value().is_object()) return std::string(key);
    obj = &it->value().get_object();
    rest.remove_prefix(dot + 1);
  }
}

std::string negotiate_locale(std::string_view cookie, std::string_view accept_language) {
  if (cookie == "en" || cookie == "ko") return std::string(cookie);
  // RFC 9110 §12.5.4: language-range [;q=weight], comma separated; highest weight wins.
  double best_q = -1;
  std::string best = "ko";
  while (!accept_language.empty()) {
    auto comma = accept_language.find(',');
    auto item = trim(accept_language.substr(0, comma));
    auto semi = item.find(';');
    auto tag = ascii_lower(trim(item.substr(0, semi)));
    double q = 1.0;
    if (semi != std::string_view::npos) {
      auto params = trim(item.substr(semi + 1));
      if (params.starts_with("q=")) q = std::atof(std::string(params.substr(2)).c_str());
    }
    std::string lang = tag.substr(0, tag.find('-'));
    if ((lang == "ko" || lang == "en") && q > best_q) {
      best_q = q;
      best = lang;
    }
    if (comma == std::string_view::npos) break;
    accept_language.remove_prefix(comma + 1);
  }
  return best;
}

}  // namespace brilliant::web
