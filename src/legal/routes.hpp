// The pages a Korean store must show and the operator's settings for them (issue 15):
//   GET /terms, /privacy                  이용약관 and 개인정보처리방침, built from the particulars
//   GET /api/v1/legal                     the particulars as JSON (public)
//   GET|POST /operator/legal              the operator's form
//   GET|PUT /api/v1/operator/legal        the same over the API
#pragma once
#include <boost/json/object.hpp>

#include "legal/store.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::legal {

struct Deps {
  LegalStore& store;
  const web::Renderer& renderer;
};

// Reads the particulars from a JSON body (strings; "arrangement": "mediator" or "seller"); errors name the
// field.
Result<BusinessInfo> business_from_json(const boost::json::object& body);

void add_routes(web::Router& router, Deps deps);

}  // namespace brilliant::legal
