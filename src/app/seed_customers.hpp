// Demo customers for marketing (issue 13), so that segments, campaigns and the dashboard show something
// real on `make run`: CUSTOMERS shopper accounts (7 in 10 agree to marketing) with a year of paid,
// delivered and confirmed orders of the demo pieces from several channels, a month of piece views, four
// saved segments, and a finished A/B campaign three weeks ago with its opens, clicks and the orders it
// brought. Once: nothing when the demo customers exist. Returns the orders it made.
#pragma once
#include <string>

namespace brilliant::app {
class App;

int seed_customers(App& app, const std::string& operator_email, int customers = 240);

}  // namespace brilliant::app
