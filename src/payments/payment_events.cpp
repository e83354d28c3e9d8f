#include "payments/payment_events.hpp"

#include "core/text.hpp"
#include "orders/ledger.hpp"

namespace brilliant::payments {

PaymentEvent event_of(const std::string& kind, const Answer& a, PaymentStatus from, PaymentStatus to,
                      long long amount) {
  PaymentEvent e;
  e.kind = kind;
  e.from_status = to_string(from);
  e.to_status = to_string(to);
  e.http_status = a.http_status;
  e.code = a.code;
  e.message = a.message;
  e.answer = a.raw;
  e.amount = amount;
  return e;
}

Answer our_refusal(const std::string& code, const std::string& message) {
  Answer a;
  a.kind = Answer::Kind::refused;
  a.code = code;
  a.message = message;
  return a;
}

// "달빛 반지 외 2건" (the first line's title and how many more), as Korean shops name an order.
std::string order_name(const orders::Order& o) {
  if (o.lines.empty()) return o.number;
  std::string name = o.lines.front().title_ko;
  if (o.lines.size() > 1) name += " 외 " + std::to_string(o.lines.size() - 1) + "건";
  return std::string(utf8_prefix(name, 100));  // never half a syllable
}

RefundAccount refund_account_of(std::string_view typed) {
  RefundAccount out;
  out.bank = orders::bank_code(typed);  // "004"; Toss writes the same code without its leading zero
  if (out.bank.size() == 3 && out.bank.front() == '0') out.bank.erase(0, 1);
  for (char c : typed)
    if (c >= '0' && c <= '9') out.number += c;
  const auto last = typed.find_last_of(' ');
  const auto holder = last == std::string_view::npos ? std::string_view() : typed.substr(last + 1);
  if (holder.find_first_of("0123456789-") == std::string_view::npos) out.holder = std::string(holder);
  if (out.bank.empty() || out.number.size() < 6) return {};
  return out;
}

}  // namespace brilliant::payments
