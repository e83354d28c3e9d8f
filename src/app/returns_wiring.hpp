// Pieces of the returns wiring (returns_wiring.cpp) that need no App: kept apart so that tests can call them.
#pragma once
#include <string>
#include <vector>

#include "orders/returns.hpp"
#include "studio/returns.hpp"

namespace brilliant::app {

// When the hub's returns station first took in a piece of this return (UTC, the inspection's opening), or
// "" when none did: the inspections of the return's own lines (by SKU) opened after it was asked for.
std::string first_arrival(const std::vector<studio::ReturnInspection>& inspections,
                          const orders::Order& order, const orders::OrderReturn& x);

}  // namespace brilliant::app
