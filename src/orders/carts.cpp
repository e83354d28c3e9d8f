#include "orders/carts.hpp"

#include "db/database.hpp"
#include "db/kept.hpp"

#include <optional>
#include <tuple>

#include "core/secret.hpp"

namespace brilliant::orders {
namespace {

// The cart behind a token, its version moved on (a change to its lines: see add_unlocked) and marked as
// used; 0 when there is none. Holds the cart's row until the transaction ends.
long long touch_cart(soci::session& sql, const std::string& token, const std::string& now) {
  if (token.empty()) return 0;
  long long id = 0;
  soci::indicator ind = soci::i_null;
  const std::string hash = sha256_hex(token);  // bound values must outlive the statement
  const bool found =
      db::run(sql,
              "UPDATE carts SET version = version + 1, updated_at = :now WHERE token_hash = :h "
              "RETURNING id",
              soci::use(now), soci::use(hash), soci::into(id, ind));
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
  long long version = 0;  // moved on by every change to its lines (touch_cart)
  std::vector<StoredLine> lines;
};

StoredCart load_cart(soci::session& sql, const std::string& token) {
  StoredCart cart;
  if (token.empty()) return cart;
  static const std::string query = std::string("SELECT c.id, c.version, ") + line_columns +
                                   "FROM carts c LEFT JOIN cart_lines l ON l.cart_id = c.id "
                                   "LEFT JOIN products p ON p.id = l.product_id "
                                   "WHERE c.token_hash = :h ORDER BY l.id";
  const std::string hash = sha256_hex(token);  // bound values must outlive the statement
  db::each(
      sql, query,
      [&](const soci::row& r) {
        cart.id = db::row_int(r, 0);
        cart.version = db::row_int(r, 1);
        if (db::row_int(r, 2)) cart.lines.push_back(stored_line(r, 2));  // none: one row of nulls
      },
      soci::use(hash));
  return cart;
}

// The quote's value as the line stores it (what the price was made from), read in the line's own statement.
constexpr const char* quote_value_sql = "COALESCE((SELECT won_per_gram FROM metal_quotes WHERE id = :qw), 0)";

// A line's new quantity and price, set by an UPDATE of cart_lines that the caller ends (its WHERE names
// the line's id last).
const std::string price_update =
    std::string(
        "UPDATE cart_lines SET quantity = :q, unit_price = :u, options_fee = :f, quote_id = :qt, "
        "quote_won_per_gram = ") +
    quote_value_sql + ", updated_at = :now ";

// Runs a price_update statement (its binds after `before`'s, the line's id last) returning the quote's value
// as stored with the line, into line.quote_won_per_gram; true when it changed the line.
template <class... Before>
bool write_price(soci::session& sql, const std::string& query, long long line_id, PricedLine& line,
                 const std::string& now, std::tuple<Before...> before) {
  long long quote = line.quote_id;
  soci::indicator quote_ind = quote ? soci::i_ok : soci::i_null;
  return std::apply(
      [&](auto&&... b) {
        return db::run(sql, query, b..., soci::use(line.quantity), soci::use(line.unit_price),
                       soci::use(line.options_fee), soci::use(quote, quote_ind), soci::use(quote),
                       soci::use(now), soci::use(line_id), soci::into(line.quote_won_per_gram));
      },
      before);
}

// Stores the line's new quantity and price (and the quote's value as stored with it, in `line`).
void store_price(soci::session& sql, long long line_id, PricedLine& line, const std::string& now) {
  static const std::string update = price_update + "WHERE id = :id RETURNING quote_won_per_gram";
  write_price(sql, update, line_id, line, now, std::tuple<>());
}

// A new cart's row (the caller adds RETURNING).
constexpr const char* cart_insert =
    "INSERT INTO carts (token_hash, user_id, created_at, updated_at) VALUES (:h, :u, :now, :now2) ";

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

// What an add writes, decided from the cart's lines as read: the line it adds to (the same size with the same
// options) or a new one, priced with the units of that size already in the cart.
struct PlannedAdd {
  StoredLine* same = nullptr;
  PricedLine priced;
};

Result<PlannedAdd> plan_add(const catalog::Product& product, std::vector<StoredLine>& lines,
                            const LineInput& input) {
  int same_variant = 0;
  PlannedAdd plan;
  const auto engraving = TRY(clean_engraving(input.engraving));
  for (auto& l : lines) {
    if (l.line.variant_id != input.variant_id) continue;
    same_variant += l.line.quantity;
    if (l.line.engraving == engraving && l.line.gift_wrap == input.gift_wrap) plan.same = &l;
  }
  if (plan.same) {
    const auto& same = plan.same->line;
    plan.priced = TRY(
        price_line(product, input_of(same, same.quantity + input.quantity), same_variant - same.quantity));
    return plan;
  }
  if (lines.size() >= static_cast<size_t>(max_lines))
    return Error::rule_broken("variant_id", "cart_full",
                              "a cart holds at most " + std::to_string(max_lines) + " lines");
  plan.priced = TRY(price_line(product, input, same_variant));
  return plan;
}

// A new line's columns and values; the cart's id comes from `c` (a statement's CTE) or a bound :c.
constexpr const char* new_line_columns =
    "INSERT INTO cart_lines (cart_id, product_id, variant_id, quantity, engraving, gift_wrap, final_sale, "
    "unit_price, options_fee, quote_id, quote_won_per_gram, created_at, updated_at) ";
const std::string new_line_values =
    std::string(":p, :v, :q, :e, :g, :fs, :u, :f, :qt, ") + quote_value_sql + ", :now, :now2";
constexpr const char* new_line_returned = "RETURNING cart_id, id, quote_won_per_gram";

// Runs a statement that writes a new line from `priced` (its binds after `before`'s) and returns the line's
// cart, id and quote value; true when it wrote one.
template <class... Before>
bool write_new_line(soci::session& sql, const std::string& query, PricedLine& priced, const std::string& now,
                    long long& cart, long long& line_id, std::tuple<Before...> before) {
  long long quote = priced.quote_id;
  soci::indicator quote_ind = quote ? soci::i_ok : soci::i_null;
  int gift = priced.gift_wrap ? 1 : 0, final_sale = priced.final_sale ? 1 : 0;
  return std::apply(
      [&](auto&&... b) {
        return db::run(sql, query, b..., soci::use(priced.product_id), soci::use(priced.variant_id),
                       soci::use(priced.quantity), soci::use(priced.engraving), soci::use(gift),
                       soci::use(final_sale), soci::use(priced.unit_price), soci::use(priced.options_fee),
                       soci::use(quote, quote_ind), soci::use(quote), soci::use(now), soci::use(now),
                       soci::into(cart), soci::into(line_id), soci::into(priced.quote_won_per_gram));
      },
      before);
}

// The add as one transaction that holds the cart's row (SQLite's one writer; on PostgreSQL, after
// add_unlocked found the cart changing under it twice). `lines` and `cart` are the cart after the add.
Result<Carts::Added> add_locked(db::Database& db, const std::string& token, long long user_id,
                                const catalog::Product& product, const LineInput& input,
                                const std::string& now, std::vector<StoredLine>& lines, long long& cart) {
  return db.write([&](soci::session& sql) -> Result<Carts::Added> {
    db::commit_without_waiting(sql);
    Carts::Added added{token, 0};
    cart = touch_cart(sql, token, now);
    if (!cart) {
      added.token = random_token(24);
      soci::indicator user_ind = user_id ? soci::i_ok : soci::i_null;
      const std::string hash = sha256_hex(added.token);
      db::run(sql, std::string(cart_insert) + "RETURNING id", soci::use(hash), soci::use(user_id, user_ind),
              soci::use(now), soci::use(now), soci::into(cart));
    }
    lines = load_lines(sql, cart);
    auto plan = TRY(plan_add(product, lines, input));
    if (plan.same) {
      store_price(sql, plan.same->id, plan.priced, now);
      plan.same->line = std::move(plan.priced);
      added.line_id = plan.same->id;
      return added;
    }
    static const std::string insert =
        std::string(new_line_columns) + "VALUES (:c, " + new_line_values + ") " + new_line_returned;
    const long long cart_id = cart;  // bound, while `cart` takes the returned value
    write_new_line(sql, insert, plan.priced, now, cart, added.line_id, std::tuple(soci::use(cart_id)));
    lines.push_back({added.line_id, product.slug, std::move(plan.priced)});
    return added;
  });
}

// The add on PostgreSQL without a transaction held across round trips: the cart read in one statement,
// then the add written in one that first moves the cart's version on from the one read (a new cart and its
// first line: one statement too). Nothing comes back when the cart changed in between (another tab's add,
// a quantity changed, a line removed or ordered); then std::nullopt, and the caller tries again. Like every
// write to a cart, it commits without waiting for the disk (db::commit_without_waiting; decision 019).
std::optional<Result<Carts::Added>> add_unlocked(db::Database& db, const std::string& token,
                                                 long long user_id, const catalog::Product& product,
                                                 const LineInput& input, const std::string& now,
                                                 std::vector<StoredLine>& lines, long long& cart) {
  auto read = db.read([&](soci::session& sql) { return load_cart(sql, token); });
  lines = std::move(read.lines);
  auto plan = plan_add(product, lines, input);
  if (!plan) return Result<Carts::Added>(plan.error());
  Carts::Added added{token, 0};
  static const std::string bump =
      "WITH c AS (UPDATE carts SET version = version + 1, updated_at = :at "
      "WHERE id = :id AND version = :seen RETURNING id) ";
  // Outside a transaction (read() gives such a session) each statement commits by itself.
  const bool written = db.read([&](soci::session& sql) {
    static const std::string from_c = std::string(" FROM c, ") + db::pg_no_wait_from + " ";
    if (plan->same) {
      static const std::string merge = bump + price_update + from_c +
                                       "WHERE cart_lines.cart_id = c.id AND cart_lines.id = :line "
                                       "RETURNING cart_lines.quote_won_per_gram";
      return write_price(sql, merge, plan->same->id, plan->priced, now,
                         std::tuple(soci::use(now), soci::use(read.id), soci::use(read.version)));
    }
    static const std::string into_cart =
        bump + new_line_columns + "SELECT c.id, " + new_line_values + from_c + new_line_returned;
    if (read.id)
      return write_new_line(sql, into_cart, plan->priced, now, cart, added.line_id,
                            std::tuple(soci::use(now), soci::use(read.id), soci::use(read.version)));
    static const std::string into_new_cart = "WITH c AS (" + std::string(cart_insert) + "RETURNING id) " +
                                             new_line_columns + "SELECT c.id, " + new_line_values + from_c +
                                             new_line_returned;
    added.token = random_token(24);
    const std::string hash = sha256_hex(added.token);
    soci::indicator user_ind = user_id ? soci::i_ok : soci::i_null;
    return write_new_line(
        sql, into_new_cart, plan->priced, now, cart, added.line_id,
        std::tuple(soci::use(hash), soci::use(user_id, user_ind), soci::use(now), soci::use(now)));
  });
  if (!written) return std::nullopt;
  if (plan->same) {
    added.line_id = plan->same->id;
    plan->same->line = std::move(plan->priced);
    cart = read.id;
  } else {
    lines.push_back({added.line_id, product.slug, std::move(plan->priced)});
  }
  return Result<Carts::Added>(std::move(added));
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
  std::optional<Result<Added>> result;
  // On PostgreSQL two tries without a transaction (two round trips where the transaction takes five); a
  // cart changing under both (several tabs adding at once) is then added to under its row's lock.
  for (int tries = db_.backend() == db::Backend::postgresql ? 2 : 0; tries > 0 && !result; --tries)
    result = add_unlocked(db_, token, user_id, *product, input, now, lines, cart);
  if (!result) result = add_locked(db_, token, user_id, *product, input, now, lines, cart);
  if (*result) (*result)->view = view_of(catalog_, cart, std::move(lines));
  return std::move(*result);
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
    db::commit_without_waiting(sql);
    if (!touch_cart(sql, token, now)) return Error::not_found("cart line");
    store_price(sql, line_id, priced, now);
    return {};
  });
}

Result<void> Carts::remove(const std::string& token, long long line_id) {
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<void> {
    db::commit_without_waiting(sql);
    const long long cart = touch_cart(sql, token, now);
    long long found = 0;
    sql << "SELECT COUNT(*) FROM cart_lines WHERE id = :id AND cart_id = :c", soci::use(line_id),
        soci::use(cart), soci::into(found);
    if (!found) return Error::not_found("cart line");
    sql << "DELETE FROM cart_lines WHERE id = :id AND cart_id = :c", soci::use(line_id), soci::use(cart);
    return {};
  });
}

}  // namespace brilliant::orders
