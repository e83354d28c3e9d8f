// Korean and English message catalogs (locales/ko.json, locales/en.json), loaded once.
// Locale choice for a request: "/en/..." in the URL, then the "lang" cookie, then Accept-Language;
// Korean is the default.
#pragma once
#include <boost/json/object.hpp>
#include <filesystem>
#include <string>
#include <string_view>

namespace brilliant::web {

struct Request;

class I18n {
 public:
  // Throws std::runtime_error when a catalog is missing or malformed, or the catalogs' keys differ.
  explicit I18n(const std::filesystem::path& dir);

  // All messages of a locale, nested as in the file, for templates ({{t.account.login}}).
  const boost::json::object& messages(std::string_view locale) const;
  // One message by dotted key; the key itself when missing.
  std::string text(std::string_view locale, std::string_view key) const;

 private:
  boost::json::object ko_;
  boost::json::object en_;
};

inline constexpr std::string_view locales[] = {"ko", "en"};

// Picks "ko" or "en" from the cookie value and Accept-Language header (q-values honoured).
std::string negotiate_locale(std::string_view cookie, std::string_view accept_language);

}  // namespace brilliant::web
