// For the ops tests: a live installation in a temporary folder (a migrated SQLite database, a blob store
// and an issuer key) with a few rows that refer to blobs, removed again when the object goes away.
#pragma once
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "core/secret.hpp"
#include "db/database.hpp"
#include "db/migrate.hpp"
#include "media/blob_store.hpp"
#include "ops/backup.hpp"

namespace brilliant::ops {

struct Installation {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("brilliant-ops-" + random_token(6));
  Places places{"sqlite:" + (dir / "live.db").string(), dir / "blobs", dir / "issuer.key"};
  std::unique_ptr<db::Database> database;
  std::unique_ptr<media::FolderBlobStore> blobs;

  Installation() {
    std::filesystem::create_directories(dir);
    database = db::Database::open(places.database_url, 2);
    db::migrate(*database, std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations");
    blobs = std::make_unique<media::FolderBlobStore>(places.blob_root);
    std::ofstream(places.issuer_key) << "not a real key, only bytes to carry";
  }
  ~Installation() {
    database.reset();
    std::filesystem::remove_all(dir);
  }
  // A public blob (a row that names it) and returns its hash.
  std::string add_public_blob(const std::string& bytes) {
    auto hash = blobs->put(bytes);
    database->write([&](soci::session& s) {
      s << "INSERT INTO public_blobs (hash, content_type) VALUES (:h, 'image/png')", soci::use(hash);
    });
    return hash;
  }
  // The brand's logo setting (a blob named from a key/value row).
  std::string set_logo(const std::string& bytes) {
    auto hash = blobs->put(bytes);
    database->write([&](soci::session& s) {
      s << "INSERT INTO brand_settings (key, value, updated_at) VALUES ('logo', :h, '2026-11-29T00:00:00Z')",
          soci::use(hash);
    });
    return hash;
  }
  Places elsewhere(const std::string& name) const {
    return {"sqlite:" + (dir / name / "restored.db").string(), dir / name / "blobs",
            dir / name / "issuer.key"};
  }
};

}  // namespace brilliant::ops
