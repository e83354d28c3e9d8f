// The cart in the storefront: /cart (page, ko/en), POST /cart (add from a product page, with engraving
// and gift wrap), POST /cart/lines/{id} (quantity), POST /cart/lines/{id}/remove; and the JSON API
// GET /api/v1/cart, POST /api/v1/cart/lines, PATCH and DELETE /api/v1/cart/lines/{id}.
// The cart is named by the "cart" cookie (HttpOnly) or, for API clients, the X-Cart-Token header.
//
// Checkout and orders (order_routes.cpp): /checkout (page and form), /orders/{number} (the shopper's
// order, cancel while unpaid), /account/orders; the workshop's /console/orders; the operator's
// /operator/orders (confirm the transfer, cancel with a reason); and the JSON API GET /api/v1/checkout,
// POST /api/v1/orders (Idempotency-Key), GET /api/v1/orders[/{number}], POST .../cancel,
// GET /api/v1/console/orders[/{number}], GET /api/v1/operator/orders, PUT .../{number}/status.
#pragma once
#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <vector>

#include "catalog/routes.hpp"
#include "catalog/views.hpp"
#include "orders/carts.hpp"
#include "orders/ledger.hpp"
#include "orders/orders.hpp"
#include "orders/returns.hpp"
#include "orders/settlements.hpp"
#include "web/page_cache.hpp"
#include "web/rate_limit.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::orders {

// What the orders module's routes need, in one struct (issue 14: one Deps per module).
struct Deps {
  Carts& carts;
  Orders& orders;
  Settlements& settlements;
  catalog::Catalog& catalog;
  catalog::Storefront& storefront;
  const web::Renderer& renderer;
  const Clock& clock;
  std::string bank_account;  // where shoppers transfer the money ("KB국민은행 ... (주)브릴리언트")
  web::RateLimiter* checkout_limit = nullptr;  // order attempts per account, or per IP for guests
  bool secure_cookies = false;
  // The studio's packing photos of an order (SHA-256, view), served under /orders/{number}/evidence
  // (studio/routes.hpp); wired by the app, empty when there is no studio.
  std::function<std::vector<std::pair<std::string, std::string>>(const std::string& number)> packing_photos;
  // Card payments (payments/, wired by the app; empty when no provider is configured): whether checkout
  // offers the card, the order's card payment for its page (payments::payment_json), and the operator's
  // cancellation, which refunds a card payment before cancelling.
  bool card_enabled = false;
  // The payment window's origin when checkout redirects to it (a stand-in window), for the page's
  // form-action policy; empty for Toss's own window, opened from our pay page.
  std::string payment_window_origin;
  std::function<std::optional<boost::json::object>(const Order&, const std::string& locale)> card_payment;
  std::function<Result<Order>(const std::string& number, const std::string& reason, long long actor)>
      operator_cancel;
  // The studio's returns-station inspections of an order's pieces with these SKUs (serial, match score,
  // decision; for a return row), in the reader's language; wired by the app, empty without a studio.
  std::function<boost::json::array(const std::string& number, const std::vector<std::string>& skus,
                                   const std::string& locale)>
      studio_inspections;
  Ledger* ledger = nullptr;    // the workshops' ledger (ledger_routes.cpp)
  Returns* returns = nullptr;  // returns and exchanges (returns_routes.cpp)
  // The cart page as rendered, by what it shows (its lines and prices now, "for you", language, URL), as
  // nobody's: each visitor gets their own token and account area put back (issue 16). Null: rendered
  // every time. The app empties it when the brand or the legal pages change.
  web::PageCache* cart_pages = nullptr;
};

// Every route of the module: the cart, checkout and orders, settlement statements.
void add_all_routes(web::Router& router, const Deps& deps);

void add_cart_routes(web::Router& router, const Deps& deps);
// Delivery and 구매확정 (delivery_routes.cpp), the ledger and payouts (ledger_routes.cpp).
void add_delivery_routes(web::Router& router, const Deps& deps);
void add_ledger_routes(web::Router& router, const Deps& deps);
void add_returns_routes(web::Router& router, const Deps& deps);
// The refund file's transfers still to make, and marking them made (refund_transfers_routes.cpp).
void add_refund_transfer_routes(web::Router& router, const Deps& deps);
// The refund file's lines for the operator's returns page: transfers (id, order, account, amount, kind:
// refund or interest, memo), transfers_count, has_transfers, transfers_total(_text), transfers_summary.
boost::json::object transfers_json(Returns& returns, const std::string& locale, const catalog::Messages& t);
// A return for pages and the API (with its pieces' titles when the order is given). A refund owed or made
// after its due day says how many days late it is at `now` (or was when made) and the delay interest the
// shopper is owed for them (days_late, delay_interest, late_text).
boost::json::object return_json(const OrderReturn& x, const std::string& locale, const catalog::Messages& t,
                                TimePoint now, const Order* order = nullptr);

// The cart named by the request: the X-Cart-Token header (API clients) or the "cart" cookie.
std::string cart_token(const web::Request& req);
// A product's picture on a cart's or an order's line: its smallest studio JPEG, else its first drawn
// image; "" when it has neither.
std::string thumbnail(const catalog::Product& product);
// One cart line for pages and the API, in the reader's language.
boost::json::object cart_line_json(const CartLine& line, const std::string& locale,
                                   const catalog::Messages& t);

// The checkout's priced cart (order_views.cpp): parcels with their lines, totals, the discount and its
// coupon.
boost::json::object checkout_json(const Preview& preview, const std::string& locale,
                                  const catalog::Messages& t,
                                  const std::function<catalog::Workshop(long long)>& workshop);

void add_order_routes(web::Router& router, const Deps& deps);

// The key a guest opens their order with: ?key= on links, a hidden field on forms.
std::string guest_key(const web::Request& req);
// Its shopper: the account's own order, or a guest holding the key.
bool is_shopper(const web::Request& req, const Order& order);
// The order's page for its shopper (with the key for a guest), in the reader's language.
std::string order_url(const web::Request& req, const Order& order, const std::string& query = "");

// Settlement statements (settlement_routes.cpp): /console/settlements[.csv], /operator/settlements,
// /operator/settlements/{slug}[/csv] and their JSON under /api/v1/console/settlements and
// /api/v1/operator/settlements[/{slug}] (?month=YYYY-MM).
void add_settlement_routes(web::Router& router, const Deps& deps);

}  // namespace brilliant::orders
