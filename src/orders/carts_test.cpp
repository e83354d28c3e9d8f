#include "orders/carts.hpp"

#include <gtest/gtest.h>
#include <atomic>
#include <functional>
#include <latch>
#include <thread>

#include "db/testing.hpp"

namespace brilliant::orders {
namespace {

// Every test on SQLite and on the test run's PostgreSQL (BRILLIANT_TEST_PG_URL), where an add is written
// differently (carts.cpp: add_unlocked). The PostgreSQL database is shared: the workshop and piece are this
// test's own and go again, with their carts, at the end.
class CartsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      temp = std::make_unique<db::TempDatabase>(std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations");
      db = &**temp;
    } else {
      const char* url = std::getenv("BRILLIANT_TEST_PG_URL");
      if (!url) GTEST_SKIP() << "no PostgreSQL for this run (BRILLIANT_TEST_PG_URL unset)";
      pg = db::Database::open(url, 4);
      db = pg.get();
    }
    const std::string tag = sha256_hex(random_token(8)).substr(0, 8);  // a slug: lowercase letters and digits
    const std::string workshop_slug = "carts-" + tag;                  // bound: must outlive the statement
    workshop = db->write([&](soci::session& s) {
      long long id = 0;
      s << "INSERT INTO workshops (slug, name, name_en, created_at, updated_at) VALUES (:s, '익산 공방', "
           "'Iksan Atelier', 'x', 'x') RETURNING id",
          soci::use(workshop_slug), soci::into(id);
      return id;
    });
    catalog = std::make_unique<catalog::Catalog>(
        *db, clock, [](const std::string&, const std::string& key) { return key; });
    carts = std::make_unique<Carts>(*db, *catalog, clock);
    catalog::Product p;
    p.workshop_id = workshop;
    p.slug = "moon-ring-" + tag;
    p.status = catalog::ProductStatus::published;
    p.published_at = "2026-11-25T00:00:00Z";
    p.category = "ring";
    p.title_ko = "달빛 반지";
    p.title_en = "Moonlight Ring";
    p.metal = "silver";
    p.purity = 925;
    p.weight_mg = 2000;
    p.pricing = "fixed";
    p.fixed_price = 120000;
    p.engraving_max_chars = 8;
    p.engraving_fee = 10000;
    p.gift_wrap_fee = 3000;
    p.variants.push_back({0, "moon-13-" + tag, 0, 520, 0, "", 0, 3, 120000});
    p.variants.push_back({0, "moon-15-" + tag, 1, 540, 0, "", 0, 1, 120000});
    p.variants.push_back({0, "moon-17-" + tag, 2, 560, 0, "", 0, 100, 120000});
    auto created = catalog->create(p, {workshop, workshop_slug, "익산 공방", "Iksan Atelier"});
    ASSERT_TRUE(created.ok()) << created.error().message;
    auto stored = catalog->product(p.slug);
    ASSERT_TRUE(stored.has_value());
    product = stored->id;
    small = stored->variants.at(0).id;
    large = stored->variants.at(1).id;
    plenty = stored->variants.at(2).id;
  }
  void TearDown() override {
    if (!pg || !product) return;
    pg->write([&](soci::session& s) {
      s << "DELETE FROM carts WHERE id IN (SELECT cart_id FROM cart_lines WHERE product_id = :p)",
          soci::use(product);
      s << "DELETE FROM products WHERE id = :p", soci::use(product);
      s << "DELETE FROM workshops WHERE id = :w", soci::use(workshop);
    });
  }
  std::unique_ptr<db::TempDatabase> temp;
  std::unique_ptr<db::Database> pg;
  db::Database* db = nullptr;
  FixedClock clock{TimePoint{}};
  std::unique_ptr<catalog::Catalog> catalog;
  std::unique_ptr<Carts> carts;
  long long workshop = 0, product = 0, small = 0, large = 0, plenty = 0;
};

INSTANTIATE_TEST_SUITE_P(Backends, CartsTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

TEST_P(CartsTest, AGuestGetsACartAndTheSameOptionsAddUp) {
  auto first = carts->add("", 0, {.variant_id = small, .quantity = 1});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->token.size(), 32u);
  auto again = carts->add(first->token, 0, {.variant_id = small, .quantity = 1});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->line_id, first->line_id);
  auto engraved = carts->add(first->token, 0, {.variant_id = small, .quantity = 1, .engraving = "J♥M"});
  ASSERT_TRUE(engraved.ok());
  EXPECT_NE(engraved->line_id, first->line_id);
  auto view = carts->view(first->token);
  ASSERT_EQ(view.lines.size(), 2u);
  EXPECT_EQ(view.pieces, 3);
  EXPECT_EQ(view.subtotal, 3 * 120000 + 10000);
  EXPECT_TRUE(view.has_final_sale);
  EXPECT_FALSE(view.lines[0].added.final_sale);
  EXPECT_TRUE(view.lines[1].added.final_sale);
}

// The add's answer shows the cart from the add's own transaction: the same as reading it afresh.
TEST_P(CartsTest, AnAddAnswersWithTheCartAsViewShowsIt) {
  auto first = carts->add("", 0, {.variant_id = small, .quantity = 1});
  ASSERT_TRUE(first.ok());
  auto again = carts->add(first->token, 0, {.variant_id = small, .quantity = 1});  // the same line, two now
  ASSERT_TRUE(again.ok());
  auto other = carts->add(first->token, 0, {.variant_id = large, .quantity = 1, .gift_wrap = true});
  ASSERT_TRUE(other.ok());
  for (const auto* added : {&*first, &*again, &*other}) EXPECT_GT(added->view.cart_id, 0);
  EXPECT_EQ(first->view.pieces, 1);
  EXPECT_EQ(again->view.pieces, 2);
  const auto fresh = carts->view(first->token);
  const auto& answered = other->view;
  EXPECT_EQ(answered.cart_id, fresh.cart_id);
  EXPECT_EQ(answered.pieces, fresh.pieces);
  EXPECT_EQ(answered.subtotal, fresh.subtotal);
  EXPECT_EQ(answered.has_final_sale, fresh.has_final_sale);
  EXPECT_EQ(answered.price_changed, fresh.price_changed);
  ASSERT_EQ(answered.lines.size(), fresh.lines.size());
  for (size_t i = 0; i < fresh.lines.size(); ++i) {
    const auto &a = answered.lines[i], &f = fresh.lines[i];
    EXPECT_EQ(a.id, f.id);
    EXPECT_EQ(a.slug, f.slug);
    EXPECT_EQ(a.added.variant_id, f.added.variant_id);
    EXPECT_EQ(a.added.quantity, f.added.quantity);
    EXPECT_EQ(a.added.unit_price, f.added.unit_price);
    EXPECT_EQ(a.added.options_fee, f.added.options_fee);
    EXPECT_EQ(a.added.gift_wrap, f.added.gift_wrap);
    EXPECT_EQ(a.added.quote_id, f.added.quote_id);
    EXPECT_EQ(a.added.quote_won_per_gram, f.added.quote_won_per_gram);
    ASSERT_TRUE(a.now && f.now);
    EXPECT_EQ(line_total(*a.now), line_total(*f.now));
  }
}

TEST_P(CartsTest, StockCountsEveryLineOfTheVariant) {
  auto token = carts->add("", 0, {.variant_id = small, .quantity = 2})->token;
  auto over = carts->add(token, 0, {.variant_id = small, .quantity = 1, .engraving = "A"});
  ASSERT_TRUE(over.ok());  // 3 in stock
  auto more = carts->add(token, 0, {.variant_id = small, .quantity = 1, .gift_wrap = true});
  ASSERT_FALSE(more.ok());
  EXPECT_EQ(more.error().code, "out_of_stock");
  EXPECT_EQ(carts->view(token).pieces, 3);  // the refused line left nothing behind
}

TEST_P(CartsTest, ACartOnlyTouchesItsOwnLines) {
  auto mine = carts->add("", 0, {.variant_id = small})->token;
  auto theirs = carts->add("", 0, {.variant_id = large});
  ASSERT_TRUE(theirs.ok());
  EXPECT_EQ(carts->remove(mine, theirs->line_id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(carts->set_quantity(mine, theirs->line_id, 1).error().kind, ErrorKind::not_found);
  EXPECT_EQ(carts->view(theirs->token).lines.size(), 1u);
  EXPECT_TRUE(carts->view("not-a-cart").lines.empty());
}

TEST_P(CartsTest, QuantityChangesAreCheckedAndZeroRemoves) {
  auto added = carts->add("", 0, {.variant_id = small});
  ASSERT_TRUE(added.ok());
  EXPECT_TRUE(carts->set_quantity(added->token, added->line_id, 3).ok());
  EXPECT_EQ(carts->view(added->token).pieces, 3);
  EXPECT_EQ(carts->set_quantity(added->token, added->line_id, 4).error().code, "out_of_stock");
  EXPECT_TRUE(carts->set_quantity(added->token, added->line_id, 0).ok());
  EXPECT_TRUE(carts->view(added->token).lines.empty());
}

TEST_P(CartsTest, ALineKeepsItsPriceAndTheViewShowsTodaysPrice) {
  auto added = carts->add("", 0, {.variant_id = small});
  ASSERT_TRUE(added.ok());
  db->write(
      [&](soci::session& s) { s << "UPDATE variants SET price = 125000 WHERE id = :id", soci::use(small); });
  catalog->refresh();  // as a reprice does
  auto view = carts->view(added->token);
  ASSERT_EQ(view.lines.size(), 1u);
  EXPECT_EQ(view.lines[0].added.unit_price, 120000);
  ASSERT_TRUE(view.lines[0].now.has_value());
  EXPECT_EQ(view.lines[0].now->unit_price, 125000);
  EXPECT_TRUE(view.price_changed);
  EXPECT_EQ(view.subtotal, 125000);
}

TEST_P(CartsTest, APieceWithdrawnFromSaleStaysInTheCartButCannotBeBought) {
  auto added = carts->add("", 0, {.variant_id = small});
  ASSERT_TRUE(added.ok());
  db->write([&](soci::session& s) {
    s << "UPDATE products SET status = 'archived' WHERE id = :p", soci::use(product);
  });
  catalog->refresh();  // as withdrawing a piece does
  auto view = carts->view(added->token);
  ASSERT_EQ(view.lines.size(), 1u);
  EXPECT_FALSE(view.lines[0].now.has_value());
  EXPECT_FALSE(view.lines[0].problem.empty());
  EXPECT_EQ(view.subtotal, 0);
}

// Several tabs adding the same size to one cart at once: one line holds every unit, none lost and no second
// line made (on PostgreSQL each add checks the cart's version as read; one that loses twice takes the lock).
TEST_P(CartsTest, AddsAtOnceToOneCartAddUpOnOneLine) {
  auto first = carts->add("", 0, {.variant_id = plenty, .quantity = 1});
  ASSERT_TRUE(first.ok()) << first.error().message;
  constexpr int tabs = max_quantity - 1;  // the line full at the end
  std::atomic<int> refused = 0;
  std::latch ready(tabs);
  std::vector<std::thread> threads;
  for (int t = 0; t < tabs; ++t)
    threads.emplace_back([&] {
      ready.arrive_and_wait();
      if (!carts->add(first->token, 0, {.variant_id = plenty, .quantity = 1}).ok()) ++refused;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(refused, 0);
  const auto view = carts->view(first->token);
  ASSERT_EQ(view.lines.size(), 1u);
  EXPECT_EQ(view.lines[0].id, first->line_id);
  EXPECT_EQ(view.pieces, max_quantity);
}

// Every write to a cart commits without waiting for the disk on PostgreSQL (decision 019), and for its own
// transaction only: after adds by both ways (a new cart, a new line, the same line again, under the cart's
// lock), a quantity changed and a line removed, every pooled session waits for the disk again.
TEST_P(CartsTest, ACartsWritesLeaveEverySessionWaitingForTheDisk) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "synchronous_commit is PostgreSQL's";
  auto first = carts->add("", 0, {.variant_id = plenty, .quantity = 1});
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_TRUE(carts->add(first->token, 0, {.variant_id = plenty, .quantity = 1}).ok());
  auto other = carts->add(first->token, 0, {.variant_id = small, .quantity = 1});
  ASSERT_TRUE(other.ok()) << other.error().message;
  ASSERT_TRUE(carts->set_quantity(first->token, first->line_id, 3).ok());
  ASSERT_TRUE(carts->remove(first->token, other->line_id).ok());
  const auto view = carts->view(first->token);
  ASSERT_EQ(view.lines.size(), 1u);
  EXPECT_EQ(view.pieces, 3);
  std::vector<std::string> settings;  // the pool's four sessions, held at once
  const std::function<void(int)> hold = [&](int left) {
    if (!left) return;
    db->read([&](soci::session& s) {
      std::string value;
      s << "SELECT current_setting('synchronous_commit')", soci::into(value);
      settings.push_back(value);
      hold(left - 1);
    });
  };
  hold(4);
  EXPECT_EQ(settings, std::vector<std::string>(4, "on"));
}

}  // namespace
}  // namespace brilliant::orders
