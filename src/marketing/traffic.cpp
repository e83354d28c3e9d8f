#include "marketing/traffic.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>

#include "core/text.hpp"
#include "db/database.hpp"

namespace brilliant::marketing {
namespace {

bool source_char(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.';
}

// "https://m.search.naver.com/x?y" -> "m.search.naver.com"
std::string host_of(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  auto rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  rest = rest.substr(0, rest.find(':'));
  return ascii_lower(rest);
}

bool within(const std::string& host, std::string_view domain) {
  return host == domain || (host.size() > domain.size() && host.ends_with(domain) &&
                            host[host.size() - domain.size() - 1] == '.');
}

}  // namespace

std::string traffic_source(std::string_view utm_source, std::string_view referrer,
                           std::string_view own_host) {
  std::string utm = ascii_lower(trim(utm_source));
  if (!utm.empty() && utm.size() <= 40 && std::all_of(utm.begin(), utm.end(), source_char)) return utm;
  const std::string host = host_of(trim(referrer));
  if (host.empty()) return "direct";
  if (within(host, ascii_lower(own_host))) return "";
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> known = {{
      {"naver.com", "naver"},
      {"naver.me", "naver"},
      {"daum.net", "daum"},
      {"kakao.com", "kakao"},
      {"google.com", "google"},
      {"google.co.kr", "google"},
      {"bing.com", "bing"},
      {"instagram.com", "instagram"},
      {"facebook.com", "facebook"},
      {"youtube.com", "youtube"},
      {"x.com", "x"},
      {"t.co", "x"},
  }};
  for (const auto& [domain, name] : known)
    if (within(host, domain)) return std::string(name);
  std::string name = host.starts_with("www.") ? host.substr(4) : host;
  if (name.size() > 40 || !std::all_of(name.begin(), name.end(), source_char)) return "other";
  return name;
}

Visits::Visits(db::Database& db, const Clock& clock, int batch, std::chrono::seconds max_age)
    : db_(db), clock_(clock), batch_(batch), max_age_(max_age) {}

Visits::~Visits() {
  try {
    flush();
  } catch (const std::exception& e) {
    spdlog::warn("visits not written at shutdown: {}", e.what());
  }
}

void Visits::record(const std::string& source) {
  std::map<std::pair<std::string, std::string>, long long> ready;
  {
    std::lock_guard lock(mutex_);
    const auto now = clock_.now();
    if (pending_.empty()) oldest_ = now;
    ++pending_[{format_seoul(now).substr(0, 10), source}];
    if (++pending_total_ < batch_ && now - oldest_ < max_age_) return;
    ready.swap(pending_);
    pending_total_ = 0;
  }
  write(ready);
}

void Visits::flush() {
  std::map<std::pair<std::string, std::string>, long long> ready;
  {
    std::lock_guard lock(mutex_);
    ready.swap(pending_);
    pending_total_ = 0;
  }
  if (!ready.empty()) write(ready);
}

void Visits::write(const std::map<std::pair<std::string, std::string>, long long>& counts) {
  db_.write([&](soci::session& sql) {
    for (const auto& [key, n] : counts) {
      const auto& [day, source] = key;
      sql << "INSERT INTO visits (day, source, visits) VALUES (:d, :s, :n) ON CONFLICT (day, source) DO "
             "UPDATE "
             "SET visits = visits.visits + excluded.visits",
          soci::use(day), soci::use(source), soci::use(n);
    }
  });
}

std::map<std::string, long long> Visits::per_source(const std::string& first_day,
                                                    const std::string& last_day) {
  flush();
  return db_.read([&](soci::session& sql) {
    std::map<std::string, long long> out;
    soci::rowset<soci::row> rows =
        (sql.prepare
             << "SELECT source, CAST(SUM(visits) AS BIGINT) FROM visits WHERE day >= :a AND day <= :b "
                "GROUP BY source",
         soci::use(first_day), soci::use(last_day));
    for (const auto& r : rows) out[db::row_text(r, 0)] = db::row_int(r, 1);
    return out;
  });
}

}  // namespace brilliant::marketing
