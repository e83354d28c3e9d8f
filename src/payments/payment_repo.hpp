// The payments' SQL (migration 023). Only the payments service calls it, inside its transactions.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/fwd.hpp"
#include "payments/payment.hpp"

namespace brilliant::payments::repo {

// A new attempt for the order (ready), numbered after its earlier ones.
Payment insert(soci::session& sql, long long order_id, const std::string& order_number, long long amount,
               const std::string& at);
std::optional<Payment> by_provider_order(soci::session& sql, const std::string& provider_order_id);
std::vector<Payment> of_order(soci::session& sql, long long order_id);
// Payments in this state updated at or before `before` (reconciliation; times are whole seconds, so at
// start a payment written in the same second as the restart is still found).
std::vector<Payment> stuck(soci::session& sql, const std::string& status, const std::string& before);

// Moves the payment when it is still in `from` (false when another request moved it first).
bool move(soci::session& sql, const Payment& p, PaymentStatus from, const std::string& at);
// A ready attempt becomes a virtual account waiting for its deposit (false when it was not ready).
bool set_account(soci::session& sql, const Payment& p, const std::string& secret_hash, const std::string& at);
// The SHA-256 (hex) of the secret the account's deposit callbacks must carry; "" for a card payment.
std::string secret_hash(soci::session& sql, long long payment_id);
void record(soci::session& sql, long long payment_id, const PaymentEvent& e, long long actor_id,
            const std::string& at);
std::vector<PaymentEvent> events(soci::session& sql, long long payment_id);

}  // namespace brilliant::payments::repo
