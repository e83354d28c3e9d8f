// The WebSocket side of a connection whose route answered Response::upgrade (net-internal: only
// server.cpp includes this; routes see web/socket.hpp).
#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <memory>
#include <mutex>
#include <vector>

#include "web/socket.hpp"

namespace brilliant::net {

class Connection;

// The WebSocket connections this server holds. Others may keep a connection's sending half (a show's
// room does) after the server stopped: release_all() frees every connection's stream while its
// io_context still exists, so nothing touches a destroyed io_context later.
class OpenSockets {
 public:
  void add(const std::shared_ptr<Connection>& connection);
  // Call after the I/O threads have stopped.
  void release_all();

 private:
  std::mutex mutex_;
  std::vector<std::weak_ptr<Connection>> connections_;
};

// Completes the handshake for `request`, then reads messages and hands each to `session` on `pool`
// (in order) until either side closes; returns when the connection is over.
boost::asio::awaitable<void> serve_websocket(
    boost::beast::tcp_stream stream, boost::beast::http::request<boost::beast::http::string_body> request,
    std::shared_ptr<web::SocketSession> session, boost::asio::thread_pool& pool, web::SocketLimits limits,
    OpenSockets& open);

}  // namespace brilliant::net
