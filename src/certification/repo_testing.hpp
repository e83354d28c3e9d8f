// A database with the first scheme, two workshops and a way to add certificates, for the repository's tests.
#pragma once
#include <gtest/gtest.h>

#include "certification/repo.hpp"
#include "db/testing.hpp"

namespace brilliant::certification {

class CertificationRepoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([](soci::session& s) {
      s << "INSERT INTO workshops (slug, name, name_en, status, created_at, updated_at) VALUES ('moon', "
           "'달빛 공방', "
           "'Moon Atelier', 'active', 'x', 'x')";
      s << "INSERT INTO workshops (slug, name, name_en, status, created_at, updated_at) VALUES ('sun', '햇살 "
           "공방', "
           "'Sun Atelier', 'active', 'x', 'x')";
      auto scheme = first_scheme();
      scheme.published = true;
      repo::insert_scheme(s, scheme, "2026-11-29T00:00:00Z");
    });
  }
  long long certify(long long workshop, const std::string& number, CertificateStatus status, int level) {
    return db->write([&](soci::session& s) {
      const auto app = repo::insert_application(s, workshop, 1, "t");
      Certificate c;
      c.number = number;
      c.workshop.id = workshop;
      c.application_id = app;
      c.version = 1;
      c.level = level;
      c.scope = "은 반지";
      c.claims = {"recycled_silver"};
      c.status = status;
      c.status_index = repo::next_status_index(s);
      c.valid_from = "2026-11-29T00:00:00Z";
      c.valid_until = "2029-11-29T00:00:00Z";
      c.credential = "{}";
      c.credential_sha256 = std::string(64, 'a');
      c.created_at = "t";
      return repo::insert_certificate(s, c);
    });
  }
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
};

}  // namespace brilliant::certification
