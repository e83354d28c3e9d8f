#include "trust/log_repo.hpp"

#include <sodium.h>

#include <cstring>

namespace brilliant::trust::repo {

std::string to_hex(const Hash& hash) {
  char out[65];
  sodium_bin2hex(out, sizeof out, hash.data(), hash.size());
  return out;
}

std::optional<Hash> from_hex(std::string_view hex) {
  Hash h;
  size_t len = 0;
  if (hex.size() != 64 ||
      sodium_hex2bin(h.data(), h.size(), hex.data(), hex.size(), nullptr, &len, nullptr) != 0 || len != 32)
    return std::nullopt;
  return h;
}

uint64_t append(soci::session& sql, std::string_view entry, const Hash& leaf, const std::string& now) {
  return append_all(sql, {std::string(entry)}, {leaf}, now);
}

uint64_t append_all(soci::session& sql, const std::vector<std::string>& entries,
                    const std::vector<Hash>& leaves, const std::string& now) {
  const long long count = static_cast<long long>(entries.size());
  long long size = 0;
  // One statement takes the head row's lock and moves it past the whole batch.
  sql << "UPDATE trust_log_head SET size = size + :n WHERE id = 1 RETURNING size", soci::use(count),
      soci::into(size);
  const long long first = size - count;
  // Rows go in as multi-row VALUES, up to 100 a statement (one round trip each).
  constexpr size_t chunk = 100;
  for (size_t from = 0; from < entries.size(); from += chunk) {
    const size_t n = std::min(chunk, entries.size() - from);
    std::string statement = "INSERT INTO trust_log (idx, entry, leaf_hash, created_at) VALUES ";
    std::vector<long long> indexes(n);
    std::vector<std::string> hashes(n);
    for (size_t k = 0; k < n; ++k) {
      const auto i = std::to_string(k);
      statement += (k ? ", (:i" : "(:i") + i + ", :e" + i + ", :h" + i + ", :c" + i + ")";
      indexes[k] = first + static_cast<long long>(from + k);
      hashes[k] = to_hex(leaves[from + k]);
    }
    soci::statement st(sql);
    for (size_t k = 0; k < n; ++k) {
      st.exchange(soci::use(indexes[k]));
      st.exchange(soci::use(entries[from + k]));
      st.exchange(soci::use(hashes[k]));
      st.exchange(soci::use(now));
    }
    st.alloc();
    st.prepare(statement);
    st.define_and_bind();
    st.execute(true);
  }
  return static_cast<uint64_t>(first);
}

std::vector<Hash> leaves_from(db::Database& db, uint64_t from) {
  return db.read([&](soci::session& sql) {
    std::vector<Hash> out;
    const long long start = static_cast<long long>(from);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT leaf_hash FROM trust_log WHERE idx >= :f ORDER BY idx", soci::use(start));
    for (const auto& row : rows)
      if (auto h = from_hex(db::row_text(row, 0))) out.push_back(*h);
    return out;
  });
}

std::optional<std::string> entry(db::Database& db, uint64_t index) {
  return db.read([&](soci::session& sql) -> std::optional<std::string> {
    std::string text;
    const long long i = static_cast<long long>(index);
    sql << "SELECT entry FROM trust_log WHERE idx = :i", soci::use(i), soci::into(text);
    if (!sql.got_data()) return std::nullopt;
    return text;
  });
}

void save_checkpoint(db::Database& db, const StoredCheckpoint& c, const std::string& now) {
  db.write([&](soci::session& sql) {
    long long size = static_cast<long long>(c.size);
    // One checkpoint per size: a second signer of the same size keeps the first.
    sql << "INSERT INTO trust_checkpoints (size, root_hash, note, created_at) VALUES (:s, :r, :n, :c) "
           "ON CONFLICT (size) DO NOTHING",
        soci::use(size), soci::use(c.root_hex), soci::use(c.note), soci::use(now);
  });
}

namespace {

std::vector<StoredCheckpoint> select_checkpoints(db::Database& db, const std::string& tail) {
  return db.read([&](soci::session& sql) {
    std::vector<StoredCheckpoint> out;
    soci::rowset<soci::row> rows = sql.prepare
                                   << "SELECT size, root_hash, note FROM trust_checkpoints " + tail;
    for (const auto& row : rows)
      out.push_back({static_cast<uint64_t>(db::row_int(row, 0)), db::row_text(row, 1), db::row_text(row, 2)});
    return out;
  });
}

}  // namespace

std::optional<StoredCheckpoint> latest_checkpoint(db::Database& db) {
  auto found = select_checkpoints(db, "ORDER BY size DESC LIMIT 1");
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<StoredCheckpoint> checkpoints(db::Database& db) {
  return select_checkpoints(db, "ORDER BY size");
}

}  // namespace brilliant::trust::repo
