// Personal data in orders under PIPA (issue 15): what is left of the recipient once an order only has to
// stand as the record of a contract and payment (E-Commerce Act: 5 years) — the name masked, the region
// of the address (for the delivery record), nothing else (phone, postcode, street, notes, a guest's
// email, a refund account erased). Pure rules here; the Orders members are in personal_data.cpp.
#pragma once
#include <string>
#include <string_view>

namespace brilliant::orders {

// "김지민" -> "김**", "Kim Jimin" -> "K********": the first letter kept, the rest starred (UTF-8 aware).
std::string reduced_name(std::string_view name);
// "전북 익산시 왕궁면 보석로 7" -> "전북 익산시": the first two words (the province and city).
std::string reduced_address(std::string_view address);

// How long a guest's order keeps its personal data: the E-Commerce Act's five years for contract and
// payment records.
inline constexpr int guest_retention_days = 5 * 365 + 1;

}  // namespace brilliant::orders
