// Small pieces the payments service's files share: a recorded transition from a provider's answer, a
// refusal of our own in the answer's shape, an order's name as Korean shops write it, and a typed refund
// account read for the provider.
#pragma once
#include <string>
#include <string_view>

#include "orders/order.hpp"
#include "payments/payment.hpp"
#include "payments/provider.hpp"

namespace brilliant::payments {

PaymentEvent event_of(const std::string& kind, const Answer& a, PaymentStatus from, PaymentStatus to,
                      long long amount);
// A refusal the shop decides (not the provider's), recorded like the provider's answers.
Answer our_refusal(const std::string& code, const std::string& message);
// "달빛 반지 외 2건" (the first line's title and how many more), at most 100 bytes.
std::string order_name(const orders::Order& o);
// The account a shopper typed for a refund ("국민은행 123401-04-567890 김보석") as the provider takes it:
// the bank's two-digit code, the number's digits and the holder (the last word); empty when no bank or
// no number of at least 6 digits can be read.
RefundAccount refund_account_of(std::string_view typed);

}  // namespace brilliant::payments
