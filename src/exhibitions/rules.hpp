// Exhibition rules (issue 19), pure: what an exhibition must say, exchange rates, prices in a visitor's
// currency, and the line sheet's own words in its four languages (Korean, English, simplified Chinese,
// Japanese; the rest of the site speaks Korean and English).
#pragma once
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace brilliant::exhibitions {

inline constexpr const char* languages[] = {"ko", "en", "zh", "ja"};
bool known_language(std::string_view lang);

struct ExhibitionInput {
  std::string slug, name_ko, name_en, city, country, venue, booth, starts_on, ends_on, currency;
  long long cost = 0;  // won
};

// Trimmed and checked; errors name the field: slug (3-60 of a-z, 0-9, '-'), name_ko, name_en, city,
// country (two letters), starts_on / ends_on (YYYY-MM-DD, ends on or after it starts), currency (three
// letters), cost (0 or more). Country and currency come back upper-cased.
Result<ExhibitionInput> checked(ExhibitionInput in);

// The line sheet's words ("price", "wholesale", ...) in a language; the English word for an unknown one.
std::string label(std::string_view lang, std::string_view key);

}  // namespace brilliant::exhibitions
