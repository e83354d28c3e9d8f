// Brilliant Studio's route table: every route is for station staff and operators only (stations are
// kept apart from consoles and the store), and the fixed paths come before the patterns that would
// swallow them.
#include "studio/routes.hpp"

#include <gtest/gtest.h>

#include "db/testing.hpp"
#include "media/blob_store.hpp"
#include "media/photo_pipeline.hpp"
#include "studio/service.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::studio {

TEST(StudioRoutes, OnlyStationStaffAndOperatorsReachThem) {
  const std::filesystem::path root{BRILLIANT_SOURCE_DIR};
  db::TempDatabase db{root / "migrations"};
  const auto dir = std::filesystem::temp_directory_path() / ("studio-routes-" + random_token(6));
  media::FolderBlobStore blobs{dir};
  media::PhotoPipeline pipeline{blobs, media::PhotoLimits{}, 1};
  FixedClock clock{TimePoint{}};
  Studio studio{*db, blobs, pipeline, clock};
  web::I18n i18n{root / "locales"};
  web::StaticFiles files{root / "static"};
  web::Renderer renderer{root / "templates", i18n, files, web::Reload::never};
  Deps deps{studio, renderer};
  web::Router router;
  add_routes(router, deps);
  const uint32_t staff =
      static_cast<uint32_t>(web::Role::station_staff) | static_cast<uint32_t>(web::Role::operator_);
  size_t intake = 0, packing = 0, generic = 0;
  for (const auto& r : router.routes()) {
    EXPECT_TRUE(r.access.login) << r.pattern;
    EXPECT_EQ(r.access.any_of, staff) << r.pattern;
    if (r.method == web::Method::get && r.pattern == "/station/intake") intake = r.index;
    if (r.method == web::Method::post && r.pattern == "/station/packing/sessions") packing = r.index;
    if (r.method == web::Method::get && r.pattern == "/station/{station}") generic = r.index;
  }
  EXPECT_GE(router.routes().size(), 20u);
  EXPECT_LT(intake, generic);
  EXPECT_LT(packing, generic);
  std::filesystem::remove_all(dir);
}

}  // namespace brilliant::studio
