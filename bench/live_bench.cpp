// Live shows under load (issue 18), two measurements:
//   live_bench fanout [VIEWERS=10000] [RATE=50] [SECONDS=20]
//     Starts the app (release build, SQLite, one show live) and a second process of this program that
//     holds VIEWERS WebSocket connections to the show, as viewers' browsers would. The first process then
//     sends RATE chat messages a second through the service for SECONDS; every message goes to every
//     viewer through the server's WebSocket writes. The viewers' process measures how many connections it
//     held, messages delivered per second, and delivery latency (each message carries its send time; both
//     processes read the same monotonic clock). The server's memory is its own process's VmRSS.
//   live_bench deal [BUYERS=2000] [UNITS=50] [THREADS=64]
//     A flash deal of UNITS units opened to BUYERS shoppers at once, each buying one through the service
//     (checkout's rules, one transaction each): attempts a second, latency p50/p99, units sold (must be
//     exactly UNITS) and the stock left.
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "app/app.hpp"
#include "app/seed_catalog.hpp"
#include "core/secret.hpp"
#include "db/database.hpp"

extern char** environ;

using namespace brilliant;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

namespace {

long long now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

long long rss_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.starts_with("VmRSS:")) return std::atoll(line.c_str() + 6);
  return 0;
}

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

struct Bench {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("brilliant-live-bench-" + random_token(6));
  app::Config config;
  SystemClock clock;
  std::unique_ptr<app::App> app;
  web::Principal host;

  Bench() {
    std::filesystem::create_directories(dir);
    config.database_url = "sqlite:" + (dir / "bench.db").string();
    config.root = BRILLIANT_SOURCE_DIR;
    config.blob_root = dir / "blobs";
    config.access_log = false;
    config.password_cost = accounts::Cost::minimum;
    config.server.port = 0;
    config.server.max_connections_per_ip = 0;  // every viewer comes from 127.0.0.1
    if (const char* batch = std::getenv("BATCH_MS")) config.live.batch_ms = std::atoi(batch);  // else 80
    app = std::make_unique<app::App>(config, clock);
    app->migrate();
    app::seed_catalog(app->database(), app->catalog(), app->quotes(), clock, 200);
    app->catalog().refresh();
    auto op = app->accounts().add_user({"host@brilliant.example", "호스트", "bench-password", "ko"},
                                       web::Role::operator_, "");
    host = {op->id, op->email, op->name, static_cast<uint32_t>(web::Role::operator_)};
  }
  ~Bench() {
    app.reset();
    std::filesystem::remove_all(dir);
  }
  // A hub show of the first pieces, live.
  live::Show live_show() {
    const auto snap = app->catalog().snapshot();
    std::vector<long long> lineup;
    for (size_t i = 0; i < 4 && i < snap->cards.size(); ++i) lineup.push_back(snap->cards[i].id);
    auto made = app->live().create(host, 0, {"벤치", "Bench", "", "", "2026-12-01T20:00", lineup, 0, "", ""});
    auto live = app->live().stream_started(made.value().stream_key);
    return std::move(live).value();
  }
};

// The viewers' process: holds `viewers` connections, counts chat events and their latency until told
// to stop (stdin closes), then prints one line of JSON. Its connections are shared among THREADS
// I/O threads (env VIEWER_THREADS, default 2): ten thousand browsers read in parallel, and one thread
// reading all of them would add its own queueing to the latency it measures.
int viewers_main(int port, const std::string& path, int viewers) {
  const char* threads_env = std::getenv("VIEWER_THREADS");
  const int threads = std::max(1, threads_env ? std::atoi(threads_env) : 2);
  struct Viewer {
    websocket::stream<beast::tcp_stream> ws;
    beast::flat_buffer buffer;
    std::vector<double>* latency_ms;
    explicit Viewer(asio::io_context& io, std::vector<double>* latency) : ws(io), latency_ms(latency) {}
  };
  std::vector<std::unique_ptr<asio::io_context>> ios;
  std::vector<std::vector<double>> latency(threads);  // one per thread: no lock on the hot path
  for (int t = 0; t < threads; ++t) {
    ios.push_back(std::make_unique<asio::io_context>(1));
    latency[t].reserve(12'000'000 / threads);
  }
  std::vector<std::unique_ptr<Viewer>> all;
  std::atomic<long long> held{0}, failed{0}, delivered{0};
  std::function<void(Viewer*)> read = [&](Viewer* v) {
    v->ws.async_read(v->buffer, [&, v](beast::error_code ec, size_t) {
      if (ec) return;
      const auto text = beast::buffers_to_string(v->buffer.data());
      v->buffer.consume(v->buffer.size());
      // One event, or a batch of them (a JSON array): every chat event in it carries its send time.
      const auto arrived = now_ns();
      for (size_t at = text.find(R"({"type":"chat")"); at != std::string::npos;
           at = text.find(R"({"type":"chat")", at + 1)) {
        const auto sent_at = text.find("\"text\":\"t", at);
        if (sent_at == std::string::npos) break;
        const long long sent = std::atoll(text.c_str() + sent_at + 9);
        ++delivered;
        auto& mine = *v->latency_ms;
        if (mine.size() < mine.capacity()) mine.push_back((arrived - sent) / 1e6);
      }
      read(v);
    });
  };
  const auto endpoint =
      asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port));
  const std::string origin = "http://127.0.0.1:" + std::to_string(port);
  auto open = [&](Viewer* v) {
    beast::get_lowest_layer(v->ws).async_connect(endpoint, [&, v](beast::error_code ec) {
      if (ec) {
        ++failed;
        return;
      }
      v->ws.set_option(websocket::stream_base::decorator(
          [origin](websocket::request_type& req) { req.set(beast::http::field::origin, origin); }));
      v->ws.async_handshake("127.0.0.1:" + std::to_string(port), path, [&, v](beast::error_code ec2) {
        if (ec2) {
          ++failed;
          return;
        }
        ++held;
        read(v);
      });
    });
  };
  for (int i = 0; i < viewers; ++i) {
    const int t = i % threads;
    all.push_back(std::make_unique<Viewer>(*ios[t], &latency[t]));
  }
  std::vector<std::thread> runners;
  for (int t = 0; t < threads; ++t)
    runners.emplace_back([&, t] {
      auto guard = asio::make_work_guard(*ios[t]);
      // This thread's viewers connect a few hundred at a time (the server's backlog stays short).
      for (int i = t, opened = 0; i < viewers; i += threads) {
        open(all[i].get());
        if (++opened % 250 == 0) ios[t]->poll();
      }
      ios[t]->run();
    });
  std::thread watcher([&] {
    char c;
    while (::read(0, &c, 1) > 0) {
      if (c == 'r') delivered = 0;  // reset: measurement starts now
    }
    for (auto& io : ios) io->stop();
  });
  // Report readiness when every connection is up (or given up), then run until stdin closes.
  while (held.load() + failed.load() < viewers) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::printf("ready %lld\n", held.load());
  std::fflush(stdout);
  watcher.join();
  for (auto& r : runners) r.join();
  std::vector<double> latency_ms;
  for (auto& v : latency) latency_ms.insert(latency_ms.end(), v.begin(), v.end());
  std::printf("{\"held\":%lld,\"failed\":%lld,\"delivered\":%lld,\"p50_ms\":%.1f,\"p99_ms\":%.1f}\n",
              held.load(), failed.load(), delivered.load(), percentile(latency_ms, 0.50),
              percentile(latency_ms, 0.99));
  return 0;
}

int fanout(int viewers, int rate, int seconds, const char* self) {
  Bench b;
  const auto port = b.app->start();
  auto show = b.live_show();
  const std::string path = "/live/" + show.slug + "/ws";
  // The viewers' process, its stdin and stdout piped.
  int to_child[2], from_child[2];
  if (pipe(to_child) || pipe(from_child)) return 1;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, to_child[0], 0);
  posix_spawn_file_actions_adddup2(&actions, from_child[1], 1);
  posix_spawn_file_actions_addclose(&actions, to_child[1]);
  posix_spawn_file_actions_addclose(&actions, from_child[0]);
  const std::string port_text = std::to_string(port), viewers_text = std::to_string(viewers);
  std::vector<std::string> args = {self, "viewers", port_text, path, viewers_text};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t child = 0;
  if (posix_spawn(&child, self, &actions, nullptr, argv.data(), environ) != 0) return 1;
  close(to_child[0]);
  close(from_child[1]);
  FILE* in = fdopen(from_child[0], "r");
  char line[512];
  const auto connect_start = std::chrono::steady_clock::now();
  if (!std::fgets(line, sizeof line, in)) return 1;  // "ready N"
  const double connect_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - connect_start).count();
  if (write(to_child[1], "r", 1) != 1) return 1;
  const auto start = std::chrono::steady_clock::now();
  const auto interval = std::chrono::nanoseconds(1'000'000'000LL / rate);
  long long sent = 0;
  long long peak_rss = rss_kib();
  for (auto next = start; std::chrono::steady_clock::now() - start < std::chrono::seconds(seconds);
       next += interval) {
    std::this_thread::sleep_until(next);
    auto said = b.app->live().say(show, b.host, "t" + std::to_string(now_ns()));
    sent += said ? 1 : 0;
    if (sent % rate == 0) peak_rss = std::max(peak_rss, rss_kib());
  }
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::this_thread::sleep_for(std::chrono::seconds(2));  // the last messages arrive
  close(to_child[1]);
  std::string result;
  while (std::fgets(line, sizeof line, in)) result += line;
  waitpid(child, nullptr, 0);
  std::printf(
      "{\"viewers\":%d,\"rate\":%d,\"seconds\":%.1f,\"sent\":%lld,\"connect_seconds\":%.1f,"
      "\"server_rss_mib\":%.0f,\"viewers_process\":%s}\n",
      viewers, rate, elapsed, sent, connect_s, peak_rss / 1024.0, result.empty() ? "null" : result.c_str());
  return 0;
}

int deal(int buyers, int units, int threads) {
  Bench b;
  auto show = b.live_show();
  const auto card = b.app->catalog().snapshot()->cards.front();
  auto product = *b.app->catalog().product(card.slug);
  const auto variant = product.variants.front();
  b.app->database().write([&](soci::session& sql) {
    sql << "UPDATE variants SET stock = 1000 WHERE id = :v", soci::use(variant.id);
  });
  b.app->catalog().refresh();
  auto d = b.app->live().add_deal(show.slug, b.host,
                                  {variant.id, std::max(100LL, variant.price / 2), units, 1, 600});
  if (!d || !b.app->live().start_deal(show.slug, b.host, d->id)) return 1;
  std::vector<web::Principal> people;
  for (int i = 0; i < buyers; ++i) {
    auto u = b.app->accounts().add_user(
        {"buyer" + std::to_string(i) + "@bench.example", "구매자", "bench-password", "ko"},
        web::Role::shopper, "");
    people.push_back({u->id, u->email, u->name, static_cast<uint32_t>(web::Role::shopper)});
  }
  std::atomic<int> next{0}, sold{0};
  std::vector<std::vector<double>> lat(threads);
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      for (int i; (i = next++) < buyers;) {
        const auto t0 = std::chrono::steady_clock::now();
        live::Purchase p{1,
                         {"김보석", "01012345678", "54538", "익산시 보석로 1", "", ""},
                         "flash-" + std::to_string(i),
                         "ko"};
        if (b.app->live().buy(show.slug, d->id, people[i], p)) ++sold;
        lat[t].push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      }
    });
  for (auto& t : pool) t.join();
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<double> all;
  for (auto& v : lat) all.insert(all.end(), v.begin(), v.end());
  const int stock = b.app->catalog().product(card.slug)->variants.front().stock;
  const auto after = b.app->live().find(show.slug)->deals.front();
  std::printf(
      "{\"buyers\":%d,\"units\":%d,\"threads\":%d,\"attempts_per_s\":%.0f,\"p50_ms\":%.1f,\"p99_ms\":%.1f,"
      "\"sold\":%d,\"deal_sold\":%d,\"stock_left\":%d,\"oversold\":%s}\n",
      buyers, units, threads, buyers / elapsed, percentile(all, 0.5), percentile(all, 0.99), sold.load(),
      after.sold, stock,
      sold.load() > units || after.sold > units || stock != 1000 - sold.load() ? "true" : "false");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "fanout";
  auto arg = [&](int i, int fallback) { return argc > i ? std::atoi(argv[i]) : fallback; };
  if (mode == "viewers") return viewers_main(std::atoi(argv[2]), argv[3], std::atoi(argv[4]));
  if (mode == "deal") return deal(arg(2, 2000), arg(3, 50), arg(4, 64));
  return fanout(arg(2, 10000), arg(3, 50), arg(4, 20), argv[0]);
}
