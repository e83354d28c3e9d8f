#include "payments/views.hpp"

#include <boost/json.hpp>

#include "catalog/views.hpp"
#include "core/clock.hpp"

namespace brilliant::payments {
namespace json = boost::json;

json::object account_json(const Payment& p, const std::string& locale) {
  std::string bank(p.bank_code);
  for (const auto& b : account_banks)
    if (b.code == p.bank_code) bank = locale == "en" ? b.name_en : b.name_ko;
  // Toss writes "2026-12-03T23:59:59+09:00" (Seoul time): shown as "2026-12-03 23:59".
  const std::string due =
      p.due_date.size() >= 16 ? p.due_date.substr(0, 10) + " " + p.due_date.substr(11, 5) : p.due_date;
  return {{"number", p.account_number},
          {"bank_code", p.bank_code},
          {"bank", bank},
          {"holder", p.account_holder},
          {"due", due},
          {"waiting", p.status == PaymentStatus::waiting_for_deposit}};
}

json::object payment_json(const Payment& p, const std::string& locale, const Messages& t) {
  // Only money that was taken can go back: a failed or expired attempt refunded nothing.
  const bool took = holds_money(p.status) || p.status == PaymentStatus::canceled;
  const long long refunded = took ? p.amount - p.balance : 0;
  json::object out{{"order_id", p.provider_order_id},
                   {"order", p.order_number},
                   {"provider", p.provider},
                   {"status", to_string(p.status)},
                   {"status_text", t("payments.status." + to_string(p.status))},
                   {"method", p.method},
                   {"amount", p.amount},
                   {"amount_text", catalog::format_won(p.amount, locale)},
                   {"balance", p.balance},
                   {"balance_text", catalog::format_won(p.balance, locale)},
                   {"refunded", refunded},
                   {"refunded_text", catalog::format_won(refunded, locale)},
                   {"has_refund", refunded > 0},
                   {"holds_money", holds_money(p.status)},
                   {"approved_at", p.approved_at},
                   {"created_at", p.created_at}};
  if (p.is_account()) out["account"] = account_json(p, locale);
  return out;
}

json::object payment_json(const Payment& p, const std::vector<PaymentEvent>& events,
                          const std::string& locale, const Messages& t, bool with_answers) {
  auto out = payment_json(p, locale, t);
  json::array list;
  for (const auto& e : events) {
    json::object o{
        {"kind", e.kind},    {"from", e.from_status}, {"to", e.to_status},  {"http_status", e.http_status},
        {"code", e.code},    {"message", e.message},  {"amount", e.amount}, {"actor", e.actor},
        {"at", e.created_at}};
    if (with_answers) o["answer"] = e.answer;
    list.push_back(std::move(o));
  }
  out["events"] = std::move(list);
  return out;
}

json::object window_json(const Window& w) {
  json::object out{{"client_key", w.client_key},       {"order_id", w.order_id},
                   {"order_name", w.order_name},       {"amount", w.amount},
                   {"customer_name", w.customer_name}, {"customer_email", w.customer_email},
                   {"success_url", w.success_url},     {"fail_url", w.fail_url},
                   {"test_mode", w.test_mode}};
  if (!w.window_url.empty()) out["window_url"] = w.stand_in_url();
  return out;
}

}  // namespace brilliant::payments
