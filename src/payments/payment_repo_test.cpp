#include "payments/payment_repo.hpp"

#include <gtest/gtest.h>

#include "db/database.hpp"
#include "orders/testing.hpp"

namespace brilliant::payments {
namespace {

class PaymentRepoTest : public orders::OrdersFixture {};

TEST_F(PaymentRepoTest, AttemptsAreNumberedPerOrderAndMovesAreConditional) {
  auto order = one_ring_order("k-repo");
  db->write([&](soci::session& sql) {
    auto first = repo::insert(sql, order.id, order.number, order.total, "2026-11-29T01:00:00Z");
    auto second = repo::insert(sql, order.id, order.number, order.total, "2026-11-29T01:05:00Z");
    EXPECT_EQ(first.provider_order_id, order.number + "-1");
    EXPECT_EQ(second.provider_order_id, order.number + "-2");
    Payment moved = first;
    moved.status = PaymentStatus::in_progress;
    moved.payment_key = "pk";
    EXPECT_TRUE(repo::move(sql, moved, PaymentStatus::ready, "2026-11-29T01:06:00Z"));
    // A second request that read it as ready too loses.
    EXPECT_FALSE(repo::move(sql, moved, PaymentStatus::ready, "2026-11-29T01:06:00Z"));
    PaymentEvent e;
    e.kind = "confirm_sent";
    e.from_status = "ready";
    e.to_status = "in_progress";
    e.answer = std::string(20000, 'x');
    repo::record(sql, first.id, e, 0, "2026-11-29T01:06:00Z");
    repo::record(sql, 0, e, 2, "2026-11-29T01:06:00Z");  // naming no payment (an unknown webhook)
  });
  auto [found, events, stuck] = db->read([&](soci::session& sql) {
    return std::tuple{repo::by_provider_order(sql, order.number + "-1"), repo::events(sql, 1),
                      repo::stuck(sql, "in_progress", "2026-11-29T02:00:00Z")};
  });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->status, PaymentStatus::in_progress);
  EXPECT_EQ(found->payment_key, "pk");
  EXPECT_EQ(found->order_number, order.number);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].answer.size(), 16u * 1024);  // kept, up to 16 KiB
  ASSERT_EQ(stuck.size(), 1u);
  EXPECT_EQ(stuck[0].provider_order_id, order.number + "-1");
  EXPECT_EQ(db->read([&](soci::session& sql) { return repo::of_order(sql, order.id); }).size(), 2u);
}

}  // namespace
}  // namespace brilliant::payments
