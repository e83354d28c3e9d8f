// For the benchmarks that run the whole App: a folder of its own under the system's temp directory
// (removed when done) and a config for it: SQLite in that folder unless a database URL is given, the
// project's templates and static files, blobs in the folder, no access log.
#pragma once
#include <filesystem>
#include <string>
#include <system_error>

#include "app/config.hpp"
#include "core/secret.hpp"

namespace brilliant::bench {

class BenchFolder {
 public:
  explicit BenchFolder(const std::string& name)
      : dir(std::filesystem::temp_directory_path() / ("brilliant-" + name + "-bench-" + random_token(6))) {
    std::filesystem::create_directories(dir);
  }
  ~BenchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
  BenchFolder(const BenchFolder&) = delete;
  BenchFolder& operator=(const BenchFolder&) = delete;

  // database_url: nullptr for a SQLite file here.
  app::Config config(const char* database_url) const {
    app::Config c;
    c.database_url = database_url ? database_url : "sqlite:" + (dir / "bench.db").string();
    c.root = BRILLIANT_SOURCE_DIR;
    c.blob_root = dir / "blobs";
    c.access_log = false;
    return c;
  }

  const std::filesystem::path dir;
};

}  // namespace brilliant::bench
