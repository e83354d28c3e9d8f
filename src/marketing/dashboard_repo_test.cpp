// The dashboard's numbers from the database (dashboard_repo.cpp): views, carts, orders placed and paid in
// the period, paid revenue per Seoul day, by channel, campaign and coupon; a workshop sees only its part.
#include "marketing/dashboard_repo.hpp"

#include <soci/soci.h>

#include "core/clock.hpp"
#include "orders/testing.hpp"

namespace brilliant::marketing::repo {
namespace {

class DashboardRepoTest : public orders::OrdersFixture {
 protected:
  std::string today() const { return format_seoul(clock.now()).substr(0, 10); }
  DashboardData load(long long workshop, bool english = false) {
    return db->read(
        [&](soci::session& sql) { return load_dashboard(sql, workshop, today(), today(), english); });
  }
};

TEST_F(DashboardRepoTest, AnOperatorSeesEverythingAndAWorkshopItsPart) {
  db->write([&](soci::session& sql) {
    const auto day = today();
    sql << "INSERT INTO product_views (product_id, day, views) SELECT id, :d, 10 FROM products",
        soci::use(day);
  });
  // A mail campaign's order of the ring (workshop 1) and the cuff (workshop 2), paid; one unpaid order.
  auto token = carts.add("", 1, {.variant_id = variant["moon-ring"], .quantity = 1})->token;
  ASSERT_TRUE(carts.add(token, 1, {.variant_id = variant["sun-cuff"], .quantity = 1}).ok());
  auto in = checkout(token, "dash-1");
  in.utm = orders::attribution_from("mail|email|campaign-7|a");
  auto paid = orders.place(in);
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  ASSERT_TRUE(orders.mark_paid(paid->number, 2).ok());
  one_ring_order("dash-2");  // awaiting payment
  const auto all = load(0);
  EXPECT_EQ(all.funnel.views, 30);
  EXPECT_EQ(all.funnel.placed, 2);
  EXPECT_EQ(all.funnel.paid, 1);
  EXPECT_GE(all.funnel.carts, all.funnel.placed);
  EXPECT_EQ(all.revenue, paid->total);
  ASSERT_EQ(all.daily.size(), 1u);
  EXPECT_EQ(all.daily[0].second, paid->total);
  ASSERT_EQ(all.channels.size(), 1u);
  EXPECT_EQ(all.channels[0].key, "mail");
  EXPECT_EQ(all.channels[0].orders, 1);  // one order, though two parcels
  ASSERT_EQ(all.campaigns.size(), 1u);
  EXPECT_EQ(all.campaigns[0].key, "campaign-7");  // no such campaign row: its UTM name
  EXPECT_EQ(all.workshops.size(), 2u);
  const auto mine = load(2);
  EXPECT_EQ(mine.funnel.views, 20);  // the chain and the cuff
  EXPECT_EQ(mine.funnel.placed, 1);
  EXPECT_EQ(mine.revenue, 80000);  // the cuff, shipped free
  EXPECT_TRUE(mine.workshops.empty());
  EXPECT_TRUE(mine.coupons.empty());
}

TEST_F(DashboardRepoTest, WorkshopsAndExhibitionsAreNamedInTheReadersLanguage) {
  db->write([](soci::session& sql) {
    sql << "INSERT INTO exhibitions (slug, name_ko, name_en, city, country, starts_on, ends_on, created_at, "
           "updated_at) VALUES ('hk-fair', '홍콩 박람회', 'Hong Kong Fair', 'Hong Kong', 'HK', '2026-04-08', "
           "'2026-04-12', 'x', 'x')";
  });
  // An order that came through an exhibition's line sheet (its campaign is the fair's slug).
  auto token = carts.add("", 1, {.variant_id = variant["moon-ring"], .quantity = 1})->token;
  auto in = checkout(token, "dash-fair");
  in.utm = orders::attribution_from("exhibition|line_sheet|hk-fair|");
  auto paid = orders.place(in);
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  ASSERT_TRUE(orders.mark_paid(paid->number, 2).ok());
  const auto ko = load(0), en = load(0, true);
  ASSERT_EQ(ko.campaigns.size(), 1u);
  EXPECT_EQ(ko.campaigns[0].key, "홍콩 박람회");
  EXPECT_EQ(en.campaigns[0].key, "Hong Kong Fair");
  ASSERT_EQ(ko.workshops.size(), 1u);
  EXPECT_EQ(ko.workshops[0].key, "달 공방");
  EXPECT_EQ(en.workshops[0].key, "Moon");
}

}  // namespace
}  // namespace brilliant::marketing::repo
