// Brand settings in the database, with the current ones held in memory (pages read them on every
// request). Saving checks everything first, writes all in one transaction and appends the history.
#pragma once
#include <atomic>
#include <memory>
#include <mutex>

#include "core/clock.hpp"
#include "db/fwd.hpp"
#include "vendors/brand/brand.hpp"

namespace brilliant::vendors {

class BrandStore {
 public:
  BrandStore(db::Database& db, const Clock& clock);

  std::shared_ptr<const BrandSettings> current() const;
  long long version() const { return version_.load(); }  // changes on every save
  void load();
  Result<void> save(const BrandSettings& settings, long long user_id);
  // The logo is kept apart from the form's settings (an empty hash goes back to the drawn mark).
  void set_logo(const std::string& blob_hash, long long user_id);
  int history_count();

 private:
  db::Database& db_;
  const Clock& clock_;
  mutable std::mutex mutex_;
  std::shared_ptr<const BrandSettings> current_;
  std::atomic<long long> version_{1};
};

// The settings as JSON (API and history).
std::string brand_json(const BrandSettings& settings);

}  // namespace brilliant::vendors
