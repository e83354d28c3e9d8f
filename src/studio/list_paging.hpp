// How far down a station's list goes (the packing station's parcels, the returns on their way): the first
// 50, 50 more each time "show more" is followed, at most 1,000.
#pragma once
#include <algorithm>
#include <string_view>

#include "core/result.hpp"
#include "web/request.hpp"

namespace brilliant::studio {

inline constexpr int list_step = 50, list_most = 1000;

// The `show` query parameter: list_step when absent; a whole number from 1 to list_most, else a 400
// naming it.
inline Result<int> list_show(std::string_view shown) {
  const long long show = shown.empty() ? list_step : web::parse_id(shown);
  if (show < 1 || show > list_most)
    return Error::invalid("show", "number_invalid", "show is how many to list, a number from 1 to 1,000");
  return static_cast<int>(show);
}

// The next `show` after `show` while the list goes on (0 when it has reached list_most).
inline int list_next(int show) { return show < list_most ? std::min(show + list_step, list_most) : 0; }

}  // namespace brilliant::studio
