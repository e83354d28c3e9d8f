// Demo catalog: 12 Iksan workshops, collections, today's metal quotes, display rates and N products
// with plausible Korean/English names, materials, stones, variants and drawn images.
#pragma once
#include "catalog/service.hpp"
#include "pricing/quotes.hpp"

namespace brilliant::app {

// Adds the demo catalog when there are no products yet; returns how many products were added.
int seed_catalog(db::Database& db, catalog::Catalog& catalog, pricing::Quotes& quotes, const Clock& clock,
                 int products);

// Gives each demo workshop that has none its seller particulars (a valid registration number, the
// workshop's address and phone); returns how many were added.
int seed_sellers(db::Database& db, const Clock& clock);
// A valid Korean business registration number for demo workshop n (the checksum digit computed).
std::string demo_registration_number(int n);

}  // namespace brilliant::app
