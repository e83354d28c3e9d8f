// repo::insert_order on SQLite and, when the test run has one, on PostgreSQL (where it folds the cart's
// lines, the order, its event and its parcels into one statement and each line with its stock into
// another): what it says it wrote is what the tables hold; a cart ordered already, a used key and too
// little stock are each refused, the cart before the key as on either database. Everything runs in one
// transaction that is rolled back, so the shared PostgreSQL database keeps nothing of it.
#include "orders/order_repo.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "db/testing.hpp"

namespace brilliant::orders::repo {
namespace {

struct Piece {
  catalog::Product product;
  PricedLine line;
};

long long returned_id(soci::session& sql, const std::string& insert) {
  long long id = 0;
  sql << insert + " RETURNING id", soci::into(id);
  return id;
}

// A workshop and a piece of it with one variant of three in stock, written in the transaction.
Piece piece(soci::session& sql, const std::string& tag, int n) {
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

NewOrder new_order(const std::string& key) {
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

long long count(soci::session& sql, const std::string& query) {
  long long n = 0;
  sql << "SELECT CAST(COUNT(*) AS BIGINT) " + query, soci::into(n);
  return n;
}

int stock_of(soci::session& sql, long long variant) {
  int n = 0;
  sql << "SELECT stock FROM variants WHERE id = :v", soci::use(variant), soci::into(n);
  return n;
}

template <class T>
std::string code_of(const Result<T>& result) {
  return result.ok() ? "written" : result.error().code;
}

void writes_and_refuses(db::Database& db) {
  const std::string tag = random_token(6);
  auto ran = db.write([&](soci::session& sql) -> Result<void> {
    const auto ring = piece(sql, tag, 1), chain = piece(sql, tag, 2);
    const std::string token = "cart-" + tag, hash = sha256_hex(token);
    const long long cart = returned_id(
        sql, "INSERT INTO carts (token_hash, created_at, updated_at) VALUES ('" + hash + "', 'x', 'x')");
    std::vector<CartLine> lines;
    for (const auto* p : {&ring, &chain})
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
    const auto plan =
        plan_order({{ring.product.workshop_id, ring.line}, {chain.product.workshop_id, chain.line}},
                   vendors::ShippingRules{}, false);
    auto order = new_order("key-" + tag + "-first");
    order.cart_token = token;
    auto written = insert_order(sql, order, lines, plan, {}, nullptr);
    EXPECT_TRUE(written.ok()) << written.error().message;
    if (!written) return written.error();
    const long long id = written->order_id;
    EXPECT_EQ(written->head.id, id);
    EXPECT_EQ(written->head.number, order.number);
    EXPECT_EQ(written->head.total, plan.total);
    EXPECT_EQ(written->head.customer_email, "guest@example.kr");
    EXPECT_EQ(written->head.address.recipient, "김보석");
    EXPECT_EQ(written->head.created_at, order.at);
    // Two parcels, one per workshop, as the table holds them; each line in its workshop's parcel.
    EXPECT_EQ(count(sql, "FROM fulfilments WHERE order_id = " + std::to_string(id)), 2);
    EXPECT_EQ(written->fulfilments.size(), 2u);
    const auto column_of = [&](const std::string& query, long long row) {  // of a row of this order
      long long out = 0;
      sql << query, soci::use(row), soci::use(id), soci::into(out);
      return out;
    };
    for (const auto& f : written->fulfilments)
      EXPECT_EQ(column_of("SELECT workshop_id FROM fulfilments WHERE id = :r AND order_id = :o", f.id),
                f.workshop_id);
    EXPECT_EQ(written->lines.size(), 2u);
    for (const auto& l : written->lines) {  // each line told back is the row written for it
      EXPECT_EQ(column_of("SELECT fulfilment_id FROM order_lines WHERE id = :r AND order_id = :o", l.id),
                l.fulfilment_id);
      EXPECT_EQ(column_of("SELECT variant_id FROM order_lines WHERE id = :r AND order_id = :o", l.id),
                l.variant_id);
    }
    // Stock taken and told back; the cart emptied; the "placed" event told by the order's row, by
    // nobody (a guest), with no row of its own in order_events.
    EXPECT_EQ(written->left, (std::vector<std::pair<long long, int>>{{ring.line.variant_id, 2},
                                                                     {chain.line.variant_id, 2}}));
    EXPECT_EQ(stock_of(sql, ring.line.variant_id), 2);
    EXPECT_EQ(count(sql, "FROM cart_lines WHERE cart_id = " + std::to_string(cart)), 0);
    EXPECT_EQ(count(sql, "FROM order_events WHERE order_id = " + std::to_string(id)), 0);
    EXPECT_EQ(written->head.events.size(), 1u);
    for (const auto& e : written->head.events) {
      EXPECT_EQ(e.kind, "placed");
      EXPECT_EQ(e.actor, "");
      EXPECT_EQ(e.created_at, written->head.created_at);
    }
    // The same cart again (another tab, another key): refused; so is it with the first key (the cart
    // is named first, as on either database).
    auto again = new_order("key-" + tag + "-again");
    again.cart_token = token;
    EXPECT_EQ(code_of(insert_order(sql, again, lines, plan, {}, nullptr)), "cart_already_ordered");
    again.key = order.key;
    EXPECT_EQ(code_of(insert_order(sql, again, lines, plan, {}, nullptr)), "cart_already_ordered");
    // Bought directly (no cart): a used key is refused; more than the stock left is refused.
    auto direct = new_order(order.key);
    const auto one = plan_order({{ring.product.workshop_id, ring.line}}, vendors::ShippingRules{}, false);
    const std::vector<CartLine> ring_only{lines.front()};
    EXPECT_EQ(code_of(insert_order(sql, direct, ring_only, one, {}, nullptr)), "checkout_key_used");
    auto greedy = ring_only;
    greedy.front().now->quantity = 3;
    EXPECT_EQ(code_of(insert_order(sql, new_order("key-" + tag + "-greedy"), greedy, one, {}, nullptr)),
              "out_of_stock");
    // Two lines of one size (engraved differently): each within the two left but together over them,
    // refused; together within them, both written and the size sold out.
    auto twice = ring_only;
    twice.push_back(ring_only.front());
    twice.back().now->engraving = twice.back().added.engraving = "JH";
    twice.back().now->quantity = 2;
    const auto plan_of = [&](const std::vector<CartLine>& cart) {
      std::vector<PlannedLine> planned;
      for (const auto& l : cart) planned.push_back({ring.product.workshop_id, *l.now});
      return plan_order(planned, vendors::ShippingRules{}, false);
    };
    sql << "SAVEPOINT twice";  // undone as the caller's rollback would: the first line took its unit
    EXPECT_EQ(
        code_of(insert_order(sql, new_order("key-" + tag + "-twice"), twice, plan_of(twice), {}, nullptr)),
        "out_of_stock");
    sql << "ROLLBACK TO SAVEPOINT twice";
    EXPECT_EQ(stock_of(sql, ring.line.variant_id), 2);
    twice.back().now->quantity = 1;
    auto pair = insert_order(sql, new_order("key-" + tag + "-pair"), twice, plan_of(twice), {}, nullptr);
    EXPECT_EQ(code_of(pair), "written");
    if (pair) {
      EXPECT_EQ(pair->lines.size(), 2u);
      EXPECT_EQ(pair->sold_out, std::vector<long long>{ring.product.id});
      EXPECT_EQ(count(sql, "FROM order_lines WHERE engraving = 'JH' AND order_id = " +
                               std::to_string(pair->order_id)),
                1);
    }
    EXPECT_EQ(stock_of(sql, ring.line.variant_id), 0);
    return Error::conflict("test", "roll_back", "leave nothing behind");
  });
  EXPECT_EQ(code_of(ran), "roll_back");
  db.read([&](soci::session& sql) {
    EXPECT_EQ(count(sql, "FROM workshops WHERE slug LIKE 'ow-" + tag + "-%'"), 0);
  });
}

TEST(OrderWrites, AnOrderIsWrittenAsItSaysAndRefusedWhenItMustBe) {
  db::TempDatabase db(BRILLIANT_SOURCE_DIR "/migrations");
  writes_and_refuses(*db);
}

TEST(OrderWrites, OnPostgresqlTheFoldedStatementsWriteTheSame) {
  const char* url = std::getenv("BRILLIANT_TEST_PG_URL");
  if (!url) GTEST_SKIP() << "no PostgreSQL for this run (BRILLIANT_TEST_PG_URL unset)";
  auto db = db::Database::open(url, 2);
  writes_and_refuses(*db);
}

// migrations/053_line_piece_keys.pg.sql: on PostgreSQL a line's piece and size are one key. A line naming
// one piece with another's size is refused, in a cart and in an order; deleting a piece still takes its cart
// lines with it.
TEST(OrderWrites, OnPostgresqlALineNamesItsPieceAndSizeAsOneKey) {
  const char* url = std::getenv("BRILLIANT_TEST_PG_URL");
  if (!url) GTEST_SKIP() << "no PostgreSQL for this run (BRILLIANT_TEST_PG_URL unset)";
  auto db = db::Database::open(url, 2);
  const std::string tag = random_token(6);
  auto ran = db->write([&](soci::session& sql) -> Result<void> {
    const auto ring = piece(sql, tag, 1), chain = piece(sql, tag, 2);
    const long long cart =
        returned_id(sql, "INSERT INTO carts (token_hash, created_at, updated_at) VALUES ('" +
                             sha256_hex(tag) + "', 'x', 'x')");
    const auto add = [&](long long product, long long variant) {
      sql << "SAVEPOINT line";
      try {
        sql << "INSERT INTO cart_lines (cart_id, product_id, variant_id, quantity, unit_price, created_at, "
               "updated_at) VALUES (:c, :p, :v, 1, 50000, 'x', 'x')",
            soci::use(cart), soci::use(product), soci::use(variant);
        sql << "RELEASE SAVEPOINT line";
        return true;
      } catch (const soci::soci_error&) {
        sql << "ROLLBACK TO SAVEPOINT line";
        return false;
      }
    };
    EXPECT_FALSE(add(ring.product.id, chain.line.variant_id));
    EXPECT_TRUE(add(ring.product.id, ring.line.variant_id));
    EXPECT_TRUE(add(chain.product.id, chain.line.variant_id));
    // An order line naming the ring with the chain's size (the ring's record doctored to list that size, past
    // the checks the checkout makes first): refused by the database, nothing written.
    auto crossed = ring.line;
    crossed.variant_id = chain.line.variant_id;
    auto doctored = ring.product;
    doctored.variants.front().id = chain.line.variant_id;
    const auto plan = plan_order({{ring.product.workshop_id, crossed}}, vendors::ShippingRules{}, false);
    std::vector<CartLine> lines{
        {.slug = ring.product.slug, .added = crossed, .now = crossed, .product = doctored}};
    sql << "SAVEPOINT order_line";
    EXPECT_THROW(insert_order(sql, new_order("key-" + tag + "-crossed"), lines, plan, {}, nullptr),
                 soci::soci_error);
    sql << "ROLLBACK TO SAVEPOINT order_line";
    EXPECT_EQ(count(sql, "FROM orders WHERE checkout_key = 'key-" + tag + "-crossed'"), 0);
    EXPECT_EQ(stock_of(sql, chain.line.variant_id), 3);
    // The ring deleted: its size goes, and with it its line in the cart; the chain's stays.
    sql << "DELETE FROM products WHERE id = :p", soci::use(ring.product.id);
    EXPECT_EQ(count(sql, "FROM cart_lines WHERE cart_id = " + std::to_string(cart)), 1);
    return Error::conflict("test", "roll_back", "leave nothing behind");
  });
  EXPECT_EQ(code_of(ran), "roll_back");
}

}  // namespace
}  // namespace brilliant::orders::repo
