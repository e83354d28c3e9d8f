#include "payments/payment.hpp"

#include <array>

#include "orders/checkout.hpp"

namespace brilliant::payments {

namespace {
constexpr std::array all = {
    PaymentStatus::ready,   PaymentStatus::in_progress, PaymentStatus::waiting_for_deposit,
    PaymentStatus::done,    PaymentStatus::canceled,    PaymentStatus::partial_canceled,
    PaymentStatus::aborted, PaymentStatus::expired};
}

std::optional<PaymentStatus> payment_status(std::string_view name) {
  for (auto s : all)
    if (name_of(s) == name) return s;
  return std::nullopt;
}

std::optional<PaymentStatus> from_toss(std::string_view word) {
  for (auto s : all) {
    const auto name = name_of(s);
    if (name.size() != word.size()) continue;
    bool same = true;
    for (size_t i = 0; i < name.size() && same; ++i)
      same = name[i] == (word[i] >= 'A' && word[i] <= 'Z' ? static_cast<char>(word[i] - 'A' + 'a') : word[i]);
    if (same) return s;
  }
  return std::nullopt;
}

bool may_move(PaymentStatus from, PaymentStatus to) {
  using S = PaymentStatus;
  if (from == to) return false;
  switch (from) {
    case S::ready:  // the window may come back with anything; a lookup may find it done
      return to != S::canceled && to != S::partial_canceled;
    case S::in_progress:
      return to == S::done || to == S::aborted || to == S::expired || to == S::waiting_for_deposit;
    case S::waiting_for_deposit:
      return to == S::done || to == S::expired || to == S::canceled || to == S::aborted;
    case S::done:
      return to == S::canceled || to == S::partial_canceled;
    case S::partial_canceled:
      return to == S::canceled;
    case S::canceled:
    case S::aborted:
    case S::expired:
      return false;
  }
  return false;
}

std::string provider_order_id(const std::string& order_number, int attempt) {
  return order_number + "-" + std::to_string(attempt);
}

bool looks_like_provider_order_id(std::string_view text) {
  const auto dash = text.rfind('-');
  if (dash == std::string_view::npos || dash + 1 >= text.size() || text.size() - dash > 4) return false;
  for (char c : text.substr(dash + 1))
    if (c < '0' || c > '9') return false;
  return orders::looks_like_order_number(text.substr(0, dash));
}

}  // namespace brilliant::payments
