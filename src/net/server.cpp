#include "net/server.hpp"
#include "net/forwarded.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <ctime>
#include <future>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "net/websocket.hpp"
#include "web/pipeline.hpp"

namespace brilliant::net {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto tuple_awaitable = asio::as_tuple(asio::use_awaitable);

namespace {

// RFC 9110 §6.6.1: an origin server with a clock sends Date; formatted once per second per thread.
const std::string& http_date() {
  thread_local std::time_t last = 0;
  thread_local std::string text;
  std::time_t now = std::time(nullptr);
  if (now != last) {
    last = now;
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    text = buf;
  }
  return text;
}

http::response<http::string_body> to_beast(web::Response&& in, unsigned version, bool keep_alive, bool head) {
  http::response<http::string_body> out{static_cast<http::status>(in.status), version};
  out.set(http::field::server, "Brilliant");
  out.set(http::field::date, http_date());
  for (auto& h : in.headers) out.insert(h.name, h.value);
  out.keep_alive(keep_alive);
  const auto length = in.body.size();
  if (!head) out.body() = std::move(in.body);
  if (in.status != 304 && in.status != 204 && !(in.status >= 100 && in.status < 200))
    out.content_length(length);
  return out;
}

// The request's header as our own Request (no body): for the checks made before a body is read.
web::Request head_request(const http::request<http::string_body>& in, const std::string& remote) {
  web::Request out;
  out.method = web::parse_method(std::string_view(in.method_string().data(), in.method_string().size()));
  out.target = std::string(in.target());
  out.headers.reserve(8);
  for (const auto& field : in)
    out.headers.push_back({std::string(field.name_string()), std::string(field.value())});
  out.remote_ip = remote;
  return out;
}

web::Request to_request(http::request<http::string_body>&& in, const std::string& remote) {
  auto out = head_request(in, remote);
  out.body = std::move(in.body());
  return out;
}

web::Response plain_error(int status, std::string text) {
  auto r = web::Response::text(std::move(text) + "\n", status);
  r.add("Connection", "close");
  return r;
}

// RFC 9112 §6.3: a Transfer-Encoding other than exactly "chunked" (a list, gzip, odd spelling) or one
// beside Content-Length is answered 400 and the connection closed, so no proxy in front can read
// the message's length differently from us (request smuggling).
std::optional<web::Response> framing_error(const http::request<http::string_body>& head) {
  const auto te = head.count(http::field::transfer_encoding);
  if (te == 0) return std::nullopt;
  if (te > 1 || !beast::iequals(head[http::field::transfer_encoding], "chunked") ||
      head.count(http::field::content_length) > 0)
    return plain_error(400, "unsupported Transfer-Encoding: only \"chunked\" alone is accepted");
  return std::nullopt;
}

// Answers read errors that happen before a request exists: oversized, malformed.
std::optional<web::Response> read_error_response(beast::error_code ec) {
  if (ec == http::error::header_limit) return plain_error(431, "request header fields too large");
  if (ec == http::error::body_limit) return plain_error(413, "request body too large");
  if (ec == http::error::end_of_stream || ec == http::error::partial_message) return std::nullopt;
  if (ec.category() == http::make_error_code(http::error::bad_target).category())
    return plain_error(400, "malformed HTTP request: " + ec.message());
  return std::nullopt;
}

}  // namespace

struct Server::Impl {
  Impl(web::Pipeline& p, web::Metrics& m, ServerOptions o)
      : pipeline(p),
        metrics(m),
        options(std::move(o)),
        proxies(options.trusted_proxies),
        io_threads(options.io_threads > 0 ? options.io_threads
                                          : std::max(1u, std::thread::hardware_concurrency())),
        ios(make_contexts(io_threads)),
        pool(options.pool_threads > 0 ? options.pool_threads
                                      : 4 * std::max(1u, std::thread::hardware_concurrency())),
        write_pool(options.write_pool_threads > 0
                       ? std::make_unique<asio::thread_pool>(options.write_pool_threads)
                       : nullptr),
        acceptor(*ios.front()) {}

  // One single-threaded io_context per I/O thread: a connection lives on one of them for its whole
  // life, so no strand and no lock is shared between I/O threads.
  static std::vector<std::unique_ptr<asio::io_context>> make_contexts(int n) {
    std::vector<std::unique_ptr<asio::io_context>> out;
    for (int i = 0; i < n; ++i) out.push_back(std::make_unique<asio::io_context>(1));
    return out;
  }

  awaitable<void> accept_loop() {
    while (!stopping) {
      auto& target = *ios[next_context++ % ios.size()];
      auto [ec, socket] = co_await acceptor.async_accept(target, tuple_awaitable);
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) co_return;
        spdlog::warn("accept failed: {}", ec.message());
        continue;
      }
      socket.set_option(tcp::no_delay(true), ec);
      auto executor = socket.get_executor();
      asio::co_spawn(executor, session(std::move(socket)), asio::detached);
    }
  }

  awaitable<web::Response> on_pool(web::Request& request, const web::Pipeline::Prepared& prepared) {
    metrics.pool_queue_depth.fetch_add(1, std::memory_order_relaxed);
    const bool reads = (request.method == web::Method::get || request.method == web::Method::head) &&
                       prepared.match.route->runs != web::Runs::with_writes;
    auto& runner = write_pool && !reads ? *write_pool : pool;
    auto response = co_await asio::co_spawn(
        runner, [&]() -> awaitable<web::Response> { co_return pipeline.run(request, prepared); },
        use_awaitable);
    metrics.pool_queue_depth.fetch_sub(1, std::memory_order_relaxed);
    co_return response;
  }

  // Counts a connection from ip; false (and nothing counted) when ip has max_connections_per_ip open.
  bool open_from(const std::string& ip) {
    std::lock_guard lock(per_ip_mutex);
    auto& open = per_ip[ip];
    if (options.max_connections_per_ip > 0 && open >= options.max_connections_per_ip) return false;
    ++open;
    return true;
  }
  void closed_from(const std::string& ip) {
    std::lock_guard lock(per_ip_mutex);
    if (auto it = per_ip.find(ip); it != per_ip.end() && --it->second <= 0) per_ip.erase(it);
  }

  awaitable<void> session(tcp::socket socket) {
    beast::error_code ignored;
    const auto endpoint = socket.remote_endpoint(ignored);
    const std::string remote = ignored ? std::string("unknown") : endpoint.address().to_string();
    beast::tcp_stream stream(std::move(socket));
    if (!open_from(remote)) {
      metrics.refused_connections.fetch_add(1, std::memory_order_relaxed);
      auto busy = plain_error(503, "too many connections from this address");
      busy.add("Retry-After", "1");
      co_await write_and_close(stream, std::move(busy));
      stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
      co_return;
    }
    metrics.open_connections.fetch_add(1, std::memory_order_relaxed);
    beast::flat_buffer buffer;
    bool handed_over = false;  // the stream became a WebSocket's (and is closed by now)
    try {
      co_await serve(stream, buffer, remote, handed_over);
    } catch (const std::exception& e) {
      spdlog::warn("connection from {} ended: {}", remote, e.what());
    }
    if (!handed_over) stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    metrics.open_connections.fetch_sub(1, std::memory_order_relaxed);
    closed_from(remote);
  }

  bool upload_target(std::string_view target) const {
    for (const auto& prefix : options.upload_prefixes)
      if (target.starts_with(prefix)) return true;
    return false;
  }

  // After the header, before the body: framing, the size this target may carry, and, for a body larger
  // than ordinary requests may send, a caller the pipeline knows (uploads are read only for them).
  awaitable<std::optional<web::Response>> check_head(http::request_parser<http::string_body>& parser,
                                                     const std::string& remote) {
    const auto& head = parser.get();
    if (auto refused = framing_error(head)) co_return refused;
    const bool upload = upload_target(std::string_view(head.target().data(), head.target().size()));
    const size_t allowed = upload ? options.upload_limit : options.body_limit;
    const auto length = parser.content_length();
    if (length && *length > allowed) co_return plain_error(413, "request body too large");
    parser.body_limit(allowed);
    if (!upload || parser.is_done() || (length && *length <= options.body_limit)) co_return std::nullopt;
    web::Request probe = head_request(head, remote);
    probe.remote_ip = proxies.client(remote, probe.header("x-forwarded-for"));
    auto refusal = co_await asio::co_spawn(
        pool, [&]() -> awaitable<std::optional<web::Response>> { co_return pipeline.refuse_upload(probe); },
        use_awaitable);
    if (refusal) refusal->set("Connection", "close");
    co_return refusal;
  }

  awaitable<void> write_and_close(beast::tcp_stream& stream, web::Response response) {
    metrics.observe(metrics.unmatched_index(), response.status, std::chrono::nanoseconds(0));
    auto out = to_beast(std::move(response), 11, false, false);
    stream.expires_after(options.read_timeout);
    co_await http::async_write(stream, out, tuple_awaitable);
  }

  awaitable<void> serve(beast::tcp_stream& stream, beast::flat_buffer& buffer, const std::string& remote,
                        bool& handed_over) {
    while (!stopping) {
      http::request_parser<http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
      // The header is read under the largest limit (Beast checks Content-Length against it as soon as
      // the header ends); check_head then applies the one this target has.
      parser.body_limit(std::max(options.body_limit, options.upload_limit));
      stream.expires_after(options.idle_timeout);
      auto [ec_header, n1] = co_await http::async_read_header(stream, buffer, parser, tuple_awaitable);
      beast::error_code ec = ec_header;
      if (!ec) {
        auto refused = co_await check_head(parser, remote);
        if (refused) {
          co_await write_and_close(stream, std::move(*refused));
          co_return;
        }
      }
      if (!ec && !parser.is_done()) {
        stream.expires_after(options.read_timeout);
        auto [ec_body, n2] = co_await http::async_read(stream, buffer, parser, tuple_awaitable);
        ec = ec_body;
      }
      if (ec) {
        if (auto response = read_error_response(ec)) co_await write_and_close(stream, std::move(*response));
        co_return;  // end of stream, timeout or reset: close quietly
      }
      in_flight.fetch_add(1);
      const auto started = std::chrono::steady_clock::now();
      auto beast_request = parser.release();
      const unsigned version = beast_request.version();
      const bool keep_alive = beast_request.keep_alive() && !stopping;
      const bool head = beast_request.method() == http::verb::head;
      std::optional<http::request<http::string_body>> handshake;
      if (beast::websocket::is_upgrade(beast_request)) handshake = beast_request;
      web::Request request = to_request(std::move(beast_request), remote);
      if (!proxies.empty()) request.remote_ip = proxies.client(remote, request.header("x-forwarded-for"));
      auto prepared = pipeline.prepare(request);
      // (No co_await inside ?: — GCC 12 mishandles temporaries there.)
      web::Response response;
      if (prepared.early) {  // answered already (a cached page, a static file): moved, not copied
        response = std::move(*prepared.early);
      } else if (prepared.runs_inline()) {
        response = pipeline.run(request, prepared);
      } else {
        response = co_await on_pool(request, prepared);
      }
      pipeline.finish(request, prepared, response, std::chrono::steady_clock::now() - started);
      if (response.socket && handshake) {  // the route took the connection: it is a WebSocket now
        in_flight.fetch_sub(1);
        handed_over = true;
        co_await serve_websocket(std::move(stream), std::move(*handshake), std::move(response.socket), pool,
                                 options.socket_limits, open_sockets);
        co_return;
      }
      if (response.socket) response = plain_error(426, "this address speaks WebSocket only");
      auto out = to_beast(std::move(response), version, keep_alive, head);
      stream.expires_after(options.read_timeout);
      auto [ec_write, written] = co_await http::async_write(stream, out, tuple_awaitable);
      in_flight.fetch_sub(1);
      if (ec_write || !keep_alive) co_return;
    }
  }

  web::Pipeline& pipeline;
  web::Metrics& metrics;
  ServerOptions options;
  TrustedProxies proxies;
  int io_threads;
  std::vector<std::unique_ptr<asio::io_context>> ios;
  size_t next_context = 0;
  asio::thread_pool pool;
  std::unique_ptr<asio::thread_pool> write_pool;  // options.write_pool_threads; null: writes use pool
  tcp::acceptor acceptor;
  std::vector<std::thread> threads;
  std::atomic<bool> stopping{false};
  std::atomic<int> in_flight{0};
  std::mutex per_ip_mutex;
  std::unordered_map<std::string, int> per_ip;  // open connections per remote address
  std::once_flag stop_once;
  OpenSockets open_sockets;  // WebSocket connections, let go of at stop
};

Server::Server(web::Pipeline& pipeline, web::Metrics& metrics, ServerOptions options)
    : impl_(std::make_unique<Impl>(pipeline, metrics, std::move(options))) {}

Server::~Server() { stop(); }

unsigned short Server::start() {
  auto& im = *impl_;
  tcp::endpoint endpoint(asio::ip::make_address(im.options.host), im.options.port);
  im.acceptor.open(endpoint.protocol());
  im.acceptor.set_option(asio::socket_base::reuse_address(true));
  im.acceptor.bind(endpoint);
  im.acceptor.listen(asio::socket_base::max_listen_connections);
  const auto port = im.acceptor.local_endpoint().port();
  asio::co_spawn(*im.ios.front(), im.accept_loop(), asio::detached);
  for (auto& io : im.ios) {
    auto* context = io.get();
    im.threads.emplace_back([context] {
      auto guard = asio::make_work_guard(*context);  // idle contexts wait for connections
      context->run();
    });
  }
  return port;
}

void Server::stop() {
  auto& im = *impl_;
  std::call_once(im.stop_once, [&im] {
    im.stopping = true;
    asio::post(*im.ios.front(), [&im] {
      beast::error_code ignored;
      im.acceptor.close(ignored);
    });
    // Let in-flight requests finish, then end idle keep-alive connections by stopping the loop.
    const auto deadline = std::chrono::steady_clock::now() + im.options.shutdown_grace;
    while (im.in_flight.load() > 0 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    for (auto& io : im.ios) io->stop();
    for (auto& t : im.threads)
      if (t.joinable()) t.join();
    im.open_sockets.release_all();
    beast::error_code ignored;
    im.acceptor.close(ignored);  // in case the posted close never ran
    im.pool.join();
    if (im.write_pool) im.write_pool->join();
  });
}

void Server::run_until_signal() {
  auto& im = *impl_;
  std::promise<int> signalled;
  auto done = signalled.get_future();
  asio::signal_set signals(*im.ios.front(), SIGINT, SIGTERM);
  signals.async_wait([&signalled](beast::error_code ec, int sig) { signalled.set_value(ec ? 0 : sig); });
  const int sig = done.get();
  spdlog::info("signal {} received: finishing in-flight requests", sig);
  stop();
}

}  // namespace brilliant::net
