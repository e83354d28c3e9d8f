// Live shows on two nodes (issue 18): a throwaway Redis on loopback and two app nodes on one database;
// a chat message sent on one node reaches viewers on the other, and a deal's last unit is sold once
// across both.
#include <hiredis/hiredis.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <future>

#include "core/secret.hpp"
#include "http/live_testing.hpp"

extern char** environ;

namespace brilliant::test {
namespace {

namespace json = boost::json;

// A loopback port free now, chosen by scripts/free-port.py (below the kernel's ephemeral range, so no
// outgoing connection of the tests running beside this one can take it before redis-server binds it).
int free_port() {
  const std::string command = std::string("python3 ") + BRILLIANT_SOURCE_DIR + "/scripts/free-port.py";
  FILE* out = popen(command.c_str(), "r");
  int port = 0;
  if (out) {
    if (std::fscanf(out, "%d", &port) != 1) port = 0;
    pclose(out);
  }
  return port;
}

// Redis itself answers on the port (PONG), not merely something that accepts connections there.
bool answers_ping(int port) {
  const timeval second{1, 0};
  redisContext* c = redisConnectWithTimeout("127.0.0.1", port, second);
  bool pong = false;
  if (c && !c->err && redisSetTimeout(c, second) == REDIS_OK) {
    auto* reply = static_cast<redisReply*>(redisCommand(c, "PING"));
    pong = reply && reply->type == REDIS_REPLY_STATUS && std::string_view(reply->str, reply->len) == "PONG";
    if (reply) freeReplyObject(reply);
  }
  if (c) redisFree(c);
  return pong;
}

// redis-server on a free port, without persistence, for the test's life. Should another process take
// the port first, redis-server exits, and it is started again on another.
class Redis {
 public:
  Redis() {
    for (int attempt = 0; attempt < 4 && !running(); ++attempt) {
      stop();
      start(free_port());
    }
  }
  ~Redis() { stop(); }
  bool running() const { return pid_ && answers_ping(port_); }
  std::string url() const { return "redis://127.0.0.1:" + std::to_string(port_); }

 private:
  void start(int port) {
    port_ = port;
    const std::string text = std::to_string(port_);
    std::vector<std::string> args = {"redis-server", "--port",     text,     "--bind",
                                     "127.0.0.1",    "--save",     "",       "--appendonly",
                                     "no",           "--loglevel", "warning"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawnp(&pid_, "redis-server", nullptr, nullptr, argv.data(), environ) != 0) pid_ = 0;
    // Ready when it answers (bounded: 10 s); given up on at once when it exited.
    for (int i = 0; pid_ && i < 500 && !answers_ping(port_); ++i) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_)
        pid_ = 0;
      else
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  void stop() {
    if (!pid_) return;
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    pid_ = 0;
  }

  int port_ = 0;
  pid_t pid_ = 0;
};

class LiveNodes : public LiveTest {
 protected:
  void SetUp() override {
    redis = std::make_unique<Redis>();
    ASSERT_TRUE(redis->running()) << "redis-server could not be started (apt-get install redis-server)";
    LiveTest::SetUp();
    second = std::make_unique<app::App>(app->config(), *clock);  // the same database, another process's worth
    second_port = second->start();
  }
  void TearDown() override {
    second.reset();
    LiveTest::TearDown();
  }
  void configure(app::Config& config) override { config.live.redis_url = redis->url(); }

  std::unique_ptr<WsClient> viewer_on(int node_port, const std::string& slug, HttpClient* who = nullptr) {
    WsClient::Headers h{{"Origin", "http://127.0.0.1:" + std::to_string(node_port)}};
    if (who) h.push_back({"Cookie", session_cookie_header(who->cookie("sid"))});
    return WsClient::connect(node_port, "/live/" + slug + "/ws", h);
  }

  std::unique_ptr<Redis> redis;
  std::unique_ptr<app::App> second;
  int second_port = 0;
};

TEST_F(LiveNodes, ChatSentOnOneNodeReachesViewersOnTheOther) {
  make_workshop();
  auto show = new_show(*host);
  ASSERT_EQ(publish(show.key), 302);
  auto fan = logged_in(web::Role::shopper);
  auto on_first = viewer_on(port, show.slug, fan.get());  // the session is in the shared database
  auto on_second = viewer_on(second_port, show.slug);
  ASSERT_TRUE(on_first && on_second);
  ASSERT_TRUE(on_first->until("hello"));
  ASSERT_TRUE(on_second->until("hello"));
  on_first->send(R"({"type":"chat","text":"다른 서버에서도 보이나요?"})");
  auto line = on_second->until("chat");
  ASSERT_TRUE(line);
  EXPECT_EQ(line->at("text"), "다른 서버에서도 보이나요?");
  EXPECT_TRUE(on_first->until("chat"));  // and on its own node too, once
  // Viewer counts add up across nodes (each node reports its own once a second).
  bool both = false;
  for (int i = 0; i < 10 && !both; ++i) {
    auto tick = on_second->until("tick");
    both = tick && tick->at("viewers").as_int64() == 2;
  }
  EXPECT_TRUE(both);
}

TEST_F(LiveNodes, ThePaceOfAPersonsChatIsKeptAcrossNodes) {
  make_workshop();
  auto show = new_show(*host);
  ASSERT_EQ(publish(show.key), 302);
  auto fan = logged_in(web::Role::shopper);
  auto here = viewer_on(port, show.slug, fan.get());
  auto there = viewer_on(second_port, show.slug, fan.get());  // the same person in a second tab, other node
  ASSERT_TRUE(here && there && here->until("hello") && there->until("hello"));
  for (int i = 0; i < live::burst_messages; ++i) {
    here->send(R"({"type":"chat","text":"하나 더 )" + std::to_string(i) + R"("})");
    ASSERT_TRUE(here->until("chat")) << i;
  }
  there->send(R"({"type":"chat","text":"다른 서버로는 빠르게?"})");
  auto refused = there->until("error");
  ASSERT_TRUE(refused);
  EXPECT_NE(std::string(refused->at("message").as_string()).find("too many messages"), std::string::npos);
  // The host is not held to the pace on either node.
  auto panel = viewer_on(second_port, show.slug, host.get());
  ASSERT_TRUE(panel && panel->until("hello"));
  for (int i = 0; i < live::burst_messages + 2; ++i) panel->send(R"({"type":"chat","text":"공지"})");
  int said = 0;
  while (said < live::burst_messages + 2 && panel->until("chat")) ++said;
  EXPECT_EQ(said, live::burst_messages + 2);
}

TEST_F(LiveNodes, TheLastUnitOfADealIsSoldOnceAcrossBothNodes) {
  make_workshop();
  auto show = new_show(*host);
  ASSERT_EQ(publish(show.key), 302);
  const long long id = deal(*host, show.slug, ring.variants.at(0).price - 1000, 1, 1, 120);
  ASSERT_EQ(start_deal(show.slug, id), 200);
  auto watcher = viewer_on(second_port, show.slug);
  ASSERT_TRUE(watcher && watcher->until("hello"));
  // Six shoppers, half of them through each node, all at once.
  struct Shopper {
    std::unique_ptr<HttpClient> here, there;  // logged in on the first node; a client of the second
  };
  std::vector<Shopper> crowd;
  for (int i = 0; i < 6; ++i)
    crowd.push_back({logged_in(web::Role::shopper),
                     std::make_unique<HttpClient>("http://127.0.0.1:" + std::to_string(second_port))});
  std::vector<std::future<long>> answers;
  for (int i = 0; i < 6; ++i)
    answers.push_back(std::async(std::launch::async, [&, i] {
      const std::string key = "nodes-key-crowd-000" + std::to_string(i);
      auto& s = crowd[i];
      if (i % 2 == 0) return buy(*s.here, show.slug, id, key).status;
      const std::string csrf = s.here->cookie("csrf");
      return s.there
          ->request(
              "POST", "/api/v1/live/" + show.slug + "/deals/" + std::to_string(id) + "/orders",
              address_json() + "}",
              {"Content-Type: application/json", "Cookie: sid=" + s.here->cookie("sid") + "; csrf=" + csrf,
               "X-CSRF-Token: " + csrf, "Idempotency-Key: " + key})
          .status;
    }));
  int sold = 0;
  for (auto& a : answers) sold += a.get() == 201 ? 1 : 0;
  EXPECT_EQ(sold, 1);
  auto state = json::parse(client()->get("/api/v1/live/" + show.slug).body).at("deals").at(0);
  EXPECT_EQ(state.at("sold").as_int64(), 1);
  auto update = watcher->until("deal");  // the sale, told on the other node
  ASSERT_TRUE(update);
  EXPECT_EQ(update->at("deal").at("left").as_int64(), 0);
}

}  // namespace
}  // namespace brilliant::test
