// The sales channels' feeds at catalog size (issue 19): seeds PRODUCTS pieces (the demo's catalog), then
// times the first build of the Naver, Google and Kakao feeds (with every piece recorded for the incremental
// feed), answering from the built feeds, a rebuild after one piece's price changed (one U recorded), and
// the incremental feed; prints the feeds' sizes.
// Usage: feeds_bench [PRODUCTS, default 10000] [DB URL, default a temporary SQLite file]
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "app/app.hpp"
#include "app/seed_catalog.hpp"
#include "bench_app.hpp"
#include "core/secret.hpp"
#include "db/database.hpp"

using namespace brilliant;

namespace {

template <class F>
double seconds(F&& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const int products = argc > 1 ? std::atoi(argv[1]) : 10000;
  const bench::BenchFolder folder("feeds");
  const auto config = folder.config(argc > 2 ? argv[2] : nullptr);
  SystemClock clock;
  {
    app::App app(config, clock);
    app.migrate();
    const double seed = seconds([&] {
      app::seed_catalog(app.database(), app.catalog(), app.quotes(), app.clock(), products);
      app.catalog().refresh();
    });
    auto& feeds = app.channels();
    std::size_t naver = 0, google = 0, kakao = 0;
    const double first = seconds([&] { naver = feeds.feed(channels::Feed::naver).size(); });
    const int repeats = 200;
    const double cached = seconds([&] {
      for (int i = 0; i < repeats; ++i) google = feeds.feed(channels::Feed::google).size();
    });
    kakao = feeds.feed(channels::Feed::kakao).size();
    app.database().write([](soci::session& sql) {
      sql << "UPDATE products SET price = price + 1000 WHERE id = (SELECT MIN(id) FROM products WHERE status "
             "= "
             "'published')";
    });
    app.catalog().refresh();
    const double rebuild = seconds([&] { feeds.feed(channels::Feed::naver); });
    std::size_t incremental = 0;
    const double delta = seconds([&] { incremental = feeds.naver_incremental("").value().size(); });
    const auto listed = feeds.summary().listed;
    std::printf("catalog: %d pieces seeded in %.1f s; %lld listed in the feeds\n", products, seed, listed);
    std::printf("first build (3 feeds, every piece recorded): %.3f s\n", first);
    std::printf("answer from the built feeds: %.3f ms each (%d answers)\n", cached * 1000 / repeats, repeats);
    std::printf("rebuild after one price change (1 U recorded): %.3f s\n", rebuild);
    std::printf("incremental feed (today's changes): %.3f s, %zu bytes\n", delta, incremental);
    std::printf("sizes: naver %.1f MB, google %.1f MB, kakao %.1f MB\n", naver / 1e6, google / 1e6,
                kakao / 1e6);
  }
  return 0;
}
