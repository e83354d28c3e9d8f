// The copy assistant over HTTP (issue 13): a workshop's staff (or the operator) open a piece's copy page
// (/console/products/{slug}/copy), see titles, descriptions, SEO text and hashtags written from its facts
// in Korean and English (and a language model's, when one is configured), edit them, and publish: the
// text is checked against the facts again, refused with the reasons when it contradicts them, and saved
// as the piece's titles and story (a published piece goes back to the brand's review). The same as
// JSON under /api/v1/console/products/{slug}/copy.
#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "catalog/views.hpp"
#include "marketing/copy.hpp"
#include "marketing/model.hpp"
#include "vendors/deps.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::marketing {

struct CopyDeps {
  vendors::Deps& vendors;
  ModelSettings model;
};
void add_copy_routes(web::Router& router, const CopyDeps& deps);

// The facts copy may state, from the piece and its workshop (sizes named in each language).
CopyFacts copy_facts(const catalog::Product& product, const catalog::Workshop& workshop,
                     const catalog::Messages& ko, const catalog::Messages& en);
// The same for a piece of the catalog, its sizes named in the renderer's words.
CopyFacts piece_facts(catalog::Catalog& catalog, const web::Renderer& renderer,
                      const catalog::Product& product);
boost::json::object copy_json(const Copy& copy);
boost::json::array problems_json(const std::vector<Problem>& problems);

}  // namespace brilliant::marketing
