#include "payments/deposit_views.hpp"

#include <boost/json.hpp>

#include "catalog/views.hpp"
#include "core/clock.hpp"

namespace brilliant::payments {
namespace json = boost::json;

namespace {

json::object candidate_json(const Candidate& c, const orders::Order& o, const std::string& locale,
                            const Messages& t) {
  const std::string why = c.number_typed ? "number" : std::string(name_of(c.name));
  return {{"number", o.number},
          {"url", (locale == "en" ? "/en" : "") + std::string("/orders/") + o.number},
          {"total", o.total},
          {"total_text", catalog::format_won(o.total, locale)},
          {"customer", o.customer_name},
          {"recipient", o.address.recipient},
          {"depositor", o.transfer.depositor},
          {"placed_at", format_seoul(o.created_at)},
          {"pay_by", format_seoul(o.pay_by)},
          {"why", why},
          {"why_text", t("deposits.why." + why)},
          {"name_match", name_of(c.name)},
          {"number_typed", c.number_typed}};
}

}  // namespace

json::object deposit_json(const Deposit& d, const std::string& locale, const Messages& t) {
  json::object out{{"id", d.id},
                   {"statement_id", d.statement_id},
                   {"line", d.line},
                   {"deposited_at", d.at},
                   {"depositor", d.depositor},
                   {"memo", d.memo},
                   {"amount", d.amount},
                   {"amount_text", catalog::format_won(d.amount, locale)},
                   {"status", d.status},
                   {"status_text", t("deposits.status." + d.status)}};
  if (!d.order_number.empty()) out["order"] = d.order_number;
  if (d.status != "open") {
    out["decided_at"] = format_seoul(d.decided_at);
    out["decided_by"] = d.decided_by;
  }
  if (!d.note.empty()) out["note"] = d.note;
  return out;
}

json::object board_json(const DepositBoard& b, const std::string& locale, const Messages& t) {
  json::object groups{{"certain", json::array{}},
                      {"likely", json::array{}},
                      {"ambiguous", json::array{}},
                      {"none", json::array{}}};
  for (size_t i = 0; i < b.open.size(); ++i) {
    const auto& m = b.matches[i];
    auto item = deposit_json(b.open[i], locale, t);
    json::array candidates;
    for (const auto& c : m.candidates)
      candidates.push_back(candidate_json(c, b.orders.at(c.number), locale, t));
    item["confidence"] = name_of(m.confidence);
    item["candidates"] = std::move(candidates);
    groups.at(name_of(m.confidence)).as_array().push_back(std::move(item));
  }
  json::array decided, statements;
  for (const auto& d : b.decided) decided.push_back(deposit_json(d, locale, t));
  for (const auto& s : b.statements)
    statements.push_back({{"id", s.id},
                          {"file_name", s.file_name},
                          {"uploaded_at", format_seoul(s.uploaded_at)},
                          {"uploaded_by", s.uploaded_by},
                          {"deposits", s.rows_read},
                          {"deposits_new", s.deposits_new}});
  const auto count = [&](const char* g) { return static_cast<long long>(groups.at(g).as_array().size()); };
  return {{"unpaid_orders", b.unpaid_orders},   {"open", static_cast<long long>(b.open.size())},
          {"certain", count("certain")},        {"likely", count("likely")},
          {"ambiguous", count("ambiguous")},    {"unmatched", count("none")},
          {"groups", std::move(groups)},        {"decided", std::move(decided)},
          {"statements", std::move(statements)}};
}

json::object import_json(const DepositImport& i) {
  json::array refused;
  for (const auto& r : i.refused) refused.push_back(json::string(r));
  return {{"statement_id", i.statement_id},
          {"deposits_new", i.deposits_new},
          {"deposits_known", i.deposits_known},
          {"withdrawals", i.withdrawals},
          {"refused", std::move(refused)}};
}

}  // namespace brilliant::payments
