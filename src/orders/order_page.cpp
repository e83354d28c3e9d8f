#include "orders/order_page.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <unordered_map>

#include "core/secret.hpp"
#include "orders/order_views.hpp"

namespace brilliant::orders {
namespace json = boost::json;
using web::Request;

namespace {

using Pictures = std::unordered_map<std::string, std::string>;  // a product's slug: its picture

void add_pictures(json::object& order, catalog::Catalog& catalog, Pictures& seen) {
  const auto picture = [&](const std::string& slug) -> const std::string& {
    auto [at, fresh] = seen.try_emplace(slug);
    if (fresh)
      if (auto product = catalog.kept_product(slug)) at->second = thumbnail(*product);
    return at->second;
  };
  for (auto& parcel : order["parcels"].as_array())
    for (auto& line : parcel.as_object()["lines"].as_array()) {
      auto& l = line.as_object();
      const auto& url = picture(std::string(l.at("slug").as_string()));
      if (url.empty()) continue;
      l["image_url"] = url;
      if (!order.contains("image_url") && !l.contains("replaces_line")) order["image_url"] = url;
    }
}

catalog::Messages messages(const Deps& d, const std::string& locale) {
  return [&d, locale](const std::string& key) { return d.renderer.message(locale, key); };
}

}  // namespace

json::object order_shown(const Deps& d, const Request& req, const Order& order) {
  auto out = order_json(order, req.locale, messages(d, req.locale), d.bank_account);
  // Only a parcel on its way has a tracking page: an order just placed reads no templates.
  if (any_parcel_left(order)) add_tracking_links(out, d.orders.tracking_links());
  Pictures seen;
  add_pictures(out, d.catalog, seen);
  return out;
}

json::array order_rows(const std::vector<Order>& orders, const std::string& locale,
                       const catalog::Messages& t, catalog::Catalog& catalog,
                       const std::string& bank_account) {
  Pictures seen;
  json::array out;
  for (const auto& o : orders) {
    auto one = order_json(o, locale, t, bank_account);
    add_pictures(one, catalog, seen);
    out.push_back(std::move(one));
  }
  return out;
}

json::array orders_shown(const Deps& d, const Request& req, const std::vector<Order>& orders) {
  const auto links = d.orders.tracking_links();
  auto out = order_rows(orders, req.locale, messages(d, req.locale), d.catalog, d.bank_account);
  for (auto& one : out) add_tracking_links(one.as_object(), links);
  return out;
}

// The key a guest opens their order with: ?key= on links, a hidden field on forms.
std::string guest_key(const Request& req) {
  auto key = req.query_params().get("key");
  return key.empty() && req.method == web::Method::post ? req.form().get("key") : key;
}

bool is_shopper(const Request& req, const Order& order) {
  if (order.user_id) return req.user && req.user->user_id == order.user_id;
  return !order.guest_key.empty() && secrets_equal(guest_key(req), order.guest_key);
}

std::string order_url(const Request& req, const Order& order, const std::string& query) {
  std::string url = req.locale_prefix() + "/orders/" + order.number;
  std::string params = order.guest_key.empty() ? "" : "key=" + order.guest_key;
  if (!query.empty()) params += (params.empty() ? "" : "&") + query;
  return params.empty() ? url : url + "?" + params;
}

std::string order_path(const web::Request& req, const Order& order, const std::string& tail) {
  return req.locale_prefix() + "/orders/" + order.number + tail +
         (order.guest_key.empty() ? "" : "?key=" + order.guest_key);
}

void add_card_payment(const Deps& d, const web::Request& req, const Order& order, json::object& model) {
  model["card_enabled"] = d.card_enabled;
  if (d.card_enabled && order.status == OrderStatus::awaiting_payment) {
    model["pay_url"] = order_path(req, order, "/pay");
    model["account_url"] = order_path(req, order, "/virtual-account");  // the same keys open 가상계좌
  }
  if (d.card_payment)
    if (auto card = d.card_payment(order, req.locale)) model["card"] = std::move(*card);
  const auto q = req.query_params();
  if (q.get("paid") == "1" && order.status == OrderStatus::paid) model["paid_now"] = true;
  for (const char* which : {"payment_error", "payment_failed"}) {
    const std::string code = q.get(which);
    if (code.empty()) continue;
    const auto text = d.renderer.message(req.locale, "payments.error." + code);
    model["payment_problem"] = text.empty() ? d.renderer.message(req.locale, "payments.error.general") : text;
  }
}

void add_returns(const Deps& d, const web::Request& req, const Order& order, json::object& model) {
  if (!d.returns) return;
  const auto t = messages(d, req.locale);
  json::array list;
  for (const auto& x : d.returns->of_order(order.id))
    list.push_back(return_json(x, req.locale, t, d.clock.now(), &order));
  model["has_returns"] = !list.empty();
  model["returns"] = std::move(list);
  const bool delivered = std::any_of(order.fulfilments.begin(), order.fulfilments.end(),
                                     [](const Fulfilment& f) { return !f.delivered_at.empty(); });
  if (delivered && is_shopper(req, order)) model["return_url"] = order_path(req, order, "/return");
  for (const char* flag : {"return_requested", "interest_account"})
    if (req.query_params().get(flag) == "1") model[std::string(flag) + "_now"] = true;
}

}  // namespace brilliant::orders
