// Demo data for marketing (issue 13): a year of synthetic but plausible browsing and buying by a few
// thousand demo shoppers over the demo catalog (marketing::synthesize), so that recommendations show
// something real from the first start.
#pragma once

namespace brilliant::app {
class App;

// Runs once: does nothing when any recommendation count is stored. Returns the orders it replayed.
int seed_marketing(App& app, int shoppers = 3000);

}  // namespace brilliant::app
