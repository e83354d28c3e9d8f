#include "marketing/customers.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "core/text.hpp"

namespace brilliant::marketing {
namespace {

constexpr double day_seconds = 24 * 60 * 60;
constexpr double default_gap_days = 120;  // a jewelry shopper's rhythm when nobody has bought twice yet
constexpr double min_gap_days = 30;       // orders days apart are one shopping spree, not a monthly habit

double days_between(const std::string& from_utc, TimePoint to) {
  TimePoint from;
  if (!parse_utc(from_utc, from)) return 0;
  return std::chrono::duration<double>(to - from).count() / day_seconds;
}

// 1-5 by percentile rank among the values (the lowest 1, the highest 5; ties share the lower rank's
// score; a lone value 3).
std::vector<int> quintiles(const std::vector<double>& values) {
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
  std::vector<int> out(values.size(), 0);
  const size_t n = values.size();
  for (size_t rank = 0; rank < n; ++rank) {
    size_t first = rank;  // the first of the ties
    while (first > 0 && values[order[first - 1]] == values[order[rank]]) --first;
    out[order[rank]] = n == 1 ? 3 : 1 + std::min(4, static_cast<int>(5 * first / (n - 1)));
  }
  return out;
}

std::string group_of(const CustomerScore& s, size_t orders) {
  if (orders == 0) return "prospect";
  if (s.recency >= 4 && s.frequency >= 4 && s.monetary >= 4) return "champions";
  if (s.recency >= 3 && s.frequency >= 4) return "loyal";
  if (orders == 1 && s.recency >= 4) return "new";
  if (s.recency >= 4) return "promising";
  if (s.recency <= 2 && (s.frequency >= 3 || s.monetary >= 4)) return "at_risk";
  if (s.recency <= 2) return "hibernating";
  return "needs_attention";
}

// The mean days between a customer's paid orders (0 with fewer than two).
double mean_gap(const std::vector<std::string>& paid_at) {
  if (paid_at.size() < 2) return 0;
  TimePoint first, last;
  if (!parse_utc(paid_at.front(), first) || !parse_utc(paid_at.back(), last)) return 0;
  return std::chrono::duration<double>(last - first).count() / day_seconds / double(paid_at.size() - 1);
}

constexpr std::array<std::string_view, 7> ops = {">=", "<=", "!=", "=", ">", "<", "=="};
constexpr std::array<std::string_view, 5> numeric_fields = {"orders", "spent", "ltv", "days_since", "churn"};
constexpr std::array<std::string_view, 8> groups = {
    "champions", "loyal", "new", "promising", "at_risk", "hibernating", "prospect", "needs_attention"};

bool compare(double left, const std::string& op, double right) {
  if (op == "=") return left == right;
  if (op == "!=") return left != right;
  if (op == "<") return left < right;
  if (op == "<=") return left <= right;
  if (op == ">") return left > right;
  return left >= right;
}

}  // namespace

std::vector<CustomerScore> score_customers(const std::vector<CustomerFacts>& customers, TimePoint now) {
  std::vector<CustomerScore> out(customers.size());
  std::vector<size_t> buyers;
  std::vector<double> freshness, frequency, money, gaps;
  for (size_t i = 0; i < customers.size(); ++i) {
    const auto& c = customers[i];
    if (c.paid_at.empty()) continue;
    buyers.push_back(i);
    const double since = days_between(c.paid_at.back(), now);
    out[i].days_since = static_cast<int>(std::max(0.0, since));
    freshness.push_back(-since);  // more recent: higher
    frequency.push_back(double(c.paid_at.size()));
    money.push_back(double(c.spent));
    if (const double g = mean_gap(c.paid_at); g > 0) gaps.push_back(g);
  }
  // Everyone's rhythm when they have one of their own; else the median of those who do.
  double population_gap = default_gap_days;
  if (!gaps.empty()) {
    std::nth_element(gaps.begin(), gaps.begin() + long(gaps.size() / 2), gaps.end());
    population_gap = std::max(min_gap_days, gaps[gaps.size() / 2]);
  }
  const auto r = quintiles(freshness), f = quintiles(frequency), m = quintiles(money);
  for (size_t k = 0; k < buyers.size(); ++k) {
    auto& s = out[buyers[k]];
    const auto& c = customers[buyers[k]];
    s.recency = r[k];
    s.frequency = f[k];
    s.monetary = m[k];
    const double own = mean_gap(c.paid_at);
    const double gap = std::max(min_gap_days, own > 0 ? own : population_gap);
    // Away for one usual gap: an even chance they have lapsed; the longer, the likelier (x / (1 + x)).
    const double away = s.days_since / gap;
    s.churn_percent = std::min(99, static_cast<int>(std::lround(100 * away / (1 + away))));
    const double average = double(c.spent) / double(c.paid_at.size());
    const double next_year = average * (365.0 / gap) * (1.0 - s.churn_percent / 100.0);
    s.ltv = c.spent + std::llround(next_year);
  }
  for (size_t i = 0; i < customers.size(); ++i) out[i].group = group_of(out[i], customers[i].paid_at.size());
  return out;
}

Result<std::vector<Condition>> parse_rules(const std::string& text) {
  std::vector<Condition> rules;
  int line_no = 0;
  std::string normalized = text;
  std::replace(normalized.begin(), normalized.end(), ';', '\n');
  for (std::string_view rest = normalized; !rest.empty();) {
    const auto end = rest.find('\n');
    const std::string line(trim(rest.substr(0, end)));
    rest = end == std::string_view::npos ? "" : rest.substr(end + 1);
    ++line_no;
    if (line.empty()) continue;
    const auto where = "line " + std::to_string(line_no) + " (" + utf8_shorten(line, 40) + "): ";
    size_t at = std::string::npos;
    std::string_view op;
    for (auto candidate : ops)
      if (auto p = line.find(candidate);
          p != std::string::npos &&
          (at == std::string::npos || p < at || (p == at && candidate.size() > op.size()))) {
        at = p;
        op = candidate;
      }
    if (at == std::string::npos)
      return Error::invalid("rules", "rules_invalid", where + "write a field, an operator and a value");
    Condition c{ascii_lower(trim(line.substr(0, at))), op == "==" ? "=" : std::string(op),
                ascii_lower(trim(line.substr(at + op.size())))};
    if (c.value.empty()) return Error::invalid("rules", "rules_invalid", where + "a value is missing");
    const bool numeric =
        std::find(numeric_fields.begin(), numeric_fields.end(), c.field) != numeric_fields.end() ||
        c.field == "within_days" || c.field == "views" || c.field == "viewed_days";
    const bool named = c.field == "metal" || c.field == "category" || c.field == "group" ||
                       c.field == "viewed_category" || c.field == "viewed_metal";
    if (c.field == "marketing") {
      if (c.op != "=" || (c.value != "yes" && c.value != "no"))
        return Error::invalid("rules", "rules_invalid", where + "marketing = yes or marketing = no");
    } else if (named) {
      if (c.op != "=" && c.op != "!=")
        return Error::invalid("rules", "rules_invalid", where + c.field + " takes = or !=");
      if (c.field == "group" && std::find(groups.begin(), groups.end(), c.value) == groups.end())
        return Error::invalid("rules", "rules_invalid",
                              where +
                                  "a group is champions, loyal, new, promising, at_risk, hibernating, "
                                  "needs_attention or prospect");
    } else if (numeric) {
      std::string digits;
      for (char ch : c.value)
        if (ch != ',') digits += ch;
      const bool number =
          !digits.empty() && digits.size() <= 15 &&
          std::all_of(digits.begin(), digits.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      if (!number)
        return Error::invalid("rules", "rules_invalid", where + "the value must be a whole number");
      if ((c.field == "within_days" || c.field == "viewed_days") && c.op != "=" && c.op != "<=")
        return Error::invalid("rules", "rules_invalid", where + c.field + " = N (the last N days)");
      c.value = digits;
    } else {
      return Error::invalid("rules", "rules_invalid",
                            where +
                                "unknown field; use metal, category, within_days, group, marketing, "
                                "orders, spent, ltv, days_since, churn, viewed_category, viewed_metal, views "
                                "or viewed_days");
    }
    rules.push_back(std::move(c));
  }
  if (rules.size() > 20) return Error::invalid("rules", "rules_invalid", "at most 20 conditions");
  return rules;
}

namespace {

// How often the customer looked at pieces of the kinds the rules' viewed_category and viewed_metal
// "=" conditions name, within viewed_days (`only`: that one condition alone, to ask "never viewed").
long long views_of(const std::vector<Condition>& rules, const CustomerFacts& facts, TimePoint now,
                   const Condition* only = nullptr) {
  std::string since;
  for (const auto& c : rules)
    if (c.field == "viewed_days")
      since = format_seoul(now - std::chrono::hours(24) * std::stoll(c.value)).substr(0, 10);
  long long n = 0;
  for (const auto& v : facts.viewed) {
    if (v.day < since) continue;
    bool kind = true;
    for (const auto& c : rules) {
      if (only ? &c != only : c.op != "=") continue;
      if (c.field == "viewed_category") kind = kind && v.category == c.value;
      if (c.field == "viewed_metal") kind = kind && v.metal == c.value;
    }
    if (kind) n += v.views;
  }
  return n;
}

}  // namespace

bool uses_views(const std::vector<Condition>& rules) {
  return std::any_of(rules.begin(), rules.end(),
                     [](const Condition& c) { return c.field.starts_with("view"); });
}

bool matches(const std::vector<Condition>& rules, const CustomerFacts& facts, const CustomerScore& score,
             TimePoint now) {
  double window = -1;  // within_days: only pieces bought in the window count for metal and category
  for (const auto& c : rules)
    if (c.field == "within_days") window = std::stod(c.value);
  const auto in_window = [&](const std::string& paid_at) {
    return window < 0 || days_between(paid_at, now) <= window;
  };
  for (const auto& c : rules) {
    bool ok = true;
    if (c.field == "metal" || c.field == "category") {
      const bool any = std::any_of(facts.bought.begin(), facts.bought.end(), [&](const Bought& b) {
        return (c.field == "metal" ? b.metal : b.category) == c.value && in_window(b.paid_at);
      });
      ok = c.op == "=" ? any : !any;
    } else if (c.field == "viewed_category" || c.field == "viewed_metal") {
      ok = c.op == "=" ? views_of(rules, facts, now) > 0 : views_of(rules, facts, now, &c) == 0;
    } else if (c.field == "views") {
      ok = compare(double(views_of(rules, facts, now)), c.op, std::stod(c.value));
    } else if (c.field == "viewed_days") {
      ok = true;  // scopes the views
    } else if (c.field == "within_days") {
      ok = !facts.paid_at.empty() && in_window(facts.paid_at.back());
    } else if (c.field == "group") {
      ok = (score.group == c.value) == (c.op == "=");
    } else if (c.field == "marketing") {
      ok = facts.marketing == (c.value == "yes");
    } else {
      const double right = std::stod(c.value);
      double left = 0;
      if (c.field == "orders") left = double(facts.paid_at.size());
      if (c.field == "spent") left = double(facts.spent);
      if (c.field == "ltv") left = double(score.ltv);
      if (c.field == "churn") left = score.churn_percent;
      if (c.field == "days_since") {
        if (score.days_since < 0) return false;  // never bought: no days since
        left = score.days_since;
      }
      ok = compare(left, c.op, right);
    }
    if (!ok) return false;
  }
  return true;
}

std::vector<size_t> members_of(const std::vector<Condition>& rules,
                               const std::vector<CustomerFacts>& customers,
                               const std::vector<CustomerScore>& scores, TimePoint now) {
  std::vector<size_t> out;
  for (size_t i = 0; i < customers.size(); ++i)
    if (matches(rules, customers[i], scores[i], now)) out.push_back(i);
  std::stable_sort(out.begin(), out.end(), [&](size_t a, size_t b) { return scores[a].ltv > scores[b].ltv; });
  return out;
}

}  // namespace brilliant::marketing
