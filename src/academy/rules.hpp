// The academy's rules (issue 13), pure: the practice tasks a course asks for and how each is recognised
// in what a trainee actually did with the real tools, seats and the waiting list, reminders, and what
// completes a course.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace brilliant::academy {

// Practice tasks, each checked on the real tools:
//   copy      published a piece's copy through the copy assistant, and the piece is on sale now;
//   photos    uploaded photos to a piece whose photos now all pass the photo coach;
//   live      ran a rehearsal (a private show): at least 5 minutes of stream with one piece pinned;
//   campaign  sent a campaign: as a test to themselves (a workshop's campaigns go only that way), or, the
//             hub's staff, to a segment;
//   coupon    made a coupon for their workshop.
enum class Task { copy, photos, live, campaign, coupon };
inline constexpr Task all_tasks[] = {Task::copy, Task::photos, Task::live, Task::campaign, Task::coupon};

std::string_view task_code(Task task);
std::optional<Task> task_of(std::string_view code);
// "copy photos": the kinds in order, each once; errors on field "tasks" name an unknown kind.
Result<std::vector<Task>> parse_tasks(std::string_view text);
std::string tasks_text(const std::vector<Task>& tasks);

// The piece a tool's path names: "/console/products/{slug}/copy" or "/api/v1/console/products/{slug}/
// photos" gives slug; empty otherwise.
std::string product_slug_of(std::string_view path);

// A rehearsal show counts when it streamed at least this long with at least one pinned piece.
inline constexpr int rehearsal_seconds = 300;
bool rehearsal_counts(const std::string& started_at, const std::string& ended_at, int pinned);

struct TaskStatus {
  Task task = Task::copy;
  bool done = false;
  std::string evidence;  // what showed it: a piece's slug, a show's title, a campaign's name
  std::string at;        // when (UTC)
};

struct Progress {
  bool enrolled = false;  // holds a seat in one of the course's sessions
  bool attended = false;  // checked in at one of them
  std::vector<TaskStatus> tasks;
  int done() const;
  int percent() const;  // attendance counts as one step, each task as one
  bool complete() const { return attended && done() == static_cast<int>(tasks.size()); }
};

// A new enrolment takes a seat while the session has one, otherwise waits.
std::string_view seat_for(int capacity, int taken);
// A session's reminders go out once, in the day before it starts.
bool reminder_due(const std::string& starts_at, TimePoint now);

// A field for a form: a session's start as typed ("2026-12-10T14:00", Seoul time) into UTC text.
Result<std::string> seoul_input_to_utc(const std::string& field, const std::string& text);

}  // namespace brilliant::academy
