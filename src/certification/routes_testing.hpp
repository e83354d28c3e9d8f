// A route table of the certification built with real dependencies, for the route files' tests.
#pragma once
#include <gtest/gtest.h>

#include "certification/routes.hpp"
#include "certification/service.hpp"
#include "db/testing.hpp"
#include "media/blob_store.hpp"
#include "trust/log.hpp"
#include "web/render.hpp"
#include "web/router.hpp"
#include "web/testing.hpp"

namespace brilliant::certification {

class CertificationRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override { add_all_routes(router, deps); }
  void TearDown() override { std::filesystem::remove_all(blob_dir); }
  const web::Route* route(web::Method method, const std::string& pattern) {
    for (const auto& r : router.routes())
      if (r.method == method && r.pattern == pattern) return &r;
    return nullptr;
  }
  static uint32_t bit(web::Role role) { return static_cast<uint32_t>(role); }

  std::filesystem::path root{BRILLIANT_SOURCE_DIR};
  db::TempDatabase db{root / "migrations"};
  std::filesystem::path blob_dir =
      std::filesystem::temp_directory_path() / ("cert-routes-" + random_token(6));
  media::FolderBlobStore blobs{blob_dir};
  FixedClock clock{TimePoint{}};
  trust::KeyPair key = trust::new_key();
  Certification certs{*db, blobs, clock, {"http://x.example", "did:web:x.example", key}};
  trust::TransparencyLog log{*db, key, "x.example/log"};
  web::TestPages pages;
  web::Renderer& renderer = pages.renderer;
  Deps deps{certs, log, renderer, clock};
  web::Router router;
};

}  // namespace brilliant::certification
