// Appending to the transparency log (issue 11: at least 10,000 entries a second on SQLite and on
// PostgreSQL). Each append is durable: its own committed transaction (batch 1), or BATCH entries to a
// transaction as a bulk import of evidence would. Usage: log_bench DB-URL [entries] [batch]
//   DB-URL: "sqlite" (a fresh file in /tmp) or postgresql://...
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/secret.hpp"
#include "db/database.hpp"
#include "db/migrate.hpp"
#include "trust/log.hpp"

using namespace brilliant;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  std::string url = argc > 1 ? argv[1] : "sqlite";
  const int entries = argc > 2 ? std::atoi(argv[2]) : 20000;
  const int batch = argc > 3 ? std::atoi(argv[3]) : 1;
  std::filesystem::path file;
  if (url == "sqlite") {  // a throwaway file; "sqlite:PATH" keeps its file (bench/log.sh serves it)
    file = std::filesystem::temp_directory_path() / ("log-bench-" + random_token(6) + ".db");
    url = "sqlite:" + file.string();
  }
  auto db = db::Database::open(url, 2);
  db::migrate(*db, std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations");
  trust::TransparencyLog log(*db, trust::new_key(), "bench.example/log");
  const auto before = log.size();
  const auto t0 = Clock::now();
  for (int i = 0; i < entries; i += batch)
    db->write([&](soci::session& sql) {
      std::vector<std::string> texts;
      for (int k = i; k < std::min(entries, i + batch); ++k)
        texts.push_back("{\"event\":\"bench\",\"sha256\":\"" + sha256_hex(std::to_string(k)) + "\"}");
      if (texts.size() == 1)
        trust::TransparencyLog::append(sql, texts.front(), "2026-11-29T00:00:00Z");
      else
        trust::TransparencyLog::append_all(sql, texts, "2026-11-29T00:00:00Z");
    });
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  const auto t1 = Clock::now();
  const auto size = log.size();  // reads the new leaves and hashes them into the tree
  const double tree_ms = std::chrono::duration<double, std::milli>(Clock::now() - t1).count();
  std::printf(
      "%s: %d appends in transactions of %d: %.0f appends/s (%.1f s); log now %llu entries, "
      "loading %llu leaves into the tree %.0f ms\n",
      url.substr(0, url.find(':')).c_str(), entries, batch, entries / seconds, seconds,
      static_cast<unsigned long long>(size), static_cast<unsigned long long>(size - before), tree_ms);
  db.reset();
  if (!file.empty())
    for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
  return size == before + static_cast<uint64_t>(entries) ? 0 : 1;
}
