// Small pieces the payments service's files share: a recorded transition from a provider's answer, a
// refusal of our own in the answer's shape, and an order's name as Korean shops write it.
#pragma once
#include <string>

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

}  // namespace brilliant::payments
