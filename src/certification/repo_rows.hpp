// Row helpers shared by the certification's repository files (not a public interface).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace brilliant::certification::repo {

// Every row of `query` (one bound key) through `from`; the rowset lives only inside the call.
template <class T, class From, class Key>
std::vector<T> select(soci::session& sql, const std::string& query, From from, const Key& key) {
  std::vector<T> out;
  soci::rowset<soci::row> rows = (sql.prepare << query, soci::use(key));
  for (const auto& r : rows) out.push_back(from(r));
  return out;
}

template <class T>
std::optional<T> first(std::vector<T> list) {
  if (list.empty()) return std::nullopt;
  return std::move(list.front());
}

// "'a', 'b'" for an IN list of fixed, known words (never user input).
inline std::string in_list(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "'" : ", '") + w + "'";
  return out;
}

}  // namespace brilliant::certification::repo
