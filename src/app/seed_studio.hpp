// Demo data for Brilliant Studio (issue 17): a dozen pieces received at intake (serials, labels, one
// weight far off), and for the demo shopper one order packed at the studio and one sent back, with
// generated photos for every shot (media/samples.hpp), so a newcomer sees the stations, an order's
// evidence and a return's comparison. Goes through the studio and the orders modules as in real use.
#pragma once
#include <string>

namespace brilliant::app {
class App;

struct StudioDemo {
  std::string station_email, shopper_email, operator_email;
};

// Runs once: does nothing when any item exists.
void seed_studio(App& app, const StudioDemo& who);

}  // namespace brilliant::app
