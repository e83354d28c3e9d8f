// Live shows over HTTP and WebSocket (issue 18): hosts schedule and run shows, nginx-rtmp's callbacks
// start and end them, viewers chat and buy live deals; on SQLite and PostgreSQL.
#include <soci/soci.h>

#include <future>
#include <thread>

#include "db/database.hpp"
#include "http/live_testing.hpp"

namespace brilliant::test {
namespace {

namespace json = boost::json;

TEST_F(LiveTest, HostSchedulesAShowThatViewersFindInBothLanguages) {
  make_workshop();
  auto show = new_show(*host, R"(,"description_ko":"반지를 보여 드립니다")");
  ASSERT_FALSE(show.slug.empty());
  EXPECT_EQ(show.key.size(), 32u);
  auto list = json::parse(client()->get("/api/v1/live").body).as_object();
  bool listed = false;
  for (const auto& s : list.at("upcoming").as_array()) listed |= s.at("slug") == show.slug.c_str();
  EXPECT_TRUE(listed);
  auto ko = client()->get("/live/" + show.slug);
  ASSERT_EQ(ko.status, 200);
  EXPECT_NE(ko.body.find("금요 라이브"), std::string::npos);
  EXPECT_NE(ko.body.find("Live ring"), std::string::npos);  // the line-up card
  auto en = client()->get("/en/live/" + show.slug);
  EXPECT_NE(en.body.find("Friday live"), std::string::npos);
  auto api = json::parse(client()->get("/api/v1/live/" + show.slug).body).as_object();
  EXPECT_EQ(api.at("state"), "scheduled");
  EXPECT_EQ(api.at("lineup").as_array().size(), 1u);
  EXPECT_EQ(client()->get("/live").status, 200);
  EXPECT_EQ(client()->get("/live/no-such-show-zzzz").status, 404);
}

TEST_F(LiveTest, ARehearsalIsPrivateToItsHostAndTheOperator) {
  make_workshop();
  auto show = new_show(*host, R"(,"rehearsal":true)");
  ASSERT_FALSE(show.slug.empty());
  auto list = client()->get("/api/v1/live").body;
  EXPECT_EQ(list.find(show.slug), std::string::npos);
  EXPECT_EQ(client()->get("/live/" + show.slug).status, 404);
  EXPECT_EQ(signed_up(unique_email("peek"))->get("/api/v1/live/" + show.slug).status, 404);
  auto mine = host->get("/api/v1/live/" + show.slug);
  ASSERT_EQ(mine.status, 200);
  EXPECT_TRUE(json::parse(mine.body).at("rehearsal").as_bool());
  EXPECT_EQ(logged_in(web::Role::operator_)->get("/live/" + show.slug).status, 200);
  auto bad =
      host->request("POST", "/api/v1/console/live",
                    R"({"title_ko":"a","title_en":"b","scheduled_at":"2026-11-25T20:00","rehearsal":"yes"})",
                    json_headers(*host));
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("rehearsal"), std::string::npos);
}

TEST_F(LiveTest, BadShowsAreRefusedNamingTheFieldAndOthersCannotRunThem) {
  make_workshop();
  auto r = host->request("POST", "/api/v1/console/live",
                         R"({"title_ko":"제목","scheduled_at":"2026-11-25T20:00"})", json_headers(*host));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("title_en"), std::string::npos);
  auto other = own_workshop("other", "다른 공방", "Other");
  auto theirs = own_ring(other, "Their ring", 3);
  r = host->request("POST", "/api/v1/console/live",
                    R"({"title_ko":"a","title_en":"b","scheduled_at":"2026-11-25T20:00","lineup":[)" +
                        std::to_string(theirs.id) + "]}",
                    json_headers(*host));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("lineup_not_yours"), std::string::npos);
  auto show = new_show(*host);
  auto stranger = logged_in(web::Role::vendor_staff, other.slug);
  EXPECT_EQ(stranger->get("/api/v1/console/live/" + show.slug).status, 403);
  EXPECT_EQ(
      stranger->request("POST", "/api/v1/console/live/" + show.slug + "/key", "{}", json_headers(*stranger))
          .status,
      403);
  auto shopper = logged_in(web::Role::shopper);
  EXPECT_EQ(shopper->get("/console/live").status, 403);
  EXPECT_EQ(shopper->get("/operator/live").status, 403);
  auto op = logged_in(web::Role::operator_);
  auto page = op->get("/operator/live");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("금요 라이브"), std::string::npos);
  EXPECT_EQ(op->get("/console/live/" + show.slug).status, 200);
  EXPECT_EQ(host->get("/console/live").status, 200);
}

TEST_F(LiveTest, TheStreamKeyStartsTheShowAndItsEndEndsIt) {
  make_workshop();
  auto show = new_show(*host);
  EXPECT_EQ(publish("not-a-key"), 403);
  EXPECT_EQ(publish(std::string(32, 'A')), 403);  // shaped like a key, but no show's
  auto rotated =
      host->request("POST", "/api/v1/console/live/" + show.slug + "/key", "{}", json_headers(*host));
  ASSERT_EQ(rotated.status, 200);
  const std::string key(json::parse(rotated.body).at("stream_key").as_string());
  EXPECT_EQ(publish(show.key), 403);  // the old key no longer works
  auto accepted = client()->post_form("/live/rtmp/publish", {{"name", key}});
  EXPECT_EQ(accepted.status, 302);
  EXPECT_EQ(accepted.header("location"), show.slug);  // the stream is renamed: HLS never shows the key
  auto watcher = viewer(show.slug);
  ASSERT_TRUE(watcher);
  auto hello = watcher->until("hello");
  ASSERT_TRUE(hello);
  EXPECT_EQ(hello->at("state"), "live");
  EXPECT_EQ(json::parse(client()->get("/api/v1/live/" + show.slug).body).at("state"), "live");
  EXPECT_EQ(client()->post_form("/live/rtmp/publish_done", {{"name", show.slug}}).status, 200);
  auto ended = watcher->until("state");
  ASSERT_TRUE(ended);
  EXPECT_EQ(ended->at("state"), "ended");
  EXPECT_EQ(publish(key), 403);  // an ended show does not go live again
}

TEST_F(LiveTest, ChatReachesEveryViewerAsTextAndModeratorsRemoveWhatTheyMust) {
  auto show = live_show();
  std::string email;
  auto fan = logged_in(web::Role::shopper, "", &email);
  auto talker = viewer(show.slug, fan.get());
  auto quiet = viewer(show.slug);
  auto moderator = viewer(show.slug, host.get());
  ASSERT_TRUE(talker && quiet && moderator);
  for (auto* v : {talker.get(), quiet.get(), moderator.get()}) ASSERT_TRUE(v->until("hello"));
  talker->send(R"({"type":"chat","text":"  <b>13호</b> 있나요?  "})");
  auto line = quiet->until("chat");
  ASSERT_TRUE(line);
  EXPECT_EQ(line->at("text"), "<b>13호</b> 있나요?");  // data, trimmed; the page sets it as text
  const long long message = line->at("id").as_int64();
  const long long fan_id = line->at("user_id").as_int64();
  quiet->send(R"({"type":"chat","text":"hi"})");
  auto refused = quiet->until("error");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->at("code"), "login_required");
  talker->send(R"({"type":"delete","id":)" + std::to_string(message) + "}");
  EXPECT_EQ(talker->until("error")->at("code"), "forbidden");  // only the host's people moderate
  moderator->send(R"({"type":"delete","id":)" + std::to_string(message) + "}");
  auto gone = quiet->until("deleted");
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->at("id").as_int64(), message);
  auto chat = json::parse(client()->get("/api/v1/live/" + show.slug + "/chat").body);
  EXPECT_TRUE(chat.at("chat").as_array().empty());  // deleted messages are not replayed
  moderator->send(R"({"type":"ban","user_id":)" + std::to_string(fan_id) + "}");
  EXPECT_TRUE(talker->closed_by_server());
  EXPECT_FALSE(viewer(show.slug, fan.get()));  // a banned account cannot come back
  EXPECT_TRUE(viewer(show.slug));              // others still can
}

// A chat moderator the host names by email (over the API; the panel has the same form) deletes and bans
// from the show page's socket, told so in its hello; once taken back, they are refused.
TEST_F(LiveTest, AModeratorTheHostNamesDeletesAndBansFromTheShowPage) {
  auto show = live_show();
  std::string helper_email;
  auto helper = logged_in(web::Role::shopper, "", &helper_email);
  auto fan = logged_in(web::Role::shopper);
  const auto path = "/api/v1/console/live/" + show.slug + "/moderators";
  const std::vector<std::string> h{"Content-Type: application/json", "X-CSRF-Token: " + host->cookie("csrf")};
  auto unknown = host->request("POST", path, R"({"email":"nobody-at-all@example.com"})", h);
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("\"email\""), std::string::npos);
  const std::vector<std::string> fh{"Content-Type: application/json", "X-CSRF-Token: " + fan->cookie("csrf")};
  EXPECT_EQ(fan->request("POST", path, R"({"email":")" + helper_email + R"("})", fh).status, 403);
  auto named = host->request("POST", path, R"({"email":")" + helper_email + R"("})", h);
  ASSERT_EQ(named.status, 201) << named.body;
  const auto helper_id = json::parse(named.body).at("moderators").at(0).at("user_id").as_int64();
  EXPECT_NE(host->get("/console/live/" + show.slug).body.find(helper_email), std::string::npos);

  auto talker = viewer(show.slug, fan.get());
  auto mod = viewer(show.slug, helper.get());
  ASSERT_TRUE(talker && mod);
  ASSERT_TRUE(talker->until("hello"));
  auto hello = mod->until("hello");
  ASSERT_TRUE(hello);
  EXPECT_TRUE(hello->at("me").at("moderator").as_bool());
  talker->send(R"({"type":"chat","text":"광고 링크"})");
  auto line = mod->until("chat");
  ASSERT_TRUE(line);
  mod->send(R"({"type":"delete","id":)" + std::to_string(line->at("id").as_int64()) + "}");
  EXPECT_TRUE(talker->until("deleted"));
  auto removed = host->request("DELETE", path + "/" + std::to_string(helper_id), "", h);
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_TRUE(json::parse(removed.body).at("moderators").as_array().empty());
  mod->send(R"({"type":"ban","user_id":)" + std::to_string(line->at("user_id").as_int64()) + "}");
  EXPECT_EQ(mod->until("error")->at("code"), "forbidden");
  talker->send(R"({"type":"chat","text":"아직 있어요"})");  // not banned: still in the show
  auto still = mod->until("chat");
  ASSERT_TRUE(still);
  EXPECT_EQ(still->at("text"), "아직 있어요");
}

TEST_F(LiveTest, ChatIsRateLimitedAndSlowModeAndBannedWordsApply) {
  make_workshop();
  auto show = new_show(*host, R"(,"banned_words":"사기\nspam")");
  ASSERT_EQ(publish(show.key), 302);
  auto fan = logged_in(web::Role::shopper);
  auto v = viewer(show.slug, fan.get());
  ASSERT_TRUE(v && v->until("hello"));
  v->send(R"({"type":"chat","text":"SPAM offer"})");
  EXPECT_EQ(v->until("error")->at("code"), "text_banned_word");
  for (int i = 0; i < 3; ++i) {
    v->send(R"({"type":"chat","text":"hello )" + std::to_string(i) + R"("})");
    ASSERT_TRUE(v->until("chat"));
  }
  v->send(
      R"({"type":"chat","text":"one more"})");  // the clock stands still: a fourth within the burst window
  auto limited = v->until("error");
  ASSERT_TRUE(limited);
  EXPECT_NE(std::string(limited->at("message").as_string()).find("wait"), std::string::npos);
  clock->advance(std::chrono::seconds(5));
  v->send(R"({"type":"chat","text":"later"})");
  EXPECT_TRUE(v->until("chat"));
  std::string long_text(300, 'a');
  v->send(R"({"type":"chat","text":")" + long_text + R"("})");
  EXPECT_EQ(v->until("error")->at("code"), "text_too_long");
}

TEST_F(LiveTest, BadFramesAndForeignOriginsCloseOnlyThatConnection) {
  auto show = live_show();
  const std::vector<std::string> upgrade{
      "Upgrade: websocket", "Connection: Upgrade",
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"};
  auto h = upgrade;
  h.push_back("Origin: http://evil.example");
  EXPECT_EQ(client()->get("/live/" + show.slug + "/ws", h).status, 403);
  EXPECT_EQ(client()->get("/live/" + show.slug + "/ws").status, 400);  // not a WebSocket handshake
  auto bystander = viewer(show.slug);
  ASSERT_TRUE(bystander && bystander->until("hello"));
  auto big = viewer(show.slug);
  ASSERT_TRUE(big && big->until("hello"));
  big->send(std::string(5000, 'x'));  // over the 4 KiB message limit
  EXPECT_TRUE(big->closed_by_server());
  // Frames a client may not send: unmasked with a reserved opcode; a continuation that continues nothing.
  auto reserved = viewer(show.slug);
  ASSERT_TRUE(reserved && reserved->until("hello"));
  reserved->send_raw(std::string("\x83\x05hello", 7));
  EXPECT_TRUE(reserved->closed_by_server());
  auto fragment = viewer(show.slug);
  ASSERT_TRUE(fragment && fragment->until("hello"));
  fragment->send_raw(std::string("\x80\x82\x01\x02\x03\x04\x69\x6b", 8));  // masked "hi", opcode 0
  EXPECT_TRUE(fragment->closed_by_server());
  auto fan = logged_in(web::Role::shopper);
  auto talker = viewer(show.slug, fan.get());
  ASSERT_TRUE(talker && talker->until("hello"));
  talker->send(R"({"type":"chat","text":"still here"})");
  EXPECT_TRUE(bystander->until("chat"));  // the others never noticed
  EXPECT_EQ(client()->get("/healthz").status, 200);
}

TEST_F(LiveTest, ADealSellsEachUnitOnceWithinItsCountdownAndItsLimit) {
  make_workshop(10);
  auto show = new_show(*host);
  const long long regular = ring.variants.at(0).price;
  auto op = logged_in(web::Role::operator_);
  EXPECT_EQ(host->request("POST", "/api/v1/console/live/" + show.slug + "/deals",
                          R"({"variant_id":)" + std::to_string(ring.variants.at(0).id) + R"(,"price":)" +
                              std::to_string(regular) + R"(,"quantity":3})",
                          json_headers(*host))
                .status,
            400);  // not below the regular price
  const long long id = deal(*host, show.slug, regular - 10000, 3, 1, 60);
  auto first = logged_in(web::Role::shopper);
  auto early = buy(*first, show.slug, id, "deal-key-early-0001");
  EXPECT_EQ(early.status, 422);
  EXPECT_NE(early.body.find("deal_not_started"), std::string::npos);
  EXPECT_EQ(start_deal(show.slug, id),
            422);  // deals start only while live
  ASSERT_EQ(publish(show.key), 302);
  auto watcher = viewer(show.slug);
  ASSERT_TRUE(watcher && watcher->until("hello"));
  ASSERT_EQ(start_deal(show.slug, id), 200);
  auto opened = watcher->until("deal");
  ASSERT_TRUE(opened);
  EXPECT_EQ(opened->at("deal").at("phase"), "open");
  EXPECT_EQ(opened->at("deal").at("seconds_left").as_int64(), 60);
  auto bought = buy(*first, show.slug, id, "deal-key-first-0001");
  ASSERT_EQ(bought.status, 201) << bought.body;
  auto order = json::parse(bought.body).as_object();
  EXPECT_EQ(order.at("parcels").at(0).at("lines").at(0).at("unit_price").as_int64(), regular - 10000);
  EXPECT_EQ(order.at("subtotal").as_int64(), regular - 10000);
  auto again = buy(*first, show.slug, id, "deal-key-first-0001");  // the same tap twice: the same order
  EXPECT_EQ(json::parse(again.body).at("number"), order.at("number"));
  auto over = buy(*first, show.slug, id, "deal-key-first-0002");
  EXPECT_EQ(over.status, 422);
  EXPECT_NE(over.body.find("deal_limit_reached"), std::string::npos);
  // Five shoppers at once for the two units left: two orders, three refusals, no unit sold twice.
  std::vector<std::unique_ptr<HttpClient>> crowd;
  for (int i = 0; i < 5; ++i) crowd.push_back(logged_in(web::Role::shopper));
  std::vector<std::future<long>> answers;
  for (int i = 0; i < 5; ++i)
    answers.push_back(std::async(std::launch::async, [&, i] {
      return buy(*crowd[i], show.slug, id, "deal-key-crowd-000" + std::to_string(i)).status;
    }));
  int sold = 0, refused = 0;
  for (auto& a : answers) (a.get() == 201 ? sold : refused) += 1;
  EXPECT_EQ(sold, 2);
  EXPECT_EQ(refused, 3);
  EXPECT_EQ(stock_of(ring.slug), 10 - 3);
  auto state = json::parse(client()->get("/api/v1/live/" + show.slug).body).at("deals").at(0);
  EXPECT_EQ(state.at("sold").as_int64(), 3);
  EXPECT_EQ(state.at("phase"), "sold_out");
  EXPECT_EQ(json::parse(host->get("/api/v1/console/live/" + show.slug).body)
                .at("analytics")
                .at("orders")
                .as_int64(),
            3);
}

TEST_F(LiveTest, ADealClosesWhenItsCountdownEnds) {
  auto show = live_show();
  const long long id = deal(*host, show.slug, ring.variants.at(0).price - 5000, 5, 2, 30);
  ASSERT_EQ(start_deal(show.slug, id), 200);
  clock->advance(std::chrono::seconds(30));
  auto fan = logged_in(web::Role::shopper);
  auto late = buy(*fan, show.slug, id, "deal-key-late-00001");
  EXPECT_EQ(late.status, 422);
  EXPECT_NE(late.body.find("deal_over"), std::string::npos);
  EXPECT_EQ(stock_of(ring.slug), 20);
}

TEST_F(LiveTest, PinnedPiecesReachViewersAndBecomeTheReplaysChapters) {
  auto show = live_show();
  auto watcher = viewer(show.slug);
  ASSERT_TRUE(watcher && watcher->until("hello"));
  clock->advance(std::chrono::seconds(90));
  ASSERT_EQ(host->request("POST", "/api/v1/console/live/" + show.slug + "/pin",
                          R"({"product_id":)" + std::to_string(ring.id) + "}", json_headers(*host))
                .status,
            200);
  auto showing = watcher->until("showing");
  ASSERT_TRUE(showing);
  EXPECT_EQ(showing->at("piece").at("slug"), ring.slug.c_str());
  EXPECT_EQ(host->request("POST", "/api/v1/console/live/" + show.slug + "/pin", R"({"product_id":999999999})",
                          json_headers(*host))
                .status,
            400);
  ASSERT_EQ(client()->post_form("/live/rtmp/publish_done", {{"name", show.slug}}).status, 200);
  auto chapters = json::parse(client()->get("/api/v1/live/" + show.slug).body).at("chapters").as_array();
  ASSERT_EQ(chapters.size(), 1u);
  EXPECT_EQ(chapters.at(0).at("offset").as_int64(), 90);
}

TEST_F(LiveTest, RemindersAreMailedOnceTenMinutesBefore) {
  make_workshop();
  auto show = new_show(*host);
  std::string email;
  auto fan = logged_in(web::Role::shopper, "", &email);
  auto first = fan->request("POST", "/api/v1/live/" + show.slug + "/reminders", "{}", json_headers(*fan));
  EXPECT_EQ(first.status, 201);
  EXPECT_EQ(fan->request("POST", "/api/v1/live/" + show.slug + "/reminders", "{}", json_headers(*fan)).status,
            200);
  EXPECT_EQ(client()
                ->request("POST", "/api/v1/live/" + show.slug + "/reminders", "{}",
                          {"Content-Type: application/json"})
                .status,
            401);
  EXPECT_EQ(app->live().send_reminders(), 0);                         // 11 hours before
  clock->advance(std::chrono::hours(10) + std::chrono::minutes(51));  // 20:00 Seoul is 11:00 UTC
  EXPECT_EQ(app->live().send_reminders(), 1);
  EXPECT_EQ(app->live().send_reminders(), 0);
  const long long mails = app->database().read([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM outbox WHERE to_address = :a AND subject LIKE '%금요 라이브%'",
        soci::use(email), soci::into(n);
    return n;
  });
  EXPECT_EQ(mails, 1);
}

TEST_F(LiveTest, TheHostEditsModeratesAndEndsTheShowOverTheApi) {
  make_workshop();
  auto second = own_ring(workshop, "Second ring", 4);
  auto show = new_show(*host);
  auto edited = host->request(
      "PUT", "/api/v1/console/live/" + show.slug,
      R"({"title_ko":"토요 라이브","title_en":"Saturday live","scheduled_at":"2026-11-26T20:00",)"
      R"("slow_mode_seconds":10,"notice":"1인 1개","lineup":[)" +
          std::to_string(second.id) + "," + std::to_string(ring.id) + "]}",
      json_headers(*host));
  ASSERT_EQ(edited.status, 200) << edited.body;
  auto o = json::parse(edited.body).as_object();
  EXPECT_EQ(o.at("title"), "토요 라이브");
  EXPECT_EQ(o.at("scheduled_at"), "2026-11-26T11:00:00Z");
  EXPECT_EQ(o.at("lineup").at(0).at("id").as_int64(), second.id);
  auto bad = host->request("PUT", "/api/v1/console/live/" + show.slug,
                           R"({"title_ko":"a","title_en":"b","scheduled_at":"soon"})", json_headers(*host));
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("scheduled_at"), std::string::npos);
  auto mine = json::parse(host->get("/api/v1/console/live").body).at("shows").as_array();
  ASSERT_EQ(mine.size(), 1u);  // only this workshop's shows
  ASSERT_EQ(publish(show.key), 302);
  auto fan = logged_in(web::Role::shopper);
  auto talker = viewer(show.slug, fan.get());
  ASSERT_TRUE(talker && talker->until("hello"));
  talker->send(R"({"type":"chat","text":"hello"})");
  auto line = talker->until("chat");
  ASSERT_TRUE(line);
  auto muted = host->request(
      "POST", "/api/v1/console/live/" + show.slug + "/moderation",
      R"({"action":"mute","user_id":)" + std::to_string(line->at("user_id").as_int64()) + R"(,"seconds":60})",
      json_headers(*host));
  ASSERT_EQ(muted.status, 200) << muted.body;
  talker->send(R"({"type":"chat","text":"again"})");
  auto refused = talker->until("error");
  ASSERT_TRUE(refused);
  EXPECT_NE(std::string(refused->at("message").as_string()).find("muted"), std::string::npos);
  EXPECT_EQ(host->request("POST", "/api/v1/console/live/" + show.slug + "/moderation",
                          R"({"action":"shout"})", json_headers(*host))
                .status,
            400);
  auto ended = host->request("POST", "/api/v1/console/live/" + show.slug + "/end", "{}", json_headers(*host));
  ASSERT_EQ(ended.status, 200);
  EXPECT_EQ(json::parse(ended.body).at("state"), "ended");
  EXPECT_EQ(talker->until("state")->at("state"), "ended");
}

// The host's run-sheet (issue 13): the line-up with what may be said of each piece and its deals, as a
// printable page and JSON; only for the show's host and the operator.
TEST_F(LiveTest, TheRunSheetSaysWhatThePiecesAreAndTheirDeals) {
  make_workshop();
  auto show = new_show(*host);
  ASSERT_GT(deal(*host, show.slug, ring.price / 2, 10, 1, 120), 0);
  auto r = host->get("/api/v1/console/live/" + show.slug + "/run-sheet");
  ASSERT_EQ(r.status, 200) << r.body;
  auto sheet = json::parse(r.body).as_object();
  const auto& pieces = sheet.at("pieces").as_array();
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].at("slug"), ring.slug.c_str());
  EXPECT_EQ(pieces[0].at("title"), "925 실버 반지");
  EXPECT_FALSE(pieces[0].at("points_en").as_array().empty());
  ASSERT_EQ(pieces[0].at("deals").as_array().size(), 1u);
  EXPECT_EQ(pieces[0].at("deals").as_array()[0].at("minutes"), 2);
  auto page = host->get("/console/live/" + show.slug + "/run-sheet");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("진행 대본"), std::string::npos);
  EXPECT_NE(page.body.find("3.00 g"), std::string::npos);
  EXPECT_NE(host->get("/console/live/" + show.slug).body.find("id=\"run-sheet-link\""), std::string::npos);
  auto other = own_workshop("sheetother", "다른 공방", "Other");
  auto stranger = logged_in(web::Role::vendor_staff, other.slug);
  EXPECT_EQ(stranger->get("/api/v1/console/live/" + show.slug + "/run-sheet").status, 403);
  EXPECT_EQ(logged_in(web::Role::operator_)->get("/console/live/" + show.slug + "/run-sheet").status, 200);
  EXPECT_EQ(host->get("/api/v1/console/live/no-such-show-zz/run-sheet").status, 404);
}

}  // namespace
}  // namespace brilliant::test
