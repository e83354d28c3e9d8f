#include "ops/migrate_to.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include "core/secret.hpp"
#include "db/bulk.hpp"
#include "db/database.hpp"
#include "db/migrate.hpp"
#include "ops/inventory.hpp"

namespace brilliant::ops {

namespace {

// Passing state that each installation makes afresh: rate-limit buckets and job claims.
const std::set<std::string> not_copied = {"schema_migrations", "rate_buckets", "job_runs"};

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

std::vector<std::string> sqlite_columns(soci::session& s, const std::string& table) {
  std::vector<std::string> columns;
  // (An expression, so that SOCI reads it as text: a pragma's own columns come typed otherwise.)
  soci::rowset<std::string> names =
      (s.prepare << "SELECT name || '' FROM pragma_table_info(:t) ORDER BY cid", soci::use(table));
  for (const auto& name : names) columns.push_back(name);
  return columns;
}

std::string select_as_text(const std::string& table, const std::vector<std::string>& columns) {
  std::string sql = "SELECT ";
  for (size_t i = 0; i < columns.size(); ++i)
    sql += (i ? ", CAST(" : "CAST(") + quoted(columns[i]) + " AS TEXT)";
  return sql + " FROM " + quoted(table);
}

// One row's values as text, and its digest for the checksum.
struct RowText {
  std::vector<std::string> values;
  std::vector<bool> nulls;
  std::string digest() const {
    std::string text;
    for (size_t i = 0; i < values.size(); ++i) {
      text += i ? "\x1f" : "";
      text += nulls[i] ? std::string("\x00N", 2) : "\x01" + values[i];
    }
    return sha256_hex(text);
  }
};

RowText row_text(const soci::row& r) {
  RowText out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    const bool null = r.get_indicator(i) == soci::i_null;
    out.nulls.push_back(null);
    out.values.push_back(null ? "" : r.get<std::string>(i));
  }
  return out;
}

std::string checksum_of(std::vector<std::string>& digests) {
  std::sort(digests.begin(), digests.end());
  std::string all;
  all.reserve(digests.size() * 64);
  for (const auto& d : digests) all += d;
  return sha256_hex(all);
}

long long count_of(soci::session& s, const std::string& table) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM " + quoted(table), soci::into(n);
  return n;
}

// Copies one table's rows from the source session into the target's transaction, in batches; returns
// the row count and the source's checksum of what it copied.
// Deferred columns' values are kept (by row id) to be filled in by fill_deferred once every table is there.
struct Deferred {
  std::string table, column;
  std::vector<std::pair<std::string, std::string>> values;  // (id, value)
};

std::pair<long long, std::string> copy_table(soci::session& src, soci::session& dst, const std::string& table,
                                             const std::vector<std::string>& columns,
                                             const std::set<std::string>& deferred,
                                             std::vector<Deferred>& later) {
  const auto id_at = std::find(columns.begin(), columns.end(), "id") - columns.begin();
  std::vector<std::pair<size_t, size_t>> held;  // (column, index in later)
  for (size_t c = 0; c < columns.size(); ++c)
    if (deferred.count(columns[c])) {
      if (id_at == static_cast<long>(columns.size()))
        throw std::runtime_error(table + " refers to itself or round but has no id column to fill it in by");
      held.push_back({c, later.size()});
      later.push_back({table, columns[c], {}});
    }
  std::vector<std::string> names;
  for (const auto& c : columns) names.push_back(quoted(c));
  std::vector<std::vector<std::string>> batch;
  std::vector<std::vector<bool>> nulls;
  std::vector<std::string> digests;
  auto flush = [&] {
    db::insert_rows(dst, quoted(table), names, batch, 250, &nulls);
    batch.clear();
    nulls.clear();
  };
  soci::rowset<soci::row> rows = (src.prepare << select_as_text(table, columns));
  for (const auto& r : rows) {
    auto row = row_text(r);
    digests.push_back(row.digest());
    for (const auto& [c, at] : held)
      if (!row.nulls[c]) {
        later[at].values.push_back({row.values[id_at], row.values[c]});
        row.nulls[c] = true;
      }
    batch.push_back(std::move(row.values));
    nulls.push_back(std::move(row.nulls));
    if (batch.size() == 2000) flush();
  }
  flush();
  const long long n = static_cast<long long>(digests.size());
  return {n, checksum_of(digests)};
}

void fill_deferred(soci::session& dst, const std::vector<Deferred>& later) {
  for (const auto& d : later)
    for (const auto& [id, value] : d.values) {
      std::string v = value, key = id;
      dst << "UPDATE " + quoted(d.table) + " SET " + quoted(d.column) +
                 " = :v WHERE id = CAST(:id AS BIGINT)",
          soci::use(v), soci::use(key);
    }
}

// PostgreSQL's identity counters continue after the copied ids.
void move_identity_past(soci::session& dst, const std::string& table,
                        const std::vector<std::string>& columns) {
  if (std::find(columns.begin(), columns.end(), "id") == columns.end()) return;
  const std::string name = quoted(table);
  dst << "SELECT setval(pg_get_serial_sequence(:t, 'id'), GREATEST(COALESCE(MAX(id), 0), 1), "
         "COALESCE(MAX(id), 0) > 0) FROM " +
             name,
      soci::use(name);
}

}  // namespace

bool CopyReport::ok() const {
  return std::all_of(tables.begin(), tables.end(), [](const TableCopy& t) { return t.matches(); });
}

std::pair<long long, std::string> table_checksum(soci::session& s, const std::string& table,
                                                 const std::vector<std::string>& columns) {
  std::vector<std::string> digests;
  soci::rowset<soci::row> rows = (s.prepare << select_as_text(table, columns));
  for (const auto& r : rows) digests.push_back(row_text(r).digest());
  const long long n = static_cast<long long>(digests.size());
  return {n, checksum_of(digests)};
}

CopyOrder copy_order(soci::session& sqlite, const std::vector<std::string>& tables) {
  const std::set<std::string> wanted(tables.begin(), tables.end());
  struct Reference {
    std::string parent;
    std::set<std::string> columns;
    bool nullable = true;
  };
  std::map<std::string, std::map<std::string, Reference>> refs;  // table -> parent -> its reference
  for (const auto& t : tables) {
    std::set<std::string> not_null;
    soci::rowset<soci::row> info =
        (sqlite.prepare << "SELECT name || '', \"notnull\" || '' FROM pragma_table_info(:t)", soci::use(t));
    for (const auto& c : info)
      if (c.get<std::string>(1) == "1") not_null.insert(c.get<std::string>(0));
    soci::rowset<soci::row> keys = (sqlite.prepare << "SELECT \"table\" || '', \"from\" || '' FROM "
                                                      "pragma_foreign_key_list(:t)",
                                    soci::use(t));
    for (const auto& k : keys) {
      const auto parent = k.get<std::string>(0), column = k.get<std::string>(1);
      if (!wanted.count(parent)) continue;
      auto& ref = refs[t][parent];
      ref.parent = parent;
      ref.columns.insert(column);
      ref.nullable = ref.nullable && !not_null.count(column);
    }
  }
  // Whether `to` can be reached from `from` by following references.
  auto reaches = [&](const std::string& from, const std::string& to) {
    std::set<std::string> seen;
    std::function<bool(const std::string&)> walk = [&](const std::string& at) {
      if (at == to) return true;
      if (!seen.insert(at).second) return false;
      for (const auto& [parent, ref] : refs[at])
        if (walk(parent)) return true;
      return false;
    };
    return walk(from);
  };
  CopyOrder out;
  // A reference to the table itself, or a nullable one on a circle, is filled in last and not ordered by.
  for (auto& [t, parents] : refs)
    for (auto it = parents.begin(); it != parents.end();)
      if (it->first == t || (it->second.nullable && reaches(it->first, t))) {
        out.deferred[t].insert(it->second.columns.begin(), it->second.columns.end());
        it = parents.erase(it);
      } else {
        ++it;
      }
  std::set<std::string> placed, visiting;
  std::function<void(const std::string&)> place = [&](const std::string& t) {
    if (placed.count(t)) return;
    if (!visiting.insert(t).second)
      throw std::runtime_error("the tables' required references go round through " + t);
    for (const auto& [parent, ref] : refs[t]) place(parent);
    visiting.erase(t);
    placed.insert(t);
    out.tables.push_back(t);
  };
  for (const auto& t : tables) place(t);
  return out;
}

Result<CopyReport> copy_database(db::Database& from, db::Database& to,
                                 const std::filesystem::path& migrations) {
  if (from.backend() != db::Backend::sqlite || to.backend() != db::Backend::postgresql)
    return Error::invalid("url", "migrate_to_backends", "migrate-to copies an SQLite hub into PostgreSQL");
  db::migrate(to, migrations);
  const auto [people, orders] = to.read([](soci::session& s) {
    return std::pair{count_of(s, "users"), count_of(s, "orders")};
  });
  if (people || orders)
    return Error::conflict("url", "migrate_to_not_empty",
                           "the PostgreSQL database already holds " + std::to_string(people) +
                               " people and " + std::to_string(orders) +
                               " orders: migrate-to fills only a new database");
  CopyReport report;
  const auto target_tables = to.read([](soci::session& s) { return table_names(s); });
  std::map<std::string, std::vector<std::string>> columns;
  from.read([&](soci::session& src) {
    soci::transaction snapshot(src);  // every table as of one moment
    std::vector<std::string> shared;
    for (const auto& t : table_names(src)) {
      const bool both = std::find(target_tables.begin(), target_tables.end(), t) != target_tables.end();
      if (!both || not_copied.count(t)) {
        report.skipped.push_back(t);
        continue;
      }
      shared.push_back(t);
      columns[t] = sqlite_columns(src, t);
    }
    const auto order = copy_order(src, shared);
    to.write([&](soci::session& dst) {
      report.tables.clear();
      // Rows the migrations themselves put in (settings' defaults) give way to the hub's own.
      for (auto it = order.tables.rbegin(); it != order.tables.rend(); ++it)
        if (count_of(dst, *it)) dst << "DELETE FROM " + quoted(*it);
      std::vector<Deferred> later;
      for (const auto& t : order.tables) {
        const auto deferred = order.deferred.find(t);
        auto [rows, sum] =
            copy_table(src, dst, t, columns[t],
                       deferred == order.deferred.end() ? std::set<std::string>{} : deferred->second, later);
        move_identity_past(dst, t, columns[t]);
        report.tables.push_back({t, rows, 0, sum, ""});
      }
      fill_deferred(dst, later);
    });
    snapshot.rollback();  // read only
  });
  to.read([&](soci::session& dst) {
    for (auto& t : report.tables)
      std::tie(t.target_rows, t.target_checksum) = table_checksum(dst, t.table, columns[t.table]);
  });
  return report;
}

}  // namespace brilliant::ops
