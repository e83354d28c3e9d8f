// The demo's B2B (issue 19): the demo buyer's approved application (a Tokyo trading company), buyers met
// at the past Hong Kong fair (booth leads from four countries), two of the studio's pieces that travelled to
// it (one sold there, one back), and quotes from that fair in each state a
// person meets: one ordered and paid (a B2B order with its invoice), one accepted, one sent and waiting for
// the buyer, one the workshop has not yet answered. Runs once (nothing when any quote exists).
#pragma once
#include <string>

namespace brilliant::app {

class App;
// Returns the number of quotes made.
int seed_b2b(App& app, const std::string& buyer_email, const std::string& operator_email);

}  // namespace brilliant::app
