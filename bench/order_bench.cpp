// Checkout throughput: places ORDERS orders (two pieces from two workshops each) from THREADS threads at

#include "db/database.hpp"
// once through orders::Orders::place, the code behind POST /checkout and POST /api/v1/orders, against a
// demo catalog, and prints orders per second with the latency of one placement (p50, p99). Each
// placement is the whole transaction: reprice the cart, reserve stock, write order, parcels, lines,
// event, mail, empty the cart.
// Usage: order_bench [ORDERS, default 2000] [THREADS, default 4] [DB URL, default a temporary SQLite file]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "app/app.hpp"
#include "app/seed_catalog.hpp"
#include "core/secret.hpp"

using namespace brilliant;

int main(int argc, char** argv) {
  const int orders = argc > 1 ? std::atoi(argv[1]) : 2000;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 4;
  const auto dir = std::filesystem::temp_directory_path() / ("brilliant-order-bench-" + random_token(6));
  std::filesystem::create_directories(dir);
  app::Config config;
  config.database_url = argc > 3 ? argv[3] : "sqlite:" + (dir / "bench.db").string();
  config.root = BRILLIANT_SOURCE_DIR;
  config.blob_root = dir / "blobs";
  config.access_log = false;
  config.password_cost = accounts::Cost::minimum;
  SystemClock clock;
  long long placed = 0;
  std::vector<double> latencies;
  double seconds = 0;
  {
    app::App app(config, clock);
    app.migrate();
    app::seed_catalog(app.database(), app.catalog(), app.quotes(), clock, 300);
    auto user = app.accounts().add_user({"bench@brilliant.example", "벤치", "bench-password", "ko"},
                                        web::Role::shopper, "");
    if (!user.ok()) {
      std::fprintf(stderr, "user: %s\n", user.error().message.c_str());
      return 1;
    }
    // Plenty of stock everywhere, so every placement succeeds and measures the whole path.
    app.database().write([](soci::session& sql) { sql << "UPDATE variants SET stock = 1000000"; });
    app.catalog().refresh();
    // Pairs of pieces on sale from two different workshops.
    auto snap = app.catalog().snapshot();
    std::vector<std::pair<long long, long long>> pairs;
    for (size_t i = 0; i + 1 < snap->cards.size() && pairs.size() < 200; ++i) {
      auto a = app.catalog().product(snap->cards[i].slug), b = app.catalog().product(snap->cards[i + 1].slug);
      if (a && b && a->workshop_id != b->workshop_id && !a->variants.empty() && !b->variants.empty())
        pairs.push_back({a->variants.front().id, b->variants.front().id});
    }
    if (pairs.empty()) return 1;
    std::atomic<int> next{0};
    std::atomic<long long> ok{0};
    std::vector<std::vector<double>> per_thread(threads);
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        for (int i = next++; i < orders; i = next++) {
          const auto& [first, second] = pairs[i % pairs.size()];
          auto token = app.carts().add("", user->id, {.variant_id = first, .quantity = 1});
          if (!token.ok() ||
              !app.carts().add(token->token, user->id, {.variant_id = second, .quantity = 1}).ok())
            continue;
          const auto begin = std::chrono::steady_clock::now();
          auto order =
              app.orders().place({.cart_token = token->token,
                                  .user_id = user->id,
                                  .address = {"벤치", "01012345678", "54538", "익산시 보석로 1", "", ""},
                                  .key = "bench-" + std::to_string(i) + "-" + random_token(6)});
          per_thread[t].push_back(
              std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count());
          if (order.ok()) ++ok;
        }
      });
    for (auto& th : pool) th.join();
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    placed = ok.load();
    for (auto& v : per_thread) latencies.insert(latencies.end(), v.begin(), v.end());
  }
  std::filesystem::remove_all(dir);
  std::sort(latencies.begin(), latencies.end());
  auto at = [&](double q) {
    return latencies.empty() ? 0 : latencies[static_cast<size_t>(q * (latencies.size() - 1))];
  };
  std::printf(
      "placed %lld of %d orders (2 pieces, 2 workshops each) from %d threads in %.2f s: %.0f orders/s "
      "(cart filling included in the wall time); place() p50 %.2f ms, p99 %.2f ms\n",
      placed, orders, threads, seconds, placed / seconds, at(0.5), at(0.99));
  return placed == orders ? 0 : 1;
}
