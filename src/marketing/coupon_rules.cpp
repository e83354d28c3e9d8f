#include "marketing/coupon_rules.hpp"

#include <algorithm>
#include <array>
#include <numeric>

#include "catalog/views.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"

namespace brilliant::marketing {
namespace {

constexpr std::array<std::string_view, 3> kind_names = {"percent", "fixed", "free_shipping"};

Error refused(const std::string& code, const std::string& message) {
  return Error::rule_broken("coupon_code", code, message);
}

bool covers(const Coupon& c, const BasketLine& line) {
  if (c.workshop_id && line.workshop_id != c.workshop_id) return false;
  return c.categories.empty() ||
         std::find(c.categories.begin(), c.categories.end(), line.category) != c.categories.end();
}

// `amount` split over the covered lines in proportion to their totals; the won left by rounding down go
// to the lines with the largest remainders (then the earliest), so the parts add up exactly.
std::vector<long long> split(long long amount, const std::vector<long long>& weights) {
  std::vector<long long> parts(weights.size(), 0);
  const long long whole = std::accumulate(weights.begin(), weights.end(), 0LL);
  if (whole <= 0 || amount <= 0) return parts;
  std::vector<std::pair<long long, size_t>> remainders;
  long long given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    const __int128 exact = static_cast<__int128>(amount) * weights[i];
    parts[i] = static_cast<long long>(exact / whole);
    given += parts[i];
    remainders.push_back({static_cast<long long>(exact % whole), i});
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t k = 0; given < amount && k < remainders.size(); ++k, ++given) ++parts[remainders[k].second];
  return parts;
}

Result<std::string> time_of(const std::string& field, const std::string& raw, bool end_of_day) {
  const std::string text(trim(raw));
  TimePoint t;
  if (parse_utc(text, t)) return format_utc(t);
  // A Seoul day: from its midnight, or (an end) up to the next midnight.
  if (text.size() == 10 && parse_utc(text + "T00:00:00Z", t))
    return format_utc(t - std::chrono::hours(9) + std::chrono::hours(end_of_day ? 24 : 0));
  return Error::invalid(field, field + "_invalid", field + " must be a date such as 2026-12-01");
}

Result<std::string> name_field(const std::string& field, const std::string& raw) {
  std::string text(trim(raw));
  if (text.empty()) return Error::invalid(field, "required", field + " is required");
  if (!valid_utf8(text) || !single_line(text) || utf8_length(text) > 60)
    return Error::invalid(field, field + "_invalid", field + " must be one line of at most 60 characters");
  return text;
}

}  // namespace

std::string_view name_of(CouponKind kind) { return kind_names[static_cast<size_t>(kind)]; }

long long amount_of(const orders::PlanDiscount& d) {
  return std::accumulate(d.lines.begin(), d.lines.end(), 0LL) +
         std::accumulate(d.shipping.begin(), d.shipping.end(), 0LL);
}

Result<orders::PlanDiscount> discount_for(const Coupon& c, const Basket& basket, const ShopperRecord& shopper,
                                          const std::string& now) {
  if (c.paused) return refused("coupon_paused", "this coupon is paused");
  if (now < c.starts_at)
    return refused("coupon_not_started", "this coupon starts on " + format_seoul(c.starts_at));
  if (!c.ends_at.empty() && now >= c.ends_at)
    return refused("coupon_expired", "this coupon ended on " + format_seoul(c.ends_at));
  if (c.budget > 0 && c.spent >= c.budget)
    return refused("coupon_budget_used", "this coupon has been used up");
  if (c.segment_id && !shopper.in_segment)
    return refused("coupon_segment", "this coupon is for selected customers (log in with their account)");
  if (!shopper.anonymous) {
    if (c.first_order && shopper.earlier_orders > 0)
      return refused("coupon_first_order", "this coupon is for a first order only");
    if (c.per_customer > 0 && shopper.uses >= c.per_customer)
      return refused("coupon_used", "you have already used this coupon");
  }
  std::vector<long long> weights(basket.lines.size(), 0);
  long long covered = 0;
  for (size_t i = 0; i < basket.lines.size(); ++i)
    if (covers(c, basket.lines[i])) covered += weights[i] = basket.lines[i].total;
  if (covered == 0) return refused("coupon_no_pieces", "no piece in the cart is covered by this coupon");
  if (covered < c.min_subtotal)
    return refused("coupon_minimum", "this coupon needs " + std::to_string(c.min_subtotal) +
                                         " won of covered pieces; the cart has " + std::to_string(covered));
  orders::PlanDiscount d{.coupon_id = c.id,
                         .code = c.code,
                         .name_ko = c.name_ko,
                         .name_en = c.name_en,
                         .workshop_bears = c.workshop_bears || c.workshop_id != 0,
                         .lines = std::vector<long long>(basket.lines.size(), 0),
                         .shipping = std::vector<long long>(basket.parcels.size(), 0)};
  long long amount = 0;
  if (c.kind == CouponKind::percent) {
    amount = covered * c.value / 100;
    if (c.max_discount > 0) amount = std::min(amount, c.max_discount);
  } else if (c.kind == CouponKind::fixed) {
    amount = c.value;
  }
  amount =
      std::min(amount, covered * 9 / 10);  // never more than 90 % of the pieces: an order costs something
  if (c.budget > 0) amount = std::min(amount, c.budget - c.spent);  // the last of a budget still gives
  d.lines = split(amount, weights);
  if (c.kind == CouponKind::free_shipping) {
    long long left = c.budget > 0 ? c.budget - c.spent : -1;
    for (size_t p = 0; p < basket.parcels.size(); ++p) {
      const auto& parcel = basket.parcels[p];
      const bool holds = std::any_of(parcel.lines.begin(), parcel.lines.end(),
                                     [&](size_t i) { return i < weights.size() && weights[i] > 0; });
      if (!holds) continue;
      d.shipping[p] = left < 0 ? parcel.shipping_fee : std::min(parcel.shipping_fee, left);
      if (left >= 0) left -= d.shipping[p];
    }
    if (amount_of(d) == 0)
      return refused("coupon_no_pieces", "shipping is already free for the pieces this coupon covers");
  }
  return d;
}

Result<std::string> coupon_code(std::string_view raw) {
  std::string code(trim(raw));
  for (auto& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  const bool shaped =
      code.size() >= 3 && code.size() <= 32 && std::all_of(code.begin(), code.end(), [](char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
      });
  if (!shaped)
    return Error::invalid("coupon_code", "coupon_code_invalid",
                          "a coupon code has 3 to 32 letters, digits, '-' or '_'");
  return code;
}

Result<Coupon> check_coupon(const CouponInput& in) {
  Coupon c;
  if (!in.automatic) {
    auto code = coupon_code(in.code);
    if (!code) return Error::invalid("code", "coupon_code_invalid", code.error().message);
    c.code = *code;
  }
  c.name_ko = TRY(name_field("name_ko", in.name_ko));
  c.name_en = TRY(name_field("name_en", in.name_en));
  const auto kind = std::find(kind_names.begin(), kind_names.end(), in.kind);
  if (kind == kind_names.end())
    return Error::invalid("kind", "kind_invalid", "kind must be percent, fixed or free_shipping");
  c.kind = static_cast<CouponKind>(kind - kind_names.begin());
  c.value = in.value;
  if (c.kind == CouponKind::percent && (c.value < 1 || c.value > 90))
    return Error::invalid("value", "value_invalid", "a percentage must be from 1 to 90");
  if (c.kind == CouponKind::fixed && (c.value < 100 || c.value > 10'000'000))
    return Error::invalid("value", "value_invalid", "an amount must be from 100 to 10,000,000 won");
  if (c.kind == CouponKind::free_shipping) c.value = 0;
  for (auto [field, v] :
       {std::pair{"max_discount", in.max_discount}, {"min_subtotal", in.min_subtotal}, {"budget", in.budget}})
    if (v < 0 || v > 10'000'000'000LL)
      return Error::invalid(field, "number_invalid", std::string(field) + " must be 0 or more won");
  c.max_discount = c.kind == CouponKind::percent ? in.max_discount : 0;
  c.min_subtotal = in.min_subtotal;
  c.budget = in.budget;
  if (in.per_customer < 0 || in.per_customer > 1000)
    return Error::invalid("per_customer", "number_invalid", "per_customer must be from 0 (no limit) to 1000");
  c.per_customer = in.per_customer;
  for (std::string_view rest = in.categories; !rest.empty();) {
    const auto comma = rest.find(',');
    const std::string one = ascii_lower(trim(rest.substr(0, comma)));
    rest = comma == std::string_view::npos ? "" : rest.substr(comma + 1);
    if (one.empty()) continue;
    if (one.size() > 40 || !std::all_of(one.begin(), one.end(), [](char ch) {
          return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
        }))
      return Error::invalid("categories", "categories_invalid",
                            "categories are names such as ring, necklace");
    c.categories.push_back(one);
  }
  c.first_order = in.first_order;
  if (in.segment_id < 0)
    return Error::invalid("segment_id", "number_invalid", "segment_id must be a saved segment's id");
  c.segment_id = in.segment_id;
  c.workshop_bears = in.workshop_bears;
  c.starts_at = TRY(time_of("starts_at", in.starts_at, false));
  if (!trim(in.ends_at).empty()) c.ends_at = TRY(time_of("ends_at", in.ends_at, true));
  if (!c.ends_at.empty() && c.ends_at <= c.starts_at)
    return Error::invalid("ends_at", "ends_at_invalid", "ends_at must be after starts_at");
  return c;
}

std::string describe(const Coupon& c, const std::string& locale) {
  const bool en = locale == "en";
  std::string out;
  if (c.kind == CouponKind::percent) {
    out = std::to_string(c.value) + (en ? "% off" : "% 할인");
    if (c.max_discount > 0)
      out += (en ? " (up to " : " (최대 ") + catalog::format_won(c.max_discount, locale) + ")";
  } else if (c.kind == CouponKind::fixed) {
    out = catalog::format_won(c.value, locale) + (en ? " off" : " 할인");
  } else {
    out = en ? "Free shipping" : "무료 배송";
  }
  if (c.min_subtotal > 0)
    out += " · " + (en ? "from " + catalog::format_won(c.min_subtotal, locale)
                       : catalog::format_won(c.min_subtotal, locale) + " 이상");
  if (c.first_order) out += en ? " · first order" : " · 첫 주문";
  if (!c.categories.empty()) {
    std::string list;
    for (const auto& cat : c.categories) list += (list.empty() ? "" : ", ") + cat;
    out += " · " + list;
  }
  return out;
}

}  // namespace brilliant::marketing
