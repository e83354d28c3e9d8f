// For tests of orders and what builds on them (payments): a fresh database with two workshops, a
// shopper (user 1), an operator (user 2) and a maker of workshop 1 (user 3), today's gold quote, and three
// published pieces: moon-ring (120,000 won, 2 in stock, workshop 1), sun-chain (formula-priced from gold, 5
// in stock) and sun-cuff (made to order), both of workshop 2.
#pragma once
#include <gtest/gtest.h>

#include <map>

#include "db/testing.hpp"
#include "orders/orders.hpp"

namespace brilliant::orders {

class OrdersFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([](soci::session& s) {
      s << "INSERT INTO workshops (slug, name, name_en, created_at, updated_at) VALUES ('w1', '달 공방', "
           "'Moon', 'x', "
           "'x')";
      s << "INSERT INTO workshops (slug, name, name_en, created_at, updated_at) VALUES ('w2', '해 공방', "
           "'Sun', 'x', "
           "'x')";
      s << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES ('a@x.kr', "
           "'김보석', 'h', "
           "'x', 'x')";
      s << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES ('op@x.kr', "
           "'운영자', 'h', "
           "'x', 'x')";
      s << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES ('maker@x.kr', "
           "'달 공방 장인', 'h', 'x', 'x')";
      s << "INSERT INTO metal_quotes (metal, day, won_per_gram, created_at) VALUES ('gold', '2026-11-26', "
           "150000, "
           "'x')";
    });
    brand.load();
    add_piece(1, "moon-ring", 120000, 2, false);
    add_piece(2, "sun-chain", 30000, 5, false);
    add_piece(2, "sun-cuff", 80000, 0, true);  // made to order: no stock needed
    // The chain is priced by formula from today's gold quote.
    db->write([](soci::session& s) {
      s << "UPDATE products SET pricing = 'formula', quote_id = 1 WHERE slug = 'sun-chain'";
    });
    catalog.refresh();  // as every change to a piece does (the cart keeps pieces until the catalog changes)
  }

  void add_piece(long long workshop, const std::string& slug, long long price, int stock,
                 bool made_to_order) {
    catalog::Product p;
    p.workshop_id = workshop;
    p.slug = slug;
    p.status = catalog::ProductStatus::published;
    p.published_at = "2026-11-25T00:00:00Z";
    p.category = "ring";
    p.title_ko = slug + " 한";
    p.title_en = slug + " en";
    p.metal = "gold";
    p.purity = 585;
    p.weight_mg = 2000;
    p.pricing = "fixed";
    p.fixed_price = price;
    p.made_to_order = made_to_order;
    p.lead_days = made_to_order ? 10 : 0;
    p.engraving_max_chars = 8;
    p.engraving_fee = 10000;
    p.variants.push_back({0, slug + "-1", 0, 520, 0, "", 0, stock, price});
    const std::string name = workshop == 1 ? "달 공방" : "해 공방";
    ASSERT_TRUE(catalog.create(p, {workshop, "w" + std::to_string(workshop), name, name}).ok());
    variant[slug] = catalog.product(slug)->variants.at(0).id;
  }

  int stock(const std::string& slug) { return catalog.product(slug)->variants.at(0).stock; }

  Checkout checkout(const std::string& token, const std::string& key = "key-1") {
    return {.cart_token = token,
            .user_id = 1,
            .address = {"김보석", "01012345678", "54538", "익산시 보석로 1", "", ""},
            .key = key};
  }

  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  FixedClock clock{TimePoint{} + std::chrono::hours(24 * 365 * 57)};
  catalog::Catalog catalog{*db, clock, [](const std::string&, const std::string& key) { return key; }};
  Carts carts{*db, catalog, clock};
  vendors::BrandStore brand{*db, clock};
  Orders orders{*db,
                catalog,
                carts,
                brand,
                clock,
                [](const catalog::Product&, const catalog::Variant& v, const std::string& locale) {
                  return locale + ":" + v.sku;
                }};
  // An order for `quantity` moon rings (120,000 won each, shipped free), awaiting payment.
  Order one_ring_order(const std::string& key, int quantity = 1) {
    auto token = carts.add("", 1, {.variant_id = variant["moon-ring"], .quantity = quantity})->token;
    auto placed = orders.place(checkout(token, key));
    EXPECT_TRUE(placed.ok()) << placed.error().message;
    return *placed;
  }

  std::map<std::string, long long> variant;
};

}  // namespace brilliant::orders
