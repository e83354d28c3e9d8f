#include "app/tuning.hpp"

#include <malloc.h>

#include <algorithm>

namespace brilliant::app {

int pool_threads(int configured, bool sqlite, unsigned cores) {
  if (configured > 0) return configured;
  const int per_core = 4 * static_cast<int>(std::max(1u, cores));
  constexpr int group_commit_most = 64;  // db/database.cpp's Group::most_at_once
  return sqlite ? std::max(per_core, group_commit_most) : per_core;
}

bool keep_freed_memory(std::size_t keep_at_top) {
  return mallopt(M_TOP_PAD, static_cast<int>(std::min<std::size_t>(keep_at_top, 1u << 30))) == 1;
}

}  // namespace brilliant::app
