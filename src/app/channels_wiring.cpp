// The sales channels' wiring (issue 19): the feeds read the catalog, the brand's name and shipping rules,
// and the locale texts; the routes; the joint exhibitions (line sheets read the catalog); and the program
// report, which counts what the channels sold.
#include "app/app.hpp"
#include "channels/routes.hpp"
#include "exhibitions/routes.hpp"
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
                                leads_.get()};
  exhibitions::add_routes(router_, fairs);
  exhibitions::add_operator_routes(router_, fairs);
  reports::add_routes(router_, {*database_, renderer_, clock_, [this](const std::string& locale) {
                                  const auto brand = brand_.current();
                                  return locale == "en" ? brand->name_en : brand->name_ko;
                                }});
}

channels::Shop App::feed_shop() const {
  const auto brand = brand_.current();
  return {brand->name_ko, account_deps_.base_url, i18n_.text("ko", "brand.tagline")};
}

}  // namespace brilliant::app
