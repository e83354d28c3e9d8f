// The sales channels' wiring (issue 19): the feeds read the catalog, the brand's name and shipping rules,
// and the locale texts; the routes; the joint exhibitions (line sheets read the catalog); and the program
// report, which counts what the channels sold.
#include <boost/json.hpp>

#include "app/app.hpp"
#include "b2b/routes.hpp"
#include "catalog/views.hpp"
#include "channels/routes.hpp"
#include "exhibitions/routes.hpp"
#include "mail/outbox.hpp"
#include "reports/routes.hpp"

namespace brilliant::app {

void App::add_channel_routes() {
  channels_ = std::make_unique<channels::Channels>(
      *database_, clock_, catalog_,
      channels::Sources{
          [this](const std::string& locale, const std::string& key) { return i18n_.text(locale, key); },
          [this] { return feed_shop(); },
          [this](long long price) {
            return vendors::shipping_fee(brand_.current()->shipping, price, false);
          }});
  channels::add_routes(router_, {*channels_, renderer_});
  exhibitions_ = std::make_unique<exhibitions::Exhibitions>(*database_, clock_);
  leads_ = std::make_unique<exhibitions::Leads>(*database_, clock_);
  const exhibitions::Deps fairs{*exhibitions_,
                                catalog_,
                                renderer_,
                                clock_,
                                [this] {
                                  std::map<std::string, long long> rates;
                                  for (const auto& r : quotes_.rates()) rates[r.code] = r.krw_per_unit_x1000;
                                  return rates;
                                },
                                leads_.get(),
                                &booth_visitor_limit_};
  exhibitions::add_routes(router_, fairs);
  exhibitions::add_operator_routes(router_, fairs);
  b2b_ = std::make_unique<b2b::B2b>(*database_, clock_, catalog_, orders_);
  b2b_->set_reminder_mail([this](const b2b::Quote& q, const std::string& email, const std::string& locale) {
    return quote_reminder_mail(q, email, locale);
  });
  const b2b::Deps trade{*b2b_, renderer_, config_.bank_account, &legal_};
  b2b::add_buyer_routes(router_, trade);
  b2b::add_workshop_routes(router_, trade);
  reports::add_routes(router_, {*database_, renderer_, clock_, [this](const std::string& locale) {
                                  const auto brand = brand_.current();
                                  return locale == "en" ? brand->name_en : brand->name_ko;
                                }});
}

mail::Mail App::quote_reminder_mail(const b2b::Quote& q, const std::string& email,
                                    const std::string& locale) const {
  const std::string lang = locale == "en" ? "en" : "ko";
  const boost::json::object model{
      {"number", q.number},
      {"title", lang == "en" ? q.title_en : q.title_ko},
      {"quantity", q.quantity},
      {"company", q.buyer_company},
      {"country", q.buyer_country},
      {"requested", format_seoul(q.requested_at)},
      {"link", renderer_.base_url() + (lang == "en" ? "/en" : "") + "/console/quotes/" + q.number}};
  return {email, catalog::fill(renderer_.message(lang, "b2b.reminder_subject"), {{"number", q.number}}),
          renderer_.fragment("email/quote_reminder_" + lang, model)};
}

channels::Shop App::feed_shop() const {
  const auto brand = brand_.current();
  return {brand->name_ko, account_deps_.base_url, i18n_.text("ko", "brand.tagline")};
}

}  // namespace brilliant::app
