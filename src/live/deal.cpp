#include "live/deal.hpp"

namespace brilliant::live {

Result<DealInput> check_deal(const DealInput& in, long long regular_price) {
  if (in.variant_id <= 0)
    return Error::invalid("variant_id", "variant_id_required", "variant_id is required");
  if (in.price < 1) return Error::invalid("price", "price_invalid", "price: 1 won or more");
  if (regular_price > 0 && in.price >= regular_price)
    return Error::invalid(
        "price", "price_not_lower",
        "price must be below the regular price (" + std::to_string(regular_price) + " won)");
  if (in.quantity < 1 || in.quantity > 10000)
    return Error::invalid("quantity", "quantity_invalid", "quantity: 1 to 10,000 units");
  if (in.per_customer < 1 || in.per_customer > 10 || in.per_customer > in.quantity)
    return Error::invalid("per_customer", "per_customer_invalid",
                          "per_customer: 1 to 10, and at most the quantity");
  if (in.duration_seconds < 10 || in.duration_seconds > 7200)
    return Error::invalid("duration_seconds", "duration_invalid", "duration_seconds: 10 seconds to 2 hours");
  return in;
}

DealPhase phase_of(const Deal& deal, TimePoint now) {
  TimePoint starts, ends;
  if (deal.starts_at.empty() || !parse_utc(deal.starts_at, starts) || !parse_utc(deal.ends_at, ends))
    return DealPhase::waiting;
  if (now < starts) return DealPhase::waiting;
  if (now >= ends) return DealPhase::closed;
  if (deal.sold >= deal.quantity) return DealPhase::sold_out;
  return DealPhase::open;
}

std::string_view phase_name(DealPhase phase) {
  switch (phase) {
    case DealPhase::waiting:
      return "waiting";
    case DealPhase::open:
      return "open";
    case DealPhase::sold_out:
      return "sold_out";
    case DealPhase::closed:
      return "closed";
  }
  return "closed";
}

long long seconds_left(const Deal& deal, TimePoint now) {
  TimePoint ends;
  if (phase_of(deal, now) != DealPhase::open || !parse_utc(deal.ends_at, ends)) return 0;
  return std::chrono::ceil<std::chrono::seconds>(ends - now).count();
}

Result<void> check_purchase(const Deal& deal, int already, int quantity, TimePoint now) {
  if (quantity < 1) return Error::invalid("quantity", "quantity_invalid", "quantity: 1 or more");
  switch (phase_of(deal, now)) {
    case DealPhase::waiting:
      return Error::rule_broken("deal", "deal_not_started", "this deal has not started yet");
    case DealPhase::closed:
      return Error::rule_broken("deal", "deal_over", "this deal's countdown has ended");
    case DealPhase::sold_out:
      return Error::conflict("deal", "deal_sold_out", "this deal is sold out");
    case DealPhase::open:
      break;
  }
  if (deal.sold + quantity > deal.quantity)
    return Error::conflict("quantity", "deal_too_few_left",
                           "only " + std::to_string(deal.quantity - deal.sold) + " left in this deal");
  if (already + quantity > deal.per_customer)
    return Error::rule_broken("quantity", "deal_limit_reached",
                              "at most " + std::to_string(deal.per_customer) + " per customer in this deal");
  return {};
}

}  // namespace brilliant::live
