// Scheduled backups (issue 15): with [backup] dir set, a backup every `every_hours` on its own thread
// (a backup may take minutes; /healthz's probe must not wait for it), the oldest pruned past `keep`, and
// the last result kept for the operator's page and /metrics. With several nodes on one database each
// period's backup is claimed (issue 16): one node takes it, the others let it be until the next period.
#pragma once
#include <boost/json/object.hpp>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "app/config.hpp"
#include "core/clock.hpp"
#include "db/fwd.hpp"

namespace brilliant::app {

struct BackupStatus {
  bool configured = false;
  std::string last_attempt_at, last_success_at;  // UTC; empty when none yet
  bool last_ok = false;
  std::string folder;      // the last snapshot taken
  std::string error;       // why the last attempt failed, or the blobs it could not save
  bool elsewhere = false;  // the backup due last was claimed by another node (and taken there)
};

class BackupSchedule {
 public:
  // Claims a period's backup for this node (its slot names the period's first hour, UTC): true when this
  // node takes it. Without one (a single node: SQLite) every period's backup is this node's.
  using Claim = std::function<bool(const std::string& slot)>;
  BackupSchedule(db::Database& database, ops::Places places, Config::Backups settings, const Clock& clock,
                 Claim claim = {});
  ~BackupSchedule();

  // Takes a backup now when one is due (none yet, or the last attempt every_hours ago) and this node claims
  // its period. Never throws: a failure is logged and kept in the status. Returns true when it took one.
  bool tick();
  void start();  // ticks once a minute on its own thread until the object goes away
  BackupStatus status() const;
  std::string prometheus_text() const;

 private:
  db::Database& database_;
  ops::Places places_;
  Config::Backups settings_;
  const Clock& clock_;
  Claim claim_;
  std::mutex tick_mutex_;  // one backup at a time (the thread's and a caller's)
  mutable std::mutex mutex_;
  BackupStatus status_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
  void adopt_newest_on_disk();  // the newest snapshot in the folder counts as the last one taken
};

// The slot naming the period of every_hours (counted from the Unix epoch) that holds `at`: its first hour.
std::string backup_period_slot(TimePoint at, int every_hours);

// The status as the operator's page and API show it (times in Seoul's zone for people).
boost::json::object backup_json(const BackupStatus& status);

}  // namespace brilliant::app
