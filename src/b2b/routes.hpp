// B2B over HTTP (issue 19).
//   A shopper: /buyer (apply to buy wholesale; once approved, the buyer's home).
//   A buyer: /buyer/quotes (ask for a quote on a piece, from its page or a fair's line sheet; the list),
//     /buyer/quotes/{number} (accept, order with a delivery address, withdraw), .../invoice (printable).
//   A workshop: /console/quotes, /console/quotes/{number} (answer: unit price, minimum, lead time,
//     validity; save as draft or send; decline).
//   The operator: /operator/buyers (applications: approve or refuse; every quote).
// The same as JSON under /api/v1/buyer/..., /api/v1/console/quotes... and /api/v1/operator/buyers....
#pragma once
#include <string>

#include "b2b/b2b.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::legal {
class LegalStore;
}

namespace brilliant::b2b {

struct Deps {
  B2b& b2b;
  const web::Renderer& renderer;
  std::string bank_account;                  // where B2B orders are paid (the invoice shows it)
  const legal::LegalStore* legal = nullptr;  // the seller's particulars on the invoice
};

void add_buyer_routes(web::Router& router, const Deps& deps);     // buyer_routes.cpp
void add_workshop_routes(web::Router& router, const Deps& deps);  // workshop_routes.cpp (and operator's)

}  // namespace brilliant::b2b
