#include "catalog/page_views.hpp"

#include "db/database.hpp"

#include <spdlog/spdlog.h>

namespace brilliant::catalog {

std::string seoul_day(TimePoint t) { return format_seoul(t).substr(0, 10); }

PageViews::PageViews(db::Database& db, const Clock& clock, int batch, std::chrono::seconds max_age)
    : db_(db), clock_(clock), batch_(batch), max_age_(max_age) {}

PageViews::~PageViews() {
  try {
    flush();
  } catch (const std::exception& e) {
    spdlog::warn("page views not written at shutdown: {}", e.what());
  }
}

bool PageViews::record(long long product_id, const std::string& visitor, long long user_id) {
  Counts ready;
  {
    std::lock_guard lock(mutex_);
    const auto now = clock_.now();
    if (!visitor.empty()) {
      if (recent_.size() >= max_remembered) recent_.clear();
      auto [it, fresh] = recent_.try_emplace(visitor + "|" + std::to_string(product_id), now);
      if (!fresh) {
        if (now - it->second < repeat_window) return false;
        it->second = now;
      }
    }
    if (pending_.empty()) oldest_ = now;
    ++pending_[{product_id, seoul_day(now), user_id}];
    if (++pending_total_ < batch_ && now - oldest_ < max_age_) return true;
    ready.swap(pending_);
    pending_total_ = 0;
  }
  write(ready);
  return true;
}

void PageViews::flush() {
  Counts ready;
  {
    std::lock_guard lock(mutex_);
    ready.swap(pending_);
    pending_total_ = 0;
  }
  if (!ready.empty()) write(ready);
}

void PageViews::write(const Counts& counts) {
  std::map<std::pair<long long, std::string>, long long> per_piece;
  for (const auto& [key, views] : counts) per_piece[{std::get<0>(key), std::get<1>(key)}] += views;
  db_.write([&](soci::session& sql) {
    for (const auto& [key, views] : per_piece) {
      const auto& [product, day] = key;
      sql << "INSERT INTO product_views (product_id, day, views) SELECT :p, :d, :v WHERE EXISTS (SELECT 1 "
             "FROM products WHERE id = :p2) ON CONFLICT (product_id, day) DO UPDATE SET views = "
             "product_views.views + excluded.views",
          soci::use(product), soci::use(day), soci::use(views), soci::use(product);
    }
    for (const auto& [key, views] : counts) {
      const auto& [product, day, user] = key;
      if (user == 0) continue;
      sql << "INSERT INTO customer_views (user_id, product_id, day, views) SELECT :u, :p, :d, :v WHERE "
             "EXISTS "
             "(SELECT 1 FROM products WHERE id = :p2) AND EXISTS (SELECT 1 FROM users WHERE id = :u2) "
             "ON CONFLICT (user_id, product_id, day) DO UPDATE SET views = customer_views.views + "
             "excluded.views",
          soci::use(user), soci::use(product), soci::use(day), soci::use(views), soci::use(product),
          soci::use(user);
    }
  });
}

std::map<long long, long long> PageViews::totals(const std::vector<long long>& product_ids, int days) {
  flush();
  const auto since = seoul_day(clock_.now() - std::chrono::hours(24) * (days - 1));
  std::map<long long, long long> out;
  db_.read([&](soci::session& sql) {
    for (long long id : product_ids) {
      long long views = 0;
      soci::indicator ind = soci::i_ok;
      sql << "SELECT SUM(views) FROM product_views WHERE product_id = :p AND day >= :d", soci::use(id),
          soci::use(since), soci::into(views, ind);
      out[id] = ind == soci::i_ok ? views : 0;
    }
  });
  return out;
}

}  // namespace brilliant::catalog
