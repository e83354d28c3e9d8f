// For tests of the whole app's demo: a fresh SQLite database and blob folder in the temp folder, migrated,
// removed again when the object goes away.
#pragma once
#include <filesystem>
#include <memory>

#include "app/app.hpp"
#include "core/secret.hpp"

namespace brilliant::app {

class TempApp {
 public:
  explicit TempApp(const Clock& clock, const std::string& name = "app")
      : dir_(std::filesystem::temp_directory_path() / (name + "-" + random_token(6))) {
    std::filesystem::create_directories(dir_);
    Config config;
    config.root = BRILLIANT_SOURCE_DIR;
    config.database_url = "sqlite:" + (dir_ / "demo.db").string();
    config.blob_root = dir_ / "blobs";
    config.issuer_key = dir_ / "issuer.key";
    app_ = std::make_unique<App>(config, clock);
    app_->migrate();
  }
  ~TempApp() {
    app_.reset();
    std::filesystem::remove_all(dir_);
  }
  TempApp(const TempApp&) = delete;
  TempApp& operator=(const TempApp&) = delete;

  App& operator*() { return *app_; }
  App* operator->() { return app_.get(); }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<App> app_;
};

}  // namespace brilliant::app
