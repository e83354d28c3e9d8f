// The order writers' tests' fixture (order_writes_test.cpp, order_at_once_test.cpp): pieces, a cart and an
// order to write, written in the caller's transaction; counts read back.
#pragma once
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/secret.hpp"
#include "db/database.hpp"
#include "orders/order_repo.hpp"

namespace brilliant::orders::repo {

struct Piece {
  catalog::Product product;
  PricedLine line;
};

inline long long returned_id(soci::session& sql, const std::string& insert) {
  long long id = 0;
  sql << insert + " RETURNING id", soci::into(id);
  return id;
}

// A workshop and a piece of it with one variant of three in stock, written in the transaction.
inline Piece piece(soci::session& sql, const std::string& tag, int n) {
  const std::string slug = "ow-" + tag + "-" + std::to_string(n);
  Piece p;
  p.product.workshop_id =
      returned_id(sql, "INSERT INTO workshops (slug, name, name_en, created_at, updated_at) VALUES ('" +
                           slug + "', '공방', 'Atelier', 'x', 'x')");
  p.product.id = returned_id(
      sql,
      "INSERT INTO products (workshop_id, slug, status, category, title_ko, title_en, metal, purity, "
      "weight_mg, pricing, created_at, updated_at) VALUES (" +
          std::to_string(p.product.workshop_id) + ", '" + slug +
          "', 'published', 'ring', '반지', 'Ring', 'silver', 925, 2000, 'fixed', 'x', 'x')");
  catalog::Variant v;
  v.sku = slug;
  v.stock = 3;
  v.id = returned_id(sql,
                     "INSERT INTO variants (product_id, sku, stock, price, created_at, updated_at) VALUES (" +
                         std::to_string(p.product.id) + ", '" + slug + "', 3, 50000, 'x', 'x')");
  p.product.slug = slug;
  p.product.title_ko = "반지";
  p.product.title_en = "Ring";
  p.product.category = "ring";
  p.product.pricing = "fixed";
  p.product.variants = {v};
  p.line = {.product_id = p.product.id, .variant_id = v.id, .quantity = 1, .unit_price = 50000};
  return p;
}

inline NewOrder new_order(const std::string& key) {
  return {.number = "BR-261201-" + sha256_hex(key).substr(0, 8),
          .key = key,
          .fingerprint = "f",
          .guest_email = "guest@example.kr",
          .guest_key = "g" + key,
          .locale = "ko",
          .pay_by = "2026-12-04T00:00:00Z",
          .at = "2026-12-01T00:00:00Z",
          .address = {"김보석", "010-1234-5678", "54538", "익산시 1", "", ""}};
}

inline long long count(soci::session& sql, const std::string& query) {
  long long n = 0;
  sql << "SELECT CAST(COUNT(*) AS BIGINT) " + query, soci::into(n);
  return n;
}

inline int stock_of(soci::session& sql, long long variant) {
  int n = 0;
  sql << "SELECT stock FROM variants WHERE id = :v", soci::use(variant), soci::into(n);
  return n;
}

template <class T>
std::string code_of(const Result<T>& result) {
  return result.ok() ? "written" : result.error().code;
}

// A cart holding one line for each piece (a quantity of one), written in the transaction.
inline std::vector<CartLine> cart_of(soci::session& sql, const std::string& token,
                                     const std::vector<const Piece*>& pieces) {
  const long long cart = returned_id(sql, "INSERT INTO carts (token_hash, created_at, updated_at) VALUES ('" +
                                              sha256_hex(token) + "', 'x', 'x')");
  std::vector<CartLine> lines;
  for (const auto* p : pieces)
    lines.push_back(
        {.id = returned_id(sql,
                           "INSERT INTO cart_lines (cart_id, product_id, variant_id, quantity, "
                           "unit_price, created_at, updated_at) VALUES (" +
                               std::to_string(cart) + ", " + std::to_string(p->product.id) + ", " +
                               std::to_string(p->line.variant_id) + ", 1, 50000, 'x', 'x')"),
         .slug = p->product.slug,
         .added = p->line,
         .now = p->line,
         .product = p->product});
  return lines;
}

}  // namespace brilliant::orders::repo
