// The demo's bank deposits (issue 12): two demo customers' orders of the same piece await their bank
// transfers (one names another depositor at checkout, with a cash receipt for a business), and the hub's
// statement holds a deposit for each, one from a name that matches neither (shown side by side with both
// orders), and a bank's interest (no order of that amount). Runs once (nothing when a statement exists).
#pragma once

namespace brilliant::app {

class App;
// Returns the number of deposits kept.
int seed_deposits(App& app);

}  // namespace brilliant::app
