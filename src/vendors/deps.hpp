// What the vendors module's routes need, in one struct (issue 14: one Deps per module). The app owns
// the services and keeps this struct alive as long as the router. Forward declarations only: a route
// file includes the headers of what it uses.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace brilliant {
class Clock;
}
namespace brilliant::db {
class Database;
}
namespace brilliant::catalog {
class Catalog;
class PageViews;
}  // namespace brilliant::catalog
namespace brilliant::media {
class Photos;
class BlobStore;
}  // namespace brilliant::media
namespace brilliant::pricing {
class Quotes;
}
namespace brilliant::web {
class Renderer;
class Router;
}  // namespace brilliant::web

namespace brilliant::vendors {
class Applications;
class ApplicationFiles;
class Staff;
class BrandStore;

// A workshop's orders and cart adds as the orders module counts them (orders own those tables; the
// dashboard asks, it does not read them). Orders: not cancelled, by the day placed; revenue: paid
// orders, by the day paid.
struct WorkshopSales {
  long long orders_7 = 0, orders_30 = 0, revenue_30 = 0, to_ship = 0;
  long long adds_7 = 0, adds_30 = 0;
  // Lines put in a cart (still there, or since ordered): product id -> lines in 30 days.
  std::map<long long, long long> adds_by_product;
};

// One eco claim as a piece's edit form offers it (from the certification module): a claim the workshop's
// active certificate allows for the piece's metal, whether the piece carries it, and what backs it.
struct EcoClaimChoice {
  std::string code;
  bool chosen = false;
  std::string evidence;
};

struct Deps {
  catalog::Catalog& catalog;
  pricing::Quotes& quotes;
  media::Photos& photos;
  media::BlobStore& blobs;
  db::Database& db;
  const web::Renderer& renderer;
  const Clock& clock;
  catalog::PageViews& views;
  Applications& applications;
  ApplicationFiles& files;
  Staff& staff;
  BrandStore& brand;
  std::function<void()> catalog_changed;  // a workshop approved, a staff member's status changed
  std::function<void()> brand_changed;    // the brand settings saved
  // (workshop id, UTC time 7 days ago, 30 days ago) -> its sales; from the orders module.
  std::function<WorkshopSales(long long, const std::string&, const std::string&)> sales;
  // product id -> the eco claims its edit form offers; from the certification module.
  std::function<std::vector<EcoClaimChoice>(long long)> eco_claims;
};

// Every route of the module: joining, the console (pieces, photos, stock, import, profile, dashboard),
// brand review, brand settings and staff.
void add_all_routes(web::Router& router, Deps& deps);

}  // namespace brilliant::vendors
