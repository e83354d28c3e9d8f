// View models for the storefront: the same JSON objects feed the pages (Mustache) and the API.
// Pure functions of catalog values, a locale and the message catalog; no I/O.
#pragma once
#include <boost/json/object.hpp>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "catalog/listing.hpp"
#include "catalog/product.hpp"
#include "core/fill.hpp"

namespace brilliant::catalog {

// Looks up a message ("catalog.metal.gold") in a locale.
using Messages = std::function<std::string(const std::string& key)>;

struct PriceContext {
  std::map<std::string, std::pair<long long, std::string>> quotes;  // metal -> (won per g, day)
  std::map<std::string, long long> rates;                           // USD -> won per unit x1000
};

// "385,600원" (ko) or "₩385,600" (en).
std::string format_won(long long won, const std::string& locale);
// "≈ US$279.40" style amounts in the display currencies that have rates.
std::vector<std::string> approximate(long long won, const PriceContext& prices);
// Replaces {{name}} in a catalog message with values (core/fill.hpp).
using brilliant::fill;

// A variant as shoppers name it: "13호 · US 6.5" (rings), "45 cm" (chains), or its colour; its SKU when
// nothing else tells it apart.
std::string variant_label(const Variant& variant, const std::string& locale, const Messages& t);
// A piece's only variant, with no size, length or colour to name it by. (Any piece's only variant in stock
// or made to order is offered chosen: there is nothing to choose between.)
bool sole_plain_variant(const Product& product);
// The option of a piece as its page, the cart and the order name it: variant_label, or "Standard"
// (catalog.product.standard) for a sole plain variant instead of its SKU.
std::string option_label(const Product& product, const Variant& variant, const std::string& locale,
                         const Messages& t);
boost::json::object card_json(const Card& card, const std::string& locale, const Messages& t);
// The words the card partial reads from a page's messages, for rendering it as a fragment ("t").
boost::json::object card_partial_words(const Messages& t);
boost::json::object product_json(const Product& product, const Workshop& workshop, const std::string& locale,
                                 const Messages& t, const PriceContext& prices);
boost::json::object workshop_json(const Workshop& workshop, const std::string& locale, const Messages& t);
// A photograph for a page: JPEG src (detail), WebP srcset of every width, the zoom URL, and its alt text
// in the locale (fallback_alt when it has none).
boost::json::object photo_json(const Product::Photo& photo, bool en, const std::string& fallback_alt);
// Facets with localized labels, selection state and the link that toggles each value.
boost::json::array facets_json(const Listing& listing, const ListingQuery& query, const Snapshot& snapshot,
                               const std::string& base_path, const std::string& locale, const Messages& t);

}  // namespace brilliant::catalog
