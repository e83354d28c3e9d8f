#include "orders/carts.hpp"

#include "db/database.hpp"
#include "db/kept.hpp"

#include "core/secret.hpp"

namespace brilliant::orders {
namespace {

long long find_cart(soci::session& sql, const std::string& token) {
  if (token.empty()) return 0;
  long long id = 0;
  soci::indicator ind = soci::i_null;
  const std::string hash = sha256_hex(token);  // bound values must outlive the statement
  const bool found =
      db::run(sql, "SELECT id FROM carts WHERE token_hash = :h", soci::use(hash), soci::into(id, ind));
  return found && ind == soci::i_ok ? id : 0;
}

struct StoredLine {
  long long id = 0;
  std::string slug;
  PricedLine line;
};

// A cart line's columns (after `first` others) and what they say.
constexpr const char* line_columns =
    "l.id, p.slug, l.product_id, l.variant_id, l.quantity, l.engraving, l.gift_wrap, l.final_sale, "
    "l.unit_price, l.options_fee, COALESCE(l.quote_id, 0), l.quote_won_per_gram ";

StoredLine stored_line(const soci::row& r, std::size_t first) {
  StoredLine s;
  s.id = db::row_int(r, first);
  s.slug = db::row_text(r, first + 1);
  s.line.product_id = db::row_int(r, first + 2);
  s.line.variant_id = db::row_int(r, first + 3);
  s.line.quantity = static_cast<int>(db::row_int(r, first + 4));
  s.line.engraving = db::row_text(r, first + 5);
  s.line.gift_wrap = db::row_int(r, first + 6) != 0;
  s.line.final_sale = db::row_int(r, first + 7) != 0;
  s.line.unit_price = db::row_int(r, first + 8);
  s.line.options_fee = db::row_int(r, first + 9);
  s.line.quote_id = db::row_int(r, first + 10);
  s.line.quote_won_per_gram = db::row_int(r, first + 11);
  return s;
}

std::vector<StoredLine> load_lines(soci::session& sql, long long cart_id) {
  static const std::string query = std::string("SELECT ") + line_columns +
                                   "FROM cart_lines l JOIN products p ON p.id = l.product_id "
                                   "WHERE l.cart_id = :c ORDER BY l.id";
  std::vector<StoredLine> out;
  db::each(
      sql, query, [&](const soci::row& r) { out.push_back(stored_line(r, 0)); }, soci::use(cart_id));
  return out;
}

// The cart behind a token with its lines, in one statement (its id 0 when there is none).
struct StoredCart {
  long long id = 0;
  std::vector<StoredLine> lines;
};

StoredCart load_cart(soci::session& sql, const std::string& token) {
  StoredCart cart;
  if (token.empty()) return cart;
  static const std::string query = std::string("SELECT c.id, ") + line_columns +
                                   "FROM carts c LEFT JOIN cart_lines l ON l.cart_id = c.id "
                                   "LEFT JOIN products p ON p.id = l.product_id "
                                   "WHERE c.token_hash = :h ORDER BY l.id";
  const std::string hash = sha256_hex(token);  // bound values must outlive the statement
  db::each(
      sql, query,
      [&](const soci::row& r) {
        cart.id = db::row_int(r, 0);
        if (db::row_int(r, 1)) cart.lines.push_back(stored_line(r, 1));  // none: one row of nulls
      },
      soci::use(hash));
  return cart;
}

// The quote's value as the line stores it (what the price was made from), read in the line's own statement.
constexpr const char* quote_value_sql = "COALESCE((SELECT won_per_gram FROM metal_quotes WHERE id = :qw), 0)";

// Stores the line's new quantity and price; returns the quote's value as stored with it.
long long store_price(soci::session& sql, long long line_id, const PricedLine& line, const std::string& now) {
  long long quote = line.quote_id, stored_value = 0;
  soci::indicator quote_ind = quote ? soci::i_ok : soci::i_null;
  static const std::string update =
      std::string(
          "UPDATE cart_lines SET quantity = :q, unit_price = :u, options_fee = :f, "
          "quote_id = :qt, quote_won_per_gram = ") +
      quote_value_sql + ", updated_at = :now WHERE id = :id RETURNING quote_won_per_gram";
  db::run(sql, update, soci::use(line.quantity), soci::use(line.unit_price), soci::use(line.options_fee),
          soci::use(quote, quote_ind), soci::use(quote), soci::use(now), soci::use(line_id),
          soci::into(stored_value));
  return stored_value;
}

LineInput input_of(const PricedLine& line, int quantity) {
  return {.variant_id = line.variant_id,
          .quantity = quantity,
          .engraving = line.engraving,
          .gift_wrap = line.gift_wrap};
}

// The cart as its page shows it: every line priced again against the catalog as it is now.
CartView view_of(catalog::Catalog& catalog, long long cart_id, std::vector<StoredLine> stored) {
  CartView view;
  view.cart_id = cart_id;
  for (auto& s : stored) {
    CartLine line{.id = s.id, .slug = s.slug, .added = s.line};
    line.product = catalog.kept_product(s.slug);
    if (line.product) {
      auto now = price_line(*line.product, input_of(s.line, s.line.quantity));
      if (now.ok())
        line.now = std::move(*now);
      else
        line.problem = now.error().message;
    } else {
      line.problem = "this piece is no longer for sale";
    }
    if (line.now) {
      view.subtotal += line_total(*line.now);
      view.pieces += line.now->quantity;
      if (line.now->unit_price + line.now->options_fee != s.line.unit_price + s.line.options_fee)
        view.price_changed = true;
    }
    view.has_final_sale = view.has_final_sale || s.line.final_sale;
    view.lines.push_back(std::move(line));
  }
  return view;
}

}  // namespace

Carts::Carts(db::Database& db, catalog::Catalog& catalog, const Clock& clock)
    : db_(db), catalog_(catalog), clock_(clock) {}

Result<Carts::Added> Carts::add(const std::string& token, long long user_id, const LineInput& input) {
  auto product = catalog_.product_of_variant(input.variant_id);
  if (!product)
    return Error::invalid("variant_id", "variant_invalid", "choose a size or option of this piece");
  const auto now = format_utc(clock_.now());
  std::vector<StoredLine> lines;  // the cart's lines after the add: its answer shows them
  long long cart = 0;
  auto result = db_.write([&](soci::session& sql) -> Result<Added> {
    Added added{token, 0};
    cart = 0;
    if (!token.empty()) {  // found and marked as used in one statement
      const std::string hash = sha256_hex(token);
      db::run(sql, "UPDATE carts SET updated_at = :now WHERE token_hash = :h RETURNING id", soci::use(now),
              soci::use(hash), soci::into(cart));
    }
    if (!cart) {
      added.token = random_token(24);
      soci::indicator user_ind = user_id ? soci::i_ok : soci::i_null;
      const std::string hash = sha256_hex(added.token);
      db::run(sql,
              "INSERT INTO carts (token_hash, user_id, created_at, updated_at) VALUES (:h, :u, :now, :now2) "
              "RETURNING id",
              soci::use(hash), soci::use(user_id, user_ind), soci::use(now), soci::use(now),
              soci::into(cart));
    }
    lines = load_lines(sql, cart);
    int same_variant = 0;
    StoredLine* same = nullptr;
    const auto engraving = TRY(clean_engraving(input.engraving));
    for (auto& l : lines) {
      if (l.line.variant_id != input.variant_id) continue;
      same_variant += l.line.quantity;
      if (l.line.engraving == engraving && l.line.gift_wrap == input.gift_wrap) same = &l;
    }
    if (same) {
      auto priced = TRY(price_line(*product, input_of(same->line, same->line.quantity + input.quantity),
                                   same_variant - same->line.quantity));
      priced.quote_won_per_gram = store_price(sql, same->id, priced, now);
      same->line = std::move(priced);
      added.line_id = same->id;
      return added;
    }
    if (lines.size() >= static_cast<size_t>(max_lines))
      return Error::rule_broken("variant_id", "cart_full",
                                "a cart holds at most " + std::to_string(max_lines) + " lines");
    auto priced = TRY(price_line(*product, input, same_variant));
    long long quote = priced.quote_id;
    soci::indicator quote_ind = quote ? soci::i_ok : soci::i_null;
    int gift = priced.gift_wrap ? 1 : 0, final_sale = priced.final_sale ? 1 : 0;
    static const std::string insert =
        std::string(
            "INSERT INTO cart_lines (cart_id, product_id, variant_id, quantity, engraving, gift_wrap, "
            "final_sale, unit_price, options_fee, quote_id, quote_won_per_gram, created_at, updated_at) "
            "VALUES (:c, :p, :v, :q, :e, :g, :fs, :u, :f, :qt, ") +
        quote_value_sql + ", :now, :now2) RETURNING id, quote_won_per_gram";
    db::run(sql, insert, soci::use(cart), soci::use(priced.product_id), soci::use(priced.variant_id),
            soci::use(priced.quantity), soci::use(priced.engraving), soci::use(gift), soci::use(final_sale),
            soci::use(priced.unit_price), soci::use(priced.options_fee), soci::use(quote, quote_ind),
            soci::use(quote), soci::use(now), soci::use(now), soci::into(added.line_id),
            soci::into(priced.quote_won_per_gram));
    lines.push_back({added.line_id, product->slug, std::move(priced)});
    return added;
  });
  if (result) result->view = view_of(catalog_, cart, std::move(lines));
  return result;
}

CartView Carts::view(const std::string& token) {
  auto cart = db_.read([&](soci::session& sql) { return load_cart(sql, token); });
  return view_of(catalog_, cart.id, std::move(cart.lines));
}

Result<void> Carts::set_quantity(const std::string& token, long long line_id, int quantity) {
  if (quantity == 0) return remove(token, line_id);
  auto stored = db_.read([&](soci::session& sql) -> std::optional<StoredLine> {
    for (auto& l : load_cart(sql, token).lines)
      if (l.id == line_id) return l;
    return std::nullopt;
  });
  if (!stored) return Error::not_found("cart line");
  auto product = catalog_.product(stored->slug);
  if (!product) return Error::invalid("quantity", "not_for_sale", "this piece is no longer for sale");
  auto priced = TRY(price_line(*product, input_of(stored->line, quantity)));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<void> {
    if (!find_cart(sql, token)) return Error::not_found("cart line");
    store_price(sql, line_id, priced, now);
    return {};
  });
}

Result<void> Carts::remove(const std::string& token, long long line_id) {
  return db_.write([&](soci::session& sql) -> Result<void> {
    const long long cart = find_cart(sql, token);
    long long found = 0;
    sql << "SELECT COUNT(*) FROM cart_lines WHERE id = :id AND cart_id = :c", soci::use(line_id),
        soci::use(cart), soci::into(found);
    if (!found) return Error::not_found("cart line");
    sql << "DELETE FROM cart_lines WHERE id = :id AND cart_id = :c", soci::use(line_id), soci::use(cart);
    return {};
  });
}

}  // namespace brilliant::orders
