// The joint brand's settings, kept by the operator (/operator/brand): the brand's name in both
// languages, its colours, commission rates and shipping fee rules. Commission is resolved by the most
// specific rate: a workshop's rate for a category, then the workshop's rate, then the category's rate,
// then the default.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace brilliant::vendors {

struct CommissionRate {
  long long workshop_id = 0;  // 0: any workshop
  std::string category;       // empty: any category
  int rate_bp = 0;            // basis points of the sale (1250 = 12.5 %)
};

// The rate for a sale of a piece of this category by this workshop; nullopt when no rate applies
// (not even a default).
std::optional<int> commission_bp(const std::vector<CommissionRate>& rates, long long workshop_id,
                                 const std::string& category);
// Commission in won on a sale, rounded half up to the won.
long long commission_won(long long sale_won, int rate_bp);

struct ShippingRules {
  long long fee = 3000;               // won per workshop parcel
  long long free_over = 50000;        // a workshop's parcel ships free from this subtotal (0: never)
  long long remote_surcharge = 3000;  // Jeju and other islands
};
// The fee for one workshop's parcel.
long long shipping_fee(const ShippingRules& rules, long long subtotal_won, bool remote_area);

struct BrandSettings {
  std::string name_ko = "Brilliant", name_en = "Brilliant";
  std::string colour_primary = "#1d1b22", colour_accent = "#b08a3e";
  ShippingRules shipping;
  std::vector<CommissionRate> rates;  // includes the default (workshop 0, no category)
  std::string logo_hash;              // blob of the logo (a PNG), empty for the drawn mark; set apart
  // How long a guest's unpaid order holds its stock (an unverified email should not hold pieces for
  // the three days an account's order may wait): 10 minutes to 3 days.
  long long guest_hold_minutes = 60;
  // Search synonyms, one a line: "커플링 = 커플 반지" (catalog/query_words.hpp reads them).
  std::string search_synonyms = "커플링 = 커플 반지\n다이야 = 다이아몬드\n";
};

// "#1a2b3c" only (six hex digits): colours go into the page's CSS.
bool valid_colour(const std::string& text);
// WCAG contrast ratio of two "#rrggbb" colours (1 to 21).
double contrast_ratio(const std::string& a, const std::string& b);
// The accent darkened (mixed with black) just enough that small text in it reads on the lightest
// backgrounds the pages put it on (4.5:1 against the soft gold #f3e9d2, WCAG AA).
std::string readable_accent(const std::string& accent);
// Checks names, colours, fees and rates (0-50 %), one rate per scope. Errors name the field.
Result<void> check_brand(const BrandSettings& settings);

}  // namespace brilliant::vendors
