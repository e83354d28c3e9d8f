#include "orders/returns_rules.hpp"

#include <algorithm>
#include <array>
#include <chrono>

namespace brilliant::orders {

namespace {

namespace chrono = std::chrono;  // not `using namespace`: it would reach every file of the unity batch

constexpr std::array holidays = {
    // 2025
    "2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-03-01", "2025-03-03", "2025-05-05",
    "2025-05-06", "2025-06-03", "2025-06-06", "2025-08-15", "2025-10-03", "2025-10-05", "2025-10-06",
    "2025-10-07", "2025-10-08", "2025-10-09", "2025-12-25",
    // 2026 (Seollal Feb 16-18; Buddha's birthday May 24 -> 25; local elections Jun 3; Chuseok Sep 24-26 ->
    // 28)
    "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-03-01", "2026-03-02", "2026-05-05",
    "2026-05-24", "2026-05-25", "2026-06-03", "2026-06-06", "2026-08-15", "2026-08-17", "2026-09-24",
    "2026-09-25", "2026-09-26", "2026-09-28", "2026-10-03", "2026-10-05", "2026-10-09", "2026-12-25",
    // 2027
    "2027-01-01", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-03-01", "2027-05-05",
    "2027-05-13", "2027-06-06", "2027-08-15", "2027-08-16", "2027-09-14", "2027-09-15", "2027-09-16",
    "2027-10-03", "2027-10-04", "2027-10-09", "2027-10-11", "2027-12-25", "2027-12-27"};

chrono::sys_days day_of(std::string_view d) {
  const int y = std::stoi(std::string(d.substr(0, 4))), m = std::stoi(std::string(d.substr(5, 2))),
            dd = std::stoi(std::string(d.substr(8, 2)));
  return chrono::sys_days(chrono::year{y} / chrono::month{static_cast<unsigned>(m)} /
                          chrono::day{static_cast<unsigned>(dd)});
}

std::string text_of(chrono::sys_days d) {
  const chrono::year_month_day ymd(d);
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return out;
}

// The Seoul day of a UTC time as stored.
chrono::sys_days seoul_day(const std::string& utc) { return day_of(format_seoul(utc).substr(0, 10)); }

// The UTC instant that ends a Seoul day (its next midnight, 15:00 UTC of the day).
std::string end_of_seoul_day(chrono::sys_days d) { return text_of(d) + "T15:00:00Z"; }

}  // namespace

Result<ReturnReason> return_reason(std::string_view name) {
  for (auto r : {ReturnReason::change_of_mind, ReturnReason::wrong_size, ReturnReason::defective,
                 ReturnReason::not_as_described, ReturnReason::wrong_item})
    if (name_of(r) == name) return r;
  return Error::invalid(
      "reason", "reason_invalid",
      "reason must be change_of_mind, wrong_size, defective, not_as_described or wrong_item");
}

std::string return_deadline(const std::string& delivered_utc, ReturnReason reason) {
  const auto delivered = seoul_day(delivered_utc);
  if (!sellers_fault(reason)) return end_of_seoul_day(delivered + chrono::days{7});
  const chrono::year_month_day ymd(delivered);
  auto later = ymd + chrono::months{3};
  if (!later.ok())
    later = later.year() / later.month() / chrono::last;  // Nov 30 + 3 months: the end of February
  return end_of_seoul_day(chrono::sys_days(later));
}

Result<void> may_return(const std::string& delivered_utc, ReturnReason reason, bool final_sale,
                        TimePoint now) {
  if (delivered_utc.empty())
    return Error::conflict("status", "not_delivered", "a return starts once the piece is delivered");
  if (final_sale && !sellers_fault(reason))
    return Error::rule_broken(
        "reason", "final_sale",
        "made-to-order and engraved pieces are not returned for a change of mind (agreed at "
        "checkout); a defect or a difference from the listing still is");
  const auto deadline = return_deadline(delivered_utc, reason);
  if (format_utc(now) >= deadline)
    return Error::rule_broken(
        "reason", "return_window_closed",
        "the window for this return closed at the end of " + deadline.substr(0, 10) + " (Seoul)" +
            (sellers_fault(reason) ? " (3 months from delivery)" : " (7 days from delivery)"));
  return {};
}

bool business_day(std::string_view d) {
  const chrono::weekday w(day_of(d));
  if (w == chrono::Saturday || w == chrono::Sunday) return false;
  for (auto h : holidays)
    if (d == h) return false;
  return true;
}

long long days_late(const std::string& due_day, const std::string& utc) {
  if (due_day.size() < 10 || utc.empty()) return 0;
  return std::max<long long>(0, (seoul_day(utc) - day_of(due_day)).count());
}

std::string add_business_days(const std::string& utc, int n) {
  auto d = seoul_day(utc);
  while (n > 0) {
    d += chrono::days{1};
    if (business_day(text_of(d))) --n;
  }
  return text_of(d);
}

}  // namespace brilliant::orders
