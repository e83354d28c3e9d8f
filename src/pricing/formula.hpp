// The jewelry price formula (pure logic, no I/O):
//   metal cost = weight x purity x quote x (1 + loss rate)
//   subtotal   = metal cost + labour fee + stone cost
//   price      = subtotal x (1 + margin rate), rounded to the nearest 100 won
// Weight in milligrams, purity per mille, quote in won per gram of pure metal, rates in basis points.
// All arithmetic is integer; the result is refused (rule_broken, naming the field) when it is not
// positive or when an input is out of range.
#pragma once
#include <string>

#include "core/result.hpp"

namespace brilliant::pricing {

struct FormulaInputs {
  long long weight_mg = 0;
  int purity = 0;  // per mille
  long long quote_won_per_g = 0;
  int loss_bp = 0;  // 0..5000 (0 to 50 %)
  long long labour_fee = 0;
  long long stone_cost = 0;
  int margin_bp = 0;  // -5000..50000
};

struct Breakdown {
  long long metal_cost = 0;  // including loss
  long long labour_fee = 0;
  long long stone_cost = 0;
  long long margin = 0;  // price - subtotal (rounding included)
  long long price = 0;   // rounded to 100 won
};

Result<Breakdown> formula_price(const FormulaInputs& in);
// A fixed price must be positive; it is rounded to 100 won as well.
Result<Breakdown> fixed_price(long long price);
// Rounds half up to a multiple of 100 won.
long long round_to_100(long long won);
// Pure metal content in milligrams (weight x purity).
long long fine_weight_mg(long long weight_mg, int purity);

}  // namespace brilliant::pricing
