// For the studio's tests: a workshop, a station person ("Station", user 1) and a silver ring of 3.2 g
// (product 1) with variants of the given SKUs and stated weights (0: the ring's).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "db/database.hpp"

namespace brilliant::studio {

inline void add_ring(db::Database& db, const std::vector<std::pair<std::string, long long>>& variants) {
  db.write([&](soci::session& s) {
    s << "INSERT INTO workshops (slug, name, status, created_at, updated_at) VALUES ('w', '공방', 'active', "
         "'x', "
         "'x')";
    s << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES ('s@x', 'Station', "
         "'h', "
         "'x', 'x')";
    s << "INSERT INTO products (workshop_id, slug, status, category, title_ko, title_en, metal, purity, "
         "colour, "
         "weight_mg, pricing, created_at, updated_at) VALUES (1, 'ring', 'published', 'ring', '반지', "
         "'Ring', "
         "'silver', 925, 'white', 3200, 'formula', 'x', 'x')";
    for (const auto& [sku, mg] : variants)
      s << "INSERT INTO variants (product_id, sku, weight_mg, stock, created_at, updated_at) VALUES (1, :s, "
           ":w, 1, "
           "'x', 'x')",
          soci::use(sku), soci::use(mg);
  });
}

}  // namespace brilliant::studio
