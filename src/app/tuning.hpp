// How the server sets itself up for a busy day, where the configuration leaves it to us (issue 16).
#pragma once

#include <cstddef>

namespace brilliant::app {

// How many threads run requests that may write when the configuration leaves it to us (`[server]
// write_pool_threads = 0`): on SQLite 64, as many as one group commit takes (db/group_commit.hpp), so that a
// busy day's orders share their disk syncs while reads keep the main pool's four per core (at 16-64
// threads for everything, the cart page lost a quarter of its rate). On PostgreSQL none: writes share the
// main pool, where each thread holds a connection while it waits (more threads only queue for them).
// A configured number is kept as it is. (docs/PERFORMANCE.md, "A pool for writes".)
int write_pool_threads(int configured, bool sqlite);

// How many threads run reads (GET and HEAD routes) when the configuration leaves it to us (`[server]
// pool_threads = 0`): on SQLite two per core. Its reads run in the process and never wait on a network,
// so more threads only wait for a turn, and every request handed to an idle one costs a wake-up and two
// task switches (at four per core the logged-in cart page ran at 0.18-0.28 of nginx, at two per core
// 0.40-0.47, at one 0.45-0.50; two leave room beside a slow export or PDF). On PostgreSQL 0: the server's
// own four per core, as reads there wait on round trips. A configured number is kept as it is.
// (docs/PERFORMANCE.md, "Fewer threads for reads on SQLite".)
int pool_threads(int configured, bool sqlite, unsigned cores);

// The memory glibc's allocator keeps at the top of each heap when it grows one or gives memory back:
// `keep_at_top` bytes. By default it keeps none, so under load each thread's arena grew its heap with a
// system call and page faults, and the frees that followed gave the pages back: on SQLite that churn cost
// a third to a half of the orders a second (docs/PERFORMANCE.md, "The allocator keeps what it frees").
// Resident memory did not grow by it in the orders bench (a heap keeps at most this much unused). Returns
// false where the allocator is not glibc's own (a sanitizer's). Process-wide: `brilliant serve` sets it
// once, before the server starts.
bool keep_freed_memory(std::size_t keep_at_top = std::size_t{16} << 20);

}  // namespace brilliant::app
