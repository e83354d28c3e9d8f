#include "ops/backup.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <set>
#include <stdexcept>

#include "core/secret.hpp"
#include "db/database.hpp"
#include "media/blob_store.hpp"
#include "ops/process.hpp"

namespace brilliant::ops {

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

constexpr const char* format_name = "brilliant-backup/1";

// The lower-case hex digest a streamed SHA-256 ends with.
std::string hex_digest(crypto_hash_sha256_state& state) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
  std::string hex(crypto_hash_sha256_BYTES * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest, sizeof digest);
  hex.pop_back();
  return hex;
}

// Streams src into dst (through a temporary name, synced, then renamed) and returns the bytes' SHA-256.
// When `expect` is given and the bytes do not hash to it, nothing is written and the result says so.
std::string copy_hashed(const fs::path& src, const fs::path& dst, const std::string& expect = "") {
  std::ifstream in(src, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + src.string());
  fs::create_directories(dst.parent_path());
  const auto temp = dst.string() + ".tmp-" + random_token(6);
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) throw std::runtime_error("cannot create " + temp);
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::vector<char> buffer(1 << 16);
  bool failed = false;
  while (in && !failed) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto n = static_cast<size_t>(in.gcount());
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(buffer.data()), n);
    for (size_t done = 0; done < n && !failed;) {
      const auto w = ::write(fd, buffer.data() + done, n - done);
      if (w <= 0)
        failed = true;
      else
        done += static_cast<size_t>(w);
    }
  }
  const auto hex = hex_digest(state);
  failed = ::fsync(fd) != 0 || failed;
  failed = ::close(fd) != 0 || failed;
  if (failed || in.bad() || (!expect.empty() && hex != expect)) {
    fs::remove(temp);
    if (failed || in.bad()) throw std::runtime_error("cannot copy " + src.string() + " to " + dst.string());
    return hex;
  }
  fs::rename(temp, dst);
  return hex;
}

fs::path blob_path(const fs::path& root, const std::string& hash) {
  return root / hash.substr(0, 2) / hash.substr(2);
}

BackupFile file_entry(const fs::path& folder, const std::string& name) {
  return {name, file_sha256(folder / name), static_cast<long long>(fs::file_size(folder / name))};
}

void fill_inventory(Manifest& m, soci::session& s) {
  m.schema = schema_version(s);
  m.tables = count_rows(s);
  m.blobs = referenced_blobs(s);
}

void snapshot_sqlite(db::Database& database, const fs::path& file, Manifest& m) {
  std::string quoted = file.string();
  for (size_t at = 0; (at = quoted.find('\'', at)) != std::string::npos; at += 2) quoted.insert(at, "'");
  // One read transaction: a consistent copy while writers go on (they are not blocked in WAL mode).
  database.read([&](soci::session& s) { s << "VACUUM INTO '" + quoted + "'"; });
  soci::session copy(*soci::factory_sqlite3(), "db=" + file.string());
  fill_inventory(m, copy);
}

void snapshot_postgresql(db::Database& database, const std::string& url, const fs::path& file, Manifest& m) {
  database.read([&](soci::session& s) {
    // pg_dump reads the very snapshot this transaction counts rows and blobs in.
    s << "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
    try {
      std::string snapshot;
      s << "SELECT pg_export_snapshot()", soci::into(snapshot);
      const auto dumped =
          run_program({"pg_dump", "--format=custom", "--no-owner", "--no-privileges",
                       "--snapshot=" + snapshot, "--file=" + file.string(), "--dbname=" + url});
      if (!dumped.ok()) throw std::runtime_error("pg_dump failed: " + dumped.output);
      fill_inventory(m, s);
      s << "COMMIT";
    } catch (...) {
      s << "ROLLBACK";
      throw;
    }
  });
}

std::string stamp(const std::string& iso) {  // 2026-11-29T18:00:00Z -> 20261129T180000Z
  std::string out;
  for (char c : iso)
    if (c != '-' && c != ':') out += c;
  return out;
}

bool is_snapshot(const fs::path& folder) { return fs::is_regular_file(folder / "manifest.json"); }

std::vector<fs::path> snapshots(const fs::path& root) {
  std::vector<fs::path> found;
  if (!fs::is_directory(root)) return found;
  for (const auto& entry : fs::directory_iterator(root))
    if (entry.is_directory() && entry.path().filename().string()[0] != '.' && is_snapshot(entry.path()))
      found.push_back(entry.path());
  std::sort(found.begin(), found.end());
  return found;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool folder_has_files(const fs::path& root) {
  if (!fs::exists(root)) return false;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file()) return true;
  return false;
}

}  // namespace

long long Manifest::rows(std::string_view table) const {
  for (const auto& t : tables)
    if (t.table == table) return t.rows;
  return -1;
}

std::string manifest_json(const Manifest& m) {
  json::object tables, files;
  for (const auto& t : m.tables) tables[t.table] = t.rows;
  for (const auto& f : m.files) files[f.name] = json::object{{"sha256", f.sha256}, {"bytes", f.bytes}};
  json::array blobs;
  for (const auto& b : m.blobs) blobs.emplace_back(b);
  return json::serialize(json::object{{"format", format_name},
                                      {"created_at", m.created_at},
                                      {"backend", m.backend},
                                      {"schema", m.schema},
                                      {"tables", std::move(tables)},
                                      {"files", std::move(files)},
                                      {"blobs", std::move(blobs)}});
}

Result<Manifest> read_manifest(const fs::path& snapshot) {
  return parse_manifest(read_text(snapshot / "manifest.json"));
}

Result<Manifest> parse_manifest(std::string_view text) {
  boost::system::error_code ec;
  const auto parsed = json::parse(text, ec);
  const auto* root = parsed.if_object();
  if (ec || !root || !root->contains("format") || root->at("format") != format_name)
    return Error::invalid("manifest", "bad_manifest", "manifest.json is not a Brilliant backup manifest");
  try {
    Manifest m;
    m.created_at = json::value_to<std::string>(root->at("created_at"));
    m.backend = json::value_to<std::string>(root->at("backend"));
    m.schema = root->at("schema").to_number<long long>();
    for (const auto& [table, rows] : root->at("tables").as_object())
      m.tables.push_back({std::string(table), rows.to_number<long long>()});
    for (const auto& [name, file] : root->at("files").as_object())
      m.files.push_back({std::string(name), json::value_to<std::string>(file.at("sha256")),
                         file.at("bytes").to_number<long long>()});
    for (const auto& blob : root->at("blobs").as_array()) {
      auto hash = json::value_to<std::string>(blob);
      if (!media::valid_hash(hash)) throw std::invalid_argument("blob");
      m.blobs.push_back(std::move(hash));
    }
    for (const auto& f : m.files)
      if (f.name.find('/') != std::string::npos || f.name.starts_with("."))
        throw std::invalid_argument("file name");
    return m;
  } catch (const std::exception&) {
    return Error::invalid("manifest", "bad_manifest", "manifest.json is incomplete or malformed");
  }
}

std::string file_sha256(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::vector<char> buffer(1 << 16);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(buffer.data()),
                              static_cast<unsigned long long>(in.gcount()));
  }
  return hex_digest(state);
}

BackupReport take_backup(db::Database& database, const Places& from, const fs::path& root,
                         const Clock& clock) {
  BackupReport report;
  Manifest& m = report.manifest;
  m.created_at = format_utc(clock.now());
  fs::create_directories(root);
  // Written under a hidden name and renamed when whole: a crash never leaves a snapshot that looks complete.
  const auto partial = root / (".partial-" + random_token(6));
  fs::create_directories(partial);
  try {
    const bool sqlite = database.backend() == db::Backend::sqlite;
    m.backend = sqlite ? "sqlite" : "postgresql";
    const std::string dump = sqlite ? "database.sqlite" : "database.pgdump";
    if (sqlite)
      snapshot_sqlite(database, partial / dump, m);
    else
      snapshot_postgresql(database, from.database_url, partial / dump, m);
    m.files.push_back(file_entry(partial, dump));
    // Blobs are written before the rows that name them, so every blob of the snapshot exists by now.
    // A blob the live store has lost or changed cannot be saved; the rest of the backup still is, and the
    // report names it (the snapshot then lists only what it holds, so it verifies).
    std::vector<std::string> held;
    for (const auto& hash : m.blobs) {
      const auto target = blob_path(root / "blobs", hash);
      const auto source = blob_path(from.blob_root, hash);
      if (fs::exists(target)) {
        held.push_back(hash);
      } else if (!fs::exists(source)) {
        report.problems.push_back("blob " + hash + " is referenced but missing from the store");
      } else if (copy_hashed(source, target, hash) != hash) {
        report.problems.push_back("blob " + hash + " in the store does not match its hash");
      } else {
        held.push_back(hash);
        ++report.blobs_copied;
      }
    }
    m.blobs = std::move(held);
    if (!from.issuer_key.empty() && fs::exists(from.issuer_key)) {
      copy_hashed(from.issuer_key, partial / "issuer.key");
      m.files.push_back(file_entry(partial, "issuer.key"));
    }
    {
      std::ofstream out(partial / "manifest.json", std::ios::binary);
      out << manifest_json(m);
      if (!out.flush()) throw std::runtime_error("cannot write the manifest in " + partial.string());
    }
    auto folder = root / stamp(m.created_at);
    for (int n = 2; fs::exists(folder); ++n) folder = root / (stamp(m.created_at) + "-" + std::to_string(n));
    fs::rename(partial, folder);
    report.folder = folder;
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(partial, ignored);
    throw;
  }
  return report;
}

fs::path snapshot_folder(const fs::path& path) {
  if (is_snapshot(path)) return path;
  const auto all = snapshots(path);
  return all.empty() ? fs::path() : all.back();
}

std::vector<std::string> verify_backup(const fs::path& snapshot) {
  std::vector<std::string> problems;
  if (!is_snapshot(snapshot)) return {"no manifest.json in " + snapshot.string()};
  const auto manifest = read_manifest(snapshot);
  if (!manifest) return {manifest.error().message};
  for (const auto& f : manifest->files) {
    const auto path = snapshot / f.name;
    if (!fs::is_regular_file(path))
      problems.push_back(f.name + " is missing");
    else if (file_sha256(path) != f.sha256)
      problems.push_back(f.name + " does not match its checksum");
  }
  const auto blobs = snapshot.parent_path() / "blobs";
  for (const auto& hash : manifest->blobs) {
    const auto path = blob_path(blobs, hash);
    if (!fs::is_regular_file(path))
      problems.push_back("blob " + hash + " is missing");
    else if (file_sha256(path) != hash)
      problems.push_back("blob " + hash + " does not match its hash");
  }
  return problems;
}

namespace {

Error refused(std::string field, std::string message) {
  return Error::conflict(std::move(field), "restore_refused", std::move(message));
}

// The target must hold nothing: no database file or tables, no blobs.
std::optional<Error> target_not_empty(const Manifest& m, const Places& to) {
  const bool sqlite = to.database_url.starts_with("sqlite:");
  if (sqlite != (m.backend == "sqlite"))
    return refused("db", "the backup is of " + m.backend + "; restore it into the same kind of database");
  if (sqlite) {
    const fs::path file = to.database_url.substr(7);
    if (fs::exists(file) && fs::file_size(file) > 0) return refused("db", file.string() + " already exists");
  } else {
    auto target = db::Database::open(to.database_url, 1);
    long long tables = 0;
    target->read([&](soci::session& s) {
      s << "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()", soci::into(tables);
    });
    if (tables > 0) return refused("db", "the target database already has tables");
  }
  if (folder_has_files(to.blob_root)) return refused("blobs", to.blob_root.string() + " is not empty");
  if (!to.issuer_key.empty() && fs::exists(to.issuer_key)) {
    const bool has_key =
        std::any_of(m.files.begin(), m.files.end(), [](auto& f) { return f.name == "issuer.key"; });
    if (has_key) return refused("issuer_key", to.issuer_key.string() + " already exists");
  }
  return std::nullopt;
}

std::vector<TableCount> restored_counts(const Places& to) {
  auto restored = db::Database::open(to.database_url, 1);
  return restored->read([](soci::session& s) { return count_rows(s); });
}

}  // namespace

Result<Manifest> restore_backup(const fs::path& path, const Places& to) {
  const auto snapshot = snapshot_folder(path);
  if (snapshot.empty()) return Error::not_found("a backup in " + path.string());
  if (auto problems = verify_backup(snapshot); !problems.empty()) {
    std::string all;
    for (const auto& p : problems) all += (all.empty() ? "" : "; ") + p;
    return Error::invalid("backup", "backup_damaged", "the backup does not match its checksums: " + all);
  }
  auto manifest = read_manifest(snapshot);
  if (!manifest) return manifest.error();
  if (auto refusal = target_not_empty(*manifest, to)) return *refusal;
  if (manifest->backend == "sqlite") {
    const fs::path file = to.database_url.substr(7);
    copy_hashed(snapshot / "database.sqlite", file);
  } else {
    const auto restored =
        run_program({"pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                     "--dbname=" + to.database_url, (snapshot / "database.pgdump").string()});
    if (!restored.ok())
      return Error::invalid("db", "restore_failed", "pg_restore failed: " + restored.output);
  }
  for (const auto& hash : manifest->blobs)
    copy_hashed(blob_path(snapshot.parent_path() / "blobs", hash), blob_path(to.blob_root, hash), hash);
  if (!to.issuer_key.empty() && fs::exists(snapshot / "issuer.key"))
    copy_hashed(snapshot / "issuer.key", to.issuer_key);
  // The restored database must hold what the manifest counted.
  for (const auto& t : restored_counts(to))
    if (manifest->rows(t.table) != t.rows)
      return Error::invalid("backup", "restore_incomplete",
                            "table " + t.table + " has " + std::to_string(t.rows) +
                                " rows after restoring, the "
                                "manifest says " +
                                std::to_string(manifest->rows(t.table)));
  return manifest;
}

int prune_backups(const fs::path& root, int keep) {
  auto all = snapshots(root);
  int removed = 0;
  keep = std::max(keep, 1);
  std::set<std::string> kept_blobs;
  for (size_t i = 0; i < all.size(); ++i) {
    if (i + static_cast<size_t>(keep) < all.size()) {
      fs::remove_all(all[i]);
      ++removed;
      continue;
    }
    auto manifest = read_manifest(all[i]);
    if (!manifest) return removed;  // never delete blobs on a manifest we cannot read
    kept_blobs.insert(manifest->blobs.begin(), manifest->blobs.end());
  }
  std::error_code ignored;
  if (fs::is_directory(root))
    for (const auto& entry : fs::directory_iterator(root))
      if (entry.path().filename().string().starts_with(".partial-")) fs::remove_all(entry.path(), ignored);
  const auto blobs = root / "blobs";
  if (!fs::is_directory(blobs)) return removed;
  std::vector<fs::path> orphans;
  for (const auto& entry : fs::recursive_directory_iterator(blobs)) {
    if (!entry.is_regular_file()) continue;
    const auto name = entry.path().parent_path().filename().string() + entry.path().filename().string();
    if (!kept_blobs.count(name)) orphans.push_back(entry.path());
  }
  for (const auto& orphan : orphans) fs::remove(orphan, ignored);
  return removed;
}

}  // namespace brilliant::ops
