#include "db/bulk.hpp"

#include <soci/soci.h>

#include <algorithm>

namespace brilliant::db {

void insert_rows(soci::session& sql, const std::string& table, const std::vector<std::string>& columns,
                 const std::vector<std::vector<std::string>>& rows, size_t chunk,
                 const std::vector<std::vector<bool>>* nulls) {
  auto indicator = [nulls](size_t r, size_t c) {
    return nulls && (*nulls)[r][c] ? soci::i_null : soci::i_ok;
  };
  std::string head = "INSERT INTO " + table + " (";
  for (size_t c = 0; c < columns.size(); ++c) head += (c ? ", " : "") + columns[c];
  head += ") VALUES ";
  if (rows.empty()) return;
  // SQLite runs in the process: one prepared single-row statement, reused, is the fastest there.
  if (sql.get_backend_name() == "sqlite3") chunk = 1;
  if (chunk == 1) {
    std::vector<std::string> values(columns.size());
    std::vector<soci::indicator> flags(columns.size(), soci::i_ok);
    std::string text = head + "(";
    soci::statement st(sql);
    for (size_t c = 0; c < columns.size(); ++c) {
      text += (c ? ", :p" : ":p") + std::to_string(c);
      st.exchange(soci::use(values[c], flags[c]));
    }
    st.alloc();
    st.prepare(text + ")");
    st.define_and_bind();
    for (size_t r = 0; r < rows.size(); ++r) {
      values = rows[r];
      for (size_t c = 0; c < columns.size(); ++c) flags[c] = indicator(r, c);
      st.execute(true);
    }
    return;
  }
  for (size_t start = 0; start < rows.size(); start += chunk) {
    const size_t end = std::min(rows.size(), start + chunk);
    std::string text = head;
    soci::statement st(sql);
    std::vector<soci::indicator> flags((end - start) * columns.size());  // sized first: use() keeps addresses
    size_t n = 0;
    for (size_t r = start; r < end; ++r) {
      text += r > start ? ", (" : "(";
      for (size_t c = 0; c < columns.size(); ++c, ++n) {
        text += (c ? ", :p" : ":p") + std::to_string(n);
        flags[n] = indicator(r, c);
        st.exchange(soci::use(rows[r].at(c), flags[n]));
      }
      text += ")";
    }
    st.alloc();
    st.prepare(text);
    st.define_and_bind();
    st.execute(true);
  }
}

std::string id_list(const std::vector<long long>& ids) {
  std::string out;
  for (long long id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::string and_in(const std::string& column, const std::string& id_list) {
  return id_list.empty() ? "" : " AND " + column + " IN (" + id_list + ")";
}

}  // namespace brilliant::db
