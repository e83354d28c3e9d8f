// The store's legal particulars in the database (brand_settings rows "legal.*"), the current ones held
// in memory for every page's footer. Saving checks first, writes in one transaction and appends the
// brand's history. Until the operator saves, the demo particulars stand (seeded by the demo) or none.
#pragma once
#include <boost/json/object.hpp>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

#include "core/clock.hpp"
#include "db/fwd.hpp"
#include "legal/business.hpp"

namespace brilliant::legal {

class LegalStore {
 public:
  LegalStore(db::Database& db, const Clock& clock);

  // Empty until set: the footer then says the particulars are missing (the operator is told on
  // /operator/legal).
  std::shared_ptr<const std::optional<BusinessInfo>> current() const;
  // What every page's footer shows (legal::footer_json), made once per save rather than per page.
  std::shared_ptr<const boost::json::object> footer() const;
  void load();
  Result<BusinessInfo> save(const BusinessInfo& info, long long user_id);
  // Called after every save (the app clears the page cache: every page's footer changed).
  void on_change(std::function<void()> fn) { on_change_ = std::move(fn); }

 private:
  db::Database& db_;
  const Clock& clock_;
  mutable std::mutex mutex_;
  std::shared_ptr<const std::optional<BusinessInfo>> current_;
  std::shared_ptr<const boost::json::object> footer_;
  std::function<void()> on_change_;
};

// The particulars as the API gives them (the registration number shown 123-45-67890).
std::string business_json_text(const BusinessInfo& info);

}  // namespace brilliant::legal
