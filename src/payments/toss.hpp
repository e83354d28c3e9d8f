// Toss Payments' public v1 API over libcurl: Basic auth with the secret key (from the config, never in
// the repository), JSON bodies, an Idempotency-Key on every POST, a timeout on every call.
#pragma once
#include <string>

#include "payments/provider.hpp"

namespace brilliant::payments {

struct TossSettings {
  std::string api_url = "https://api.tosspayments.com";
  std::string client_key;  // test_ck_... / live_ck_...: opens the payment window in the browser
  std::string secret_key;  // test_sk_... / live_sk_...: the server's calls
  // Empty: the browser opens Toss's own window with its JS SDK. A URL: a stand-in window that takes the
  // same parameters as a query (tests and `make run`'s demo, tests/fake_toss/server.mjs).
  std::string window_url;
  int timeout_seconds = 10;

  bool enabled() const { return !client_key.empty() && !secret_key.empty(); }
  bool test_mode() const { return client_key.starts_with("test_"); }
};

// Reads an HTTP answer of the API: a Payment object on 2xx, { code, message } on 4xx; unreachable on
// 5xx, 0 (no answer) or a body that is not what the API documents.
Answer parse_answer(int http_status, const std::string& body);

class TossClient final : public Provider {
 public:
  explicit TossClient(TossSettings settings) : settings_(std::move(settings)) {}

  Answer confirm(const std::string& payment_key, const std::string& order_id, long long amount,
                 const std::string& idempotency_key) override;
  Answer cancel(const std::string& payment_key, const std::string& reason, long long amount,
                const std::string& idempotency_key, const RefundAccount& to = {}) override;
  Answer by_key(const std::string& payment_key) override;
  Answer by_order(const std::string& order_id) override;
  Answer issue_account(const AccountRequest& request, const std::string& idempotency_key) override;

 private:
  Answer call(const std::string& method, const std::string& path, const std::string& body,
              const std::string& idempotency_key);
  TossSettings settings_;
};

}  // namespace brilliant::payments
