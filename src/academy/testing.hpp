// For the academy's tests: two workshops and six people. 1 owns "gold", 2 and 3 are its staff, 4 owns
// "silver", 5 is a shopper and 6 an instructor; emails u1@x.example ... u6@x.example, names 사람1 ...;
// "gold" has one piece on sale, sun-ring (id 1).
#pragma once
#include <soci/soci.h>

#include <string>
#include <tuple>

#include "db/database.hpp"

namespace brilliant::academy {

inline void seed_people(db::Database& db) {
  db.write([&](soci::session& sql) {
    const std::string t = "2026-11-01T00:00:00Z";
    for (const std::string slug : {"gold", "silver"}) {
      const std::string name = slug + " 공방", name_en = slug + " workshop";
      sql << "INSERT INTO workshops (slug, name, name_en, status, created_at, updated_at) VALUES (:s, :n, "
             ":e, "
             "'active', :a, :b)",
          soci::use(slug), soci::use(name), soci::use(name_en), soci::use(t), soci::use(t);
    }
    // 1 owner of gold, 2 and 3 staff of gold, 4 owner of silver, 5 a shopper, 6 the instructor
    for (int i = 1; i <= 6; ++i) {
      const std::string email = "u" + std::to_string(i) + "@x.example", name = "사람" + std::to_string(i);
      sql << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES (:e, :n, '', :a, "
             ":b)",
          soci::use(email), soci::use(name), soci::use(t), soci::use(t);
    }
    const std::tuple<int, int, std::string> roles[] = {
        {1, 1, "owner"}, {2, 1, "staff"}, {3, 1, "staff"}, {4, 2, "owner"}};
    for (const auto& [user, workshop, role] : roles)
      sql << "INSERT INTO user_roles (user_id, role, workshop_id, created_at, workshop_role) "
             "VALUES (:u, 'vendor_staff', :w, :a, :r)",
          soci::use(user), soci::use(workshop), soci::use(t), soci::use(role);
    sql << "INSERT INTO products (workshop_id, slug, category, title_ko, title_en, metal, purity, weight_mg, "
           "status, created_at, updated_at) VALUES (1, 'sun-ring', 'ring', '해 반지', 'Sun ring', 'gold', "
           "585, 2000, "
           "'published', :a, :b)",
        soci::use(t), soci::use(t);
  });
}

}  // namespace brilliant::academy
