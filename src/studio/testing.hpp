// For the studio's tests: a workshop, a station person ("Station", user 1) and a silver ring of 3.2 g
// (product 1) with variants of the given SKUs and stated weights (0: the ring's); a fixture with the whole
// studio on a temporary database, an order "B-1" of one ring ready to pack, and studio shots generated
// with libvips (a piece on an off-white background lit unevenly).
#pragma once
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/secret.hpp"
#include "db/database.hpp"
#include "db/testing.hpp"
#include "media/blob_store.hpp"
#include "media/photo_pipeline.hpp"
#include "media/samples.hpp"
#include "studio/service.hpp"
#include "trust/log.hpp"

namespace brilliant::studio {

inline void add_ring(db::Database& db, const std::vector<std::pair<std::string, long long>>& variants) {
  db.write([&](soci::session& s) {
    s << "INSERT INTO workshops (slug, name, name_en, status, created_at, updated_at) VALUES ('w', '공방', "
         "'Workshop', 'active', 'x', 'x')";
    s << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES ('s@x', 'Station', "
         "'h', 'x', 'x')";
    s << "INSERT INTO products (workshop_id, slug, status, category, title_ko, title_en, metal, purity, "
         "colour, weight_mg, pricing, created_at, updated_at) VALUES (1, 'ring', 'published', 'ring', "
         "'반지', "
         "'Ring', 'silver', 925, 'white', 3200, 'formula', 'x', 'x')";
    for (const auto& [sku, mg] : variants)
      s << "INSERT INTO variants (product_id, sku, weight_mg, stock, created_at, updated_at) VALUES (1, :s, "
           ":w, 1, 'x', 'x')",
          soci::use(sku), soci::use(mg);
  });
}

// A studio shot (media/samples.hpp).
inline std::string piece_photo(int cx, int cy, int size, bool bar = false, double light = 238) {
  return media::sample_piece_photo(cx, cy, size, bar, light);
}

class StudioFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    media::start_libvips();
    add_ring(*db, {{"BR-1-13", 0}});
    studio.set_orders(
        {[](const std::string& number, const std::string&) -> std::optional<Parcel> {
           if (number != "B-1") return std::nullopt;
           return Parcel{"B-1", 1, 1, "공방", true, {{1, 1, "BR-1-13", "반지", 0, "Ring"}}};
         },
         [this](const std::string&, long long, long long, const std::string&,
                const std::string&) -> Result<void> {
           ++shipped;
           return {};
         },
         [this](int limit, const std::string& number, const std::string& workshop) {
           waiting_limit = limit;
           std::vector<Parcel> out;  // B-1 waits until it is shipped
           if (!shipped && (number.empty() || number == "B-1") &&
               (workshop.empty() || workshop == "gongbang"))
             out.push_back({"B-1",
                            1,
                            1,
                            "공방",
                            true,
                            {{1, 1, "BR-1-13", "반지", 0, "Ring"}},
                            "gongbang",
                            "Workshop",
                            "2026-11-20T01:00:00Z"});
           return out;
         },
         [this] {
           return shipped ? std::vector<WaitingCount>{}
                          : std::vector<WaitingCount>{{"gongbang", "공방", "Workshop", waiting_in_all}};
         },
         [this](int limit) {  // B-9's ring is on its way back with a waybill; then returning_in_all - 1 more
           returning_limit = limit;
           std::vector<Returning> out;
           for (int i = 0; i < std::min(limit, returning_in_all); ++i)
             out.push_back(i == 0 ? Returning{"B-9", "공방", "Workshop", "shipped_back", "cj", "520000000001",
                                              "반지", "Ring"}
                                  : Returning{"B-" + std::to_string(100 + i), "공방", "Workshop", "approved",
                                              "", "", "반지", "Ring"});
           return out;
         }});
  }
  void TearDown() override { std::filesystem::remove_all(blob_dir); }

  // Order B-1 packed and shipped with a ring received at 3.20 g: its serial.
  std::string packed_order() {
    const web::Principal who{1, "s@x", "Station"};
    const auto item = studio.intake(1, "BR-1-13", "3.20", "", "").value();
    const auto s = studio.open_packing(who, "B-1", "").value();
    EXPECT_TRUE(studio.pack(who, s.id, item.serial).ok());
    EXPECT_TRUE(studio.add_packing_photo(s.id, "piece", piece_photo(300, 320, 120), item.serial).ok());
    EXPECT_TRUE(studio.add_packing_photo(s.id, "serial", piece_photo(420, 260, 90, true), item.serial).ok());
    EXPECT_TRUE(studio.add_packing_photo(s.id, "box", piece_photo(400, 300, 200)).ok());
    EXPECT_TRUE(studio.add_packing_photo(s.id, "sealed", piece_photo(400, 300, 220, true)).ok());
    EXPECT_TRUE(studio.close_packing(who, s.id, "cj", "123456789012").ok());
    return item.serial;
  }

  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  std::filesystem::path blob_dir = std::filesystem::temp_directory_path() / ("studio-" + random_token(6));
  media::FolderBlobStore blobs{blob_dir};
  media::PhotoPipeline pipeline{blobs, media::PhotoLimits{}, 1};
  FixedClock clock{TimePoint{}};
  Studio studio{*db, blobs, pipeline, clock};
  trust::TransparencyLog log{*db, trust::new_key(), "b.example/log"};
  int shipped = 0;
  int waiting_limit = 0;         // the number of orders the packing list last asked for
  long long waiting_in_all = 1;  // what the count of waiting parcels says (B-1's one, or more)
  int returning_limit = 0;       // the number of returns on their way the returns station last asked for
  int returning_in_all = 1;      // how many are on their way (B-9's, or more)
};

}  // namespace brilliant::studio
