#include "http/ws_client.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>
#include <deque>

namespace brilliant::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

struct WsClient::Impl {
  asio::io_context io;
  websocket::stream<beast::tcp_stream> ws{io};
  beast::flat_buffer buffer;
  std::deque<std::string> batched;  // the rest of a batch (a JSON array of events) the server sent
  bool closed = false;
};

WsClient::WsClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WsClient::~WsClient() {
  if (!impl_->closed) {
    beast::error_code ignored;
    beast::get_lowest_layer(impl_->ws).socket().close(ignored);
  }
}

std::unique_ptr<WsClient> WsClient::connect(int port, const std::string& path, const Headers& headers) {
  auto impl = std::make_unique<Impl>();
  beast::error_code ec;
  beast::get_lowest_layer(impl->ws).expires_after(std::chrono::seconds(5));
  beast::get_lowest_layer(impl->ws).connect(
      asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)), ec);
  if (ec) return nullptr;
  impl->ws.set_option(websocket::stream_base::decorator([headers](websocket::request_type& req) {
    for (const auto& [name, value] : headers) req.set(name, value);
  }));
  impl->ws.handshake("127.0.0.1:" + std::to_string(port), path, ec);
  if (ec) return nullptr;
  beast::get_lowest_layer(impl->ws).expires_never();
  return std::unique_ptr<WsClient>(new WsClient(std::move(impl)));
}

void WsClient::send(const std::string& text) {
  impl_->ws.text(true);
  beast::error_code ec;
  impl_->ws.write(asio::buffer(text), ec);
}

void WsClient::send_raw(const std::string& bytes) {
  beast::error_code ec;
  asio::write(beast::get_lowest_layer(impl_->ws).socket(), asio::buffer(bytes), ec);
}

std::optional<std::string> WsClient::receive(std::chrono::milliseconds wait) {
  if (!impl_->batched.empty()) {
    auto next = std::move(impl_->batched.front());
    impl_->batched.pop_front();
    return next;
  }
  if (impl_->closed) return std::nullopt;
  std::optional<std::string> out;
  bool done = false;
  impl_->ws.async_read(impl_->buffer, [&](beast::error_code ec, size_t) {
    done = true;
    if (ec) {
      impl_->closed = true;
      return;
    }
    out = beast::buffers_to_string(impl_->buffer.data());
    impl_->buffer.consume(impl_->buffer.size());
  });
  impl_->io.restart();
  impl_->io.run_for(wait);
  if (!done) {  // the deadline passed: give up the connection (a pending read cannot be resumed)
    beast::error_code ignored;
    beast::get_lowest_layer(impl_->ws).socket().cancel(ignored);
    impl_->io.restart();
    impl_->io.run();
    impl_->closed = true;
    return std::nullopt;
  }
  if (out && out->starts_with('[')) {  // a batch: its events one by one, in order
    boost::system::error_code ec;
    auto value = boost::json::parse(*out, ec);
    if (!ec && value.is_array() && !value.as_array().empty()) {
      for (const auto& event : value.as_array()) impl_->batched.push_back(boost::json::serialize(event));
      out = std::move(impl_->batched.front());
      impl_->batched.pop_front();
    }
  }
  return out;
}

std::optional<boost::json::object> WsClient::until(const std::string& type, std::chrono::milliseconds wait) {
  const auto deadline = std::chrono::steady_clock::now() + wait;
  while (std::chrono::steady_clock::now() < deadline) {
    auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    auto text = receive(left);
    if (!text) return std::nullopt;
    boost::system::error_code ec;
    auto value = boost::json::parse(*text, ec);
    if (!ec && value.is_object() && value.as_object().contains("type") && value.at("type") == type.c_str())
      return value.as_object();
  }
  return std::nullopt;
}

bool WsClient::closed_by_server(std::chrono::milliseconds wait) {
  const auto deadline = std::chrono::steady_clock::now() + wait;
  while (!impl_->closed && std::chrono::steady_clock::now() < deadline) {
    auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    bool done = false;
    impl_->ws.async_read(impl_->buffer, [&](beast::error_code ec, size_t) {
      done = true;
      impl_->buffer.consume(impl_->buffer.size());
      if (ec) impl_->closed = true;
    });
    impl_->io.restart();
    impl_->io.run_for(left);
    if (!done) {
      beast::error_code ignored;
      beast::get_lowest_layer(impl_->ws).socket().cancel(ignored);
      impl_->io.restart();
      impl_->io.run();
      return false;
    }
  }
  return impl_->closed;
}

std::string session_cookie_header(const std::string& sid) { return "sid=" + sid; }

}  // namespace brilliant::test
