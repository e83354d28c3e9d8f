#include "pricing/quotes.hpp"

#include <gtest/gtest.h>

#include "db/testing.hpp"

namespace brilliant::pricing {

class QuotesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TimePoint start;
    parse_utc("2026-11-25T00:00:00Z", start);
    clock = std::make_unique<FixedClock>(start);
    quotes = std::make_unique<Quotes>(*db, *clock, [this] { ++changes; });
    db->write([](soci::session& s) {
      s << "INSERT INTO workshops (slug, name, created_at, updated_at) VALUES ('w', 'W', 'x', 'x')";
      s << "INSERT INTO products (workshop_id, slug, status, category, title_ko, title_en, metal, purity, "
           "weight_mg, "
           "pricing, labour_fee, loss_bp, margin_bp, created_at, updated_at) VALUES (1, 'ring-a', "
           "'published', 'ring', "
           "'a', 'a', 'gold', 585, 3750, 'formula', 80000, 1000, 2000, 'x', 'x')";
      s << "INSERT INTO variants (product_id, sku, ring_circ_x10, weight_mg, created_at, updated_at) VALUES "
           "(1, 'A-1', 520, 0, 'x', 'x')";
      s << "INSERT INTO variants (product_id, sku, ring_circ_x10, weight_mg, created_at, updated_at) VALUES "
           "(1, 'A-2', 560, 4000, 'x', 'x')";
    });
  }
  void TearDown() override { quotes.reset(); }
  long long price_of(const std::string& table, long long id) {
    return db->read([&](soci::session& s) {
      long long p = 0;
      s << "SELECT price FROM " + table + " WHERE id = :id", soci::use(id), soci::into(p);
      return p;
    });
  }
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  std::unique_ptr<FixedClock> clock;
  std::unique_ptr<Quotes> quotes;
  int changes = 0;
};

TEST_F(QuotesTest, QuoteRepricesVariantsAndProduct) {
  auto report = quotes->set_quote("gold", "2026-11-25", 100000, 0);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->variants, 2);
  EXPECT_EQ(price_of("variants", 1), 385600);  // the worked example in formula_test.cpp
  EXPECT_GT(price_of("variants", 2), 385600);  // heavier variant
  EXPECT_EQ(price_of("products", 1), 385600);  // the lowest variant
  EXPECT_EQ(changes, 1);
  ASSERT_TRUE(quotes->set_quote("gold", "2026-11-26", 110000, 0).ok());
  EXPECT_GT(price_of("products", 1), 385600);
  EXPECT_EQ(quotes->current().at("gold").won_per_gram, 110000);
  EXPECT_EQ(quotes->history(10).size(), 2u);
}

// One piece edited: only it is repriced, and the catalog is not told (the editor refreshes that piece).
TEST_F(QuotesTest, RepricingPiecesTouchesOnlyThose) {
  ASSERT_TRUE(quotes->set_quote("gold", "2026-11-25", 100000, 0).ok());
  db->write([](soci::session& s) {
    s << "INSERT INTO products (workshop_id, slug, status, category, title_ko, title_en, metal, purity, "
         "weight_mg, pricing, labour_fee, loss_bp, margin_bp, created_at, updated_at) VALUES (1, 'ring-b', "
         "'published', 'ring', 'b', 'b', 'gold', 585, 3750, 'formula', 80000, 1000, 2000, 'x', 'x')";
    s << "INSERT INTO variants (product_id, sku, ring_circ_x10, weight_mg, created_at, updated_at) VALUES "
         "(2, 'B-1', 520, 0, 'x', 'x')";
    s << "UPDATE products SET labour_fee = 90000";  // both pieces edited behind the quotes' back
  });
  const int told = changes;
  const auto report = quotes->reprice_pieces({2});
  EXPECT_EQ(report.products, 1);
  EXPECT_EQ(report.variants, 1);
  EXPECT_EQ(price_of("variants", 3), price_of("products", 2));
  EXPECT_GT(price_of("products", 2), 385600);  // the new labour fee counted
  EXPECT_EQ(price_of("products", 1), 385600);  // the other piece as it was
  EXPECT_EQ(changes, told);
  EXPECT_EQ(quotes->reprice_pieces({}).products, 0);
}

TEST_F(QuotesTest, BadQuotesNameTheField) {
  EXPECT_EQ(quotes->set_quote("copper", "2026-11-25", 1, 0).error().field, "metal");
  EXPECT_EQ(quotes->set_quote("gold", "2026-13-01", 1, 0).error().field, "day");
  EXPECT_EQ(quotes->set_quote("gold", "2026-11-25", 0, 0).error().field, "won_per_gram");
}

TEST_F(QuotesTest, CsvImportIsAllOrNothing) {
  auto bad = quotes->import_csv("metal,day,won_per_gram\ngold,2026-11-25,100000\nsilver,yesterday,2000\n", 0);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("line 3"), std::string::npos);
  EXPECT_TRUE(quotes->current().empty());
  auto good = quotes->import_csv("gold,2026-11-25,100000\nsilver,2026-11-25,2000\n", 0);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(quotes->current().size(), 2u);
}

TEST_F(QuotesTest, RatesParseThousandths) {
  EXPECT_EQ(parse_rate("1380.5").value(), 1380500);
  EXPECT_EQ(parse_rate("9.45").value(), 9450);
  EXPECT_FALSE(parse_rate("-1").ok());
  EXPECT_FALSE(parse_rate("abc").ok());
  ASSERT_TRUE(quotes->set_rate("USD", "1470").ok());
  EXPECT_EQ(quotes->rates().front().krw_per_unit_x1000, 1470000);
  EXPECT_EQ(quotes->set_rate("XYZ", "1").error().field, "code");
}

}  // namespace brilliant::pricing

namespace brilliant::pricing {
namespace {

// A same-day correction keeps the quote's id (carts and orders name it) and appends the replaced value.
TEST_F(QuotesTest, ACorrectionKeepsTheIdAndAppendsTheOldValue) {
  ASSERT_TRUE(quotes->set_quote("gold", "2026-11-25", 150000, 0, "operator").ok());
  const auto first = quotes->current().at("gold");
  ASSERT_TRUE(quotes->set_quote("gold", "2026-11-25", 150000, 0, "operator").ok());  // the same again
  ASSERT_TRUE(quotes->set_quote("gold", "2026-11-25", 151500, 0, "operator").ok());
  ASSERT_TRUE(quotes->import_csv("metal,day,won_per_gram\ngold,2026-11-25,152000\n", 0).ok());
  const auto now = quotes->current().at("gold");
  EXPECT_EQ(now.id, first.id);
  EXPECT_EQ(now.won_per_gram, 152000);
  EXPECT_EQ(now.source, "csv");
  auto corrections = db->read([](soci::session& s) {
    std::vector<std::string> out;
    soci::rowset<soci::row> rows =
        s.prepare << "SELECT old_won_per_gram, new_won_per_gram, source FROM metal_quote_corrections "
                     "ORDER BY id";
    for (const auto& r : rows)
      out.push_back(std::to_string(db::row_int(r, 0)) + ">" + std::to_string(db::row_int(r, 1)) + " " +
                    db::row_text(r, 2));
    return out;
  });
  EXPECT_EQ(corrections, (std::vector<std::string>{"150000>151500 operator", "151500>152000 csv"}));
}

}  // namespace
}  // namespace brilliant::pricing
