// The WebSocket side of the server: a route that upgrades gets each message in order and can answer; a
// message over the limit closes that connection; a reader too slow to keep up is dropped once its
// queue is full, and the server's memory stays bounded; stop() lets go of connections someone still holds.
#include "net/websocket.hpp"

#include <gtest/gtest.h>

#include <future>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include "net/server.hpp"
#include "net/testing.hpp"

namespace brilliant::net {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

// Echoes each message back; remembers its peer (as a show's room would) and whether it was closed.
struct Echo final : web::SocketSession {
  std::shared_ptr<web::SocketPeer> peer;
  std::atomic<bool> ended{false};
  std::promise<void> flooded;
  void opened(std::shared_ptr<web::SocketPeer> p) override { peer = std::move(p); }
  void received(std::string_view text) override {
    if (text == "flood") {  // a broadcast storm: far more than the queue holds, 64 KiB each
      const auto big = std::make_shared<const std::string>(65536, 'x');
      for (int i = 0; i < 2000 && peer->open(); ++i) peer->send(big);
      flooded.set_value();
    } else {
      peer->send(std::make_shared<const std::string>("echo:" + std::string(text)));
    }
  }
  void closed() override { ended = true; }
};

class WebSocketServer : public ::testing::Test {
 protected:
  WebSocketServer() {
    serving.router.get("/ws", [this](web::Request&) { return web::Response::upgrade(session); });
    ServerOptions options;
    options.port = 0;
    options.io_threads = 1;
    options.pool_threads = 2;
    options.socket_limits.max_queue = 16;
    serving.build({"ws"});
    server = std::make_unique<Server>(*serving.pipeline, *serving.metrics, options);
    port = server->start();
  }

  std::unique_ptr<websocket::stream<beast::tcp_stream>> connect() {
    auto ws = std::make_unique<websocket::stream<beast::tcp_stream>>(io);
    beast::get_lowest_layer(*ws).connect({asio::ip::make_address("127.0.0.1"), port});
    ws->handshake("127.0.0.1", "/ws");
    return ws;
  }

  testing::TestPipeline serving;
  std::shared_ptr<Echo> session = std::make_shared<Echo>();
  std::unique_ptr<Server> server;
  unsigned short port = 0;
  asio::io_context io;
};

TEST_F(WebSocketServer, MessagesGoToTheSessionInOrderAndAnswersComeBack) {
  auto ws = connect();
  for (int i = 0; i < 5; ++i) ws->write(asio::buffer("m" + std::to_string(i)));
  for (int i = 0; i < 5; ++i) {
    beast::flat_buffer buffer;
    ws->read(buffer);
    EXPECT_EQ(beast::buffers_to_string(buffer.data()), "echo:m" + std::to_string(i));
  }
  ws->close(websocket::close_code::normal);
}

TEST_F(WebSocketServer, AMessageOverTheLimitClosesThatConnection) {
  auto ws = connect();
  beast::error_code ec;
  ws->write(asio::buffer(std::string(5000, 'x')), ec);
  beast::flat_buffer buffer;
  ws->read(buffer, ec);
  EXPECT_TRUE(ec);  // closed by the server
  auto other = connect();
  other->write(asio::buffer(std::string("still")));
  other->read(buffer);
  EXPECT_EQ(beast::buffers_to_string(buffer.data()), "echo:still");
}

TEST_F(WebSocketServer, AReaderThatDoesNotKeepUpIsDropped) {
  auto ws = connect();
  auto sent = session->flooded.get_future();
  ws->write(asio::buffer(std::string("flood")));  // then never read
  ASSERT_EQ(sent.wait_for(std::chrono::seconds(10)), std::future_status::ready);
  // The server drops the connection once 16 messages wait (a lagging viewer never grows memory); the
  // I/O thread gets there within moments of the flood.
  for (int i = 0; i < 500 && session->peer->open(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_FALSE(session->peer->open());
}

TEST_F(WebSocketServer, StopLetsGoOfConnectionsOthersStillHold) {
  auto ws = connect();
  ws->write(asio::buffer(std::string("hi")));
  beast::flat_buffer buffer;
  ws->read(buffer);
  server->stop();
  server.reset();  // the io_contexts are gone; the session still holds its peer
  EXPECT_FALSE(session->peer->send(std::make_shared<const std::string>("late")));
  EXPECT_FALSE(session->peer->open());
}

}  // namespace
}  // namespace brilliant::net
