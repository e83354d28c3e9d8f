// Running it for real (issue 15): the wiring of accounts with personal data, the legal pages and the
// audit trail (App members kept apart from app.cpp).
#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "app/app.hpp"
#include "audit/routes.hpp"
#include "core/text.hpp"
#include "legal/routes.hpp"
#include "orders/order_page.hpp"
#include "orders/order_views.hpp"
#include "vendors/joining/application.hpp"

namespace brilliant::app {
namespace {

// The renderer's messages in one language, as the order views read them.
catalog::Messages messages_in(const web::Renderer& renderer, const std::string& locale) {
  return [&renderer, locale](const std::string& key) { return renderer.message(locale, key); };
}

}  // namespace

boost::json::array App::orders_export(long long user, const std::string& locale) {
  boost::json::array out;
  const auto t = messages_in(renderer_, locale);
  for (const auto& order : orders_.of_user(user, 10000))
    out.push_back(orders::order_json(order, locale, t, config_.bank_account));
  return out;
}

boost::json::array App::sellers_json(const orders::Order& o, bool en) const {
  boost::json::array out;
  const auto business = legal_.current();
  if (!business->has_value() || (*business)->arrangement != legal::Arrangement::mediator) return out;
  const auto snapshot = catalog_.snapshot();
  for (const auto& f : o.fulfilments)
    for (const auto& w : snapshot->workshops)
      if (w.id == f.workshop_id && w.seller)
        out.push_back(boost::json::object{
            {"workshop", in_language(en, w.name_ko, w.name_en)},
            {"company", w.seller->company},
            {"representative", w.seller->representative},
            {"registration_no", vendors::format_registration_number(w.seller->registration_no)},
            {"address", w.seller->address},
            {"phone", w.seller->phone}});
  return out;
}

void App::add_running_routes() {
  // A person's own data: their orders in the export; closing keeps them reduced.
  account_deps_.terms_version = legal::terms_version;
  account_deps_.privacy_version = legal::privacy_version;
  account_deps_.orders_export = [this](long long user, const std::string& locale) {
    return orders_export(user, locale);
  };
  account_deps_.forget_orders = [this](long long user) { return orders_.forget_customer(user); };
  account_deps_.recent_orders = [this](const web::Request& req) {
    return orders::order_rows(orders_.of_user(req.user->user_id, 3), req.locale,
                              messages_in(renderer_, req.locale), catalog_, config_.bank_account);
  };
  accounts::add_routes(router_, account_deps_);
  legal::add_routes(router_, {legal_, renderer_});
  legal_.on_change([this] {
    pages_changed();  // the footer is on every cached page
    tell_nodes("legal");
  });
  audit::add_routes(router_, {audit_, renderer_});
}

void App::audit_request(const web::Request& req, const web::Route& route, int status,
                        const web::StateChange& state) {
  if (!req.user || !audit::audited(req.user->roles)) return;
  const auto kind = audit::kind_of(web::method_name(req.method), route.personal_data, status);
  if (kind.empty()) return;
  std::string roles;
  for (auto role : web::all_roles)
    if (req.user->has(role)) roles += (roles.empty() ? "" : " ") + std::string(web::role_name(role));
  audit::Entry entry{0,
                     "",
                     req.user->user_id,
                     req.user->email,
                     roles,
                     req.user->has(web::Role::vendor_staff) ? req.user->workshop_id : 0,
                     kind,
                     std::string(web::method_name(req.method)),
                     route.pattern,
                     req.path,
                     kind == "change" ? audit::detail_of(req.header("content-type"), req.body) : req.query,
                     status,
                     req.remote_ip,
                     audit::changes(state.before, state.after)};
  try {
    audit_.record(std::move(entry));
  } catch (const std::exception& e) {
    spdlog::error("audit trail: {}", e.what());
  }
}

}  // namespace brilliant::app
