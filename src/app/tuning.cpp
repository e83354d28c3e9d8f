#include "app/tuning.hpp"

#include <malloc.h>

#include <algorithm>

namespace brilliant::app {

bool keep_freed_memory(std::size_t keep_at_top) {
  return mallopt(M_TOP_PAD, static_cast<int>(std::min<std::size_t>(keep_at_top, 1u << 30))) == 1;
}

}  // namespace brilliant::app
