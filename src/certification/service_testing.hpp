// The certification service with a database, blobs, a log and a workshop with a staff member, an
// auditor and a silver and a gold ring, for the service's tests.
#pragma once
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <vips/vips8>

#include "certification/credential.hpp"
#include "certification/service.hpp"
#include "db/testing.hpp"
#include "mail/outbox.hpp"
#include "media/blob_store.hpp"
#include "media/vips_buffer.hpp"
#include "trust/log.hpp"
#include "trust/verify.hpp"

namespace brilliant::certification {
using namespace std::chrono_literals;

inline std::string png() {
  auto image = vips::VImage::black(40, 30).new_from_image(std::vector<double>{200, 180, 40});
  return media::encode_image(image.cast(VIPS_FORMAT_UCHAR), ".png");
}

class CertificationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([](soci::session& s) {
      s << "INSERT INTO workshops (slug, name, name_en, status, created_at, updated_at) VALUES ('moon', "
           "'달빛 공방', "
           "'Moon Atelier', 'active', 'x', 'x')";
      for (const char* who : {"maker", "auditor", "other"})
        s << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES ('" << who
          << "@x.example', '" << who << "', 'h', 'x', 'x')";
      s << "INSERT INTO user_roles (user_id, role, workshop_id, created_at) VALUES (1, 'vendor_staff', 1, "
           "'x')";
      s << "INSERT INTO user_roles (user_id, role, created_at) VALUES (2, 'auditor', 'x')";
      for (const char* metal : {"silver", "gold"})
        s << "INSERT INTO products (workshop_id, slug, status, category, title_ko, title_en, metal, purity, "
             "colour, "
             "weight_mg, pricing, created_at, updated_at) VALUES (1, '"
          << metal << "-ring', 'published', 'ring', '반지', 'Ring', '" << metal << "', 925, 'white', 3000, "
          << "'formula', 'x', 'x')";
    });
    certs.ensure_scheme();
    certs.on_store_change([this] { ++store_changes; });
  }
  void TearDown() override { std::filesystem::remove_all(blob_dir); }

  web::Principal auditor() const {
    web::Principal p;
    p.user_id = 2;
    p.roles = static_cast<uint32_t>(web::Role::auditor);
    return p;
  }

  // A draft assessed, evidenced, submitted and scored at `scored` % on each scored criterion.
  long long ready_application(int scored) {
    auto d = certs.open_application(1).value();
    std::vector<Answer> answers;
    for (const auto& c : d.scheme.criteria) answers.push_back({c.code, 90, "note", -1, ""});
    EXPECT_TRUE(certs.save_self_assessment(1, answers, "은 반지", 3).ok());
    for (const auto& c : d.scheme.criteria)
      if (c.kind == CriterionKind::baseline) {
        EXPECT_TRUE(certs.add_evidence(1, c.code, "proof.png", image).ok());
      }
    EXPECT_TRUE(certs.submit(1).ok());
    for (const auto& c : d.scheme.criteria)
      EXPECT_TRUE(certs
                      .score(d.application.id, auditor(), c.code,
                             c.kind == CriterionKind::baseline ? 100 : scored, "")
                      .ok());
    return d.application.id;
  }

  std::pair<std::string, std::string> eco_of(const char* slug) {
    return db->read([&](soci::session& s) {
      std::string claims, number;
      const std::string key(slug);
      s << "SELECT eco_claims, eco_certificate FROM products WHERE slug = :s", soci::use(key),
          soci::into(claims), soci::into(number);
      return std::pair{claims, number};
    });
  }

  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  std::filesystem::path blob_dir = std::filesystem::temp_directory_path() / ("cert-blobs-" + random_token(6));
  media::FolderBlobStore blobs{blob_dir};
  FixedClock clock{TimePoint{} + 24h * 365 * 57};
  trust::KeyPair key = trust::new_key();
  Certification certs{*db, blobs, clock, Issuer{"https://b.example", "did:web:b.example", key}};
  trust::TransparencyLog log{*db, key, "b.example/log"};
  std::string image = png();
  int store_changes = 0;
};

}  // namespace brilliant::certification
