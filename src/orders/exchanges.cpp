#include "orders/exchanges.hpp"

#include <algorithm>

#include "catalog/stock_repo.hpp"
#include "db/database.hpp"
#include "orders/orders.hpp"
#include "orders/returns.hpp"

namespace brilliant::orders {

std::vector<SizeChoice> Orders::sizes_for(const OrderLine& line) {
  const auto product = catalog_.product(line.slug);
  if (!product || product->id != line.product_id) return {};
  std::vector<SizeChoice> out;
  for (const auto& v : product->variants) {
    SizeChoice c;
    c.variant_id = v.id;
    c.sku = v.sku;
    c.label_ko = label_ ? label_(*product, v, "ko") : v.sku;
    c.label_en = label_ ? label_(*product, v, "en") : v.sku;
    c.stock = v.stock;
    c.available = product->made_to_order || v.stock >= line.quantity;
    c.current = v.id == line.variant_id;
    out.push_back(std::move(c));
  }
  return out;
}

namespace exchanges {

Result<SizeChoice> choose(Orders& orders, const Order& order, const std::vector<long long>& line_ids,
                          long long variant_id) {
  if (line_ids.size() != 1)
    return Error::invalid("lines", "exchange_one_piece", "exchange one piece at a time");
  const auto* line = find_line(order, line_ids.front());
  if (!line) return Error::invalid("lines", "line_unknown", "a chosen piece is not in this order");
  if (variant_id <= 0)
    return Error::invalid("exchange_variant_id", "exchange_size_required",
                          "choose the size you would like instead");
  for (auto& size : orders.sizes_for(*line)) {
    if (size.variant_id != variant_id) continue;
    if (!size.available)
      return Error::conflict("exchange_variant_id", "out_of_stock",
                             "that size is sold out: choose another, or ask for a refund");
    return size;
  }
  return Error::invalid("exchange_variant_id", "exchange_size_unknown",
                        "that size is not one of this piece's sizes");
}

SizeChoice size_of(Orders& orders, const Order& order, const OrderReturn& exchange) {
  if (const auto* line = exchange.line_ids.empty() ? nullptr : find_line(order, exchange.line_ids.front()))
    for (auto& size : orders.sizes_for(*line))
      if (size.variant_id == exchange.exchange_variant_id) return size;
  SizeChoice kept;  // the piece has left the catalog: the size as the exchange recorded it
  kept.variant_id = exchange.exchange_variant_id;
  kept.label_ko = kept.label_en = exchange.exchange_note;
  return kept;
}

Result<int> hold(soci::session& sql, const OrderLine& line, const SizeChoice& size, const std::string& at) {
  if (line.made_to_order) return 0;  // made for the shopper again: nothing on a shelf to hold
  if (!catalog::repo::take_stock(sql, size.variant_id, line.quantity, at))
    return Error::conflict("exchange_variant_id", "out_of_stock",
                           "that size has just sold out: choose another, or ask for a refund");
  return line.quantity;
}

void release(soci::session& sql, long long return_id, const std::string& at) {
  long long variant = 0;
  int units = 0;
  soci::indicator variant_ind = soci::i_null;
  sql << "SELECT exchange_variant_id, exchange_units FROM order_returns WHERE id = :id", soci::use(return_id),
      soci::into(variant, variant_ind), soci::into(units);
  if (variant_ind != soci::i_ok || units <= 0) return;
  catalog::repo::give_back_stock(sql, variant, units, at);
  sql << "UPDATE order_returns SET exchange_units = 0 WHERE id = :id", soci::use(return_id);
}

long long open_replacement(soci::session& sql, const Order& order, const OrderReturn& exchange,
                           const SizeChoice& size, const std::string& at) {
  long long parcel = 0;
  sql << "INSERT INTO fulfilments (order_id, workshop_id, status, subtotal, shipping_fee, discount, "
         "shipping_discount, replaces_return_id, created_at, updated_at) VALUES (:o, :w, 'to_ship', 0, 0, 0, "
         "0, :r, :c, :u) RETURNING id",
      soci::use(order.id), soci::use(exchange.workshop_id), soci::use(exchange.id), soci::use(at),
      soci::use(at), soci::into(parcel);
  std::string sku = size.sku;
  if (sku.empty())
    sql << "SELECT sku FROM variants WHERE id = :v", soci::use(size.variant_id), soci::into(sku);
  const long long replaced = exchange.line_ids.front();
  // The exchanged line as sold (title, engraving, quote, commission rate) in the new size, at no charge.
  sql << "INSERT INTO order_lines (order_id, fulfilment_id, product_id, variant_id, slug, title_ko, "
         "title_en, "
         "variant_ko, variant_en, sku, quantity, reserved, engraving, gift_wrap, final_sale, unit_price, "
         "options_fee, line_total, pricing, quote_id, quote_metal, quote_day, quote_won_per_gram, "
         "made_to_order, lead_days, category, commission_bp, discount, created_at, replaces_line_id) SELECT "
         "order_id, :f, product_id, :v, slug, title_ko, title_en, :vk, :ve, :sku, quantity, :held, "
         "engraving, "
         "gift_wrap, final_sale, 0, 0, 0, pricing, quote_id, quote_metal, quote_day, quote_won_per_gram, "
         "made_to_order, lead_days, category, commission_bp, 0, :c, id FROM order_lines WHERE id = :l",
      soci::use(parcel), soci::use(size.variant_id), soci::use(size.label_ko), soci::use(size.label_en),
      soci::use(sku), soci::use(exchange.exchange_units), soci::use(at), soci::use(replaced);
  sql << "UPDATE order_returns SET replacement_id = :f, exchange_units = 0 WHERE id = :id", soci::use(parcel),
      soci::use(exchange.id);
  return parcel;
}

}  // namespace exchanges
}  // namespace brilliant::orders
