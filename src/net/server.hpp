// The HTTP listener: Boost.Beast + Asio with C++20 coroutines, a coroutine per connection, one I/O
// thread per core, keep-alive, header and body limits, read and idle timeouts, and a graceful stop.
// Route handlers run on a separate blocking pool and are awaited, so I/O threads never block.
// This header is free of Beast and Asio; only server.cpp pays for them.
#pragma once
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "web/socket.hpp"

namespace brilliant::web {
class Pipeline;
class Metrics;
}  // namespace brilliant::web

namespace brilliant::net {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: pick a free port
  int io_threads = 0;          // 0: one per core
  int pool_threads = 0;        // 0: four per core (database calls wait on I/O)
  // Requests that may write (any method but GET and HEAD) run on a pool of their own this size; 0: they
  // share the pool above. On SQLite a write waits there for its group's one disk sync (db/database.cpp):
  // the more writes can wait together, the more each sync carries, while reads keep their own threads.
  int write_pool_threads = 0;
  size_t header_limit = 16 * 1024;
  size_t body_limit = 2 * 1024 * 1024;
  // Requests whose target starts with one of upload_prefixes (photos, application files, return photos) may
  // carry up to upload_limit bytes.
  std::vector<std::string> upload_prefixes = {"/api/v1/console/", "/api/v1/applications/files",
                                              "/api/v1/orders/", "/api/v1/operator/brand/logo"};
  size_t upload_limit = 48 * 1024 * 1024;
  // Open connections one address may hold (0: no cap); more are answered 503 and closed. Behind a proxy
  // every connection comes from the proxy: raise it there, or set it to 0 and let the proxy cap.
  int max_connections_per_ip = 256;
  // Load balancers in front ("127.0.0.1", "10.0.0.0/8"): their X-Forwarded-For names the client
  // (net/forwarded.hpp). Empty: the peer is the client, the header ignored.
  std::vector<std::string> trusted_proxies;
  web::SocketLimits socket_limits;  // WebSocket connections (live chat): message size, queue length
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds idle_timeout{60};
  std::chrono::seconds shutdown_grace{10};
};

class Server {
 public:
  Server(web::Pipeline& pipeline, web::Metrics& metrics, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds, listens and starts the I/O and pool threads; returns the bound port. Throws on bind errors.
  unsigned short start();
  // Stops accepting, lets in-flight requests finish (up to shutdown_grace), then joins all threads.
  // Safe to call more than once and from any thread but the server's own.
  void stop();
  // Blocks until SIGINT or SIGTERM, then stops gracefully.
  void run_until_signal();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace brilliant::net
