#include "app/backup_schedule.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <sstream>

#include "app/nodes_repo.hpp"

namespace brilliant::app {

namespace json = boost::json;

BackupSchedule::BackupSchedule(db::Database& database, ops::Places places, Config::Backups settings,
                               const Clock& clock, Claim claim)
    : database_(database),
      places_(std::move(places)),
      settings_(std::move(settings)),
      clock_(clock),
      claim_(std::move(claim)) {
  status_.configured = !settings_.dir.empty();
  // After a restart the newest snapshot on disk counts as the last one, so a restart does not back up again.
  adopt_newest_on_disk();
}

void BackupSchedule::adopt_newest_on_disk() {
  const auto newest = settings_.dir.empty() ? std::filesystem::path() : ops::snapshot_folder(settings_.dir);
  if (newest.empty()) return;
  auto manifest = ops::read_manifest(newest);
  if (!manifest || manifest->created_at <= status_.last_success_at) return;
  status_.last_attempt_at = status_.last_success_at = manifest->created_at;
  status_.last_ok = true;
  status_.error.clear();
  status_.folder = newest.string();
}

std::string backup_period_slot(TimePoint at, int every_hours) {
  const auto hours = std::chrono::duration_cast<std::chrono::hours>(at.time_since_epoch()).count();
  return hour_slot(TimePoint(std::chrono::hours(hours - hours % every_hours)));
}

BackupSchedule::~BackupSchedule() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool BackupSchedule::tick() {
  std::lock_guard one_at_a_time(tick_mutex_);
  const auto now = clock_.now();
  {
    std::lock_guard lock(mutex_);
    if (!status_.configured) return false;
    TimePoint last;
    if (!status_.last_attempt_at.empty() && parse_utc(status_.last_attempt_at, last) &&
        now - last < std::chrono::hours(settings_.every_hours))
      return false;
  }
  if (claim_ && !claim_(backup_period_slot(now, settings_.every_hours))) {
    // Another node takes this period's backup: not tried here again for every_hours (by then the period
    // is another). When the folder is shared, its snapshot is this node's last one too.
    std::lock_guard lock(mutex_);
    adopt_newest_on_disk();
    status_.last_attempt_at = format_utc(now);
    status_.elsewhere = true;
    return false;
  }
  BackupStatus next;
  next.configured = true;
  next.last_attempt_at = format_utc(now);
  try {
    const auto report = ops::take_backup(database_, places_, settings_.dir, clock_);
    ops::prune_backups(settings_.dir, settings_.keep);
    next.folder = report.folder.string();
    next.last_ok = report.problems.empty();
    next.last_success_at = next.last_attempt_at;
    if (!report.problems.empty())
      next.error =
          std::to_string(report.problems.size()) + " blob(s) missing from the store: " + report.problems[0];
    spdlog::info("backup taken in {} ({} new blobs)", next.folder, report.blobs_copied);
  } catch (const std::exception& e) {
    next.error = e.what();
    spdlog::error("backup failed: {}", e.what());
  }
  std::lock_guard lock(mutex_);
  if (next.last_success_at.empty()) next.last_success_at = status_.last_success_at;
  status_ = std::move(next);
  return true;
}

void BackupSchedule::start() {
  if (settings_.dir.empty() || thread_.joinable()) return;
  thread_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stop_) {
      lock.unlock();
      tick();
      lock.lock();
      wake_.wait_for(lock, std::chrono::minutes(1), [this] { return stop_; });
    }
  });
}

BackupStatus BackupSchedule::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

std::string BackupSchedule::prometheus_text() const {
  const auto s = status();
  TimePoint last{};
  const bool has_success = !s.last_success_at.empty() && parse_utc(s.last_success_at, last);
  std::ostringstream out;
  out << "# HELP brilliant_backup_configured 1 when scheduled backups are on ([backup] dir)\n"
      << "# TYPE brilliant_backup_configured gauge\nbrilliant_backup_configured " << (s.configured ? 1 : 0)
      << "\n"
      << "# HELP brilliant_backup_last_ok 1 when the last backup attempt saved everything\n"
      << "# TYPE brilliant_backup_last_ok gauge\nbrilliant_backup_last_ok " << (s.last_ok ? 1 : 0) << "\n"
      << "# HELP brilliant_backup_last_success_seconds Unix time of the last backup taken (0: none)\n"
      << "# TYPE brilliant_backup_last_success_seconds gauge\nbrilliant_backup_last_success_seconds "
      << (has_success ? std::chrono::duration_cast<std::chrono::seconds>(last.time_since_epoch()).count() : 0)
      << "\n";
  return out.str();
}

json::object backup_json(const BackupStatus& s) {
  json::object out{{"configured", s.configured}, {"last_ok", s.last_ok}};
  if (!s.last_attempt_at.empty()) out["last_attempt_at"] = s.last_attempt_at;
  if (!s.last_success_at.empty()) {
    out["last_success_at"] = s.last_success_at;
    out["last_success_seoul"] = format_seoul(s.last_success_at);
  }
  if (!s.folder.empty()) out["folder"] = s.folder;
  if (!s.error.empty()) out["error"] = s.error;
  out["failed"] = !s.error.empty();
  out["elsewhere"] = s.elsewhere;
  return out;
}

}  // namespace brilliant::app
