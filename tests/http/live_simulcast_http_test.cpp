// Simulcast over HTTP (issue 18): the host adds a platform's ingest address and stream key over the API
// and the panel's form; the key is never shown back; when the stream comes in, a relay starts on this
// node and its state is shown (here no nginx holds the show's stream, so ffmpeg's relay fails and says
// why); others cannot see or touch a show's targets. The relay reaching a real second nginx is in
// tests/e2e/live.test.js.
#include <thread>

#include "http/live_testing.hpp"

namespace brilliant::test {
namespace {

namespace json = boost::json;

TEST_F(LiveTest, SimulcastTargetsAreAddedWithTheirKeysKeptSecretAndTheirRelaysStateShown) {
  make_workshop();
  auto show = new_show(*host);
  const auto path = "/api/v1/console/live/" + show.slug + "/targets";
  const std::vector<std::string> h{"Content-Type: application/json", "X-CSRF-Token: " + host->cookie("csrf")};
  auto bad = host->request("POST", path, R"({"url":"https://youtube.com/live","key":"k"})", h);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("\"url\""), std::string::npos) << bad.body;
  auto no_key = host->request("POST", path, R"({"url":"rtmp://a.rtmp.youtube.com/live2"})", h);
  EXPECT_EQ(no_key.status, 400);
  EXPECT_NE(no_key.body.find("\"key\""), std::string::npos) << no_key.body;
  auto added =
      host->request("POST", path, R"({"url":"rtmp://a.rtmp.youtube.com/live2","key":"yt-secret-9q7w"})", h);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.body.find("yt-secret"), std::string::npos);  // only the hint comes back
  const auto target = json::parse(added.body).at("targets").at(0);
  EXPECT_EQ(target.at("label"), "YouTube");
  EXPECT_EQ(target.at("key_hint"), "…9q7w");
  EXPECT_EQ(target.at("state"), "idle");
  const auto id = target.at("id").as_int64();

  // The panel's form: an error names the field on the page; a good one goes back to the panel.
  const auto csrf = host->cookie("csrf");
  auto form_bad = host->post_form("/console/live/" + show.slug + "/targets",
                                  {{"_csrf", csrf}, {"url", "rtmp://x/live"}, {"key", ""}});
  EXPECT_EQ(form_bad.status, 400);
  EXPECT_NE(form_bad.body.find("스트림 키를 넣어 주세요"), std::string::npos);  // beside the field, in Korean
  auto form_ok = host->post_form("/console/live/" + show.slug + "/targets",
                                 {{"_csrf", csrf},
                                  {"label", "네이버"},
                                  {"url", "rtmps://live.shopping.naver.com/app"},
                                  {"key", "nv-key-1"}});
  EXPECT_EQ(form_ok.status, 303);
  const auto panel = host->get("/console/live/" + show.slug).body;
  EXPECT_NE(panel.find("네이버"), std::string::npos);
  EXPECT_NE(panel.find("…9q7w"), std::string::npos);
  EXPECT_EQ(panel.find("yt-secret"), std::string::npos);
  EXPECT_EQ(panel.find("nv-key-1"), std::string::npos);

  // Another workshop's staff and shoppers cannot see or change them.
  auto other = logged_in(web::Role::vendor_staff, own_workshop("other-live", "다른 공방", "Other").slug);
  EXPECT_EQ(other->get(path).status / 100, 4);
  const std::vector<std::string> oh{"Content-Type: application/json",
                                    "X-CSRF-Token: " + other->cookie("csrf")};
  EXPECT_EQ(other->request("DELETE", path + "/" + std::to_string(id), "", oh).status / 100, 4);
  auto fan = logged_in(web::Role::shopper);
  EXPECT_EQ(fan->get(path).status, 403);

  // The stream comes in: each target's relay starts; with no stream to read here it fails and says why.
  ASSERT_EQ(publish(show.key), 302);
  bool failed = false;
  json::value now;
  for (int i = 0; i < 300 && !failed; ++i) {
    now = json::parse(host->get(path).body);
    failed = now.at("targets").at(0).at("state") == "failed";
    if (!failed) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(failed) << json::serialize(now);
  EXPECT_FALSE(now.at("targets").at(0).at("detail").as_string().empty());

  auto removed = host->request("DELETE", path + "/" + std::to_string(id), "", h);
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(json::parse(removed.body).at("targets").as_array().size(), 1u);
  EXPECT_EQ(host->request("DELETE", path + "/" + std::to_string(id), "", h).status, 404);
}

}  // namespace
}  // namespace brilliant::test
