// Demo data for marketing (issue 13): a year of synthetic but plausible browsing and buying by a few
// thousand demo shoppers over the demo catalog (marketing::synthesize), so that recommendations show
// something real from the first start.
#pragma once
#include <string>

namespace brilliant::app {
class App;

// Runs once: does nothing when any recommendation count is stored. Returns the orders it replayed.
int seed_marketing(App& app, int shoppers = 3000);
// The demo's coupons, once (nothing when any coupon exists): WELCOME10 (10 % off a first order from
// 50,000 won, at most 30,000), FREESHIP (free shipping) from the hub, and GOLD5000 of the demo workshop.
// Returns how many it made.
int seed_coupons(App& app, const std::string& operator_email);

}  // namespace brilliant::app
