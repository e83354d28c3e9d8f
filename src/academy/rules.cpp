#include "academy/rules.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace brilliant::academy {
namespace {
constexpr std::array<std::string_view, 5> codes = {"copy", "photos", "live", "campaign", "coupon"};
}  // namespace

std::string_view task_code(Task task) { return codes[static_cast<size_t>(task)]; }

std::optional<Task> task_of(std::string_view code) {
  for (size_t i = 0; i < codes.size(); ++i)
    if (codes[i] == code) return static_cast<Task>(i);
  return std::nullopt;
}

Result<std::vector<Task>> parse_tasks(std::string_view text) {
  std::vector<Task> out;
  for (std::string_view rest = text; !rest.empty();) {
    const auto space = rest.find_first_of(" ,\n");
    const auto word = trim(rest.substr(0, space));
    rest = space == std::string_view::npos ? "" : rest.substr(space + 1);
    if (word.empty()) continue;
    const auto task = task_of(word);
    if (!task)
      return Error::invalid(
          "tasks", "task_unknown",
          "tasks: unknown task '" + std::string(word) + "' (copy, photos, live, campaign or coupon)");
    if (std::find(out.begin(), out.end(), *task) == out.end()) out.push_back(*task);
  }
  return out;
}

std::string tasks_text(const std::vector<Task>& tasks) {
  std::string out;
  for (const auto t : tasks) out += (out.empty() ? "" : " ") + std::string(task_code(t));
  return out;
}

std::string product_slug_of(std::string_view path) {
  for (std::string_view prefix : {"/api/v1/console/products/", "/console/products/"}) {
    const auto at = path.find(prefix);
    if (at == std::string_view::npos) continue;
    auto rest = path.substr(at + prefix.size());
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos || slash == 0) return "";
    return std::string(rest.substr(0, slash));
  }
  return "";
}

bool rehearsal_counts(const std::string& started_at, const std::string& ended_at, int pinned) {
  TimePoint start, end;
  if (pinned < 1 || !parse_utc(started_at, start) || !parse_utc(ended_at, end)) return false;
  return end - start >= std::chrono::seconds(rehearsal_seconds);
}

int Progress::done() const {
  int n = 0;
  for (const auto& t : tasks) n += t.done ? 1 : 0;
  return n;
}

int Progress::percent() const {
  const int steps = 1 + static_cast<int>(tasks.size());
  return (100 * ((attended ? 1 : 0) + done())) / steps;
}

std::string_view seat_for(int capacity, int taken) { return taken < capacity ? "enrolled" : "waiting"; }

bool reminder_due(const std::string& starts_at, TimePoint now) {
  TimePoint start;
  if (!parse_utc(starts_at, start)) return false;
  return start > now && start - now <= std::chrono::hours(24);
}

Result<std::string> seoul_input_to_utc(const std::string& field, const std::string& text) {
  TimePoint t;
  if (!parse_seoul_input(std::string(trim(text)), t))
    return Error::invalid(field, field + "_invalid",
                          field + " must be a date and time such as 2026-12-10T14:00 (Seoul)");
  return format_utc(t);
}

}  // namespace brilliant::academy
