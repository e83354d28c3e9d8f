// The demo's joint exhibitions (issue 19): a past fair abroad (Hong Kong, HKD) where the demo workshop and
// a second one showed pieces with wholesale prices and Chinese and Japanese names drafted from the pieces'
// facts (marked as machine drafts), and an upcoming one (Bangkok, THB) the demo workshop has applied to;
// the operator's HKD and THB rates. Runs once (nothing when any exhibition exists).
#pragma once

namespace brilliant::app {

class App;
// Returns the number of exhibitions made.
int seed_exhibitions(App& app);

}  // namespace brilliant::app
