// Won shown in another currency, at a rate kept as pricing keeps it (won for one unit, times 1,000): the
// storefront's "about US$257.82" beside a price, and an exhibition's line sheet in the fair's currency.
#pragma once
#include <string>
#include <string_view>

namespace brilliant::pricing {

// Whether a currency is written without minor units (KRW, JPY, TWD, VND).
bool whole_units(std::string_view currency);

// won in the currency at `won_x1000`, rounded half up, grouped in thousands: "US$1,000.00", "HK$679.89",
// "¥13,043", "CN¥1,853.30", "€242.95"; a currency without a symbol here by its code, "CHF 80.00";
// "₩1,234,000" for KRW (no rate needed); empty for a rate of 0 or less.
std::string foreign_price(long long won, std::string_view currency, long long won_x1000);

}  // namespace brilliant::pricing
