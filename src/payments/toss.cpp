#include "payments/toss.hpp"

#include <sodium.h>

#include <boost/json.hpp>
#include <memory>

#include "core/outbound.hpp"

namespace brilliant::payments {
namespace json = boost::json;

namespace {

std::string text_of(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
}
long long number_of(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end()) return 0;
  if (it->value().is_int64()) return it->value().as_int64();
  if (it->value().is_double()) return static_cast<long long>(it->value().as_double());
  return 0;
}

std::string basic_auth(const std::string& secret_key) {
  const std::string plain = secret_key + ":";
  std::string out(sodium_base64_ENCODED_LEN(plain.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(plain.data()),
                    plain.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return "Authorization: Basic " + out;
}

// Path segments the shop sends are its own ids and Toss's keys: letters, digits, '-' and '_' only.
std::string segment(const std::string& text) {
  std::string out;
  for (char c : text)
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') out += c;
  return out;
}

}  // namespace

Answer parse_answer(int http_status, const std::string& body) {
  Answer a;
  a.http_status = http_status;
  a.raw = body;
  boost::system::error_code ec;
  auto value = json::parse(body, ec);
  if (http_status == 0 || http_status >= 500 || ec || !value.is_object()) {
    a.kind = Answer::Kind::unreachable;
    if (!ec && value.is_object()) {
      a.code = text_of(value.as_object(), "code");
      a.message = text_of(value.as_object(), "message");
    }
    return a;
  }
  const auto& o = value.as_object();
  if (http_status >= 400) {
    a.kind = Answer::Kind::refused;
    a.code = text_of(o, "code");
    a.message = text_of(o, "message");
    return a;
  }
  a.payment = {text_of(o, "paymentKey"),     text_of(o, "orderId"),    text_of(o, "status"),
               text_of(o, "method"),         text_of(o, "approvedAt"), number_of(o, "totalAmount"),
               number_of(o, "balanceAmount")};
  a.payment.secret = text_of(o, "secret");
  if (const auto* account = o.if_contains("virtualAccount"); account && account->is_object()) {
    const auto& v = account->as_object();
    a.payment.account_number = text_of(v, "accountNumber");
    a.payment.bank_code = text_of(v, "bankCode");
    a.payment.account_holder = text_of(v, "customerName");
    a.payment.due_date = text_of(v, "dueDate");
  }
  a.kind = a.payment.payment_key.empty() || a.payment.status.empty() ? Answer::Kind::unreachable
                                                                     : Answer::Kind::ok;
  return a;
}

Answer TossClient::call(const std::string& method, const std::string& path, const std::string& body,
                        const std::string& idempotency_key) {
  OutboundRequest request{method,
                          settings_.api_url + path,
                          {basic_auth(settings_.secret_key), "Content-Type: application/json"},
                          method == "POST" ? body : std::string(),
                          settings_.timeout_seconds};
  if (!idempotency_key.empty()) request.headers.push_back("Idempotency-Key: " + idempotency_key);
  const auto answer = send(request);
  return parse_answer(answer.status, answer.body);
}

Answer TossClient::confirm(const std::string& payment_key, const std::string& order_id, long long amount,
                           const std::string& idempotency_key) {
  json::object body{{"paymentKey", payment_key}, {"orderId", order_id}, {"amount", amount}};
  return call("POST", "/v1/payments/confirm", json::serialize(body), idempotency_key);
}

Answer TossClient::cancel(const std::string& payment_key, const std::string& reason, long long amount,
                          const std::string& idempotency_key, const RefundAccount& to) {
  json::object body{{"cancelReason", reason}};
  if (amount > 0) body["cancelAmount"] = amount;
  if (!to.empty())
    body["refundReceiveAccount"] =
        json::object{{"bank", to.bank}, {"accountNumber", to.number}, {"holderName", to.holder}};
  return call("POST", "/v1/payments/" + segment(payment_key) + "/cancel", json::serialize(body),
              idempotency_key);
}

Answer TossClient::by_key(const std::string& payment_key) {
  return call("GET", "/v1/payments/" + segment(payment_key), "", "");
}

Answer TossClient::by_order(const std::string& order_id) {
  return call("GET", "/v1/payments/orders/" + segment(order_id), "", "");
}

Answer TossClient::issue_account(const AccountRequest& r, const std::string& idempotency_key) {
  json::object body{{"amount", r.amount},
                    {"orderId", r.order_id},
                    {"orderName", r.order_name},
                    {"customerName", r.customer_name},
                    {"bank", r.bank},
                    {"validHours", r.valid_hours}};
  if (!r.customer_email.empty()) body["customerEmail"] = r.customer_email;
  if (!r.cash_receipt_type.empty())
    body["cashReceipt"] =
        json::object{{"type", r.cash_receipt_type}, {"registrationNumber", r.cash_receipt_number}};
  return call("POST", "/v1/virtual-accounts", json::serialize(body), idempotency_key);
}

}  // namespace brilliant::payments
