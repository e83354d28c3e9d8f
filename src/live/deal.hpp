// Live-only deals' rules (pure). A deal opens when the host starts it and closes when its countdown,
// kept by the server's clock, runs out or its units are sold; each customer may buy up to its limit.
#pragma once
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "live/show.hpp"

namespace brilliant::live {

struct DealInput {
  long long variant_id = 0;
  long long price = 0;
  int quantity = 0, per_customer = 1, duration_seconds = 300;
};
// Price 1 won or more and below the regular price; quantity 1-10,000; per customer 1-10 and at most the
// quantity; a countdown of 10 seconds to 2 hours. Errors name the field.
Result<DealInput> check_deal(const DealInput& input, long long regular_price);

enum class DealPhase { waiting, open, sold_out, closed };
DealPhase phase_of(const Deal& deal, TimePoint now);
std::string_view phase_name(DealPhase phase);
// Seconds left on the countdown (0 unless open).
long long seconds_left(const Deal& deal, TimePoint now);

// May this customer buy `quantity` more units, having bought `already`? Refusals say why: not started,
// over, sold out, fewer left than asked, over the per-customer limit.
Result<void> check_purchase(const Deal& deal, int already, int quantity, TimePoint now);

}  // namespace brilliant::live
