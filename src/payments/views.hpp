// Payments as JSON for pages and the API (the reader's language for the words).
#pragma once
#include <boost/json/object.hpp>
#include <functional>
#include <string>
#include <vector>

#include "payments/payment.hpp"
#include "payments/payments.hpp"

namespace brilliant::payments {

using Messages = std::function<std::string(const std::string& key)>;

// With "account" (number, bank, holder, due, waiting) when the payment is a virtual account.
boost::json::object payment_json(const Payment& p, const std::string& locale, const Messages& t);
// A virtual account: where to send the money and until when, the bank named in the reader's language.
boost::json::object account_json(const Payment& p, const std::string& locale);
// With its recorded transitions (the provider's answers left out: they are for the operator's API).
boost::json::object payment_json(const Payment& p, const std::vector<PaymentEvent>& events,
                                 const std::string& locale, const Messages& t, bool with_answers);
boost::json::object window_json(const Window& w);

}  // namespace brilliant::payments
