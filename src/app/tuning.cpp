#include "app/tuning.hpp"

#include <malloc.h>

#include <algorithm>

namespace brilliant::app {

int write_pool_threads(int configured, bool sqlite) {
  if (configured > 0) return configured;
  constexpr int group_commit_most = 64;  // db/database.cpp's Group::most_at_once
  return sqlite ? group_commit_most : 0;
}

bool keep_freed_memory(std::size_t keep_at_top) {
  return mallopt(M_TOP_PAD, static_cast<int>(std::min<std::size_t>(keep_at_top, 1u << 30))) == 1;
}

}  // namespace brilliant::app
