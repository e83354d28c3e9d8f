#pragma once

namespace brilliant::app {

// How many threads the server's pool runs for blocking work (database calls) when the configuration leaves
// it to us (`[server] pool_threads = 0`): four per core, as the server would choose; on SQLite at least as
// many as one group commit takes (db/database.cpp, 64): a write waits there for its group's one disk sync
// without holding a connection, so the more writes can wait together, the more orders each sync carries
// (docs/PERFORMANCE.md, "Threads enough to fill a group commit"). A configured number is kept as it is.
int pool_threads(int configured, bool sqlite, unsigned cores);

}  // namespace brilliant::app
