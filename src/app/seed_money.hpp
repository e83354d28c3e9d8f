// Demo data for the money loop (issue 12): the demo shopper's studio-packed order delivered and its
// purchase confirmed (the workshop's ledger credited), the studio's returned order delivered, returned
// under Article 17 and refunded by transfer, and last month closed and paid from an order that was
// placed, paid, shipped, delivered and confirmed then. Goes through the orders module as in real use.
#pragma once
#include <string>

namespace brilliant::app {
class App;

// Runs once: does nothing when the ledger has any entry.
void seed_money(App& app, const std::string& shopper_email, const std::string& operator_email);

}  // namespace brilliant::app
