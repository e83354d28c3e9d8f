// Brilliant Studio's JSON for pages and the API alike (one shape for both): items, their history,
// packing sessions, returns and an order's evidence, texts in the reader's language.
#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "studio/evidence.hpp"
#include "studio/item.hpp"
#include "studio/packing.hpp"
#include "studio/returns.hpp"
#include "studio/shoot.hpp"
#include "web/render.hpp"
#include "web/request.hpp"

namespace brilliant::studio {

boost::json::object item_json(const Item& i, const web::Renderer& r, const web::Request& req);
boost::json::array events_json(const std::vector<ItemEvent>& events, const web::Renderer& r,
                               const web::Request& req);
boost::json::object session_json(const PackingSession& s, const web::Renderer& r, const web::Request& req);
boost::json::object return_json(const ReturnInspection& x, const web::Renderer& r, const web::Request& req);
// A product's shoot list for the studio station; shots of `serial` are sent to its attach URLs.
boost::json::object shoot_json(const ProductShoot& shoot, const web::Renderer& r, const web::Request& req,
                               const std::string& serial);
// An order's evidence; photo URLs under `base` ("/orders/N/evidence"), with `query` appended (a guest's
// key); staff views name the people, the shopper's does not.
boost::json::object evidence_json(const Evidence& e, const web::Renderer& r, const web::Request& req,
                                  const std::string& base, const std::string& query, bool staff);

}  // namespace brilliant::studio
