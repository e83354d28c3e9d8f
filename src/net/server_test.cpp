// The server's two pools: requests that may write run on a pool of their own when one is configured
// (`write_pool_threads`), so as many writes can wait at once as that pool has threads (were they on the
// main pool's one thread here, the first would wait out its deadline alone), and reads are never queued
// behind them; a GET that writes or waits on another service can be sent to the writes' pool too.
#include "net/server.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "net/testing.hpp"

namespace brilliant::net {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

// What the handlers wait for: a count that they raise and wait on, each up to a deadline (a handler that
// is never joined answers 504 instead of hanging the test).
struct Meeting {
  std::mutex mutex;
  std::condition_variable changed;
  int arrived = 0;
  void arrive() {
    std::lock_guard lock(mutex);
    ++arrived;
    changed.notify_all();
  }
  bool wait_for(int count) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, std::chrono::seconds(10), [&] { return arrived >= count; });
  }
};

class TwoPools : public ::testing::Test {
 protected:
  // POST /meet and GET /meet (a read that runs with the writes, as a payment's return does): arrives, then
  // waits until `meet_count` have arrived. GET /ping: arrives and answers.
  void start(int write_threads, int meet_count) {
    const auto meet = [this, meet_count](web::Request&) {
      meeting.arrive();
      return meeting.wait_for(meet_count) ? web::Response::text("met") : web::Response::text("alone", 504);
    };
    serving.router.post("/meet", meet).session = false;  // a machine endpoint: no session, no CSRF token
    auto& waits = serving.router.get("/meet", meet);
    waits.session = false;
    waits.runs = web::Runs::with_writes;
    serving.router
        .get("/ping",
             [this](web::Request&) {
               meeting.arrive();
               return web::Response::text("pong");
             })
        .session = false;
    ServerOptions options;
    options.port = 0;
    options.io_threads = 1;
    options.pool_threads = 1;
    options.write_pool_threads = write_threads;
    serving.build({"meet", "ping"});
    server = std::make_unique<Server>(*serving.pipeline, *serving.metrics, options);
    port = server->start();
  }

  // The status of one request on a connection of its own.
  unsigned ask(http::verb verb, const char* target) {
    asio::io_context io;
    beast::tcp_stream stream(io);
    stream.connect({asio::ip::make_address("127.0.0.1"), port});
    http::request<http::string_body> request{verb, target, 11};
    request.set(http::field::host, "127.0.0.1");
    request.prepare_payload();
    http::write(stream, request);
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(stream, buffer, response);
    return response.result_int();
  }

  testing::TestPipeline serving;
  Meeting meeting;
  std::unique_ptr<Server> server;
  unsigned short port = 0;
};

TEST_F(TwoPools, AsManyWritesWaitAtOnceAsTheWritePoolHasThreads) {
  start(2, 2);  // one thread for reads, two for writes: two writes meet
  unsigned first = 0;
  std::thread other([&] { first = ask(http::verb::post, "/meet"); });
  const unsigned second = ask(http::verb::post, "/meet");
  other.join();
  EXPECT_EQ(first, 200u);
  EXPECT_EQ(second, 200u);
}

TEST_F(TwoPools, AReadIsAnsweredWhileEveryWriteThreadWaits) {
  start(1, 2);  // the one write thread waits for a read to arrive
  unsigned write = 0;
  std::thread writer([&] { write = ask(http::verb::post, "/meet"); });
  {  // the write has arrived (and holds its thread) before the read is sent
    std::unique_lock lock(meeting.mutex);
    ASSERT_TRUE(
        meeting.changed.wait_for(lock, std::chrono::seconds(10), [&] { return meeting.arrived >= 1; }));
  }
  EXPECT_EQ(ask(http::verb::get, "/ping"), 200u);
  writer.join();
  EXPECT_EQ(write, 200u);
}

// A GET marked to run with the writes waits on a write thread: the one read thread still answers.
TEST_F(TwoPools, AReadMarkedToRunWithTheWritesLeavesTheReadThreadFree) {
  start(1, 2);
  unsigned waiting = 0;
  std::thread waiter([&] { waiting = ask(http::verb::get, "/meet"); });
  {
    std::unique_lock lock(meeting.mutex);
    ASSERT_TRUE(
        meeting.changed.wait_for(lock, std::chrono::seconds(10), [&] { return meeting.arrived >= 1; }));
  }
  EXPECT_EQ(ask(http::verb::get, "/ping"), 200u);
  waiter.join();
  EXPECT_EQ(waiting, 200u) << "on the read thread it would have waited alone for its deadline";
}

}  // namespace
}  // namespace brilliant::net
