#include "pricing/formula.hpp"

namespace brilliant::pricing {
namespace {

// Integer division rounding half up, for non-negative numerators.
long long div_round(__int128 numerator, long long denominator) {
  if (numerator < 0) return -static_cast<long long>((-numerator + denominator / 2) / denominator);
  return static_cast<long long>((numerator + denominator / 2) / denominator);
}

}  // namespace

long long round_to_100(long long won) { return div_round(won, 100) * 100; }

long long fine_weight_mg(long long weight_mg, int purity) {
  return div_round(static_cast<__int128>(weight_mg) * purity, 1000);
}

Result<Breakdown> formula_price(const FormulaInputs& in) {
  if (in.weight_mg <= 0 || in.weight_mg > 5'000'000)
    return Error::rule_broken("weight_mg", "weight_range", "weight must be between 1 mg and 5 kg");
  if (in.purity <= 0 || in.purity > 1000)
    return Error::rule_broken("purity", "purity_range", "purity must be between 1 and 1000 per mille");
  if (in.quote_won_per_g <= 0)
    return Error::rule_broken("quote", "quote_missing",
                              "there is no metal quote to price this metal with; enter today's quote first");
  if (in.loss_bp < 0 || in.loss_bp > 5000)
    return Error::rule_broken("loss_bp", "loss_range", "loss rate must be between 0 and 50 %");
  if (in.labour_fee < 0)
    return Error::rule_broken("labour_fee", "negative_fee", "labour fee cannot be negative");
  if (in.stone_cost < 0)
    return Error::rule_broken("stone_cost", "negative_cost", "stone cost cannot be negative");
  if (in.margin_bp < -5000 || in.margin_bp > 50000)
    return Error::rule_broken("margin_bp", "margin_range", "margin must be between -50 % and 500 %");
  Breakdown b;
  // weight_mg / 1000 g x purity / 1000 x quote x (10000 + loss) / 10000
  b.metal_cost =
      div_round(static_cast<__int128>(in.weight_mg) * in.purity * in.quote_won_per_g * (10000 + in.loss_bp),
                1'000'000LL * 10000);
  b.labour_fee = in.labour_fee;
  b.stone_cost = in.stone_cost;
  const long long subtotal = b.metal_cost + b.labour_fee + b.stone_cost;
  b.price = round_to_100(div_round(static_cast<__int128>(subtotal) * (10000 + in.margin_bp), 10000));
  b.margin = b.price - subtotal;
  if (b.price <= 0)
    return Error::rule_broken(
        "margin_bp", "price_not_positive",
        "this formula gives a price of " + std::to_string(b.price) + " won; a price must be above zero");
  return b;
}

Result<Breakdown> fixed_price(long long price) {
  Breakdown b;
  b.price = round_to_100(price);
  if (b.price <= 0)
    return Error::rule_broken("fixed_price", "price_not_positive", "a fixed price must be above zero");
  b.margin = b.price;
  return b;
}

}  // namespace brilliant::pricing
