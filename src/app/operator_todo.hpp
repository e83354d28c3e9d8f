// What the operator's landing page counts: today's work across the modules.
#pragma once
#include <string>
#include <vector>

namespace brilliant::app {

struct LowStock {
  std::string product_slug, title_ko, title_en, workshop_ko, workshop_en, sku;
  long long stock = 0;
};

struct OperatorTodo {
  long long transfers = 0;       // orders awaiting a bank transfer to be confirmed
  long long to_ship = 0;         // paid parcels no workshop has shipped yet
  long long reviews = 0;         // pieces waiting for review
  long long applications = 0;    // workshop applications waiting for a decision
  long long refunds = 0;         // returns received and accepted, their refund still to be made
  long long refunds_late = 0;    // of those, past their due day (3 business days; delay interest runs)
  long long low_stock = 0;       // variants of published pieces with 2 or fewer left (made to order aside)
  std::vector<LowStock> lowest;  // the ten lowest
};

}  // namespace brilliant::app
