#include "orders/routes.hpp"
#include "web/bind.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "catalog/views.hpp"
#include "web/cache_render.hpp"
#include "web/errors.hpp"
#include "web/json_input.hpp"

namespace brilliant::orders {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

constexpr std::string_view cart_cookie = "cart";

// Keeps the cart cookie (a new cart's token) and a readable piece count for the header badge.
void give_cookies(Response& response, const std::string& token, int pieces, bool secure) {
  constexpr int month = 60 * 60 * 24 * 30;
  if (!token.empty())
    web::set_cookie(response, cart_cookie, token,
                    {.max_age_seconds = month, .http_only = true, .secure = secure});
  web::set_cookie(response, "cart_n", std::to_string(pieces),
                  {.max_age_seconds = month, .http_only = false, .secure = secure});
}

Result<int> parse_quantity(const std::string& text) {
  if (text.empty()) return 1;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > max_quantity)
    return Error::invalid("quantity", "quantity_invalid",
                          "quantity must be a whole number from 1 to " + std::to_string(max_quantity));
  return value;
}

}  // namespace

std::string thumbnail(const catalog::Product& p) {
  std::string best;
  int best_width = 1 << 30;
  if (!p.photos.empty())
    for (const auto& r : p.photos.front().renditions)
      if (r.format == "jpeg" && r.name != "square" && r.width < best_width) {
        best_width = r.width;
        best = "/media/photos/" + r.hash;
      }
  if (best.empty() && !p.image_ids.empty()) best = "/media/images/" + std::to_string(p.image_ids.front());
  return best;
}

std::string cart_token(const Request& req) {
  auto header = req.header("x-cart-token");
  if (!header.empty()) return std::string(header);
  return req.cookie(cart_cookie);
}

json::object cart_line_json(const CartLine& line, const std::string& locale, const catalog::Messages& t) {
  const bool en = locale == "en";
  const auto& shown = line.now ? *line.now : line.added;
  json::object o{{"id", line.id},
                 {"slug", line.slug},
                 {"url", std::string(en ? "/en" : "") + "/products/" + line.slug},
                 {"variant_id", shown.variant_id},
                 {"quantity", shown.quantity},
                 {"engraving", shown.engraving},
                 {"engraved", !shown.engraving.empty()},  // templates: an empty string is still "true"
                 {"has_options", shown.options_fee > 0},
                 {"gift_wrap", shown.gift_wrap},
                 {"final_sale", line.added.final_sale},
                 {"unit_price", shown.unit_price},
                 {"unit_price_text", catalog::format_won(shown.unit_price, locale)},
                 {"options_fee", shown.options_fee},
                 {"options_fee_text", catalog::format_won(shown.options_fee, locale)},
                 {"total", line_total(shown)},
                 {"total_text", catalog::format_won(line_total(shown), locale)},
                 {"priced_at", json::object{{"unit_price", line.added.unit_price},
                                            {"options_fee", line.added.options_fee},
                                            {"quote_id", line.added.quote_id},
                                            {"quote_won_per_gram", line.added.quote_won_per_gram}}},
                 {"available", line.now.has_value()}};
  if (!line.problem.empty()) o["problem"] = line.problem;
  if (line.now &&
      line.now->unit_price + line.now->options_fee != line.added.unit_price + line.added.options_fee) {
    o["price_changed"] = true;
    o["was_text"] = catalog::format_won(line.added.unit_price + line.added.options_fee, locale);
  }
  if (line.product) {
    const auto& p = *line.product;
    o["title"] = en ? p.title_en : p.title_ko;
    for (const auto& v : p.variants)
      if (v.id == shown.variant_id) o["variant"] = catalog::option_label(p, v, locale, t);
    if (auto image = thumbnail(p); !image.empty()) o["image_url"] = image;
    if (p.made_to_order)
      o["lead_text"] =
          catalog::fill(t("catalog.made_to_order_days"), {{"days", std::to_string(p.lead_days)}});
  }
  return o;
}

namespace {

json::object cart_json(const CartView& view, const std::string& locale, const catalog::Messages& t) {
  json::array lines;
  for (const auto& line : view.lines) lines.push_back(cart_line_json(line, locale, t));
  return {{"lines", std::move(lines)},
          {"pieces", view.pieces},
          {"subtotal", view.subtotal},
          {"subtotal_text", catalog::format_won(view.subtotal, locale)},
          {"has_final_sale", view.has_final_sale},
          {"price_changed", view.price_changed},
          {"currency", "KRW"}};
}

class CartRoutes {
 public:
  explicit CartRoutes(Deps deps) : d_(std::move(deps)) {}

  catalog::Messages messages(const std::string& locale) const {
    return [this, locale](const std::string& key) { return d_.renderer.message(locale, key); };
  }

  Response page(Request& req) {
    const std::string token = cart_token(req);
    auto view = d_.carts.view(token);
    auto model = cart_json(view, req.locale, messages(req.locale));
    model["title"] = d_.renderer.message(req.locale, "cart.title");
    model["noindex"] = true;
    model["flash"] = req.query_params().get("added") == "1";
    // "For you" from what is in the cart (rendered here: a row arriving later would shift the page).
    std::vector<long long> in_cart;
    for (const auto& line : view.lines)
      if (line.product) in_cart.push_back(line.product->id);
    model["for_you"] = d_.storefront.for_you_cards(in_cart, req.user ? req.user->user_id : 0, req.locale);
    auto response = kept_page(req, std::move(model));
    response.set("Cache-Control", "no-store");
    give_cookies(response, "", view.pieces, d_.secure_cookies);
    return response;
  }

  // The page is a function of its model and URL alone (the person shows only in the token and the header's
  // account area, which the renderer's marks stand for): the same cart shown again is not rendered again.
  Response kept_page(Request& req, json::object model) {
    if (!d_.cart_pages) return d_.renderer.page_response(req, "store/cart", std::move(model));
    const std::string key = req.locale + "|" + req.target + "|" + json::serialize(model);
    const std::string area = d_.renderer.account_area(req);
    if (auto page = d_.cart_pages->get(key, req.csrf_token, area)) return std::move(*page);
    return web::render_for_cache(*d_.cart_pages, d_.renderer, req, key, area, [&](Request& as_nobody) {
      return d_.renderer.page_response(as_nobody, "store/cart", std::move(model));
    });
  }

  Response add_form(Request& req) {
    const auto& form = req.form();
    const std::string slug = form.get("slug");
    LineInput input;
    input.variant_id = web::parse_id(form.get("variant_id"));
    input.engraving = form.get("engraving");
    input.gift_wrap = form.get("gift_wrap") == "1";
    json::object kept{{"engraving", input.engraving}, {"gift_wrap", input.gift_wrap}};
    if (input.variant_id) kept["variant_id"] = input.variant_id;
    Result<Carts::Added> added = Error{};
    auto quantity = parse_quantity(form.get("quantity"));
    if (!quantity.ok()) {
      added = quantity.error();
    } else if (*quantity == 0) {
      added = Error::invalid("quantity", "quantity_invalid", "quantity must be at least 1");
    } else if (!input.variant_id) {
      added = Error::invalid("variant_id", "variant_required",
                             d_.renderer.message(req.locale, "cart.choose_variant"));
    } else {
      input.quantity = *quantity;
      kept["quantity"] = *quantity;
      added = d_.carts.add(cart_token(req), req.user ? req.user->user_id : 0, input);
    }
    if (!added.ok()) {
      kept["error"] = d_.renderer.localized(req, added.error());
      kept["field"] = added.error().field;
      if (slug.empty()) return d_.renderer.error(req, added.error());
      return d_.storefront.product_page_with(req, slug, web::http_status(added.error().kind),
                                             std::move(kept));
    }
    auto response = Response::redirect(req.locale_prefix() + "/cart?added=1");
    give_cookies(response, added->token == cart_token(req) ? "" : added->token, added->view.pieces,
                 d_.secure_cookies);
    return response;
  }

  Response change_form(Request& req) {
    auto quantity = parse_quantity(req.form().get("quantity"));
    if (!quantity.ok()) return d_.renderer.error(req, quantity.error());
    auto done = d_.carts.set_quantity(cart_token(req), web::parse_id(req.param("id")), *quantity);
    if (!done.ok()) return d_.renderer.error(req, done.error());
    return Response::redirect(req.locale_prefix() + "/cart");
  }

  Response remove_form(Request& req) {
    auto done = d_.carts.remove(cart_token(req), web::parse_id(req.param("id")));
    if (!done.ok()) return d_.renderer.error(req, done.error());
    return Response::redirect(req.locale_prefix() + "/cart");
  }

  Response api_view(Request& req) {
    auto view = d_.carts.view(cart_token(req));
    auto response = Response::json(json::serialize(cart_json(view, req.locale, messages(req.locale))));
    response.set("Cache-Control", "no-store");
    return response;
  }

  Response api_add(Request& req) {
    auto body = web::parse_json_object(req.body);
    if (!body) return d_.renderer.error(req, body.error());
    LineInput input;
    auto field_int = [&](const char* name, long long fallback) -> Result<long long> {
      auto it = body->find(name);
      if (it == body->end()) return fallback;
      if (!it->value().is_int64())
        return Error::invalid(name, "number_invalid", std::string(name) + " must be a whole number");
      return it->value().as_int64();
    };
    auto variant = field_int("variant_id", 0);
    if (!variant.ok()) return d_.renderer.error(req, variant.error());
    if (*variant <= 0)
      return d_.renderer.error(req,
                               Error::invalid("variant_id", "variant_required", "variant_id is required"));
    auto quantity = field_int("quantity", 1);
    if (!quantity.ok()) return d_.renderer.error(req, quantity.error());
    if (*quantity < 1 || *quantity > max_quantity)
      return d_.renderer.error(req,
                               Error::invalid("quantity", "quantity_invalid",
                                              "quantity must be from 1 to " + std::to_string(max_quantity)));
    input.variant_id = *variant;
    input.quantity = static_cast<int>(*quantity);
    if (auto it = body->find("engraving"); it != body->end()) {
      if (!it->value().is_string())
        return d_.renderer.error(req,
                                 Error::invalid("engraving", "engraving_invalid", "engraving must be text"));
      input.engraving = std::string(it->value().as_string());
    }
    auto gift_wrap = web::json_bool(*body, "gift_wrap", false);
    if (!gift_wrap) return d_.renderer.error(req, gift_wrap.error());
    input.gift_wrap = *gift_wrap;
    const std::string token = cart_token(req);
    auto added = d_.carts.add(token, req.user ? req.user->user_id : 0, input);
    if (!added.ok()) return d_.renderer.error(req, added.error());
    const auto& view = added->view;
    auto out = cart_json(view, req.locale, messages(req.locale));
    out["line_id"] = added->line_id;
    const bool fresh = added->token != token;
    // A client without cookies names its cart with this token (X-Cart-Token) from here on.
    out["cart_token"] = added->token;
    auto response = Response::json(json::serialize(out), 201);
    response.set("X-Cart-Token", added->token);
    give_cookies(response, fresh ? added->token : "", view.pieces, d_.secure_cookies);
    return response;
  }

  Response api_change(Request& req) {
    auto body = web::parse_json_object(req.body);
    if (!body) return d_.renderer.error(req, body.error());
    auto it = body->find("quantity");
    if (it == body->end() || !it->value().is_int64() || it->value().as_int64() < 0 ||
        it->value().as_int64() > max_quantity)
      return d_.renderer.error(
          req, Error::invalid("quantity", "quantity_invalid",
                              "quantity must be a whole number from 0 to " + std::to_string(max_quantity)));
    auto done = d_.carts.set_quantity(cart_token(req), web::parse_id(req.param("id")),
                                      static_cast<int>(it->value().as_int64()));
    if (!done.ok()) return d_.renderer.error(req, done.error());
    return api_view(req);
  }

  Response api_remove(Request& req) {
    auto done = d_.carts.remove(cart_token(req), web::parse_id(req.param("id")));
    if (!done.ok()) return d_.renderer.error(req, done.error());
    return api_view(req);
  }

 private:
  Deps d_;
};

}  // namespace

void add_cart_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<CartRoutes>(deps), deps.renderer);
  // The cart is read afresh on every visit; who is looking may be the session recalled from under a
  // second ago (the page shows only their name, token and "for you" from it).
  router.get("/cart", bind(&CartRoutes::page)).recalled_session = true;
  router.post("/cart", bind(&CartRoutes::add_form));
  router.post("/cart/lines/{id}", bind(&CartRoutes::change_form));
  router.post("/cart/lines/{id}/remove", bind(&CartRoutes::remove_form));
  router.get("/api/v1/cart", bind(&CartRoutes::api_view));
  router.post("/api/v1/cart/lines", bind(&CartRoutes::api_add));
  router.add(web::Method::patch, "/api/v1/cart/lines/{id}", bind(&CartRoutes::api_change));
  router.add(web::Method::delete_, "/api/v1/cart/lines/{id}", bind(&CartRoutes::api_remove));
}

void add_all_routes(web::Router& router, const Deps& deps) {
  add_cart_routes(router, deps);
  add_order_routes(router, deps);
  add_settlement_routes(router, deps);
  add_delivery_routes(router, deps);
  if (deps.ledger) add_ledger_routes(router, deps);
  if (deps.returns) {
    add_returns_routes(router, deps);
    add_refund_transfer_routes(router, deps);
  }
}

}  // namespace brilliant::orders
