#include "marketing/dashboard.hpp"

#include <algorithm>
#include <chrono>

#include "core/clock.hpp"

namespace brilliant::marketing {
namespace {

long long largest(const std::vector<std::pair<std::string, long long>>& values) {
  long long top = 1;
  for (const auto& [key, value] : values) top = std::max(top, value);
  return top;
}

// A value's length in a chart whose longest bar is `full` units: a small value still shows (1 unit).
long long scaled(long long value, long long full, long long top) {
  return value > 0 ? std::max(1LL, value * full / top) : 0;
}

}  // namespace

std::vector<Bar> day_bars(const std::vector<std::pair<std::string, long long>>& daily, long long width,
                          long long height) {
  std::vector<Bar> out;
  if (daily.empty()) return out;
  const long long step = width / static_cast<long long>(daily.size());
  const long long gap = std::max(1LL, step / 5), top = largest(daily);
  for (size_t i = 0; i < daily.size(); ++i) {
    Bar b;
    b.label = daily[i].first;
    b.value = daily[i].second;
    b.height = scaled(b.value, height, top);
    b.x = static_cast<long long>(i) * step;
    b.y = height - b.height;
    b.width = std::max(1LL, step - gap);
    out.push_back(std::move(b));
  }
  return out;
}

std::vector<Bar> share_bars(const std::vector<std::pair<std::string, long long>>& values, long long width,
                            long long row) {
  std::vector<Bar> out;
  const long long top = largest(values);
  for (size_t i = 0; i < values.size(); ++i) {
    Bar b;
    b.label = values[i].first;
    b.value = values[i].second;
    b.width = scaled(b.value, width, top);
    b.percent = scaled(b.value, 100, top);
    b.y = static_cast<long long>(i) * row;
    b.height = row * 2 / 3;
    out.push_back(std::move(b));
  }
  return out;
}

std::vector<double> funnel_steps(const Funnel& f) {
  const auto step = [](long long part, long long whole) {
    return whole > 0 ? static_cast<double>(1000 * part / whole) / 10.0 : 0.0;
  };
  return {step(f.carts, f.views), step(f.placed, f.carts), step(f.paid, f.placed)};
}

std::vector<std::string> days_between(const std::string& first, const std::string& last) {
  std::vector<std::string> out;
  TimePoint day, end;
  if (!parse_utc(first + "T00:00:00Z", day) || !parse_utc(last + "T00:00:00Z", end)) return out;
  for (; day <= end && out.size() < 400; day += std::chrono::hours(24))
    out.push_back(format_utc(day).substr(0, 10));
  return out;
}

std::vector<Traffic> traffic_of(const std::map<std::string, long long>& visits,
                                const std::vector<Share>& channels) {
  std::map<std::string, Traffic> by_source;
  for (const auto& [source, n] : visits) by_source[source] = {source, n};
  for (const auto& c : channels) {
    auto& t = by_source[c.key];
    t.source = c.key;
    t.orders = c.orders;
    t.revenue = c.revenue;
  }
  std::vector<Traffic> out;
  for (auto& [source, t] : by_source) {
    t.conversion = t.visits ? static_cast<double>(1000 * t.orders / t.visits) / 10.0 : 0.0;
    out.push_back(t);
  }
  std::stable_sort(out.begin(), out.end(), [](const Traffic& a, const Traffic& b) {
    return a.visits != b.visits ? a.visits > b.visits : a.revenue > b.revenue;
  });
  return out;
}

}  // namespace brilliant::marketing
