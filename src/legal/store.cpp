#include "legal/store.hpp"

#include <boost/json.hpp>

#include "db/database.hpp"
#include "legal/views.hpp"

namespace brilliant::legal {

namespace json = boost::json;

namespace {

// Every field with its key, so load and save list them once.
std::vector<std::pair<std::string, std::string*>> fields(BusinessInfo& b) {
  return {{"legal.company", &b.company},
          {"legal.representative", &b.representative},
          {"legal.registration_no", &b.registration_no},
          {"legal.mail_order_no", &b.mail_order_no},
          {"legal.address", &b.address},
          {"legal.phone", &b.phone},
          {"legal.email", &b.email},
          {"legal.hosting", &b.hosting},
          {"legal.privacy_officer", &b.privacy_officer},
          {"legal.privacy_email", &b.privacy_email},
          {"legal.processors", &b.processors}};
}

}  // namespace

std::string business_json_text(const BusinessInfo& info) { return json::serialize(business_json(info)); }

LegalStore::LegalStore(db::Database& db, const Clock& clock)
    : db_(db),
      clock_(clock),
      current_(std::make_shared<std::optional<BusinessInfo>>()),
      footer_(std::make_shared<json::object>(footer_json(std::nullopt))) {}

std::shared_ptr<const json::object> LegalStore::footer() const {
  std::lock_guard lock(mutex_);
  return footer_;
}

std::shared_ptr<const std::optional<BusinessInfo>> LegalStore::current() const {
  std::lock_guard lock(mutex_);
  return current_;
}

void LegalStore::load() {
  BusinessInfo b;
  bool found = false;
  db_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows = sql.prepare
                                   << "SELECT key, value FROM brand_settings WHERE key LIKE 'legal.%'";
    auto named = fields(b);
    for (const auto& r : rows) {
      const auto key = db::row_text(r, 0), value = db::row_text(r, 1);
      found = true;
      if (key == "legal.arrangement")
        b.arrangement = value == "seller" ? Arrangement::seller : Arrangement::mediator;
      for (auto& [name, field] : named)
        if (name == key) *field = value;
    }
  });
  auto next = std::make_shared<std::optional<BusinessInfo>>();
  if (found) *next = std::move(b);
  auto footer = std::make_shared<json::object>(footer_json(*next));
  std::lock_guard lock(mutex_);
  current_ = std::move(next);
  footer_ = std::move(footer);
}

Result<BusinessInfo> LegalStore::save(const BusinessInfo& info, long long user_id) {
  auto checked = check_business(info);
  if (!checked) return checked;
  const auto now = format_utc(clock_.now());
  const std::string body = json::serialize(json::object{{"legal", business_json(*checked)}});
  db_.write([&](soci::session& sql) {
    auto values = *checked;
    auto named = fields(values);
    named.emplace_back("legal.arrangement", nullptr);
    const std::string arrangement(name_of(values.arrangement));
    for (const auto& [key, field] : named) {
      const std::string& value = field ? *field : arrangement;
      sql << "DELETE FROM brand_settings WHERE key = :k", soci::use(key);
      sql << "INSERT INTO brand_settings (key, value, updated_at) VALUES (:k, :v, :now)", soci::use(key),
          soci::use(value), soci::use(now);
    }
    soci::indicator user_ind = user_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO brand_history (user_id, body, created_at) VALUES (:u, :b, :now)",
        soci::use(user_id, user_ind), soci::use(body), soci::use(now);
  });
  load();
  if (on_change_) on_change_();
  return checked;
}

}  // namespace brilliant::legal
