// Customers from the database (customer_repo.cpp): paid orders only, the pieces in them, the latest
// marketing decision; saved segments.
#include "marketing/customer_repo.hpp"

#include <soci/soci.h>

#include "orders/testing.hpp"

namespace brilliant::marketing::repo {
namespace {

class CustomerRepoTest : public orders::OrdersFixture {
 protected:
  void SetUp() override {
    OrdersFixture::SetUp();
    db->write([](soci::session& s) {
      s << "INSERT INTO user_roles (user_id, role, created_at) VALUES (1, 'shopper', 'x')";
      s << "INSERT INTO consents (user_id, item, version, agreed, source, created_at) VALUES "
           "(1, 'marketing', 'v1', 1, 'signup', 'x')";
      s << "INSERT INTO consents (user_id, item, version, agreed, source, created_at) VALUES "
           "(1, 'marketing', 'v1', 0, 'account', 'y')";  // withdrawn since
    });
  }
  std::optional<CustomerFacts> shopper() {
    auto all = db->read([](soci::session& sql) { return load_customers(sql); });
    for (auto& c : all)
      if (c.user_id == 1) return c;
    return std::nullopt;
  }
};

TEST_F(CustomerRepoTest, OnlyPaidOrdersCountAndTheLatestConsentHolds) {
  auto before = shopper();
  ASSERT_TRUE(before);  // a shopper without orders is a customer too (a prospect)
  EXPECT_TRUE(before->paid_at.empty());
  EXPECT_FALSE(before->marketing);  // withdrawn after agreeing
  const auto unpaid = one_ring_order("key-unpaid");
  const auto paid = one_ring_order("key-paid");
  ASSERT_TRUE(orders.mark_paid(paid.number, 2).ok());
  auto after = shopper();
  ASSERT_TRUE(after);
  ASSERT_EQ(after->paid_at.size(), 1u);
  EXPECT_EQ(after->spent, paid.total);
  ASSERT_EQ(after->bought.size(), 1u);
  EXPECT_EQ(after->bought[0].category, "ring");
  EXPECT_EQ(after->bought[0].metal, "gold");
  EXPECT_EQ(after->email, "a@x.kr");
  (void)unpaid;
  const auto rings =
      db->read([&](soci::session& sql) { return segment_members(sql, "category = ring", clock.now()); });
  ASSERT_EQ(rings.size(), 1u);
  EXPECT_EQ(rings[0].user_id, 1);
  EXPECT_TRUE(db->read([&](soci::session& sql) {
                  return segment_members(sql, "colour = red", clock.now());
                }).empty());
}

TEST_F(CustomerRepoTest, SegmentsAreSavedAndFound) {
  const auto id = db->write([](soci::session& sql) {
    return save_segment(sql, "금 고객", "metal = gold", 2, "2026-12-01T00:00:00Z");
  });
  auto found = db->read([&](soci::session& sql) { return segment(sql, id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->name, "금 고객");
  EXPECT_EQ(found->rules, "metal = gold");
  EXPECT_FALSE(db->read([&](soci::session& sql) { return segment(sql, id + 1); }));
  EXPECT_EQ(db->read([](soci::session& sql) { return segments(sql); }).size(), 1u);
}

}  // namespace
}  // namespace brilliant::marketing::repo
