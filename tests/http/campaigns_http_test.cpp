// Campaigns over HTTP (issue 13) on SQLite and PostgreSQL: a campaign to a segment goes, through the
// outbox, only to customers who agreed to marketing, with "(광고)" and a one-click unsubscribe; the open
// pixel, the tracked click (its visit attributed by a first-party cookie) and the paid order that follows
// are counted, here and on the operator's and the workshop's dashboards; unsubscribing withdraws the
// consent at once; it is sent once; bad input names the field.
#include <soci/soci.h>
#include <boost/json.hpp>

#include "db/database.hpp"
#include "http/shop_testing.hpp"
#include "mail/outbox.hpp"

namespace brilliant::test {
namespace {

namespace json = boost::json;

class CampaignsHttp : public ShopTest {
 protected:
  std::optional<mail::QueuedMail> mail_to(const std::string& email) {
    auto mails = app->database().read([](soci::session& s) { return mail::recent(s, 200); });
    for (auto& m : mails)
      if (m.mail.to == email && m.mail.subject.starts_with("(광고)")) return m;
    return std::nullopt;
  }
  std::string unsubscribe_url_of(long long outbox_id) {
    return app->database().read([&](soci::session& s) {
      std::string url;
      s << "SELECT unsubscribe_url FROM outbox WHERE id = :id", soci::use(outbox_id), soci::into(url);
      return url;
    });
  }
};

TEST_F(CampaignsHttp, ACampaignGoesToThoseWhoAgreedAndCountsWhatTheyDid) {
  const auto shop = own_workshop("camp", "캠페인 공방", "Campaign Atelier");
  const auto ring = own_ring(shop, "Campaign Ring", 3);
  const auto email = unique_email("agreed"), other_email = unique_email("silent");
  auto shopper = signed_up(email);
  auto agreed = shopper->request("PUT", "/api/v1/me/marketing", R"({"agreed":true})", json_headers(*shopper));
  ASSERT_EQ(agreed.status, 200) << agreed.body;
  auto silent = signed_up(other_email);
  auto op = logged_in(web::Role::operator_);
  auto segment = op->request("POST", "/api/v1/operator/segments",
                             R"({"name":"동의 고객","rules":"marketing = yes"})", json_headers(*op));
  ASSERT_EQ(segment.status, 201) << segment.body;
  const auto segment_id = json::parse(segment.body).at("id").as_int64();
  auto bad = op->request("POST", "/api/v1/operator/campaigns",
                         R"({"name":"x","segment_id":)" + std::to_string(segment_id) +
                             R"(,"subject_a":"s","body_a":"b","link_path":"https://evil.example/"})",
                         json_headers(*op));
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("\"field\":\"link_path\""), std::string::npos);
  auto made = op->request(
      "POST", "/api/v1/operator/campaigns",
      R"({"name":"겨울 반지","segment_id":)" + std::to_string(segment_id) +
          R"(,"subject_a":"겨울 반지가 왔어요","body_a":"{name} 님,\n\n새 반지를 보세요.",)"
          R"("subject_b":"{name} 님께 어울릴 반지","link_path":"/shop","coupon_code":"WELCOME10"})",
      json_headers(*op));
  ASSERT_EQ(made.status, 201) << made.body;
  const auto id = std::to_string(json::parse(made.body).at("id").as_int64());
  EXPECT_EQ(json::parse(made.body).at("status").as_string(), "draft");
  auto listed = op->get("/api/v1/operator/campaigns");
  ASSERT_EQ(listed.status, 200);
  bool in_list = false, segment_offered = false;
  const auto list = json::parse(listed.body);
  for (const auto& c : list.at("campaigns").as_array())
    in_list = in_list || std::to_string(c.at("id").as_int64()) == id;
  for (const auto& s : list.at("segments").as_array())
    segment_offered = segment_offered || s.at("id").as_int64() == segment_id;
  EXPECT_TRUE(in_list);
  EXPECT_TRUE(segment_offered);
  // A test to the operator first: it counts for nobody and leaves the campaign a draft.
  auto tested = op->request("POST", "/api/v1/operator/campaigns/" + id + "/test", "{}", json_headers(*op));
  ASSERT_EQ(tested.status, 200) << tested.body;
  EXPECT_TRUE(json::parse(tested.body).at("tested").as_bool());
  EXPECT_EQ(json::parse(tested.body).at("status").as_string(), "draft");
  auto sent = op->request("POST", "/api/v1/operator/campaigns/" + id + "/send", "{}", json_headers(*op));
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_EQ(json::parse(sent.body).at("status").as_string(), "sent");  // 09:00 in Seoul
  EXPECT_EQ(op->request("POST", "/api/v1/operator/campaigns/" + id + "/send", "{}", json_headers(*op)).status,
            409);

  auto queued = mail_to(email);
  ASSERT_TRUE(queued) << "the customer who agreed gets the mail";
  EXPECT_FALSE(mail_to(other_email));
  EXPECT_NE(queued->mail.body.find("수신거부"), std::string::npos);
  const auto unsubscribe = unsubscribe_url_of(queued->id);
  const auto start = unsubscribe.find("/c/");
  ASSERT_NE(start, std::string::npos) << unsubscribe;
  const auto token = unsubscribe.substr(start + 3, unsubscribe.find("/unsubscribe") - start - 3);

  auto pixel = client()->get("/c/" + token + "/open.gif");
  EXPECT_EQ(pixel.status, 200);
  EXPECT_EQ(pixel.header("content-type"), "image/gif");
  auto click = shopper->get("/c/" + token + "/click");
  ASSERT_EQ(click.status, 303);
  EXPECT_EQ(
      click.header("location").rfind("/shop?utm_source=mail&utm_medium=email&utm_campaign=campaign-" + id, 0),
      0u);
  EXPECT_NE(shopper->cookie("utm").find("campaign-" + id), std::string::npos);
  add_to_cart(*shopper, ring.variants.at(0).id, 1);
  auto placed = place(*shopper, "campaign-order-" + email);
  ASSERT_EQ(placed.status, 201) << placed.body;
  const auto number = std::string(json::parse(placed.body).at("number").as_string());
  ASSERT_EQ(op->request("PUT", "/api/v1/operator/orders/" + number + "/status", R"({"status":"paid"})",
                        json_headers(*op))
                .status,
            200);

  // The dashboards count the order: the operator's under the campaign and the mail channel, the
  // workshop's as its own revenue.
  auto dash = json::parse(op->get("/api/v1/operator/marketing/dashboard?days=7").body);
  bool by_campaign = false, by_mail = false;
  for (const auto& c : dash.at("campaigns").as_array())
    by_campaign = by_campaign || (c.at("label").as_string() == "겨울 반지" && c.at("orders").as_int64() == 1);
  for (const auto& c : dash.at("channels").as_array()) by_mail = by_mail || c.at("key").as_string() == "mail";
  EXPECT_TRUE(by_campaign) << json::serialize(dash.at("campaigns"));
  EXPECT_TRUE(by_mail);
  auto maker = logged_in(web::Role::vendor_staff, shop.slug);
  auto own = json::parse(maker->get("/api/v1/console/marketing/dashboard").body);
  EXPECT_EQ(own.at("orders").as_int64(), 1);
  EXPECT_EQ(own.at("revenue").as_int64(), json::parse(placed.body).at("total").as_int64());
  EXPECT_FALSE(own.at("has_workshops").as_bool());
  auto console = maker->get("/console/marketing");
  EXPECT_EQ(console.status, 200);
  EXPECT_NE(console.body.find("id=\"daily-chart\""), std::string::npos);
  EXPECT_NE(op->get("/operator/marketing").body.find("id=\"funnel-chart\""), std::string::npos);

  auto page = client()->get("/c/" + token + "/unsubscribe");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"unsubscribe\""), std::string::npos);
  auto gone = client()->request("POST", "/c/" + token + "/unsubscribe", "List-Unsubscribe=One-Click",
                                {"Content-Type: application/x-www-form-urlencoded"});
  EXPECT_EQ(gone.status, 200) << gone.body;
  auto consent = json::parse(shopper->get("/api/v1/me/marketing").body);
  EXPECT_FALSE(consent.at("agreed").as_bool());

  auto results = json::parse(op->get("/api/v1/operator/campaigns/" + id).body);
  const auto sum = [&](const char* field) {
    return results.at("a").at(field).as_int64() + results.at("b").at(field).as_int64();
  };
  EXPECT_GE(sum("sent"), 1);
  EXPECT_EQ(sum("opened"), 1);
  EXPECT_EQ(sum("clicked"), 1);
  EXPECT_EQ(sum("orders"), 1);
  EXPECT_EQ(sum("unsubscribed"), 1);
  EXPECT_TRUE(results.at("ab").as_bool());
  auto detail = op->get("/operator/marketing/campaigns/" + id);
  EXPECT_EQ(detail.status, 200);
  EXPECT_NE(detail.body.find("id=\"campaign-chart\""), std::string::npos);
  EXPECT_EQ(client()->get("/api/v1/operator/campaigns").status, 401);
  EXPECT_EQ(silent->get("/api/v1/operator/campaigns").status, 403);
}

}  // namespace
}  // namespace brilliant::test
