#include "app/tuning.hpp"

#include <malloc.h>

#include <algorithm>

#include "db/group_commit.hpp"

namespace brilliant::app {

int write_pool_threads(int configured, bool sqlite) {
  if (configured > 0) return configured;
  return sqlite ? static_cast<int>(db::group_commit_most) : 0;
}

int pool_threads(int configured, bool sqlite, unsigned cores) {
  if (configured > 0) return configured;
  return sqlite ? 2 * static_cast<int>(std::max(1u, cores)) : 0;
}

bool keep_freed_memory(std::size_t keep_at_top) {
  return mallopt(M_TOP_PAD, static_cast<int>(std::min<std::size_t>(keep_at_top, 1u << 30))) == 1;
}

}  // namespace brilliant::app
