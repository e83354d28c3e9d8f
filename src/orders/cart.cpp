#include "orders/cart.hpp"

#include "core/text.hpp"

namespace brilliant::orders {

Result<std::string> clean_engraving(const std::string& text) {
  if (!valid_utf8(text))
    return Error::invalid("engraving", "engraving_invalid", "engraving is not valid UTF-8");
  std::string out(trim(text));
  for (unsigned char c : out)
    if (c < 0x20 || c == 0x7f)
      return Error::invalid("engraving", "engraving_invalid",
                            "engraving may not hold line breaks or control characters");
  return out;
}

Result<PricedLine> price_line(const catalog::Product& product, const LineInput& input, int already_in_cart,
                              int most) {
  if (!product.on_sale()) return Error::invalid("variant_id", "not_for_sale", "this piece is not for sale");
  const catalog::Variant* variant = nullptr;
  for (const auto& v : product.variants)
    if (v.id == input.variant_id) variant = &v;
  if (!variant)
    return Error::invalid("variant_id", "variant_invalid", "choose a size or option of this piece");
  if (input.quantity < 1 || input.quantity > most)
    return Error::invalid("quantity", "quantity_invalid",
                          "quantity must be from 1 to " + std::to_string(most));
  const int wanted = input.quantity + already_in_cart;
  // A shopper's line (B2B lines go beyond max_quantity and are not limited per customer).
  if (product.per_customer_limit > 0 && most <= max_quantity && wanted > product.per_customer_limit)
    return Error::conflict(
        "quantity", "purchase_limit",
        "this piece is limited to " + std::to_string(product.per_customer_limit) + " per customer");
  if (!product.made_to_order && wanted > variant->stock)
    return Error::conflict("quantity", "out_of_stock",
                           variant->stock <= 0
                               ? "this size is sold out"
                               : "only " + std::to_string(variant->stock) + " left in this size");
  PricedLine line;
  line.product_id = product.id;
  line.variant_id = variant->id;
  line.quantity = input.quantity;
  line.engraving = TRY(clean_engraving(input.engraving));
  if (!line.engraving.empty()) {
    if (product.engraving_max_chars <= 0)
      return Error::invalid("engraving", "engraving_not_offered", "this piece cannot be engraved");
    const auto length = utf8_length(line.engraving);
    if (length > static_cast<size_t>(product.engraving_max_chars))
      return Error::invalid("engraving", "engraving_too_long",
                            "engraving may have at most " + std::to_string(product.engraving_max_chars) +
                                " characters (this has " + std::to_string(length) + ")");
    line.final_sale = true;
    line.options_fee += product.engraving_fee;
  }
  if (input.gift_wrap) {
    if (product.gift_wrap_fee <= 0)
      return Error::invalid("gift_wrap", "gift_wrap_not_offered", "this piece is not offered gift wrapped");
    line.gift_wrap = true;
    line.options_fee += product.gift_wrap_fee;
  }
  line.unit_price = variant->price > 0 ? variant->price : product.price;
  if (line.unit_price <= 0)
    return Error::invalid("variant_id", "not_for_sale", "this piece has no price yet");
  line.quote_id = product.pricing == "formula" ? product.quote_id : 0;
  return line;
}

}  // namespace brilliant::orders
