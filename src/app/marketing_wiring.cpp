// Marketing's wiring (issue 13): recommendations fed by paid orders, shown on the product page (the
// storefront's related rows); coupons as checkout's discounts; their routes.
#include "app/app.hpp"
#include "core/recent.hpp"
#include "legal/business.hpp"
#include "marketing/campaign_routes.hpp"
#include "marketing/copy_routes.hpp"
#include "marketing/coupon_routes.hpp"
#include "marketing/customer_routes.hpp"
#include "marketing/dashboard_routes.hpp"
#include "marketing/routes.hpp"
#include "marketing/run_sheet.hpp"

namespace brilliant::app {

void App::add_marketing_routes() {
  recommendations_ = std::make_unique<marketing::Recommendations>(*database_, catalog_, clock_);
  if (notices_)  // each batch of counts written is told to the other nodes (App::hear adds it there)
    recommendations_->relay_to([this](marketing::Signal signal, const marketing::repo::Counts& counts) {
      for (const auto& text : marketing::counts_notices(signal, counts)) notices_->publish("counts", text);
    });
  orders_.set_on_paid([this](const orders::Order& order) {
    std::vector<long long> products;
    for (const auto& line : order.lines) products.push_back(line.product_id);
    recommendations_->paid(order.id, order.user_id, products);
  });
  storefront_.set_related(
      [this](long long product) { return marketing::related_pieces(*recommendations_, product); });
  // "For you" (the cart page's row) scores every piece on sale: at 100,000 pieces nine tenths of a cart
  // page's time. Kept ten seconds per person and pieces in the cart (the model itself is rebuilt at most
  // every thirty).
  auto for_you =
      std::make_shared<Recent<std::vector<std::pair<long long, std::string>>>>(std::chrono::seconds(10));
  storefront_.set_for_you([this, for_you](const std::vector<long long>& seen, long long user) {
    std::string key = std::to_string(user);
    for (auto id : seen) key += ',' + std::to_string(id);
    return for_you->get_or(key, [&] { return marketing::for_you_pieces(*recommendations_, seen, user); });
  });
  coupons_ = std::make_unique<marketing::Coupons>(*database_, clock_);
  orders_.set_discounts(coupons_.get());
  visits_ = std::make_unique<marketing::Visits>(*database_, clock_);
  const marketing::DashboardDeps dashboard{*database_, renderer_, clock_, visits_.get()};
  marketing::add_routes(router_, {*recommendations_, page_views_, renderer_, coupons_.get(), &clock_,
                                  [dashboard](const web::Request& req) {
                                    return marketing::operator_dashboard(dashboard, req);
                                  },
                                  [this](web::Request& req) { return customer_of(req); }, visits_.get()});
  marketing::add_dashboard_routes(router_, dashboard);
  marketing::add_coupon_routes(router_, {*coupons_, renderer_, clock_});
  marketing::add_customer_routes(router_, {*database_, renderer_, clock_, [this] { page_views_.flush(); }});
  campaigns_ = std::make_unique<marketing::Campaigns>(
      *database_, clock_, renderer_.base_url(),
      [this](const marketing::CampaignMailModel& m) { return campaign_mail(m); });
  campaigns_->set_on_unsubscribe([this](long long user) {
    accounts_.set_marketing(user, false, std::string(legal::privacy_version), "unsubscribe");
  });
  marketing::add_campaign_routes(router_, {*campaigns_, renderer_});
  marketing::add_copy_routes(router_, {vendors_deps_, config_.llm});
  marketing::add_run_sheet_routes(router_, {*live_, vendors_deps_});
  add_academy_routes();
}

// The shopper a session-less request (the view beacon) came from: its session cookie resolved on a copy
// that holds only the cookies, so the request itself stays anonymous.
long long App::customer_of(const web::Request& req) {
  if (req.cookie("sid").empty()) return 0;  // a visitor: no lookup
  web::Request probe;
  probe.headers = req.headers;
  sessions_.resolve(probe);
  return probe.user && probe.user->has(web::Role::shopper) ? probe.user->user_id : 0;
}

mail::Mail App::campaign_mail(const marketing::CampaignMailModel& m) const {
  boost::json::array paragraphs;
  for (const auto& p : m.paragraphs) paragraphs.push_back(boost::json::value(p));
  boost::json::object model{{"subject", m.subject},
                            {"paragraphs", std::move(paragraphs)},
                            {"name", m.name},
                            {"click_url", m.click_url},
                            {"unsubscribe_url", m.unsubscribe_url},
                            {"open_pixel_url", m.open_pixel_url}};
  if (!m.coupon_code.empty()) model["coupon_code"] = m.coupon_code;
  // The sender, as the law asks of every advertising mail: the hub's particulars.
  const auto business = legal_.current();
  const auto info = *business ? **business : legal::demo_business();
  model["company"] = info.company;
  model["address"] = info.address;
  model["phone"] = info.phone;
  model["email"] = info.email;
  return {"", m.subject, renderer_.fragment("email/campaign_text", model),
          renderer_.fragment("email/campaign_html", model), m.unsubscribe_url};
}

}  // namespace brilliant::app
