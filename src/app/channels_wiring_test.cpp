// The channels' wiring (channels_wiring.cpp): the feeds name the brand, ship by its rules (3,000 won under
// 50,000, free from it) and use our category names.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "app/app.hpp"
#include "app/testing.hpp"
#include "db/database.hpp"

namespace brilliant::app {

TEST(ChannelsWiring, TheFeedsNameTheBrandAndShipByItsRules) {
  FixedClock clock(TimePoint{} + std::chrono::hours(24 * 365 * 57));
  TempApp temp(clock, "channels-wiring");
  App& app = *temp;
  const auto shop = app.feed_shop();
  EXPECT_EQ(shop.name, app.brand().current()->name_ko);
  EXPECT_EQ(shop.base_url.rfind("http", 0), 0u);
  EXPECT_FALSE(shop.description.empty());
  app.database().write([](soci::session& sql) {
    sql << "INSERT INTO workshops (slug, name, status, created_at, updated_at) VALUES ('w', '공방', "
           "'active', "
           "'x', 'x')";
  });
  for (auto [slug, price] : {std::pair{"small-ring", 30000LL}, {"big-ring", 90000LL}}) {
    catalog::Product p;
    p.workshop_id = 1;
    p.slug = slug;
    p.status = catalog::ProductStatus::published;
    p.category = "ring";
    p.title_ko = p.title_en = slug;
    p.metal = "silver";
    p.purity = 925;
    p.weight_mg = 2000;
    p.pricing = "fixed";
    p.fixed_price = price;
    p.variants.push_back({0, std::string(slug) + "-1", 0, 520, 0, "", 0, 1, 0});
    p.new_images.push_back({"image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg'/>", "", ""});
    ASSERT_TRUE(app.catalog().create(p, app.catalog().workshop_by_id(1)).ok());
  }
  app.quotes().reprice();
  app.catalog().refresh();
  const auto naver = app.channels().feed(channels::Feed::naver);
  EXPECT_NE(naver.find("\t90000\t90000\t90000\t"), std::string::npos) << naver;
  EXPECT_NE(naver.find("\t3000\n"), std::string::npos) << naver;  // the small ring ships for a fee
  EXPECT_NE(naver.find("\t0\n"), std::string::npos) << naver;     // the big one free
  EXPECT_EQ(app.channels().mapping("en").at(0).name, "Rings");
}

TEST(ChannelsWiring, AWorkshopsQuoteReminderNamesTheQuoteAndLinksItInItsLanguage) {
  FixedClock clock(TimePoint{} + std::chrono::hours(24 * 365 * 57));
  TempApp temp(clock, "quote-reminder");
  b2b::Quote q;
  q.number = "Q-261130-7KQ4MX";
  q.title_ko = "달 반지";
  q.title_en = "Moon ring";
  q.quantity = 12;
  q.buyer_company = "Siam Gems";
  q.buyer_country = "TH";
  q.requested_at = "2026-11-28T03:00:00Z";
  const auto ko = temp->quote_reminder_mail(q, "maker@x.kr", "ko");
  EXPECT_EQ(ko.to, "maker@x.kr");
  EXPECT_NE(ko.subject.find(q.number), std::string::npos);
  EXPECT_NE(ko.body.find("달 반지 × 12"), std::string::npos);
  EXPECT_NE(ko.body.find("/console/quotes/Q-261130-7KQ4MX"), std::string::npos);
  const auto en = temp->quote_reminder_mail(q, "maker@x.kr", "en");
  EXPECT_NE(en.body.find("Moon ring × 12"), std::string::npos);
  EXPECT_NE(en.body.find("Siam Gems (TH)"), std::string::npos);
  EXPECT_NE(en.body.find("/en/console/quotes/"), std::string::npos);
}

}  // namespace brilliant::app
