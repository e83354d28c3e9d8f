// One piece edited at catalog size (issue 16): what the catalog costs before the edit shows. Opens an
// existing hub's database (seeded with `seed-demo --products N`, as bench/big_catalog.sh does) and times,
// REPEATS times each, what a node does after one piece's edit: now (that piece repriced, its card read
// again and patched into the snapshot) and before (every piece repriced, the whole catalog reloaded).
// Usage: catalog_bench DB_URL [REPEATS, default 5]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

#include "app/app.hpp"
#include "bench_app.hpp"
#include "db/database.hpp"

using namespace brilliant;

namespace {

// Median, fastest and slowest of `repeats` runs of `work`, in milliseconds.
void timed(const char* what, int repeats, const std::function<void()>& work) {
  std::vector<double> ms;
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    work();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%-46s %8.1f ms (median of %d; fastest %.1f, slowest %.1f)\n", what, ms[ms.size() / 2], repeats,
              ms.front(), ms.back());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: catalog_bench DB_URL [REPEATS]\n");
    return 2;
  }
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
  const bench::BenchFolder folder("catalog");
  SystemClock clock;
  app::App app(folder.config(argv[1]), clock);
  app.migrate();
  app.catalog().refresh();
  const auto listed = app.catalog().snapshot();
  if (listed->cards.empty()) {
    std::fprintf(stderr, "no piece is listed in %s\n", argv[1]);
    return 1;
  }
  const long long piece = listed->cards[listed->cards.size() / 2].id;
  std::printf("catalog: %zu pieces listed; piece %lld edited\n", listed->cards.size(), piece);
  timed("now: the piece repriced", repeats, [&] { app.quotes().reprice_pieces({piece}); });
  timed("now: its card read and patched in", repeats, [&] { app.catalog().refresh_pieces({piece}); });
  timed("now: both (an edit's whole cost)", repeats, [&] {
    app.quotes().reprice_pieces({piece});
    app.catalog().refresh_pieces({piece});
  });
  // A title edited (its original and a changed one in turn): the catalog's search words are built again,
  // which an edit of stock, price or photos (the lines above: nothing about the piece changed) spares.
  const std::string title = listed->cards[listed->cards.size() / 2].title_en;
  int edits = 0;
  timed("now: its title changed, card patched in", repeats, [&] {
    const std::string next = ++edits % 2 ? title + " (edited)" : title;
    app.database().write([&](soci::session& sql) {
      sql << "UPDATE products SET title_en = :t WHERE id = :p", soci::use(next), soci::use(piece);
    });
    app.catalog().refresh_pieces({piece});
  });
  timed("before: the whole catalog reloaded", repeats, [&] { app.catalog().refresh(); });
  timed("before: every piece repriced, reloaded, reloaded", repeats, [&] {
    app.quotes().reprice();  // tells the catalog, which reloads
    app.catalog().refresh();
  });
}
