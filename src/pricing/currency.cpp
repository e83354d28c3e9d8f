#include "pricing/currency.hpp"

#include <map>

#include "core/text.hpp"

namespace brilliant::pricing {
namespace {

const std::map<std::string, std::string, std::less<>> symbols = {
    {"USD", "US$"}, {"HKD", "HK$"}, {"CNY", "CN¥"}, {"JPY", "¥"}, {"THB", "฿"},
    {"EUR", "€"},   {"SGD", "S$"},  {"TWD", "NT$"}, {"VND", "₫"}, {"GBP", "£"}};

}  // namespace

bool whole_units(std::string_view currency) {
  return currency == "KRW" || currency == "JPY" || currency == "TWD" || currency == "VND";
}

std::string foreign_price(long long won, std::string_view currency, long long won_x1000) {
  if (currency == "KRW") return "₩" + thousands(won);
  if (won_x1000 <= 0) return "";
  const auto it = symbols.find(currency);
  const std::string symbol = it == symbols.end() ? std::string(currency) + " " : it->second;
  if (whole_units(currency)) return symbol + thousands((won * 1000 + won_x1000 / 2) / won_x1000);
  const long long cents = (won * 100000 + won_x1000 / 2) / won_x1000;
  const std::string minor = std::to_string(100 + cents % 100).substr(1);
  return symbol + thousands(cents / 100) + "." + minor;
}

}  // namespace brilliant::pricing
