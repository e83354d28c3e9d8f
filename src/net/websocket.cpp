#include "net/websocket.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>

namespace brilliant::net {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using asio::awaitable;
constexpr auto tuple_awaitable = asio::as_tuple(asio::use_awaitable);

// One connection's sending half. Everything but send(), close(), open() and release() runs on the
// connection's executor (its I/O thread's single-threaded io_context), so the queue needs no lock; the
// lock guards the stream's life against release() at shutdown.
class Connection final : public web::SocketPeer, public std::enable_shared_from_this<Connection> {
 public:
  Connection(beast::tcp_stream&& stream, size_t max_queue)
      : io_(io_executor(stream)),
        stream_(std::make_unique<websocket::stream<beast::tcp_stream>>(std::move(stream))),
        ws(*stream_),
        max_queue_(max_queue) {}

  bool send(std::shared_ptr<const std::string> text) override {
    if (!open_ || !text) return false;
    std::lock_guard lock(life_);
    if (!stream_) return false;
    // (Posted to the io_context's own executor, not the stream's type-erased one: a broadcast does this
    // once per viewer.)
    asio::post(io_, [self = shared_from_this(), text = std::move(text)]() mutable {
      self->enqueue(std::move(text));
    });
    return true;
  }
  // A null message in the queue stands for the close frame.
  void close() override {
    std::lock_guard lock(life_);
    if (stream_) asio::post(io_, [self = shared_from_this()] { self->enqueue(nullptr); });
  }
  bool open() const override { return open_; }

  // The server stopped (its I/O threads are gone): the stream goes now, while its io_context exists.
  void release() {
    std::lock_guard lock(life_);
    open_ = false;
    queue_.clear();
    stream_.reset();
  }

  // The reader ended (the peer closed, a bad frame, a timeout): nothing more is written.
  void ended() {
    open_ = false;
    queue_.clear();
  }

 private:
  static asio::io_context::executor_type io_executor(beast::tcp_stream& stream) {
    const auto any = stream.get_executor();
    const auto* io = any.target<asio::io_context::executor_type>();
    if (!io) throw std::logic_error("a WebSocket's stream runs on an io_context");
    return *io;
  }

  asio::io_context::executor_type io_;
  std::mutex life_;
  std::unique_ptr<websocket::stream<beast::tcp_stream>> stream_;

 public:
  websocket::stream<beast::tcp_stream>& ws;

 private:
  void enqueue(std::shared_ptr<const std::string> text) {
    if (!open_ || closing_) return;
    if (queue_.size() >= max_queue_) {  // too slow to keep up: dropped, memory stays bounded
      drop();
      return;
    }
    queue_.push_back(std::move(text));
    if (writing_) return;
    writing_ = true;
    write_next();
  }

  // Writes the queue's front, and on completion the next (a plain handler chain: a broadcast to ten
  // thousand viewers makes no coroutine frame per viewer).
  void write_next() {
    if (queue_.empty() || !open_) {
      writing_ = false;
      return;
    }
    auto next = std::move(queue_.front());
    queue_.pop_front();
    if (!next) {
      closing_ = true;
      ws.async_close(websocket::close_code::normal,
                     [self = shared_from_this()](beast::error_code) { self->writing_ = false; });
      return;
    }
    ws.text(true);
    const auto buffer = asio::buffer(*next);
    ws.async_write(buffer, [self = shared_from_this(), next = std::move(next)](beast::error_code ec, size_t) {
      if (ec) {
        self->drop();
        self->writing_ = false;
        return;
      }
      self->write_next();
    });
  }

  void drop() {
    open_ = false;
    queue_.clear();
    beast::error_code ignored;
    beast::get_lowest_layer(ws).socket().close(ignored);
  }

  size_t max_queue_;
  std::deque<std::shared_ptr<const std::string>> queue_;
  bool writing_ = false, closing_ = false;
  std::atomic<bool> open_{true};
};

namespace {

template <class F>
awaitable<void> on_pool(asio::thread_pool& pool, const char* what, F&& fn) {
  co_await asio::co_spawn(
      pool,
      [&]() -> awaitable<void> {
        try {
          fn();
        } catch (const std::exception& e) {
          spdlog::error("websocket {} failed: {}", what, e.what());
        }
        co_return;
      },
      asio::use_awaitable);
}

}  // namespace

void OpenSockets::add(const std::shared_ptr<Connection>& connection) {
  std::lock_guard lock(mutex_);
  if (connections_.size() >= 64 && connections_.size() == connections_.capacity())
    std::erase_if(connections_, [](const auto& c) { return c.expired(); });
  connections_.push_back(connection);
}

void OpenSockets::release_all() {
  std::lock_guard lock(mutex_);
  for (auto& weak : connections_)
    if (auto c = weak.lock()) c->release();
  connections_.clear();
}

awaitable<void> serve_websocket(beast::tcp_stream stream,
                                beast::http::request<beast::http::string_body> request,
                                std::shared_ptr<web::SocketSession> session, asio::thread_pool& pool,
                                web::SocketLimits limits, OpenSockets& open) {
  stream.expires_never();  // the WebSocket's own timeouts (pings, idle) take over
  auto connection = std::make_shared<Connection>(std::move(stream), limits.max_queue);
  open.add(connection);
  auto& ws = connection->ws;
  ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
  ws.set_option(websocket::stream_base::decorator(
      [](websocket::response_type& response) { response.set(beast::http::field::server, "Brilliant"); }));
  ws.read_message_max(limits.max_message);
  auto [accepted] = co_await ws.async_accept(request, tuple_awaitable);
  if (accepted) co_return;
  co_await on_pool(pool, "open", [&] { session->opened(connection); });
  beast::flat_buffer buffer;
  for (;;) {
    auto [ec, n] = co_await ws.async_read(buffer, tuple_awaitable);
    if (ec) break;  // closed, too big, malformed or fragmented wrongly: this connection only
    if (!ws.got_text()) {
      connection->close();  // only text messages are spoken here
      continue;
    }
    std::string text = beast::buffers_to_string(buffer.data());
    buffer.consume(buffer.size());
    co_await on_pool(pool, "message", [&] { session->received(text); });
  }
  connection->ended();
  co_await on_pool(pool, "close", [&] { session->closed(); });
}

}  // namespace brilliant::net
