// Campaigns with a real database: sent only to a segment's customers who agree to marketing, through the
// outbox, once; opens, clicks, unsubscribes and attributed paid orders counted per variant; a send at
// night waits for the morning.
#include "marketing/campaigns.hpp"

#include <soci/soci.h>

#include "marketing/customer_repo.hpp"
#include "orders/testing.hpp"

namespace brilliant::marketing {
namespace {

class CampaignsTest : public orders::OrdersFixture {
 protected:
  void SetUp() override {
    OrdersFixture::SetUp();
    db->write([](soci::session& s) {
      s << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES ('no@x.kr', '동의 "
           "안 함', "
           "'h', 'x', 'x')";
      s << "INSERT INTO user_roles (user_id, role, created_at) VALUES (1, 'shopper', 'x')";
      s << "INSERT INTO user_roles (user_id, role, created_at) VALUES (4, 'shopper', 'x')";
      s << "INSERT INTO consents (user_id, item, version, agreed, source, created_at) VALUES "
           "(1, 'marketing', 'v1', 1, 'signup', 'x')";
    });
    segment = db->write([](soci::session& sql) { return repo::save_segment(sql, "모두", "", 2, "x"); });
    campaigns.set_on_unsubscribe([this](long long user) { unsubscribed.push_back(user); });
  }
  Campaign make(const std::string& subject_b = "") {
    auto made = campaigns.create({.name = "겨울",
                                  .subject_a = "{name} 님, 겨울 신상",
                                  .body_a = "{name} 님, 새 반지입니다.",
                                  .subject_b = subject_b,
                                  .link_path = "/shop",
                                  .coupon_code = "WELCOME10",
                                  .segment_id = segment},
                                 2);
    EXPECT_TRUE(made.ok()) << made.error().message;
    return *made;
  }
  std::string token_of(long long user) {
    return db->read([&](soci::session& sql) {
      std::string token;
      sql << "SELECT token FROM campaign_recipients WHERE user_id = :u", soci::use(user), soci::into(token);
      return token;
    });
  }

  long long segment = 0;
  std::vector<long long> unsubscribed;
  Campaigns campaigns{*db, clock, "https://shop.example", [](const CampaignMailModel& m) {
                        std::string text;
                        for (const auto& p : m.paragraphs) text += p + "\n";
                        return mail::Mail{"", m.subject, text + m.coupon_code,
                                          "<p>" + m.name + "</p><img src=\"" + m.open_pixel_url + "\">", ""};
                      }};
};

TEST_F(CampaignsTest, SentOnceThroughTheOutboxOnlyToThoseWhoAgreed) {
  const auto c = make();
  auto sent = campaigns.send(c.id);
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  EXPECT_EQ(sent->status, "sent");
  EXPECT_EQ(sent->recipients, 1);  // user 4 never agreed; staff are not customers
  auto mails = db->read([](soci::session& sql) { return mail::recent(sql, 10); });
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].mail.to, "a@x.kr");
  EXPECT_EQ(mails[0].mail.subject, "(광고) 김보석 님, 겨울 신상");
  EXPECT_NE(mails[0].mail.body.find("김보석 님, 새 반지입니다."), std::string::npos);
  EXPECT_EQ(campaigns.send(c.id).error().code, "campaign_sent");
  const auto unsubscribe_url = db->read([](soci::session& sql) {
    std::string url;
    sql << "SELECT unsubscribe_url FROM outbox", soci::into(url);
    return url;
  });
  EXPECT_EQ(unsubscribe_url, "https://shop.example/c/" + token_of(1) + "/unsubscribe");
  const auto html = db->read([](soci::session& sql) {
    std::string text;
    sql << "SELECT body_html FROM outbox", soci::into(text);
    return text;
  });
  EXPECT_EQ(html, "<p>김보석</p><img src=\"https://shop.example/c/" + token_of(1) + "/open.gif\">");
}

TEST_F(CampaignsTest, AWorkshopsCampaignGoesOnlyAsATestToItsAuthor) {
  auto made = campaigns.create(
      {.name = "연습", .subject_a = "{name} 님, 연습", .body_a = "{name} 님, 안녕하세요."}, 3, 1);
  ASSERT_TRUE(made.ok()) << made.error().message;  // no segment needed
  EXPECT_EQ(made->workshop_id, 1);
  EXPECT_EQ(made->segment_id, 0);
  EXPECT_TRUE(campaigns.list().empty());  // not among the hub's
  EXPECT_EQ(campaigns.list(1).size(), 1u);
  EXPECT_EQ(campaigns.send(made->id).error().code, "test_only");
  EXPECT_EQ(campaigns.send_test(made->id, 2, "x@y.kr", "X").error().kind,
            ErrorKind::not_found);  // not theirs
  auto tested = campaigns.send_test(made->id, 1, "maker@x.kr", "장인");
  ASSERT_TRUE(tested.ok()) << tested.error().message;
  EXPECT_FALSE(tested->tested_at.empty());
  EXPECT_EQ(campaigns.find(made->id)->status, "draft");
  auto mails = db->read([](soci::session& sql) { return mail::recent(sql, 10); });
  ASSERT_EQ(mails.size(), 1u);  // to the author alone
  EXPECT_EQ(mails[0].mail.to, "maker@x.kr");
  EXPECT_EQ(mails[0].mail.subject, "[TEST] (광고) 장인 님, 연습");
  EXPECT_NE(mails[0].mail.body.find("장인 님, 안녕하세요."), std::string::npos);
  // The hub's campaign may be tested too, before it is sent.
  const auto hub = make("B안");
  ASSERT_TRUE(campaigns.send_test(hub.id, 0, "op@x.kr", "운영").ok());
  EXPECT_EQ(db->read([](soci::session& sql) { return mail::recent(sql, 10); }).size(), 3u);  // A and B
  EXPECT_EQ(campaigns.results(hub.id).a.sent, 0);  // tests count for nobody's results
}

TEST_F(CampaignsTest, OpensClicksOrdersAndUnsubscribesAreCounted) {
  const auto c = make();
  ASSERT_TRUE(campaigns.send(c.id).ok());
  const auto token = token_of(1);
  campaigns.opened(token);
  campaigns.opened(token);  // once
  auto tracked = campaigns.clicked(token);
  ASSERT_TRUE(tracked);
  EXPECT_EQ(tracked->campaign_id, c.id);
  EXPECT_EQ(tracked->link_path, "/shop");
  EXPECT_FALSE(campaigns.clicked("no-such-token"));
  // The visit's order, attributed and paid.
  auto token_cart = carts.add("", 1, {.variant_id = variant["moon-ring"], .quantity = 1})->token;
  auto in = checkout(token_cart, "campaign-order");
  in.utm = orders::attribution_from("mail|email|campaign-" + std::to_string(c.id) + "|" + tracked->variant);
  auto order = orders.place(in);
  ASSERT_TRUE(order.ok()) << order.error().message;
  ASSERT_TRUE(orders.mark_paid(order->number, 2).ok());
  EXPECT_TRUE(campaigns.unsubscribe(token));
  EXPECT_FALSE(campaigns.unsubscribe("no-such-token"));
  EXPECT_EQ(unsubscribed, (std::vector<long long>{1}));
  const auto r = campaigns.results(c.id);
  const auto& v = tracked->variant == 'b' ? r.b : r.a;
  EXPECT_EQ(v.sent, 1);
  EXPECT_EQ(v.opened, 1);
  EXPECT_EQ(v.clicked, 1);
  EXPECT_EQ(v.orders, 1);
  EXPECT_EQ(v.revenue, order->total);
  EXPECT_EQ(v.unsubscribed, 1);
}

TEST_F(CampaignsTest, ASendAtNightWaitsForEightInTheMorning) {
  clock.advance(std::chrono::hours(13));  // 22:00 in Seoul
  const auto c = make("B 제목");
  EXPECT_TRUE(c.ab());
  auto waiting = campaigns.send(c.id);
  ASSERT_TRUE(waiting.ok());
  EXPECT_EQ(waiting->status, "scheduled");
  EXPECT_EQ(campaigns.send_due(), 0);
  EXPECT_EQ(db->read([](soci::session& sql) { return mail::recent(sql, 10); }).size(), 0u);
  clock.advance(std::chrono::hours(10));  // 08:00 in Seoul
  EXPECT_EQ(campaigns.send_due(), 1);
  EXPECT_EQ(campaigns.find(c.id)->status, "sent");
  EXPECT_EQ(campaigns.send_due(), 0);
}

}  // namespace
}  // namespace brilliant::marketing
