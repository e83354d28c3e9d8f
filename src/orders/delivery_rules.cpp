#include "orders/delivery_rules.hpp"

#include <algorithm>

#include "core/csv.hpp"
#include "core/text.hpp"
#include "orders/checkout.hpp"

namespace brilliant::orders {

namespace {

std::string lower(std::string_view text) {
  std::string out(trim(text));
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool is_one_of(const std::string& value, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), value) != names.end();
}

}  // namespace

std::string tracking_url(std::string_view url_template, std::string_view tracking) {
  const auto at = url_template.find("{tracking}");
  if (at == std::string_view::npos || tracking.empty()) return "";
  return std::string(url_template.substr(0, at)) + std::string(tracking) +
         std::string(url_template.substr(at + 10));
}

Result<std::string> check_tracking_template(std::string_view text) {
  const std::string t(trim(text));
  if (t.empty()) return t;
  if (!(t.starts_with("https://") || t.starts_with("http://")) || t.find("{tracking}") == std::string::npos ||
      t.size() > 500 || t.find_first_of(" \"<>\t\r\n") != std::string::npos)
    return Error::invalid(
        "tracking_url", "tracking_url_invalid",
        "a tracking address starts with https:// and holds {tracking} where the waybill goes");
  return t;
}

std::string carrier_code(std::string_view name) {
  const auto n = lower(name);
  for (auto code : carriers)
    if (n == code) return std::string(code);
  if (n.find("cj") != std::string::npos || n.find("대한통운") != std::string::npos) return "cj";
  if (n.find("우체국") != std::string::npos || n == "epost" || n == "korea post") return "post";
  if (n.find("한진") != std::string::npos) return "hanjin";
  if (n.find("롯데") != std::string::npos) return "lotte";
  if (n.find("로젠") != std::string::npos) return "logen";
  return "";
}

Result<CarrierExport> read_carrier_export(std::string_view csv) {
  auto rows = parse_csv(csv);
  if (!rows) return Error::invalid("file", rows.error().code, rows.error().message);
  if (rows->empty()) return Error::invalid("file", "file_empty", "the file has no rows");
  int carrier_col = -1, tracking_col = -1, status_col = -1;
  const auto& header = rows->front().fields;
  for (size_t i = 0; i < header.size(); ++i) {
    const auto h = lower(header[i]);
    if (is_one_of(h, {"carrier", "택배사", "courier"})) carrier_col = static_cast<int>(i);
    if (is_one_of(h, {"tracking", "waybill", "운송장번호", "송장번호"})) tracking_col = static_cast<int>(i);
    if (is_one_of(h, {"status", "배송상태", "상태"})) status_col = static_cast<int>(i);
  }
  if (carrier_col < 0 || tracking_col < 0 || status_col < 0)
    return Error::invalid("file", "columns_missing",
                          "the first row must name the columns carrier (택배사), tracking (운송장번호) and "
                          "status (배송상태)");
  CarrierExport out;
  for (size_t r = 1; r < rows->size(); ++r) {
    const auto& row = (*rows)[r];
    auto field = [&](int col) {
      return col < static_cast<int>(row.fields.size()) ? row.fields[col] : std::string();
    };
    if (std::all_of(row.fields.begin(), row.fields.end(),
                    [](const std::string& f) { return trim(f).empty(); }))
      continue;
    const auto status = lower(field(status_col));
    if (!is_one_of(status, {"배송완료", "배달완료", "delivered"})) {
      ++out.other_rows;
      continue;
    }
    const auto carrier = carrier_code(field(carrier_col));
    const auto tracking = waybill_number(field(tracking_col));
    if (carrier.empty())
      out.refused.push_back("line " + std::to_string(row.line) + ": unknown carrier " + field(carrier_col));
    else if (!tracking)
      out.refused.push_back("line " + std::to_string(row.line) + ": no waybill number");
    else
      out.delivered.push_back({row.line, carrier, *tracking});
  }
  return out;
}

}  // namespace brilliant::orders
