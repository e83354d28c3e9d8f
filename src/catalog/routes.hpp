// The joint-brand storefront: home, listing with facets, search, product and workshop pages, images,
// sitemap, and the JSON API (/api/v1/products, /search, /facets, /openapi.json). Korean at "/",
// English under "/en/" (the pipeline strips the prefix and sets the locale).
#pragma once
#include <boost/json/object.hpp>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "catalog/service.hpp"
#include "catalog/views.hpp"
#include "pricing/quotes.hpp"
#include "web/i18n.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::catalog {

class Storefront {
 public:
  // Entries for every API route (web::describe_routes), added once all routes are registered.
  void set_generated_api(boost::json::object paths, boost::json::object contract = {}) {
    generated_api_ = std::move(paths);
    api_contract_ = std::move(contract);
  }
  Storefront(Catalog& catalog, pricing::Quotes& quotes, const web::Renderer& renderer, const web::I18n& i18n,
             std::string base_url);

  void add_routes(web::Router& router);
  // Reloads the quotes and rates the pages show (after any catalog or pricing change).
  void refresh_prices();
  void set_base_url(std::string base_url) { base_url_ = std::move(base_url); }
  // The product page's two rows of other pieces, each with the reason's name ("bought_together"); the
  // marketing module's recommendations when set, otherwise the same category's most popular.
  struct RelatedPieces {
    std::vector<std::pair<long long, std::string>> also_like, complete_look;
  };
  using Related = std::function<RelatedPieces(long long product_id)>;
  void set_related(Related related) { related_ = std::move(related); }
  // Pieces for a person (with reasons) from what they have in view (seen: product ids) and, logged in,
  // bought; the marketing module's when set.
  using ForYou = std::function<std::vector<std::pair<long long, std::string>>(
      const std::vector<long long>& seen, long long user_id)>;
  void set_for_you(ForYou for_you) { for_you_ = std::move(for_you); }
  // Those pieces as cards with their reasons (empty when nothing is set).
  boost::json::array for_you_cards(const std::vector<long long>& seen, long long user_id,
                                   const std::string& locale) const;
  // The product page again after a refused add-to-cart: the message beside the field, the visitor's
  // choices kept (cart: "error", "field", "variant_id", "engraving", "gift_wrap", "quantity").
  web::Response product_page_with(web::Request& req, const std::string& slug, int status,
                                  boost::json::object cart);

 private:
  web::Response home(web::Request& req);
  web::Response shop(web::Request& req);
  web::Response search_page(web::Request& req);
  web::Response product_page(web::Request& req);
  web::Response workshops_page(web::Request& req);
  web::Response workshop_page(web::Request& req);
  web::Response image(web::Request& req);
  web::Response sitemap(web::Request& req);
  web::Response api_products(web::Request& req);
  web::Response api_product(web::Request& req);
  web::Response api_search(web::Request& req);
  web::Response api_suggest(web::Request& req);
  web::Response api_facets(web::Request& req);
  web::Response openapi(web::Request& req);
  Related related_;
  ForYou for_you_;
  boost::json::array reason_cards(const std::vector<std::pair<long long, std::string>>& pieces,
                                  const std::string& locale, const Messages& t) const;
  boost::json::object generated_api_;
  boost::json::object api_contract_;

  web::Response listing_page(web::Request& req, const std::string& template_name, boost::json::object model,
                             std::optional<std::vector<long long>> ids);
  // The product page's rows: (also like, complete the look) as cards.
  std::pair<boost::json::array, boost::json::array> related_pieces(const Product& product,
                                                                   const std::string& locale,
                                                                   const Messages& t) const;
  web::Response not_found(web::Request& req, const std::string& what, const std::string& hint);
  // for_page: the cards as "cards_html" (rendered once per snapshot) instead of a "cards" array.
  boost::json::object listing_json(const web::Request& req, const Listing& listing, const ListingQuery& query,
                                   const Snapshot& snap, const std::string& base_path, bool for_page = false);
  // Listing cards as HTML, each rendered once per catalog snapshot and language and then reused: a
  // logged-in visitor's listing is rendered per request, its cards need not be.
  std::string cards_html(const std::vector<const Card*>& cards, const std::string& locale,
                         const Snapshot& snap);
  Messages messages(const std::string& locale) const;
  std::shared_ptr<const PriceContext> prices() const;
  std::string absolute(const std::string& path) const { return base_url_ + path; }

  Catalog& catalog_;
  pricing::Quotes& quotes_;
  const web::Renderer& renderer_;
  const web::I18n& i18n_;
  std::string base_url_;
  struct CardHtml {
    long long version = -1;  // the snapshot the cards were rendered from
    std::unordered_map<long long, std::string> ko, en;
  };
  std::mutex card_html_mutex_;
  CardHtml card_html_;
  mutable std::mutex prices_mutex_;
  std::shared_ptr<const PriceContext> prices_;
};

}  // namespace brilliant::catalog
