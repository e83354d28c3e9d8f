#include "studio/item.hpp"

#include <set>

#include <boost/json.hpp>
#include <cstdio>

#include "core/secret.hpp"
#include "trust/jcs.hpp"

namespace brilliant::studio {
namespace json = boost::json;

std::string to_string(Station station) {
  switch (station) {
    case Station::intake:
      return "intake";
    case Station::studio:
      return "studio";
    case Station::qa:
      return "qa";
    case Station::packing:
      return "packing";
    case Station::returns:
      return "returns";
    case Station::fair:
      return "fair";
  }
  return "intake";
}

std::optional<Station> station_of(const std::string& text) {
  for (auto s : all_stations)
    if (to_string(s) == text) return s;
  return std::nullopt;
}

const std::vector<std::string>& kinds_at(Station station) {
  static const std::vector<std::string> kinds[] = {
      {"received"},
      {"photographed"},
      {"qa_passed", "qa_failed"},
      {"packed", "shipped"},
      {"return_received", "inspected", "restocked", "returned_to_workshop"},
      {"sent_to_fair", "back_from_fair", "sold_at_fair"}};
  return kinds[static_cast<int>(station)];
}

bool kind_allowed(Station station, const std::string& kind) {
  for (const auto& k : kinds_at(station))
    if (k == kind) return true;
  return false;
}

std::string new_serial() { return printable_code("IT"); }
bool valid_serial(const std::string& text) { return is_printable_code(text, "IT"); }

Result<int> read_weight_cg(const std::string& text) {
  const auto bad =
      Error::invalid("weight", "weight_invalid", "weight is grams with at most two decimals, e.g. 3.25");
  const auto dot = text.find('.');
  const auto whole = text.substr(0, dot);
  const auto fraction = dot == std::string::npos ? std::string() : text.substr(dot + 1);
  if (whole.empty() || whole.size() > 5 || fraction.size() > 2) return bad;
  for (char c : whole + fraction)
    if (c < '0' || c > '9') return bad;
  const int cg =
      std::stoi(whole) * 100 + (fraction.empty() ? 0 : std::stoi(fraction) * (fraction.size() == 1 ? 10 : 1));
  if (cg < 1 || cg > 1'000'000)
    return Error::invalid("weight", "weight_out_of_range", "weight is 0.01 to 10,000 g");
  return cg;
}

bool weight_far_off(int weight_cg, long long expected_mg) {
  if (expected_mg <= 0) return false;
  const long long diff = static_cast<long long>(weight_cg) * 10 - expected_mg;
  return (diff < 0 ? -diff : diff) * 10 > expected_mg;
}

int stock_delta(const std::string& from, const std::string& to) {
  static const std::set<std::string> shelf{"received", "photographed", "qa_passed",
                                           "listed",   "restocked",    "back_from_fair"};
  if (to == "packed") return 0;
  return static_cast<int>(shelf.contains(to)) - static_cast<int>(shelf.contains(from));
}

std::string grams(int weight_cg) {
  char text[32];
  std::snprintf(text, sizeof text, "%d.%02d g", weight_cg / 100, weight_cg % 100);
  return text;
}

std::string event_entry(const Item& item, const std::string& kind, Station station, long long actor,
                        const std::string& at) {
  return trust::canonical_json(json::object{{"event", "item." + kind},
                                            {"serial", item.serial},
                                            {"station", to_string(station)},
                                            {"actor", actor},
                                            {"at", at}})
      .value();
}

std::string photo_entry(const std::string& serial, long long event_id, const std::string& view,
                        const std::string& sha256, const std::string& phash, const std::string& at) {
  return trust::canonical_json(json::object{{"event", "item.photo"},
                                            {"serial", serial},
                                            {"item_event", event_id},
                                            {"view", view},
                                            {"sha256", sha256},
                                            {"phash", phash},
                                            {"at", at}})
      .value();
}

}  // namespace brilliant::studio
