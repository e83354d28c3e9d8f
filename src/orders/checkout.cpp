#include "orders/checkout.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"

namespace brilliant::orders {
namespace {

Result<std::string> text_field(const std::string& value, const char* field, size_t max_chars, bool required) {
  if (!valid_utf8(value))
    return Error::invalid(field, "text_invalid", std::string(field) + " is not valid UTF-8");
  std::string out(trim(value));
  if (required && out.empty()) return Error::invalid(field, "required", std::string(field) + " is required");
  for (unsigned char c : out)
    if (c < 0x20 || c == 0x7f)
      return Error::invalid(field, "text_invalid", std::string(field) + " may not hold control characters");
  if (utf8_length(out) > max_chars)
    return Error::invalid(
        field, "too_long",
        std::string(field) + " may have at most " + std::to_string(max_chars) + " characters");
  return out;
}

}  // namespace

std::optional<std::string> waybill_number(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9')
      digits += c;
    else if (c != '-' && c != ' ')
      return std::nullopt;
  }
  if (digits.size() < 8 || digits.size() > 14) return std::nullopt;
  return digits;
}

std::optional<std::string> korean_phone(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9')
      digits += c;
    else if (c != '-' && c != ' ')
      return std::nullopt;
  }
  if (digits.size() < 9 || digits.size() > 11 || digits[0] != '0') return std::nullopt;
  const size_t head = digits.starts_with("02") ? 2 : 3;
  const size_t tail = 4, middle = digits.size() - head - tail;
  return digits.substr(0, head) + "-" + digits.substr(head, middle) + "-" + digits.substr(head + middle);
}

Result<Address> check_address(const Address& in) {
  Address out;
  out.recipient = TRY(text_field(in.recipient, "recipient", 40, true));
  out.address = TRY(text_field(in.address, "address", 200, true));
  out.address_detail = TRY(text_field(in.address_detail, "address_detail", 100, false));
  out.note = TRY(text_field(in.note, "note", 200, false));

  auto phone = korean_phone(in.phone);
  if (!phone)
    return Error::invalid("phone", "phone_invalid",
                          "phone must be a Korean number such as 010-1234-5678 (digits, hyphens, spaces)");
  out.phone = *phone;

  const std::string postcode(trim(in.postcode));
  if (postcode.size() != 5 || postcode.find_first_not_of("0123456789") != std::string::npos)
    return Error::invalid("postcode", "postcode_invalid", "postcode must be the five-digit Korean postcode");
  out.postcode = postcode;
  return out;
}

bool business_number_valid(std::string_view d) {
  if (d.size() != 10 || d.find_first_not_of("0123456789") != std::string_view::npos) return false;
  constexpr int weights[] = {1, 3, 7, 1, 3, 7, 1, 3, 5};
  int sum = 0;
  for (size_t i = 0; i < 9; ++i) sum += (d[i] - '0') * weights[i];
  sum += (d[8] - '0') * 5 / 10;
  return (10 - sum % 10) % 10 == d[9] - '0';
}

Result<TransferDetails> check_transfer(const TransferDetails& in) {
  TransferDetails out;
  out.depositor = TRY(text_field(in.depositor, "depositor", 20, false));
  out.cash_receipt = std::string(trim(in.cash_receipt));
  if (out.cash_receipt == "none") out.cash_receipt.clear();
  if (!out.cash_receipt.empty() && out.cash_receipt != "income" && out.cash_receipt != "expense")
    return Error::invalid("cash_receipt", "cash_receipt_invalid",
                          "cash_receipt must be none, income (소득공제) or expense (지출증빙)");
  if (out.cash_receipt.empty()) return out;
  std::string digits;
  for (char c : trim(in.cash_receipt_id))
    if (c >= '0' && c <= '9')
      digits += c;
    else if (c != '-' && c != ' ')
      digits = "x";
  if (out.cash_receipt == "expense") {
    if (!business_number_valid(digits))
      return Error::invalid("cash_receipt_id", "business_number_invalid",
                            "cash_receipt_id must be a business registration number such as 123-45-67890");
    out.cash_receipt_id = digits.substr(0, 3) + "-" + digits.substr(3, 2) + "-" + digits.substr(5);
  } else if (auto phone = korean_phone(digits); phone && digits.starts_with("01")) {
    out.cash_receipt_id = *phone;
  } else if (digits.size() >= 13 && digits.size() <= 19 && digits.find('x') == std::string::npos) {
    out.cash_receipt_id = digits;
  } else {
    return Error::invalid(
        "cash_receipt_id", "cash_receipt_id_invalid",
        "cash_receipt_id must be a mobile number (010-1234-5678) or a cash-receipt card number");
  }
  return out;
}

bool remote_postcode(const std::string& postcode) {
  if (postcode.size() != 5 || postcode.find_first_not_of("0123456789") != std::string::npos) return false;
  const int code = std::stoi(postcode);
  struct Range {
    int from, to;
  };
  // Jeju (63000-63644), Ulleung-do (40200-40240) and Ongjin's islands off Incheon (23100-23136). Other
  // island postcodes are not listed yet (noted in docs/decisions/005).
  static constexpr Range ranges[] = {{63000, 63644}, {40200, 40240}, {23100, 23136}};
  for (const auto& r : ranges)
    if (code >= r.from && code <= r.to) return true;
  return false;
}

OrderPlan plan_order(const std::vector<PlannedLine>& lines, const vendors::ShippingRules& rules,
                     bool remote_area) {
  OrderPlan plan;
  for (size_t i = 0; i < lines.size(); ++i) {
    PlannedParcel* parcel = nullptr;
    for (auto& p : plan.parcels)
      if (p.workshop_id == lines[i].workshop_id) parcel = &p;
    if (!parcel) {
      plan.parcels.push_back({.workshop_id = lines[i].workshop_id});
      parcel = &plan.parcels.back();
    }
    parcel->lines.push_back(i);
    parcel->subtotal += line_total(lines[i].line);
  }
  for (auto& p : plan.parcels) {
    p.shipping_fee = vendors::shipping_fee(rules, p.subtotal, remote_area);
    plan.subtotal += p.subtotal;
    plan.shipping_fee += p.shipping_fee;
  }
  plan.total = plan.subtotal + plan.shipping_fee;
  return plan;
}

Attribution attribution_from(std::string_view cookie) {
  Attribution out;
  std::string* parts[] = {&out.source, &out.medium, &out.campaign, &out.content};
  size_t i = 0;
  for (std::string_view rest = cookie; i < 4; ++i) {
    const auto bar = rest.find('|');
    const std::string_view part = rest.substr(0, bar);
    const bool token =
        !part.empty() && part.size() <= 60 && std::all_of(part.begin(), part.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
        });
    if (token) *parts[i] = std::string(part);
    if (bar == std::string_view::npos) break;
    rest = rest.substr(bar + 1);
  }
  return out;
}

Result<void> apply_discount(OrderPlan& plan, PlanDiscount discount) {
  size_t line_count = 0;
  for (const auto& p : plan.parcels) line_count += p.lines.size();
  if (discount.lines.size() != line_count || discount.shipping.size() != plan.parcels.size())
    return Error::conflict("coupon_code", "coupon_stale", "the coupon was worked out for another cart");
  plan.discount = 0;
  for (size_t i = 0; i < plan.parcels.size(); ++i) {
    auto& p = plan.parcels[i];
    p.shipping_discount = std::clamp(discount.shipping[i], 0LL, p.shipping_fee);
    p.discount = p.shipping_discount;
    for (size_t line : p.lines) p.discount += std::max(discount.lines[line], 0LL);
    p.discount = std::min(p.discount, p.subtotal + p.shipping_fee);
    plan.discount += p.discount;
  }
  plan.total = plan.subtotal + plan.shipping_fee - plan.discount;
  plan.coupon = std::move(discount);
  return {};
}

std::string order_number(std::string_view seoul_day, std::string_view random_part) {
  // "2026-11-26" -> "261126"
  std::string day;
  for (char c : seoul_day.substr(2))
    if (c != '-') day += c;
  return "BR-" + day + "-" + std::string(random_part);
}

bool looks_like_order_number(std::string_view text) {
  if (text.size() != 18 || !text.starts_with("BR-") || text[9] != '-') return false;
  for (size_t i = 3; i < 9; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  for (char c : text.substr(10))
    if (order_alphabet.find(c) == std::string_view::npos) return false;
  return true;
}

}  // namespace brilliant::orders
