// Delivery's rules (pure): tracking links from the operator's per-carrier URL templates, the carriers'
// status exports, and when a delivered parcel's purchase is confirmed by itself.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace brilliant::orders {

// A delivered parcel is purchase-confirmed (구매확정) this many days after delivery unless its shopper
// confirmed it earlier (returns are asked for within the 7 days the law gives, from delivery).
inline constexpr int auto_confirm_days = 8;

// The carrier's tracking page for a waybill: the template with {tracking} replaced ("" without a
// template or without the placeholder). Templates must be http(s) addresses.
std::string tracking_url(std::string_view url_template, std::string_view tracking);
// Checks a template the operator typed: empty, or an https:// or http:// address holding {tracking}.
Result<std::string> check_tracking_template(std::string_view text);

// One row of a carrier's status export that says a parcel was delivered.
struct DeliveredRow {
  int line = 0;
  std::string carrier;   // cj | post | hanjin | lotte | logen (as the shop names them)
  std::string tracking;  // digits
};
struct CarrierExport {
  std::vector<DeliveredRow> delivered;
  int other_rows = 0;                // rows with another status (in transit...)
  std::vector<std::string> refused;  // "line 4: no waybill number", ...
};
// Reads a carrier status CSV: a header naming the carrier (택배사), the waybill (운송장번호, tracking,
// waybill) and the status (배송상태, status) columns in any order; a status of 배송완료, 배달완료,
// delivered or DELIVERED means delivered. Carriers by their code or Korean name (CJ대한통운, 우체국택배,
// 한진택배, 롯데택배, 로젠택배). Errors name "file" (no such columns, not CSV).
Result<CarrierExport> read_carrier_export(std::string_view csv);
// The shop's code for a carrier's name or code ("CJ대한통운" -> "cj"), or "".
std::string carrier_code(std::string_view name);

}  // namespace brilliant::orders
