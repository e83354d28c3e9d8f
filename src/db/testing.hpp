// For tests: a fresh SQLite database in the temp folder with every migration applied, removed again
// (with its WAL files) when the object goes away.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "core/secret.hpp"
#include "db/database.hpp"
#include "db/migrate.hpp"

namespace brilliant::db {

class TempDatabase {
 public:
  explicit TempDatabase(const std::filesystem::path& migrations, int readers = 2)
      : path_(std::filesystem::temp_directory_path() / ("brilliant-test-" + random_token(8) + ".db")),
        db_(Database::open("sqlite:" + path_.string(), readers)) {
    migrate(*db_, migrations);
  }
  ~TempDatabase() {
    db_.reset();
    for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;

  Database& operator*() { return *db_; }
  Database* operator->() { return db_.get(); }

 private:
  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

}  // namespace brilliant::db
