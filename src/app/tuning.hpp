// How the server sets itself up for a busy day, where the configuration leaves it to us (issue 16).
#pragma once

#include <cstddef>

namespace brilliant::app {

// How many threads the server's pool runs for blocking work (database calls) when the configuration leaves
// it to us (`[server] pool_threads = 0`): four per core, as the server would choose; on SQLite at least as
// many as one group commit takes (db/database.cpp, 64): a write waits there for its group's one disk sync
// without holding a connection, so the more writes can wait together, the more orders each sync carries
// (docs/PERFORMANCE.md, "Threads enough to fill a group commit"). A configured number is kept as it is.
int pool_threads(int configured, bool sqlite, unsigned cores);

// The memory glibc's allocator keeps at the top of each heap when it grows one or gives memory back:
// `keep_at_top` bytes. By default it keeps none, so with dozens of pool threads each request's
// allocations grew a heap with a system call and page faults and its frees gave the pages back: on SQLite
// that churn cost 40 % of the orders a second (docs/PERFORMANCE.md, "The allocator keeps what it frees").
// Resident memory does not grow by it in the orders bench. Returns false where the allocator is not
// glibc's own (a sanitizer's).
bool keep_freed_memory(std::size_t keep_at_top = std::size_t{16} << 20);

}  // namespace brilliant::app
