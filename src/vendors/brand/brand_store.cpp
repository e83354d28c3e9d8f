#include "vendors/brand/brand_store.hpp"

#include "db/database.hpp"

#include <boost/json.hpp>
#include <charconv>

namespace brilliant::vendors {
namespace json = boost::json;

namespace {

long long to_number(const std::string& text, long long fallback) {
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() ? value : fallback;
}

}  // namespace

std::string brand_json(const BrandSettings& s) {
  json::array rates;
  for (const auto& r : s.rates)
    rates.push_back(
        json::object{{"workshop_id", r.workshop_id}, {"category", r.category}, {"rate_bp", r.rate_bp}});
  return json::serialize(json::object{{"name_ko", s.name_ko},
                                      {"name_en", s.name_en},
                                      {"colour_primary", s.colour_primary},
                                      {"colour_accent", s.colour_accent},
                                      {"shipping_fee", s.shipping.fee},
                                      {"free_shipping_over", s.shipping.free_over},
                                      {"remote_surcharge", s.shipping.remote_surcharge},
                                      {"guest_hold_minutes", s.guest_hold_minutes},
                                      {"search_synonyms", s.search_synonyms},
                                      {"rates", std::move(rates)}});
}

BrandStore::BrandStore(db::Database& db, const Clock& clock)
    : db_(db), clock_(clock), current_(std::make_shared<BrandSettings>()) {}

std::shared_ptr<const BrandSettings> BrandStore::current() const {
  std::lock_guard lock(mutex_);
  return current_;
}

void BrandStore::load() {
  auto s = std::make_shared<BrandSettings>();
  db_.read([&](soci::session& sql) {
    soci::rowset<soci::row> keys = sql.prepare << "SELECT key, value FROM brand_settings";
    for (const auto& r : keys) {
      const auto key = db::row_text(r, 0), value = db::row_text(r, 1);
      if (key == "name_ko") s->name_ko = value;
      if (key == "name_en") s->name_en = value;
      if (key == "colour_primary") s->colour_primary = value;
      if (key == "colour_accent") s->colour_accent = value;
      if (key == "logo") s->logo_hash = value;
      if (key == "shipping_fee") s->shipping.fee = to_number(value, s->shipping.fee);
      if (key == "free_shipping_over") s->shipping.free_over = to_number(value, s->shipping.free_over);
      if (key == "remote_surcharge")
        s->shipping.remote_surcharge = to_number(value, s->shipping.remote_surcharge);
      if (key == "guest_hold_minutes") s->guest_hold_minutes = to_number(value, s->guest_hold_minutes);
      if (key == "search_synonyms") s->search_synonyms = value;
    }
    soci::rowset<soci::row> rates =
        sql.prepare
        << "SELECT workshop_id, category, rate_bp FROM commission_rates ORDER BY workshop_id, category";
    for (const auto& r : rates)
      s->rates.push_back({db::row_int(r, 0), db::row_text(r, 1), static_cast<int>(db::row_int(r, 2))});
  });
  std::lock_guard lock(mutex_);
  current_ = std::move(s);
  ++version_;
}

Result<void> BrandStore::save(const BrandSettings& s, long long user_id) {
  TRY(check_brand(s));
  const auto now = format_utc(clock_.now());
  const std::string body = brand_json(s);
  auto saved = db_.write([&](soci::session& sql) -> Result<void> {
    const std::vector<std::pair<std::string, std::string>> keys = {
        {"name_ko", s.name_ko},
        {"name_en", s.name_en},
        {"colour_primary", s.colour_primary},
        {"colour_accent", s.colour_accent},
        {"shipping_fee", std::to_string(s.shipping.fee)},
        {"free_shipping_over", std::to_string(s.shipping.free_over)},
        {"remote_surcharge", std::to_string(s.shipping.remote_surcharge)},
        {"guest_hold_minutes", std::to_string(s.guest_hold_minutes)},
        {"search_synonyms", s.search_synonyms}};
    for (const auto& [key, value] : keys) {
      sql << "DELETE FROM brand_settings WHERE key = :k", soci::use(key);
      sql << "INSERT INTO brand_settings (key, value, updated_at) VALUES (:k, :v, :now)", soci::use(key),
          soci::use(value), soci::use(now);
    }
    sql << "DELETE FROM commission_rates";
    for (const auto& r : s.rates)
      sql << "INSERT INTO commission_rates (workshop_id, category, rate_bp, updated_at) VALUES (:w, :c, :r, "
             ":now)",
          soci::use(r.workshop_id), soci::use(r.category), soci::use(r.rate_bp), soci::use(now);
    soci::indicator user_ind = user_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO brand_history (user_id, body, created_at) VALUES (:u, :b, :now)",
        soci::use(user_id, user_ind), soci::use(body), soci::use(now);
    return {};
  });
  if (saved.ok()) load();
  return saved;
}

void BrandStore::set_logo(const std::string& blob_hash, long long user_id) {
  const auto now = format_utc(clock_.now());
  const std::string body = R"({"logo":")" + blob_hash + "\"}";
  db_.write([&](soci::session& sql) {
    sql << "DELETE FROM brand_settings WHERE key = 'logo'";
    sql << "INSERT INTO brand_settings (key, value, updated_at) VALUES ('logo', :v, :now)",
        soci::use(blob_hash), soci::use(now);
    soci::indicator user_ind = user_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO brand_history (user_id, body, created_at) VALUES (:u, :b, :now)",
        soci::use(user_id, user_ind), soci::use(body), soci::use(now);
  });
  load();
}

int BrandStore::history_count() {
  return db_.read([](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM brand_history", soci::into(n);
    return static_cast<int>(n);
  });
}

}  // namespace brilliant::vendors
